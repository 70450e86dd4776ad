import type { AnyConnector } from './connector.js';
import { createConnectorRegistry } from './registry.js';
import type { ConnectorRegistry } from './registry.js';

/** Every connector langnghe ships, by kind. */
export const ALL_CONNECTORS: readonly AnyConnector[] = [];

export function defaultConnectorRegistry(): ConnectorRegistry {
  return createConnectorRegistry(ALL_CONNECTORS);
}
