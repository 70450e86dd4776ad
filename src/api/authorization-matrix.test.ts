import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PASSWORD, WORKSPACES, errorCode, openApiHarness } from '../../test/api-harness.js';
import type { ApiHarness, WorkspaceId } from '../../test/api-harness.js';
import {
  FEATURE_REFUSALS,
  expected,
  isAllowedAnswer,
  observed,
} from '../../test/api-route-matrix.js';
import type { Route, Row } from '../../test/api-route-matrix.js';
import type { Role } from '../core/scope.js';
import { ROLES } from '../core/scope.js';
import { ROUTE_RULES } from './route-rules.js';
import { createApiServer } from './server.js';

const OWN: WorkspaceId = 'default';
const OTHER: WorkspaceId = 'ubnd-q1';
const otherThan = (workspaceId: WorkspaceId): WorkspaceId => (workspaceId === OWN ? OTHER : OWN);

describe('authorization matrix: every route × role × workspace', () => {
  let h: ApiHarness;
  const routes: Route[] = [];
  const topics = {} as Record<WorkspaceId, string>;
  const sources = {} as Record<WorkspaceId, string>;
  let fresh = 0;

  before(async () => {
    h = await openApiHarness({ config: { loginRateLimitPerMinute: 10_000 } });
    h.server.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) routes.push({ method, url: route.url });
    });
    await h.server.ready();
    for (const workspaceId of WORKSPACES) {
      const scope = h.system(workspaceId);
      topics[workspaceId] = (await h.app.createTopic(scope, { name: 'Ngập', query: 'ngập' })).id;
      const source = { id: `src-${workspaceId}`, kind: 'polled', config: { url: 'https://a.vn/' } };
      sources[workspaceId] = (await h.sources.add(scope, source)).id;
    }
  });
  after(() => h.close());

  /** A resource of `workspaceId` a DELETE may remove, and how to tell it is still there. */
  async function deletable(url: string, workspaceId: WorkspaceId) {
    const scope = h.system(workspaceId);
    fresh += 1;
    if (url.startsWith('/api/topics/')) {
      const { id } = await h.app.createTopic(scope, { name: `Tạm ${fresh}`, query: 'tạm' });
      return { id, exists: async () => (await h.app.getTopic(scope, id)) !== undefined };
    }
    if (url.startsWith('/api/sources/')) {
      const body = { id: `tmp-${fresh}`, kind: 'polled', config: { url: 'https://a.vn/' } };
      const { id } = await h.sources.add(scope, body);
      return { id, exists: async () => (await h.store.getSource(id)) !== undefined };
    }
    if (url.startsWith('/api/tokens/')) {
      const { token } = await h.app.accounts.createToken(scope, { name: 'tạm', role: 'viewer' });
      const id = token.id;
      return {
        id,
        exists: async () => (await h.store.accounts.getToken(id))?.revokedAt === undefined,
      };
    }
    const member = await h.app.accounts.setMember(scope, {
      login: 'matrix-temp',
      password: PASSWORD,
      role: 'viewer',
    });
    const memberships = () => h.store.accounts.listUserMemberships(member.user.id);
    return {
      id: member.user.id,
      exists: async () => (await memberships()).some((m) => m.workspaceId === workspaceId),
    };
  }

  /** The route's URL with real ids of `idsOf` (a fresh resource for DELETE), and its body. */
  async function probe(route: Route, idsOf: WorkspaceId, isValidBody: boolean) {
    let url = route.url.replace(':name', 'app.js').replace(':sourceId', 'no-such-source');
    let exists: (() => Promise<boolean>) | undefined;
    if (route.method === 'DELETE') {
      const target = await deletable(url, idsOf);
      url = url.replace(/:(id|userId)$/, target.id);
      exists = target.exists;
    }
    url = url.replace(':id', url.startsWith('/api/topics/') ? topics[idsOf] : sources[idsOf]);
    // The stream would stay open for a topic of its own; another workspace's topic answers 404.
    if (url === '/api/stream') url += `?topic=${topics[otherThan(idsOf)]}`;
    const valid: Record<string, object> = {
      'PATCH /api/topics/:id': { name: 'Đổi tên' },
      'PATCH /api/sources/:id': { enabled: false },
      'POST /api/topics/:id/backfill': {},
    };
    const hasBody = ['POST', 'PUT', 'PATCH'].includes(route.method);
    const payload = !hasBody
      ? undefined
      : isValidBody
        ? valid[`${route.method} ${route.url}`]
        : { matrixProbe: true };
    return { url, payload, exists };
  }

  async function call(route: Route, row: Row, workspaceId: WorkspaceId, idsOf = workspaceId) {
    const { url, payload, exists } = await probe(route, idsOf, idsOf !== workspaceId);
    const res = await h.server.inject({
      method: route.method as 'GET',
      url,
      headers: { ...(await row.headers()), 'x-langnghe-workspace': workspaceId },
      ...(payload === undefined ? {} : { payload }),
    });
    return { res, url, isStillThere: exists === undefined ? undefined : await exists() };
  }

  function sessionRow(label: string, login: () => string, roleIn: Row['roleIn']): Row {
    return { label, roleIn, headers: async () => (await h.login(login())).headers };
  }

  function rows(): { sessions: Row[]; tokens: Row[] } {
    const member = (role: Role): Row => ({
      label: role,
      roleIn: (ws) => (ws === OWN ? role : undefined),
      headers: async () => h.members[OWN][role].headers,
    });
    const token = (role: Role): Row => ({
      label: `${role} token`,
      roleIn: (ws) => (ws === OWN ? role : undefined),
      headers: async () => h.tokens[OWN][role].headers,
    });
    const sessions: Row[] = [
      ...ROLES.map(member),
      { label: 'outsider', roleIn: () => undefined, headers: async () => h.outsider.headers },
      { label: 'anonymous', roleIn: () => undefined, headers: async () => ({}), isAnonymous: true },
    ];
    return { sessions, tokens: ROLES.map(token) };
  }

  /** Runs every cell; returns the cells whose answer differs from the rule. */
  async function runMatrix(matrixRows: Row[]): Promise<string[]> {
    const wrong: string[] = [];
    for (const route of routes.filter((r) => r.method !== 'HEAD')) {
      for (const row of matrixRows) {
        for (const workspaceId of WORKSPACES) {
          const isLogout = route.url === '/api/auth/logout' && !row.label.includes('token');
          const caller =
            isLogout && row.isAnonymous !== true
              ? sessionRow(row.label, () => loginOf(row), row.roleIn)
              : row;
          const { res, url, isStillThere } = await call(route, caller, workspaceId);
          const want = expected(route, row, workspaceId);
          const got = observed(res);
          const cell = `${route.method} ${url} as ${row.label} in ${workspaceId}`;
          if (res.statusCode >= 500) wrong.push(`${cell}: ${res.statusCode} ${res.body}`);
          else if (got !== want)
            wrong.push(`${cell}: want ${want}, got ${res.statusCode} ${res.body}`);
          else if (want === 'allowed' && [401, 403].includes(res.statusCode)) {
            if (!FEATURE_REFUSALS.has(errorCode(res) ?? ''))
              wrong.push(`${cell}: allowed but ${res.statusCode} ${res.body}`);
          } else if (isStillThere !== undefined && isStillThere !== (want !== 'allowed'))
            wrong.push(`${cell}: ${want}, yet the resource is ${isStillThere ? 'there' : 'gone'}`);
          else if (want === 'allowed' && !isAllowedAnswer(res, url))
            wrong.push(`${cell}: allowed, yet ${res.statusCode} ${res.body.slice(0, 200)}`);
        }
      }
    }
    return wrong;
  }

  function loginOf(row: Row): string {
    if (row.label === 'install admin') return h.installAdmin.login;
    return row.label === 'outsider' ? 'outsider' : `${OWN}-${row.label}`;
  }

  it('has a rule for every route and a route for every rule', () => {
    const declared = new Set(
      routes.filter((r) => r.method !== 'HEAD').map((r) => `${r.method} ${r.url}`),
    );
    assert.deepEqual([...declared].sort(), Object.keys(ROUTE_RULES).sort());
  });

  it('answers every route as its rule says, for sessions of each role and for anonymous', async () => {
    const { sessions } = rows();
    const wrong = await runMatrix(sessions);
    const size = routes.filter((r) => r.method !== 'HEAD').length;
    console.log(
      `authorization matrix (sessions): ${size} routes × ${sessions.length} roles × ${WORKSPACES.length} workspaces = ${size * sessions.length * WORKSPACES.length} requests`,
    );
    assert.deepEqual(wrong, []);
  });

  it('answers every route as its rule says for API tokens of each role', async () => {
    const { tokens } = rows();
    const wrong = await runMatrix(tokens);
    const size = routes.filter((r) => r.method !== 'HEAD').length;
    console.log(
      `authorization matrix (tokens): ${size} routes × ${tokens.length} roles × ${WORKSPACES.length} workspaces = ${size * tokens.length * WORKSPACES.length} requests`,
    );
    assert.deepEqual(wrong, []);
  });

  it('lets the install admin act as owner in every workspace', async () => {
    const row: Row = {
      label: 'install admin',
      roleIn: () => 'owner',
      headers: async () => h.installAdmin.headers,
    };
    const wrong = await runMatrix([row]);
    assert.deepEqual(wrong, []);
  });

  it("answers 404, never data or a change, for another workspace's topic, source, token or member", async () => {
    const wrong: string[] = [];
    const withIds = routes.filter((r) => r.method !== 'HEAD' && /\/:(id|userId)/.test(r.url));
    const { sessions } = rows();
    for (const route of withIds) {
      for (const row of sessions) {
        const { res, url, isStillThere } = await call(route, row, OWN, OTHER);
        const want = expected(route, row, OWN);
        const cell = `${route.method} ${url} as ${row.label} in ${OWN}`;
        if (want === 'allowed' && (res.statusCode !== 404 || errorCode(res) !== 'store.not_found'))
          wrong.push(`${cell}: want 404, got ${res.statusCode} ${res.body}`);
        if (want !== 'allowed' && observed(res) !== want)
          wrong.push(`${cell}: want ${want}, got ${res.statusCode}`);
        if (isStillThere === false) wrong.push(`${cell}: deleted another workspace's resource`);
      }
    }
    console.log(`cross-workspace ids: ${withIds.length} routes × ${sessions.length} roles`);
    assert.deepEqual(wrong, []);
    const topic = await h.app.getTopic(h.system(OTHER), topics[OTHER]);
    assert.equal(topic?.name, 'Ngập');
    assert.equal((await h.store.getSource(sources[OTHER]))?.enabled, true);
  });

  it('answers HEAD as its GET for anonymous callers', async () => {
    for (const route of routes.filter((r) => r.method === 'HEAD')) {
      const url: string = route.url
        .replace(':name', 'app.js')
        .replace(':id', topics[OWN])
        .replace(':sourceId', 'x');
      const head = await h.anonymous.request({
        method: 'HEAD',
        url,
      });
      const get = await h.anonymous.request({ url });
      assert.equal(head.statusCode, get.statusCode, `HEAD ${url}`);
    }
  });
});

describe('a route without a rule', () => {
  it('keeps the server from starting', async () => {
    const h = await openApiHarness();
    const server = createApiServer({
      app: h.app,
      config: { demo: false, bodyLimitBytes: 1024, maxStreams: 1 },
    });
    void server.register(async (api) => {
      api.get('/api/unruled', async () => ({ secret: 'everyone sees this' }));
    });
    await assert.rejects(async () => {
      await server.ready();
    }, /Route GET \/api\/unruled has no rule in ROUTE_RULES/);
    await h.close();
  });
});
