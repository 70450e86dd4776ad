export { facebookPageConnector, facebookPageConfigSchema } from './page.js';
export type { FacebookPageConfig } from './page.js';
export { facebookWebhookConnector, facebookWebhookConfigSchema } from './webhook.js';
export type { FacebookWebhookConfig } from './webhook.js';
export {
  GRAPH_API_BASE_URL,
  GRAPH_API_VERSION,
  appSecretProof,
  createGraphClient,
  graphEndpointFields,
} from './graph.js';
export type { GraphClient, GraphClientOptions, GraphObject, GraphPage } from './graph.js';
