import type { Database } from 'better-sqlite3';
import type { FastifyInstance, HTTPMethods, LightMyRequestResponse } from 'fastify';
import { z } from 'zod';
import { createApiServer } from '../src/api/server.js';
import type { ApiConfig } from '../src/api/api-config.js';
import { CSRF_HEADER, SESSION_COOKIE, WORKSPACE_HEADER } from '../src/api/authenticate.js';
import type { OidcLogin } from '../src/auth/oidc.js';
import { createMemoryBus } from '../src/bus/index.js';
import { createFixedClock } from '../src/core/clock.js';
import type { Principal, Role, Scope } from '../src/core/scope.js';
import { ROLES, scopeFor, systemScope } from '../src/core/scope.js';
import type { Enricher } from '../src/pipeline/pipeline.js';
import type { App } from '../src/services/app.js';
import { createApp } from '../src/services/create-app.js';
import type { SessionSettings } from '../src/services/accounts.js';
import { createScopedSources } from '../src/services/sources.js';
import type { ScopedSources } from '../src/services/sources.js';
import type { AnyConnector, Connector } from '../src/sources/connector.js';
import { createConnectorRegistry } from '../src/sources/registry.js';
import { createSecretBox } from '../src/sources/secrets.js';
import { createSourceService } from '../src/sources/source-service.js';
import { createSqliteStore } from '../src/store/index.js';
import type { Store } from '../src/store/index.js';

export const API_NOW = Date.parse('2026-11-23T08:00:00Z');
/** Every provisioned user's password (long enough for the policy). */
export const PASSWORD = 'mật-khẩu-thử-nghiệm-api';
/** The two workspaces every harness has: the install's own, and a district office. */
export const WORKSPACES = ['default', 'ubnd-q1'] as const;
export type WorkspaceId = (typeof WORKSPACES)[number];

/** A request as one caller sends it: `workspace` becomes the x-langnghe-workspace header. */
export interface ApiRequest {
  method?: HTTPMethods;
  url: string;
  payload?: string | Buffer | object;
  headers?: Record<string, string>;
  workspace?: string;
}

/** Someone who calls the API: their credentials travel in `headers`. */
export interface Caller {
  readonly name: string;
  /** Headers that authenticate as this caller (a session sends its cookie and CSRF token). */
  readonly headers: Readonly<Record<string, string>>;
  /** `server.inject` as this caller. */
  request(request: ApiRequest): Promise<LightMyRequestResponse>;
}

/** A user logged in with a password: the session cookie and its CSRF token. */
export interface SessionCaller extends Caller {
  readonly login: string;
  readonly userId: string;
  readonly sessionSecret: string;
  readonly csrfToken: string;
}

/** An API token (bearer) of one workspace and role. */
export interface TokenCaller extends Caller {
  readonly tokenId: string;
  readonly secret: string;
}

export interface ApiHarness {
  app: App;
  /** The app's own store, to look behind the services (counts, stored rows). */
  store: Store;
  clock: ReturnType<typeof createFixedClock>;
  server: FastifyInstance;
  sources: ScopedSources;
  /**
   * `owner`, made by `bootstrap()`: install admin, owner of both workspaces, pii:read; its password
   * changed to PASSWORD.
   */
  installAdmin: SessionCaller;
  /** One user per role in each workspace, logged in (`<workspace>-<role>`). */
  members: Record<WorkspaceId, Record<Role, SessionCaller>>;
  /** One API token per role in each workspace, created by the install admin. */
  tokens: Record<WorkspaceId, Record<Role, TokenCaller>>;
  /** An analyst of `default` granted pii:read (`default-pii`). */
  piiReader: SessionCaller;
  /** A user with no membership at all. */
  outsider: SessionCaller;
  anonymous: Caller;
  /** The system's scope in a workspace, to arrange data through the services. */
  system(workspaceId: WorkspaceId): Scope;
  /** A fresh session of a provisioned user (a new login through the service). */
  login(login: string, password?: string): Promise<SessionCaller>;
  /** Starts a real listener on 127.0.0.1 (an ephemeral port by default); returns its base URL. */
  listen(port?: number): Promise<string>;
  close(): Promise<void>;
}

export interface ApiHarnessOptions {
  config?: Partial<ApiConfig>;
  sessions?: Partial<SessionSettings>;
  connectors?: readonly AnyConnector[];
  oidc?: OidcLogin;
  now?: number;
  /** The memory bus's capacity (default 1,000). */
  busCapacity?: number;
  /** Handed the SQLite connection when the store opens (a full disk via max_page_count). */
  onOpenSqlite?: (db: Database) => void;
  /** How long ingest waits for a store that refuses writes before 503 (default 30 s). */
  ingestWaitMs?: number;
  /** The enrichment stage (default none). */
  enrich?: Enricher;
}

/** A poll connector yielding one public news item: enough to run and test a source. */
export const TEST_POLLED_CONNECTOR: Connector<{ url: string }> = {
  kind: 'polled',
  platform: 'news',
  description: 'test poll',
  mode: 'poll',
  configSchema: z.strictObject({ url: z.url() }),
  secretFields: [],
  defaultIntervalSeconds: 300,
  async *poll() {
    yield {
      items: [{ externalId: 'p1', platform: 'news', kind: 'article', text: 'Tin mới về kẹt xe' }],
      cursor: 'done',
    };
  },
};

const CLIENT = { address: '127.0.0.1' };

function makeCaller(
  server: FastifyInstance,
  name: string,
  headers: Record<string, string>,
): Caller {
  return {
    name,
    headers,
    request: ({ method = 'GET', url, payload, headers: extra = {}, workspace }) =>
      server.inject({
        method,
        url,
        headers: {
          ...headers,
          ...(workspace === undefined ? {} : { [WORKSPACE_HEADER]: workspace }),
          ...extra,
        },
        ...(payload === undefined ? {} : { payload }),
      }),
  };
}

type Accounts = Pick<
  ApiHarness,
  'installAdmin' | 'members' | 'tokens' | 'piiReader' | 'outsider' | 'login'
>;

/** Logs a provisioned user in through the service (no HTTP, so no login rate limit). */
function sessionLogin(app: App, server: FastifyInstance): ApiHarness['login'] {
  return async (name, password = PASSWORD) => {
    const result = await app.accounts.login({ login: name, password }, CLIENT);
    const headers = {
      cookie: `${SESSION_COOKIE}=${result.sessionSecret}`,
      [CSRF_HEADER]: result.csrfToken,
    };
    return {
      ...makeCaller(server, name, headers),
      login: name,
      userId: result.user.id,
      sessionSecret: result.sessionSecret,
      csrfToken: result.csrfToken,
    };
  };
}

/** The install admin: `bootstrap()`'s owner, who creates `ubnd-q1`; its password set to PASSWORD. */
async function bootstrapAdmin(app: App, login: ApiHarness['login']) {
  const principalOf = async (caller: SessionCaller): Promise<Principal> => {
    const found = await app.accounts.authenticateSession(caller.sessionSecret, CLIENT);
    if (found === undefined) throw new Error(`no session for ${caller.login}`);
    return found.principal;
  };
  const boot = await app.accounts.bootstrap();
  if (boot === undefined) throw new Error('bootstrap made no owner');
  const first = await login(boot.login, boot.password);
  await app.accounts.createWorkspace(await principalOf(first), {
    id: 'ubnd-q1',
    name: 'UBND Quận 1',
  });
  // Every provisioned user shares PASSWORD, so a test can log any of them in again.
  await app.accounts.changePassword(await principalOf(first), {
    current: boot.password,
    next: PASSWORD,
  });
  const installAdmin = await login(boot.login);
  return { installAdmin, principal: await principalOf(installAdmin) };
}

/** Members, tokens, the pii reader and the outsider, added by the install admin. */
async function provision(app: App, server: FastifyInstance): Promise<Accounts> {
  const login = sessionLogin(app, server);
  const { installAdmin, principal } = await bootstrapAdmin(app, login);
  const add = (workspaceId: WorkspaceId, name: string, role: Role, canReadPii = false) =>
    app.accounts.setMember(scopeFor(principal, workspaceId), {
      login: name,
      password: PASSWORD,
      role,
      canReadPii,
    });
  const members = {} as Accounts['members'];
  const tokens = {} as Accounts['tokens'];
  for (const workspaceId of WORKSPACES) {
    members[workspaceId] = {} as Record<Role, SessionCaller>;
    tokens[workspaceId] = {} as Record<Role, TokenCaller>;
    for (const role of ROLES) {
      const name = `${workspaceId}-${role}`;
      await add(workspaceId, name, role);
      members[workspaceId][role] = await login(name);
      const tokenName = `${workspaceId} ${role} token`;
      const created = await app.accounts.createToken(scopeFor(principal, workspaceId), {
        name: tokenName,
        role,
      });
      tokens[workspaceId][role] = {
        ...makeCaller(server, tokenName, { authorization: `Bearer ${created.secret}` }),
        tokenId: created.token.id,
        secret: created.secret,
      };
    }
  }
  await add('default', 'default-pii', 'analyst', true);
  const outsider = await add('default', 'outsider', 'viewer');
  await app.accounts.removeMember(scopeFor(principal, 'default'), outsider.user.id);
  return {
    installAdmin,
    members,
    tokens,
    piiReader: await login('default-pii'),
    outsider: await login('outsider'),
    login,
  };
}

/**
 * A real API over an in-memory SQLite store and the memory bus, with accounts provisioned through
 * the services as an install would have them: `bootstrap()`'s owner creates `ubnd-q1`, adds one
 * user per role to each workspace, an analyst with pii:read, an outsider, and one API token per
 * role. The server is not started: tests `inject` (or `listen()` for SSE).
 */
export async function openApiHarness(options: ApiHarnessOptions = {}): Promise<ApiHarness> {
  const clock = createFixedClock(options.now ?? API_NOW);
  const store = createSqliteStore({ path: ':memory:', clock, onOpen: options.onOpenSqlite });
  const app = await createApp({
    ingestWaitMs: options.ingestWaitMs,
    enrich: options.enrich,
    retryDelayMs: 20,
    store,
    bus: createMemoryBus({ capacity: options.busCapacity ?? 1000 }),
    clock,
    batchSize: 100,
    sessions: options.sessions,
  });
  const sources = createScopedSources(
    createSourceService({
      ingest: (items, opts) => app.ingest(systemScope('default'), items, opts),
      store,
      clock,
      registry: createConnectorRegistry(options.connectors ?? [TEST_POLLED_CONNECTOR]),
      secretBox: createSecretBox('a-test-passphrase-for-secrets'),
      env: {},
      http: { sleep: async () => {}, random: () => 0.5, timeoutMs: 5000 },
    }),
    app.audit,
  );
  const server = createApiServer({
    app,
    sources,
    oidc: options.oidc,
    config: { demo: false, bodyLimitBytes: 1 << 20, maxStreams: 20, ...options.config },
  });
  return {
    app,
    store,
    clock,
    server,
    sources,
    ...(await provision(app, server)),
    anonymous: makeCaller(server, 'anonymous', {}),
    system: (workspaceId) => systemScope(workspaceId),
    listen: (port = 0) => server.listen({ port, host: '127.0.0.1' }),
    async close() {
      await server.close();
      await app.close();
    },
  };
}

/** The error code of a JSON error response (undefined for anything else). */
export function errorCode(response: LightMyRequestResponse): string | undefined {
  try {
    return (response.json() as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
}

/** What POST /api/auth/login answered: the session cookie it set and the CSRF token. */
export interface HttpLogin {
  response: LightMyRequestResponse;
  /** The `langnghe_session` value set, when the login succeeded. */
  session?: string;
  csrfToken?: string;
  /** Cookie and CSRF headers for the next requests of this session. */
  headers: Record<string, string>;
}

/** Logs in through POST /api/auth/login, as the web page does. */
export async function loginOverHttp(
  server: FastifyInstance,
  input: { login: string; password?: string; headers?: Record<string, string> },
  remoteAddress = '127.0.0.1',
): Promise<HttpLogin> {
  const response = await server.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress,
    headers: input.headers ?? {},
    payload: { login: input.login, password: input.password ?? PASSWORD },
  });
  const setCookie = [response.headers['set-cookie'] ?? []].flat().join('\n');
  const session = new RegExp(`(?:^|\\n)${SESSION_COOKIE}=([^;]*)`).exec(setCookie)?.[1];
  const csrfToken =
    response.statusCode === 200 ? (response.json() as { csrfToken: string }).csrfToken : undefined;
  const headers: Record<string, string> = {};
  if (session !== undefined) headers.cookie = `${SESSION_COOKIE}=${session}`;
  if (csrfToken !== undefined) headers[CSRF_HEADER] = csrfToken;
  return { response, session, csrfToken, headers };
}
