export { redditConnector, redditConfigSchema } from './reddit-connector.js';
export type { RedditConfig } from './reddit-connector.js';
