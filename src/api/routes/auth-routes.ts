import type { FastifyInstance, FastifyRequest } from 'fastify';
import { LangngheError } from '../../core/errors.js';
import type { PendingOidcLogin } from '../../auth/oidc.js';
import { cookieValue, principalOf, SESSION_COOKIE } from '../authenticate.js';
import type { RouteContext } from '../route-context.js';
import { routeSchema } from '../route-schema.js';
import {
  loginBody,
  loginResponse,
  passwordBody,
  sessionResponse,
} from '../schemas/account-schema.js';
import type { LoginResult } from '../../services/accounts.js';

const tags = ['auth'];
const OIDC_COOKIE = 'langnghe_oidc';

/** A `Set-Cookie` value: httpOnly always; SameSite=Strict unless a cross-site return needs Lax. */
function cookie(
  name: string,
  value: string,
  options: { maxAgeSeconds: number; isSecure: boolean; path?: string; sameSite?: 'Strict' | 'Lax' },
): string {
  const parts = [
    `${name}=${value}`,
    `Path=${options.path ?? '/'}`,
    'HttpOnly',
    `SameSite=${options.sameSite ?? 'Strict'}`,
    `Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`,
  ];
  if (options.isSecure) parts.push('Secure');
  return parts.join('; ');
}

/** The session cookie of a sign-in, living as long as the session. */
function sessionCookie(ctx: RouteContext, result: LoginResult): string {
  return cookie(SESSION_COOKIE, result.sessionSecret, {
    maxAgeSeconds: (Date.parse(result.expiresAt) - Date.now()) / 1000,
    isSecure: ctx.config.cookieSecure,
  });
}

/** The pending single sign-on, kept only for the callback's path. */
function oidcCookie(ctx: RouteContext, value: string, maxAgeSeconds: number): string {
  // SameSite=Lax: the provider's redirect back is a top-level cross-site navigation.
  return cookie(OIDC_COOKIE, value, {
    maxAgeSeconds,
    isSecure: ctx.config.cookieSecure,
    path: '/api/auth/oidc',
    sameSite: 'Lax',
  });
}

function userView(result: LoginResult) {
  const { id, login, name, isInstallAdmin } = result.user;
  return {
    user: { id, login, name, isInstallAdmin },
    csrfToken: result.csrfToken,
    expiresAt: result.expiresAt,
  };
}

/** Sign-in and sign-out: password logins, single sign-on, the current session. */
export function registerAuthRoutes(api: FastifyInstance, ctx: RouteContext): void {
  const { accounts } = ctx.app;

  api.post<{ Body: { login: string; password: string } }>(
    '/api/auth/login',
    {
      config: {
        rateLimit: {
          max: ctx.config.loginRateLimitPerMinute,
          timeWindow: 60_000,
          keyGenerator: (r: FastifyRequest) => r.ip,
        },
      },
      schema: routeSchema({
        summary: 'Sign in with a login and password: sets the session cookie',
        description:
          'Answers 401 for a wrong login or password, 429 when the account is locked after repeated failures (details.retryAfterSeconds) or the address tries too often.',
        tags,
        body: loginBody,
        response: { 200: loginResponse },
      }),
    },
    async (request, reply) => {
      const result = await accounts.login(request.body, { address: request.ip });
      reply.header('set-cookie', sessionCookie(ctx, result));
      return userView(result);
    },
  );

  api.post(
    '/api/auth/logout',
    {
      schema: routeSchema({ summary: 'Sign out: ends the session', tags, response: { 204: null } }),
    },
    async (request, reply) => {
      const secret = cookieValue(request.headers.cookie, SESSION_COOKIE);
      if (secret !== undefined) await accounts.logout(secret, { address: request.ip });
      reply.header(
        'set-cookie',
        cookie(SESSION_COOKIE, '', { maxAgeSeconds: 0, isSecure: ctx.config.cookieSecure }),
      );
      return reply.code(204).send();
    },
  );

  api.get(
    '/api/auth/session',
    {
      schema: routeSchema({
        summary: 'Who is signed in, their workspaces, and the CSRF token for changes',
        tags,
        response: { 200: sessionResponse },
      }),
    },
    async (request) => {
      const principal = principalOf(request);
      const workspaces = await accounts.listWorkspaces(principal);
      return {
        principal: {
          kind: principal.kind,
          id: principal.id,
          name: principal.name,
          isInstallAdmin: principal.isInstallAdmin,
          memberships: [...principal.memberships],
        },
        workspaces: workspaces.map((w) => ({ id: w.id, name: w.name })),
        csrfToken: request.csrfToken,
      };
    },
  );

  api.post<{ Body: { current: string; next: string } }>(
    '/api/auth/password',
    {
      schema: routeSchema({
        summary: 'Change your password (signs out every session)',
        tags,
        body: passwordBody,
        response: { 204: null },
      }),
    },
    async (request, reply) => {
      await accounts.changePassword(principalOf(request), request.body);
      return reply.code(204).send();
    },
  );

  registerOidcRoutes(api, ctx);
}

function registerOidcRoutes(api: FastifyInstance, ctx: RouteContext): void {
  const oidc = (): NonNullable<RouteContext['oidc']> => {
    if (ctx.oidc === undefined)
      throw new LangngheError(
        'auth.disabled',
        'Single sign-on is not configured (oidcIssuer, oidcClientId, oidcRedirectUri)',
      );
    return ctx.oidc;
  };
  const hidden = { tags, hide: false };

  api.get(
    '/api/auth/oidc/start',
    {
      schema: routeSchema({
        ...hidden,
        summary: 'Start single sign-on: redirects to the identity provider',
        response: { 302: null },
      }),
    },
    async (_request, reply) => {
      const { url, pending } = await oidc().start();
      const value = Buffer.from(JSON.stringify(pending)).toString('base64url');
      reply.header('set-cookie', oidcCookie(ctx, value, 600));
      return reply.redirect(url, 302);
    },
  );

  api.get(
    '/api/auth/oidc/callback',
    {
      schema: routeSchema({
        ...hidden,
        summary: 'Single sign-on callback: sets the session cookie',
        response: { 302: null },
      }),
    },
    async (request, reply) => {
      const saved = cookieValue(request.headers.cookie, OIDC_COOKIE);
      let pending: PendingOidcLogin;
      try {
        pending = JSON.parse(
          Buffer.from(saved ?? '', 'base64url').toString('utf8'),
        ) as PendingOidcLogin;
      } catch (error) {
        throw new LangngheError(
          'auth.oidc_failed',
          'The sign-on was not started here, or took too long',
          { cause: error },
        );
      }
      const callback = new URL(request.url, 'http://callback.invalid');
      const identity = await oidc().finish(callback, pending);
      const result = await ctx.app.accounts.loginWithOidc(identity, { address: request.ip });
      reply.header('set-cookie', [sessionCookie(ctx, result), oidcCookie(ctx, '', 0)]);
      return reply.redirect('/', 302);
    },
  );
}
