export { blueskyConnector } from './bluesky-connector.js';
export type { BlueskyConfig } from './config.js';
