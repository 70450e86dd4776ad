import type { Connector } from '../connector.js';
import { tiktokConfigSchema } from './tiktok-config.js';
import type { TikTokConfig } from './tiktok-config.js';
import { pollTikTok } from './tiktok-poll.js';

/**
 * TikTok through the Research API with a client access token: videos matching a query (or
 * keywords in a region) over a date window, newest first, down to the newest video of the last
 * run, and optionally each new video's comments. A run stopped by the daily quota (1,000
 * requests) resumes its search from the cursor. Docs:
 * https://developers.tiktok.com/doc/research-api-specs-query-videos,
 * https://developers.tiktok.com/doc/research-api-specs-query-video-comments,
 * https://developers.tiktok.com/doc/client-access-token-management
 */
export const tiktokConnector: Connector<TikTokConfig> = {
  kind: 'tiktok',
  platform: 'tiktok',
  description: 'TikTok Research API: videos matching a query or keywords, and their comments',
  mode: 'poll',
  configSchema: tiktokConfigSchema,
  secretFields: ['clientSecret'],
  defaultIntervalSeconds: 1800,
  poll: pollTikTok,
};
