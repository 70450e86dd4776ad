import type { FastifyInstance } from 'fastify';
import type { Role } from '../../core/scope.js';
import { principalOf, scopeOf } from '../authenticate.js';
import type { RouteContext } from '../route-context.js';
import { routeSchema } from '../route-schema.js';
import { idParams } from '../schemas/common-schema.js';
import {
  createTokenBody,
  createWorkspaceBody,
  createdTokenResponse,
  memberListResponse,
  memberSchema,
  renameWorkspaceBody,
  setMemberBody,
  tokenListResponse,
  userIdParams,
  workspaceListResponse,
  workspaceSchema,
} from '../schemas/account-schema.js';

/** Workspaces, their members and their API tokens. */
export function registerAccountRoutes(api: FastifyInstance, ctx: RouteContext): void {
  const { accounts } = ctx.app;

  api.get(
    '/api/workspaces',
    {
      schema: routeSchema({
        summary: 'The workspaces you may enter',
        tags: ['workspaces'],
        response: { 200: workspaceListResponse },
      }),
    },
    async (request) => ({ workspaces: await accounts.listWorkspaces(principalOf(request)) }),
  );

  api.post<{ Body: { id?: string; name: string } }>(
    '/api/workspaces',
    {
      schema: routeSchema({
        summary: 'Create a workspace (an agency, a district office); install admins only',
        tags: ['workspaces'],
        body: createWorkspaceBody,
        response: { 201: workspaceSchema },
      }),
    },
    async (request, reply) =>
      reply.code(201).send(await accounts.createWorkspace(principalOf(request), request.body)),
  );

  api.patch<{ Body: { name: string } }>(
    '/api/workspaces/current',
    {
      schema: routeSchema({
        summary: 'Rename the workspace named by the request (owner)',
        tags: ['workspaces'],
        body: renameWorkspaceBody,
        response: { 200: workspaceSchema },
      }),
    },
    async (request) => accounts.renameWorkspace(scopeOf(request), request.body.name),
  );

  api.get(
    '/api/members',
    {
      schema: routeSchema({
        summary: "The workspace's members and their roles",
        tags: ['members'],
        response: { 200: memberListResponse },
      }),
    },
    async (request) => ({ members: await accounts.listMembers(scopeOf(request)) }),
  );

  api.put<{
    Body: { login: string; name?: string; password?: string; role: Role; canReadPii?: boolean };
  }>(
    '/api/members',
    {
      schema: routeSchema({
        summary: 'Add a member (creating the user when the login is new) or change a role',
        description: 'Nobody grants a role above their own, nor pii:read without holding it.',
        tags: ['members'],
        body: setMemberBody,
        response: { 200: memberSchema },
      }),
    },
    async (request) => accounts.setMember(scopeOf(request), request.body),
  );

  api.delete<{ Params: { userId: string } }>(
    '/api/members/:userId',
    {
      schema: routeSchema({
        summary: 'Remove a member from the workspace',
        tags: ['members'],
        params: userIdParams,
        response: { 204: null },
      }),
    },
    async (request, reply) => {
      await accounts.removeMember(scopeOf(request), request.params.userId);
      return reply.code(204).send();
    },
  );

  api.get(
    '/api/tokens',
    {
      schema: routeSchema({
        summary: "The workspace's API tokens (never their secrets)",
        tags: ['tokens'],
        response: { 200: tokenListResponse },
      }),
    },
    async (request) => ({ tokens: await accounts.listTokens(scopeOf(request)) }),
  );

  api.post<{ Body: { name: string; role: Role; canReadPii?: boolean; expiresInDays?: number } }>(
    '/api/tokens',
    {
      schema: routeSchema({
        summary: 'Create an API token for this workspace: its secret is shown once',
        tags: ['tokens'],
        body: createTokenBody,
        response: { 201: createdTokenResponse },
      }),
    },
    async (request, reply) =>
      reply.code(201).send(await accounts.createToken(scopeOf(request), request.body)),
  );

  api.delete<{ Params: { id: string } }>(
    '/api/tokens/:id',
    {
      schema: routeSchema({
        summary: 'Revoke an API token',
        tags: ['tokens'],
        params: idParams,
        response: { 204: null },
      }),
    },
    async (request, reply) => {
      await accounts.revokeToken(scopeOf(request), request.params.id);
      return reply.code(204).send();
    },
  );
}
