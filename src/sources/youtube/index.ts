export { youtubeConnector, youtubeConfigSchema } from './youtube-connector.js';
export type { YoutubeConfig } from './youtube-connector.js';
