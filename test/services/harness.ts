import { createFixedClock } from '../../src/core/clock.js';
import type { Role, Scope } from '../../src/core/scope.js';
import { SYSTEM_PRINCIPAL, scopeFor, systemScope } from '../../src/core/scope.js';
import { createMemoryBus } from '../../src/bus/index.js';
import { createApp } from '../../src/services/create-app.js';
import type { AppDeps } from '../../src/services/create-app.js';
import type { App } from '../../src/services/app.js';
import { createSqliteStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/index.js';

export const APP_NOW = Date.parse('2026-11-23T08:00:00Z');
/** Long enough for the password policy. */
export const PASSWORD = 'mật-khẩu-thử-nghiệm';

export interface AppHarness {
  app: App;
  /** The app's own store, for what a test must look at behind the services. */
  store: Store;
  clock: ReturnType<typeof createFixedClock>;
  /** The system's scope in the default workspace (as the CLI acts). */
  system: Scope;
  hoursAgo(hours: number): string;
  close(): Promise<void>;
}

/** A real app over an in-memory SQLite store and the memory bus, at a fixed time. */
export async function openApp(
  options: Pick<AppDeps, 'enrich' | 'sessions' | 'maxTopicsPerWorkspace' | 'batchSize'> & {
    now?: number;
  } = {},
): Promise<AppHarness> {
  const clock = createFixedClock(options.now ?? APP_NOW);
  const store = createSqliteStore({ path: ':memory:', clock });
  const app = await createApp({
    store,
    bus: createMemoryBus({ capacity: 1000 }),
    clock,
    batchSize: options.batchSize ?? 50,
    enrich: options.enrich,
    sessions: options.sessions,
    maxTopicsPerWorkspace: options.maxTopicsPerWorkspace,
  });
  return {
    app,
    store,
    clock,
    system: systemScope('default'),
    hoursAgo: (hours) => new Date(clock.now() - hours * 3600_000).toISOString(),
    close: () => app.close(),
  };
}

/** Creates a workspace as the local operator. */
export async function addWorkspace(h: AppHarness, id: string): Promise<void> {
  await h.app.accounts.createWorkspace(SYSTEM_PRINCIPAL, { id, name: `Workspace ${id}` });
}

/**
 * A member's scope as the HTTP layer builds it: the user is added by the system, logs in with a
 * password, and its session's principal is scoped to the workspace.
 */
export async function memberScope(
  h: AppHarness,
  input: { login: string; workspaceId: string; role: Role; canReadPii?: boolean },
): Promise<Scope> {
  await h.app.accounts.setMember(systemScope(input.workspaceId), {
    login: input.login,
    password: PASSWORD,
    role: input.role,
    canReadPii: input.canReadPii,
  });
  const { sessionSecret } = await h.app.accounts.login(
    { login: input.login, password: PASSWORD },
    {},
  );
  const session = await h.app.accounts.authenticateSession(sessionSecret, {});
  if (session === undefined) throw new Error(`no session for ${input.login}`);
  return scopeFor(session.principal, input.workspaceId);
}
