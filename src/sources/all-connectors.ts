import type { AnyConnector } from './connector.js';
import { redditConnector } from './reddit/index.js';
import { createConnectorRegistry } from './registry.js';
import type { ConnectorRegistry } from './registry.js';

/** Every connector langnghe ships, by kind. */
export const ALL_CONNECTORS: readonly AnyConnector[] = [redditConnector];

export function defaultConnectorRegistry(): ConnectorRegistry {
  return createConnectorRegistry(ALL_CONNECTORS);
}
