import { LangngheError } from '../core/errors.js';
import type { AnyConnector } from './connector.js';

export interface ConnectorRegistry {
  get(kind: string): AnyConnector | undefined;
  /** `source.unknown_kind` naming the kinds there are. */
  require(kind: string): AnyConnector;
  list(): AnyConnector[];
}

export function createConnectorRegistry(connectors: readonly AnyConnector[]): ConnectorRegistry {
  const byKind = new Map<string, AnyConnector>();
  for (const connector of connectors) {
    if (byKind.has(connector.kind)) throw new Error(`Two connectors of kind "${connector.kind}"`);
    byKind.set(connector.kind, connector);
  }
  return {
    get: (kind) => byKind.get(kind),
    require(kind) {
      const connector = byKind.get(kind);
      if (connector === undefined)
        throw new LangngheError(
          'source.unknown_kind',
          `No connector of kind "${kind.slice(0, 60)}"; there are: ${[...byKind.keys()].sort().join(', ')}`,
          { details: { kind: kind.slice(0, 60) } },
        );
      return connector;
    },
    list: () => [...byKind.values()].sort((a, b) => a.kind.localeCompare(b.kind)),
  };
}
