import { z } from 'zod';
import { ROLES } from '../../core/scope.js';
import { LIMITS, idString } from './common-schema.js';

const role = z.enum(ROLES as unknown as [string, ...string[]]);
const label = z.string().min(1).max(LIMITS.name);

export const loginBody = z.strictObject({
  login: z.string().min(1).max(200),
  password: z.string().min(1).max(256),
});

export const passwordBody = z.strictObject({
  current: z.string().min(1).max(256),
  next: z.string().min(1).max(256),
});

export const userSchema = z.object({
  id: z.string(),
  login: z.string(),
  name: z.string(),
  isInstallAdmin: z.boolean(),
});

export const membershipSchema = z.object({
  workspaceId: z.string(),
  role,
  canReadPii: z.boolean(),
});

export const sessionResponse = z.object({
  principal: z.object({
    kind: z.enum(['user', 'token', 'system']),
    id: z.string(),
    name: z.string(),
    isInstallAdmin: z.boolean(),
    memberships: z.array(membershipSchema),
  }),
  workspaces: z.array(z.object({ id: z.string(), name: z.string() })),
  csrfToken: z.string().optional().describe('Send it as x-csrf-token on every change'),
});

export const loginResponse = z.object({
  user: userSchema,
  csrfToken: z.string(),
  expiresAt: z.string(),
});

export const workspaceSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
});
export const workspaceListResponse = z.object({ workspaces: z.array(workspaceSchema) });
export const createWorkspaceBody = z.strictObject({ id: idString.optional(), name: label });
export const renameWorkspaceBody = z.strictObject({ name: label });

export const memberSchema = z.object({
  user: z.object({ id: z.string(), login: z.string(), name: z.string(), isDisabled: z.boolean() }),
  role,
  canReadPii: z.boolean(),
});
export const memberListResponse = z.object({ members: z.array(memberSchema) });
export const setMemberBody = z.strictObject({
  login: z.string().min(1).max(64),
  name: label.optional(),
  password: z
    .string()
    .min(1)
    .max(256)
    .optional()
    .describe('Creates the user when the login is new'),
  role,
  canReadPii: z.boolean().optional(),
});
export const userIdParams = z.strictObject({ userId: idString });

export const tokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  workspaceId: z.string(),
  role,
  canReadPii: z.boolean(),
  createdAt: z.string(),
  expiresAt: z.string().optional(),
  revokedAt: z.string().optional(),
  lastUsedAt: z.string().optional(),
});
export const tokenListResponse = z.object({ tokens: z.array(tokenSchema) });
export const createTokenBody = z.strictObject({
  name: label,
  role,
  canReadPii: z.boolean().optional(),
  expiresInDays: z.number().int().min(1).max(366).optional(),
});
export const createdTokenResponse = z.object({
  token: tokenSchema,
  secret: z.string().describe('Shown once: store it now'),
});

const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.object({ kind: z.string(), id: z.string(), name: z.string().optional() }),
  workspaceId: z.string().optional(),
  action: z.string(),
  target: z.string().optional(),
  address: z.string().optional(),
  details: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
});
export const auditQuery = z.strictObject({
  actorId: idString.optional(),
  action: z.string().min(1).max(100).optional(),
  from: z.string().max(64).optional(),
  to: z.string().max(64).optional(),
  cursor: z.string().max(LIMITS.cursor).optional(),
  limit: z.number().int().min(1).max(1000).optional(),
  all: z.enum(['true', 'false']).optional().describe('Every workspace (install admins)'),
  format: z.enum(['jsonl', 'csv']).optional(),
});
export type AuditQueryString = z.output<typeof auditQuery>;

export const auditPageResponse = z.object({
  entries: z.array(auditEntrySchema),
  nextCursor: z.string().optional(),
});
export const auditVerifyResponse = z.object({
  isIntact: z.boolean(),
  count: z.number().int(),
  brokenAt: z.number().int().optional(),
  reason: z.string().optional(),
});
export const eraseBody = z.strictObject({
  platform: z.string().min(1).max(20),
  authorId: z.string().min(1).max(500),
});
export const eraseResponse = z.object({ deleted: z.number().int() });
