import type { OidcLogin } from '../auth/oidc.js';
import type { App } from '../services/app.js';
import type { ScopedSources } from '../services/sources.js';
import type { ApiConfig } from './api-config.js';
import type { HttpMetrics } from './http-metrics.js';
import type { StreamRegistry } from './stream-registry.js';

/** What every route module receives: the use cases, the settings, and the server's own state. */
export interface RouteContext {
  app: App;
  config: Required<Pick<ApiConfig, 'demo' | 'bodyLimitBytes' | 'maxStreams' | 'heartbeatMs'>> &
    Pick<ApiConfig, 'webRoot'> & {
      version: string;
      mode: 'embedded';
      cookieSecure: boolean;
      loginRateLimitPerMinute: number;
    };
  httpMetrics: HttpMetrics;
  streams: StreamRegistry;
  /** Source management and webhooks; absent, only an empty source list is served. */
  sources?: ScopedSources;
  /** Single sign-on, when configured. */
  oidc?: OidcLogin;
}
