import type { Clock } from '../../core/clock.js';
import type { HttpClient } from '../http-client.js';
import { msUntilPacificMidnight } from './pacific-quota.js';
import type { QuotaLedger } from './pacific-quota.js';
import { isQuotaExhausted, parseYoutubeError, toYoutubeLangngheError } from './youtube-errors.js';
import type { YoutubeApiError } from './youtube-errors.js';
import { parseCommentThreadPage, parseSearchPage, parseVideoPage } from './youtube-resources.js';
import type {
  CommentThread,
  ResourcePage,
  SearchResult,
  VideoResource,
} from './youtube-resources.js';

/** Quota cost of each call (https://developers.google.com/youtube/v3/determine_quota_cost). */
export const QUOTA_COST = { search: 100, videos: 1, commentThreads: 1 } as const;

/** `commentThreads.list` accepts 1 to 100 per page. */
const COMMENT_PAGE_SIZE = 100;

export interface YoutubeApiOptions {
  http: HttpClient;
  clock: Clock;
  quota: QuotaLedger;
  signal: AbortSignal;
  apiKey: string;
  /** `https://www.googleapis.com/youtube/v3`, or a local server in tests. */
  apiBaseUrl: string;
}

export interface SearchQuery {
  query: string;
  regionCode: string;
  relevanceLanguage: string;
  maxResults: number;
  publishedAfter?: string;
  pageToken?: string;
}

/** The three reads the connector makes, each spending its quota cost before it is sent. */
export interface YoutubeApi {
  /** `search.list` of videos matching the query, newest first. */
  searchVideos(query: SearchQuery): Promise<ResourcePage<SearchResult>>;
  /** `videos.list` with snippet and statistics for up to 50 ids. */
  listVideos(ids: readonly string[]): Promise<VideoResource[]>;
  /**
   * One page of a video's top-level comments, newest first; `undefined` when the video has
   * comments disabled (403 commentsDisabled) or is gone (404 videoNotFound).
   */
  listCommentThreads(
    videoId: string,
    pageToken?: string,
  ): Promise<ResourcePage<CommentThread> | undefined>;
}

type Answer = { ok: true; json: unknown; url: string } | { ok: false; error: YoutubeApiError };

export function createYoutubeApi(options: YoutubeApiOptions): YoutubeApi {
  const base = options.apiBaseUrl.replace(/\/+$/, '');

  const urlOf = (resource: string, params: Record<string, string | undefined>): string => {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(params))
      if (value !== undefined) search.set(name, value);
    search.set('key', options.apiKey);
    return `${base}/${resource}?${search.toString()}`;
  };

  // 400/403/404 come back as answers so their documented reason can be read: the client would
  // turn a 403 into a bare source.auth, and commentsDisabled is not an auth problem at all.
  async function call(url: string, cost: number): Promise<Answer> {
    options.quota.spend(cost);
    const response = await options.http.request(url, {
      headers: { accept: 'application/json' },
      signal: options.signal,
      acceptStatus: [400, 403, 404],
    });
    if (response.status < 300) return { ok: true, json: response.json(), url: response.url };
    return { ok: false, error: parseYoutubeError(response.status, response.text()) };
  }

  const fail = (error: YoutubeApiError, method: string, url: string): Error => {
    if (isQuotaExhausted(error)) options.quota.markExhausted();
    return toYoutubeLangngheError(error, {
      method,
      url: options.http.redact(url),
      msUntilReset: msUntilPacificMidnight(options.clock.now()),
    });
  };

  return {
    async searchVideos(query) {
      const url = urlOf('search', {
        part: 'snippet',
        type: 'video',
        q: query.query,
        order: 'date',
        publishedAfter: query.publishedAfter,
        regionCode: query.regionCode,
        relevanceLanguage: query.relevanceLanguage,
        maxResults: String(query.maxResults),
        pageToken: query.pageToken,
      });
      const answer = await call(url, QUOTA_COST.search);
      if (!answer.ok) throw fail(answer.error, 'search.list', url);
      return parseSearchPage(answer.json, options.http.redact(answer.url));
    },
    async listVideos(ids) {
      if (ids.length === 0) return [];
      const url = urlOf('videos', { part: 'snippet,statistics', id: ids.join(',') });
      const answer = await call(url, QUOTA_COST.videos);
      if (!answer.ok) throw fail(answer.error, 'videos.list', url);
      return parseVideoPage(answer.json, options.http.redact(answer.url)).items;
    },
    async listCommentThreads(videoId, pageToken) {
      const url = urlOf('commentThreads', {
        part: 'snippet',
        videoId,
        order: 'time',
        maxResults: String(COMMENT_PAGE_SIZE),
        textFormat: 'plainText',
        pageToken,
      });
      const answer = await call(url, QUOTA_COST.commentThreads);
      if (answer.ok) return parseCommentThreadPage(answer.json, options.http.redact(answer.url));
      const { status, reason } = answer.error;
      if (
        (status === 403 && reason === 'commentsDisabled') ||
        (status === 404 && reason === 'videoNotFound')
      )
        return undefined;
      throw fail(answer.error, 'commentThreads.list', url);
    },
  };
}
