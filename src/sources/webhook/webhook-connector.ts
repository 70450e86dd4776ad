import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { PLATFORMS, POST_KINDS } from '../../core/types.js';
import type { Platform, PostKind } from '../../core/types.js';
import type { Connector, WebhookRequest, WebhookResponse } from '../connector.js';
import { readNdjson } from './read-ndjson.js';

export const webhookConfigSchema = z.object({
  token: z
    .string()
    .min(16, 'token: use at least 16 characters (e.g. openssl rand -hex 24)')
    .describe('Shared secret the sender puts in "Authorization: Bearer <token>"'),
  platform: z
    .enum(PLATFORMS as [Platform, ...Platform[]])
    .default('import')
    .describe('Platform every delivered item is stored under'),
  kind: z
    .enum(POST_KINDS as [PostKind, ...PostKind[]])
    .default('post')
    .describe('Kind of a delivered item that names none'),
});

export type WebhookConfig = z.infer<typeof webhookConfigSchema>;

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** Whether `Authorization` carries the token; hashed first so timing says nothing about it. */
export function hasBearerToken(header: string | undefined, token: string): boolean {
  const sent = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '')?.[1];
  return sent !== undefined && timingSafeEqual(digest(sent), digest(token));
}

function handleDelivery(
  request: WebhookRequest,
  config: WebhookConfig,
  now: string,
): WebhookResponse {
  if (request.method.toUpperCase() !== 'POST')
    return { status: 405, body: { error: 'POST one JSON item per line (NDJSON)' }, items: [] };
  if (!hasBearerToken(request.headers.authorization, config.token))
    return {
      status: 401,
      body: { error: 'Send the source token as "Authorization: Bearer <token>"' },
      items: [],
    };
  const { items, errors, rejected } = readNdjson(request.rawBody, { ...config, now });
  const body = {
    accepted: items.length,
    errors,
    ...(rejected > errors.length ? { rejected } : {}),
  };
  return { status: items.length > 0 ? 200 : 400, body, items };
}

/**
 * A generic push door: any system POSTs items as NDJSON (one JSON object a line: `id` or
 * `externalId`, `text`, and optionally `title`, `url`, `publishedAt`, `author`, `kind`, `lang`,
 * `parentId`, `engagement`) with `Authorization: Bearer <token>`. Lines are checked one by one;
 * the answer is `{ accepted, errors: [{ line, message }] }`: 200 when a line was stored, 400
 * when none was, 401 for a wrong token, 405 for anything but POST. Items are stored under the
 * source's platform, so a line sent twice is stored once.
 */
export const webhookConnector: Connector<WebhookConfig> = {
  kind: 'webhook',
  platform: 'import',
  description: 'Items POSTed as NDJSON with a bearer token, from any system',
  mode: 'webhook',
  configSchema: webhookConfigSchema,
  secretFields: ['token'],
  defaultIntervalSeconds: 0,
  webhook: async (request, ctx) =>
    handleDelivery(request, ctx.config, new Date(ctx.clock.now()).toISOString()),
};
