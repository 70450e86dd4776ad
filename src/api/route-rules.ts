import type { Permission } from '../core/scope.js';

/**
 * Who may call a route:
 * - `public`: anyone (health, the page and its assets, API docs, login, and platform webhooks,
 *   which the connector authenticates by the platform's own signature);
 * - `signed-in`: any authenticated principal, with no workspace needed (who am I, log out, my
 *   workspaces, my password);
 * - a permission: an authenticated principal whose scope in the request's workspace holds it.
 */
export type RouteRule = { access: 'public' } | { access: 'signed-in' } | { access: Permission };

const PUBLIC: RouteRule = { access: 'public' };
const SIGNED_IN: RouteRule = { access: 'signed-in' };
const need = (permission: Permission): RouteRule => ({ access: permission });

/**
 * Every route's rule, by `METHOD /url` as Fastify declares it. A route missing here cannot be
 * registered (the server refuses to start), so a new route always gets a rule.
 */
export const ROUTE_RULES: Readonly<Record<string, RouteRule>> = {
  'GET /healthz': PUBLIC,
  'GET /readyz': PUBLIC,
  'GET /api/info': PUBLIC,
  'GET /metrics': SIGNED_IN,
  'GET /': PUBLIC,
  'GET /static/:name': PUBLIC,
  'GET /api/docs': PUBLIC,
  'GET /api/docs/ui': PUBLIC,

  'POST /api/auth/login': PUBLIC,
  'GET /api/auth/oidc/start': PUBLIC,
  'GET /api/auth/oidc/callback': PUBLIC,
  'POST /api/auth/logout': SIGNED_IN,
  'GET /api/auth/session': SIGNED_IN,
  'POST /api/auth/password': SIGNED_IN,

  'GET /api/workspaces': SIGNED_IN,
  'POST /api/workspaces': SIGNED_IN,
  'PATCH /api/workspaces/current': need('workspace:write'),
  'GET /api/members': need('members:read'),
  'PUT /api/members': need('members:write'),
  'DELETE /api/members/:userId': need('members:write'),
  'GET /api/tokens': need('tokens:write'),
  'POST /api/tokens': need('tokens:write'),
  'DELETE /api/tokens/:id': need('tokens:write'),
  'GET /api/audit': need('audit:read'),
  'GET /api/audit/export': need('audit:read'),
  'GET /api/audit/verify': need('workspace:write'),
  'POST /api/privacy/erase': need('data:erase'),
  'GET /api/deadletters': need('ingest:write'),
  'POST /api/deadletters/retry': need('ingest:write'),
  'POST /api/deadletters/drop': need('ingest:write'),

  'GET /api/posts': need('posts:read'),
  'GET /api/stream': need('posts:read'),
  'GET /api/topics': need('topics:read'),
  'POST /api/topics': need('topics:write'),
  'POST /api/topics/test': need('posts:read'),
  'GET /api/topics/:id': need('topics:read'),
  'PATCH /api/topics/:id': need('topics:write'),
  'DELETE /api/topics/:id': need('topics:write'),
  'GET /api/topics/:id/volume': need('topics:read'),
  'POST /api/topics/:id/backfill': need('topics:write'),

  'GET /api/sources': need('sources:read'),
  'GET /api/sources/kinds': need('sources:read'),
  'POST /api/sources': need('sources:write'),
  'PATCH /api/sources/:id': need('sources:write'),
  'DELETE /api/sources/:id': need('sources:write'),
  'POST /api/sources/:id/run': need('sources:write'),
  'POST /api/sources/:id/test': need('sources:write'),
  'GET /api/webhooks/:sourceId': PUBLIC,
  'POST /api/webhooks/:sourceId': PUBLIC,
  'POST /api/ingest': need('ingest:write'),
};

/** The rule of a route (HEAD follows its GET); undefined for a route without one. */
export function ruleOf(method: string, url: string): RouteRule | undefined {
  const verb = method === 'HEAD' ? 'GET' : method;
  return ROUTE_RULES[`${verb} ${url}`];
}
