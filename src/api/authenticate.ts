import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LangngheError } from '../core/errors.js';
import type { Principal, Scope } from '../core/scope.js';
import { requirePermission, scopeFor } from '../core/scope.js';
import { isSameSecret } from '../auth/index.js';
import type { App } from '../services/app.js';
import { ruleOf } from './route-rules.js';
import type { RouteRule } from './route-rules.js';

/** The dashboard's session cookie. */
export const SESSION_COOKIE = 'langnghe_session';
/** The header that names the workspace a request acts in (a token's own is used without it). */
export const WORKSPACE_HEADER = 'x-langnghe-workspace';
/** The query parameter that does the same for requests that cannot set headers (EventSource). */
export const WORKSPACE_PARAM = 'workspace';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling; set by the authentication hook for every route that is not public. */
    principal?: Principal;
    /** The caller's scope; set for routes whose rule is a permission. */
    scope?: Scope;
    /** The session's CSRF token, when the caller came with the session cookie. */
    csrfToken?: string;
  }
}

/** The request's scope; only routes with a permission rule have one. */
export function scopeOf(request: FastifyRequest): Scope {
  if (request.scope === undefined) throw new LangngheError('internal', 'Route has no scope');
  return request.scope;
}

export function principalOf(request: FastifyRequest): Principal {
  if (request.principal === undefined)
    throw new LangngheError('internal', 'Route has no principal');
  return request.principal;
}

function required(): LangngheError {
  return new LangngheError(
    'auth.required',
    'Hãy đăng nhập / sign in first: send the session cookie, or "Authorization: Bearer <API token>"',
  );
}

/** One cookie's value from a `Cookie` header. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function bearerOf(header: string | undefined): string | undefined {
  const match = /^Bearer[ \t]+([\x21-\x7e]{1,512})[ \t]*$/i.exec(header ?? '');
  return match?.[1];
}

/** The workspace the request names, taken out of the query so route schemas never see it. */
function namedWorkspace(request: FastifyRequest): string | undefined {
  const header = request.headers[WORKSPACE_HEADER];
  const query = request.query as Record<string, unknown> | undefined;
  const param = query?.[WORKSPACE_PARAM];
  if (query !== undefined && param !== undefined) delete query[WORKSPACE_PARAM];
  const value = typeof header === 'string' ? header : typeof param === 'string' ? param : undefined;
  return value === undefined || value === '' ? undefined : value.slice(0, 100);
}

function chooseWorkspace(principal: Principal, named: string | undefined): string {
  if (named !== undefined) return named;
  if (principal.memberships.length === 1) return principal.memberships[0]!.workspaceId;
  throw new LangngheError(
    'auth.workspace_required',
    `Hãy chọn không gian làm việc / name the workspace with the ${WORKSPACE_HEADER} header (or ?${WORKSPACE_PARAM}=)`,
    { details: { workspaces: principal.memberships.map((m) => m.workspaceId) } },
  );
}

async function identify(
  app: App,
  request: FastifyRequest,
): Promise<{ principal: Principal; csrfToken?: string } | undefined> {
  const client = { address: request.ip };
  const bearer = bearerOf(request.headers.authorization);
  if (request.headers.authorization !== undefined) {
    if (bearer === undefined) throw required();
    const principal = await app.accounts.authenticateToken(bearer, client);
    if (principal === undefined) {
      throw new LangngheError('auth.invalid', 'The API token is unknown, expired or revoked');
    }
    return { principal };
  }
  const session = cookieValue(request.headers.cookie, SESSION_COOKIE);
  if (session === undefined || session === '') return undefined;
  const found = await app.accounts.authenticateSession(session, client);
  return found === undefined
    ? undefined
    : { principal: found.principal, csrfToken: found.csrfToken };
}

function checkCsrf(request: FastifyRequest, expected: string): void {
  if (SAFE_METHODS.has(request.method)) return;
  const sent = request.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || !isSameSecret(sent, expected)) {
    throw new LangngheError(
      'auth.csrf',
      `Thiếu hoặc sai mã chống giả mạo / missing or wrong ${CSRF_HEADER} header (from GET /api/auth/session)`,
    );
  }
}

/**
 * The one authentication and authorization hook: turns the session cookie or the bearer token
 * into a principal, picks the workspace, and checks the route's rule from `ROUTE_RULES`. A cookie
 * request that changes something must carry the session's CSRF token (a bearer token is not sent
 * by browsers on their own, so it needs none).
 */
export function installAuthentication(server: FastifyInstance, app: App): void {
  server.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD' || method === 'OPTIONS') continue;
      if (ruleOf(method, route.url) === undefined) {
        throw new Error(
          `Route ${method} ${route.url} has no rule in ROUTE_RULES (src/api/route-rules.ts)`,
        );
      }
    }
  });
  // preParsing: after the rate limit's onRequest (a flood is refused before it costs a token
  // lookup), before the body is read (an anonymous request never gets its body parsed).
  server.addHook('preParsing', async (request: FastifyRequest, _reply: FastifyReply, payload) => {
    await authorize(app, request);
    return payload;
  });
}

async function authorize(app: App, request: FastifyRequest): Promise<void> {
  const url = request.routeOptions.url;
  if (url === undefined) return; // 404: the not-found handler answers.
  const rule: RouteRule | undefined = ruleOf(request.method, url);
  if (rule === undefined)
    throw new LangngheError('auth.forbidden', 'No access rule for this route');
  const named = namedWorkspace(request);
  if (rule.access === 'public') return;
  const who = await identify(app, request);
  if (who === undefined) throw required();
  if (who.csrfToken !== undefined) {
    checkCsrf(request, who.csrfToken);
    request.csrfToken = who.csrfToken;
  }
  request.principal = who.principal;
  if (rule.access === 'signed-in') return;
  const scope = scopeFor(who.principal, chooseWorkspace(who.principal, named));
  requirePermission(scope, rule.access);
  request.scope = scope;
}
