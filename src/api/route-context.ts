import type { App } from '../services/app.js';
import type { SourceService } from '../sources/source-service.js';
import type { ApiConfig } from './api-config.js';
import type { HttpMetrics } from './http-metrics.js';
import type { StreamRegistry } from './stream-registry.js';

/** What every route module receives: the use cases, the settings, and the server's own state. */
export interface RouteContext {
  app: App;
  config: Required<Pick<ApiConfig, 'demo' | 'bodyLimitBytes' | 'maxStreams' | 'heartbeatMs'>> &
    Pick<ApiConfig, 'ingestToken' | 'adminToken' | 'webRoot'> & {
      version: string;
      mode: 'embedded';
    };
  httpMetrics: HttpMetrics;
  streams: StreamRegistry;
  /** Source management and webhooks; absent, only the read-only source list is served. */
  sources?: SourceService;
}
