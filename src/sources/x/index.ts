export { xSearchConnector } from './x-search.js';
export type { XSearchConfig } from './x-search.js';
export { xStreamConnector } from './x-stream.js';
export type { XStreamConfig } from './x-stream.js';
