import { blueskyConnector } from './bluesky/index.js';
import type { AnyConnector } from './connector.js';
import { facebookPageConnector, facebookWebhookConnector } from './facebook/index.js';
import { forumConnector } from './forum/index.js';
import { instagramConnector } from './instagram/index.js';
import { mastodonConnector, mastodonStreamConnector } from './mastodon/index.js';
import { newsConnector } from './news/index.js';
import { redditConnector } from './reddit/index.js';
import { createConnectorRegistry } from './registry.js';
import type { ConnectorRegistry } from './registry.js';
import { tiktokConnector } from './tiktok/index.js';
import { webhookConnector } from './webhook/index.js';
import { xSearchConnector, xStreamConnector } from './x/index.js';
import { youtubeConnector } from './youtube/index.js';
import { zaloOaConnector, zaloWebhookConnector } from './zalo/index.js';

/** Every connector langnghe ships, by kind. */
export const ALL_CONNECTORS: readonly AnyConnector[] = [
  newsConnector,
  youtubeConnector,
  facebookPageConnector,
  facebookWebhookConnector,
  instagramConnector,
  xSearchConnector,
  xStreamConnector,
  zaloWebhookConnector,
  zaloOaConnector,
  tiktokConnector,
  redditConnector,
  mastodonConnector,
  mastodonStreamConnector,
  blueskyConnector,
  forumConnector,
  webhookConnector,
];

export function defaultConnectorRegistry(): ConnectorRegistry {
  return createConnectorRegistry(ALL_CONNECTORS);
}
