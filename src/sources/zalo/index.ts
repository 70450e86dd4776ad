export { zaloOaConnector, zaloOaConfigSchema, zaloMessageToItem } from './zalo-oa-connector.js';
export type { ZaloOaConfig } from './zalo-oa-connector.js';
export {
  zaloWebhookConnector,
  zaloWebhookConfigSchema,
  zaloEventToItem,
} from './zalo-webhook-connector.js';
export type { ZaloWebhookConfig } from './zalo-webhook-connector.js';
export { zaloMac, isZaloSignatureValid, ZALO_SIGNATURE_HEADER } from './verify-zalo-signature.js';
