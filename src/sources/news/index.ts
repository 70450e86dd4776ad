export { newsConnector, newsConfigSchema, newsExternalId } from './news-connector.js';
export type { NewsConfig } from './news-connector.js';
export { parseFeed, MAX_FEED_ITEMS } from './parse-feed.js';
export type { ParseFeedOptions } from './parse-feed.js';
export { parseFeedDate, VIETNAM_OFFSET_MINUTES } from './parse-feed-date.js';
export type { FeedFormat, FeedItem, ParsedFeed } from './feed-item.js';
export { formatFeedRecords, toFeedRecord } from './feed-record.js';
export type { FeedRecord } from './feed-record.js';
