export { tiktokConnector } from './tiktok-connector.js';
export { tiktokConfigSchema } from './tiktok-config.js';
export type { TikTokConfig, TikTokQuery } from './tiktok-config.js';
