export { mastodonConnector } from './mastodon-connector.js';
export { mastodonStreamConnector } from './mastodon-stream-connector.js';
export type { MastodonConfig, MastodonStreamConfig } from './config.js';
