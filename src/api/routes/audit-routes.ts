import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../core/types.js';
import { PLATFORMS } from '../../core/types.js';
import { LangngheError } from '../../core/errors.js';
import { auditCsv } from '../../services/index.js';
import { scopeOf } from '../authenticate.js';
import type { RouteContext } from '../route-context.js';
import { routeSchema } from '../route-schema.js';
import {
  auditPageResponse,
  auditQuery,
  auditVerifyResponse,
  eraseBody,
  eraseResponse,
} from '../schemas/account-schema.js';
import type { AuditQueryString } from '../schemas/account-schema.js';

/** The audit log (search, export, chain check) and erasure of one author's posts. */
export function registerAuditRoutes(api: FastifyInstance, ctx: RouteContext): void {
  const { audit, privacy } = ctx.app;

  api.get<{ Querystring: AuditQueryString }>(
    '/api/audit',
    {
      schema: routeSchema({
        summary: "Search the workspace's audit log, newest first",
        description:
          '`action` ending in `.` is a prefix (`auth.`). `all=true`: every workspace (install admins).',
        tags: ['audit'],
        querystring: auditQuery,
        response: { 200: auditPageResponse },
      }),
    },
    async (request) => {
      const { all, format: _format, ...query } = request.query;
      return audit.search(scopeOf(request), { ...query, isAll: all === 'true' });
    },
  );

  api.get<{ Querystring: AuditQueryString }>(
    '/api/audit/export',
    {
      schema: routeSchema({
        summary: 'Export the audit log as JSON lines or CSV (the export is itself recorded)',
        tags: ['audit'],
        querystring: auditQuery,
        response: { 200: null },
      }),
    },
    async (request, reply) => {
      const { all, format, cursor: _cursor, limit: _limit, ...query } = request.query;
      const entries = await audit.export(scopeOf(request), { ...query, isAll: all === 'true' });
      const isCsv = format === 'csv';
      return reply
        .header(
          'content-type',
          isCsv ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
        )
        .header(
          'content-disposition',
          `attachment; filename="langnghe-audit.${isCsv ? 'csv' : 'jsonl'}"`,
        )
        .send(isCsv ? auditCsv(entries) : entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
    },
  );

  api.get(
    '/api/audit/verify',
    {
      schema: routeSchema({
        summary: "Check the audit log's hash chain (install admins and owners)",
        tags: ['audit'],
        response: { 200: auditVerifyResponse },
      }),
    },
    async (request) => audit.verify(scopeOf(request)),
  );

  api.post<{ Body: { platform: string; authorId: string } }>(
    '/api/privacy/erase',
    {
      schema: routeSchema({
        summary:
          "Erase every post by one author (a data subject's request); recorded in the audit log",
        tags: ['privacy'],
        body: eraseBody,
        response: { 200: eraseResponse },
      }),
    },
    async (request) => {
      const { platform, authorId } = request.body;
      if (!(PLATFORMS as readonly string[]).includes(platform))
        throw new LangngheError('input.invalid', `Unknown platform "${platform.slice(0, 40)}"`, {
          details: { field: 'platform' },
        });
      return privacy.eraseAuthor(scopeOf(request), { platform: platform as Platform, authorId });
    },
  );
}
