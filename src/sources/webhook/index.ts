export { webhookConnector, webhookConfigSchema, hasBearerToken } from './webhook-connector.js';
export type { WebhookConfig } from './webhook-connector.js';
export { readNdjson, MAX_LISTED_ERRORS } from './read-ndjson.js';
export type { LineError, NdjsonOptions } from './read-ndjson.js';
