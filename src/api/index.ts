export { createApiServer } from './server.js';
export type { ApiServerDeps } from './server.js';
export type { ApiConfig } from './api-config.js';
export { DEFAULT_HEARTBEAT_MS } from './api-config.js';
export { PAGE_CSP } from './routes/page-routes.js';
