import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { ruleOf } from '../src/api/route-rules.js';
import type { Role } from '../src/core/scope.js';
import { ROLE_PERMISSIONS } from '../src/core/scope.js';
import { errorCode } from './api-harness.js';
import type { WorkspaceId } from './api-harness.js';

/**
 * The authorization matrix's expectations: what `ROUTE_RULES` and `ROLE_PERMISSIONS` say a caller
 * gets on a route, and how an answer is read back as allowed or refused.
 */
export type Verdict = 'allowed' | 'unauthenticated' | 'forbidden';

/** A row of the matrix: who calls, and their role in each workspace. */
export interface Row {
  label: string;
  headers(): Promise<Readonly<Record<string, string>>>;
  roleIn(workspaceId: WorkspaceId): Role | undefined;
  isAnonymous?: boolean;
}

export interface Route {
  method: string;
  url: string;
}

/** Refusals by a feature, not by authorization: single sign-on is not configured here. */
export const FEATURE_REFUSALS = new Set(['auth.disabled', 'auth.oidc_failed']);

/** Where a service checks more than the route's rule (none today). */
const SERVICE_NARROWER: Readonly<Record<string, readonly Role[]>> = {};

/** What the route's rule says this row gets in this workspace. */
export function expected(route: Route, row: Row, workspaceId: WorkspaceId): Verdict {
  const rule = ruleOf(route.method, route.url);
  assert.ok(rule, `${route.method} ${route.url} has a rule`);
  if (rule.access === 'public') return 'allowed';
  if (row.isAnonymous === true) return 'unauthenticated';
  if (rule.access === 'signed-in') return 'allowed';
  const role = row.roleIn(workspaceId);
  if (role === undefined || !ROLE_PERMISSIONS[role].has(rule.access)) return 'forbidden';
  const narrower = SERVICE_NARROWER[`${route.method} ${route.url}`];
  return narrower?.includes(role) === true ? 'forbidden' : 'allowed';
}

/** How the server answered: refused by authentication, by authorization, or let through. */
export function observed(res: LightMyRequestResponse): Verdict {
  const code = errorCode(res);
  if (res.statusCode === 401 && (code === 'auth.required' || code === 'auth.invalid'))
    return 'unauthenticated';
  if (res.statusCode === 403 && (code === 'auth.forbidden' || code === 'auth.csrf'))
    return 'forbidden';
  return 'allowed';
}

/**
 * What an allowed probe answers: success, a refused probe body (bodies are invalid on purpose, so
 * nothing changes), or 404 where the probe names what is not there (another workspace's topic on
 * the stream, an unknown webhook source).
 */
export function isAllowedAnswer(res: LightMyRequestResponse, url: string): boolean {
  if (res.statusCode < 300) return true;
  if (res.statusCode === 400) return errorCode(res) === 'input.invalid';
  if (res.statusCode === 404)
    return url.startsWith('/api/stream') || url.startsWith('/api/webhooks/');
  return FEATURE_REFUSALS.has(errorCode(res) ?? '');
}
