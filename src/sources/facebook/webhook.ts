import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type {
  Connector,
  ConnectorItem,
  WebhookContext,
  WebhookRequest,
  WebhookResponse,
} from '../connector.js';
import { authorOf, graphTimeMs, objectsOf, pathOf, stringOf } from './graph.js';
import type { GraphObject } from './graph.js';

export const facebookWebhookConfigSchema = z.object({
  verifyToken: z
    .string()
    .min(1)
    .describe('The Verify Token typed in the App Dashboard Webhooks settings (secret)'),
  appSecret: z
    .string()
    .min(1)
    .describe('App secret: deliveries are signed with it in X-Hub-Signature-256 (secret)'),
});

export type FacebookWebhookConfig = z.output<typeof facebookWebhookConfigSchema>;

/** Compares two secrets in time that does not depend on where they differ (or their lengths). */
export function isSameSecret(given: string, expected: string): boolean {
  const digest = (value: string): Buffer => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * True when `header` is `sha256=<hex HMAC-SHA256 of the raw body keyed with the app secret>`,
 * compared in constant time (https://developers.facebook.com/docs/graph-api/webhooks/getting-started,
 * "Validating Payloads"). The raw bytes are signed, so the body is never re-serialized first.
 */
export function hasValidSignature(
  rawBody: Buffer,
  header: string | undefined,
  appSecret: string,
): boolean {
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header?.trim() ?? '');
  if (match?.[1] === undefined) return false;
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  return timingSafeEqual(Buffer.from(match[1], 'hex'), expected);
}

/**
 * The subscription handshake: Meta sends `hub.mode=subscribe`, `hub.verify_token` and
 * `hub.challenge`, and expects the challenge echoed with 200 when the token is ours; anything
 * else is 403, as in Meta's own sample server (fbsamples/graph-api-webhooks-samples).
 */
function answerHandshake(query: WebhookRequest['query'], verifyToken: string): WebhookResponse {
  const challenge = query['hub.challenge'];
  const isVerified =
    query['hub.mode'] === 'subscribe' && isSameSecret(query['hub.verify_token'] ?? '', verifyToken);
  if (!isVerified) return { status: 403, body: { error: 'verification failed' }, items: [] };
  if (challenge === undefined || challenge === '')
    return { status: 400, body: { error: 'hub.challenge missing' }, items: [] };
  return { status: 200, body: challenge, items: [] };
}

const POST_ITEMS = new Set(['post', 'status', 'photo', 'video', 'share', 'link']);
// `remove`, `delete`, `hide` and the rest describe something going away: nothing to store.
const STORED_VERBS = new Set(['add', 'edited', 'edit', 'update']);

/** One `feed` change of a Page as an item, or undefined when there is nothing to store. */
export function feedChangeItem(value: GraphObject, entryTime: unknown): ConnectorItem | undefined {
  const kind = stringOf(value.item);
  const verb = stringOf(value.verb);
  const text = stringOf(value.message);
  const postId = stringOf(value.post_id);
  if (kind === undefined || verb === undefined || !STORED_VERBS.has(verb)) return undefined;
  if (text === undefined || text.trim() === '' || postId === undefined) return undefined;
  const common = {
    platform: 'facebook' as const,
    text,
    publishedAt: graphTimeMs(value.created_time) ?? graphTimeMs(entryTime),
    author: authorOf(value.from),
  };
  if (kind === 'comment') {
    const commentId = stringOf(value.comment_id);
    if (commentId === undefined) return undefined;
    // A reply's parent_id is the comment it answers; like the poller, we attach it to the post.
    return { ...common, externalId: commentId, kind: 'comment', parentId: `facebook:${postId}` };
  }
  return POST_ITEMS.has(kind) ? { ...common, externalId: postId, kind: 'post' } : undefined;
}

/**
 * The items of a `page` delivery: every `feed` change of every entry, the last change of an item
 * winning when one delivery carries several (Meta batches up to 1,000 changes).
 */
export function deliveryItems(payload: unknown): ConnectorItem[] {
  if (pathOf(payload, 'object') !== 'page') return [];
  const byId = new Map<string, ConnectorItem>();
  for (const entry of objectsOf(pathOf(payload, 'entry'))) {
    for (const change of objectsOf(entry.changes)) {
      const value = change.value;
      if (change.field !== 'feed' || typeof value !== 'object' || value === null) continue;
      const item = feedChangeItem(value as GraphObject, entry.time);
      if (item !== undefined) byId.set(item.externalId, item);
    }
  }
  return [...byId.values()];
}

async function receive(
  request: WebhookRequest,
  ctx: WebhookContext<FacebookWebhookConfig>,
): Promise<WebhookResponse> {
  const method = request.method.toUpperCase();
  if (method === 'GET') return answerHandshake(request.query, ctx.config.verifyToken);
  if (method !== 'POST')
    return { status: 405, body: { error: 'GET (handshake) or POST (events) only' }, items: [] };
  const signature = request.headers['x-hub-signature-256'];
  if (!hasValidSignature(request.rawBody, signature, ctx.config.appSecret)) {
    ctx.log({
      level: 'warn',
      message: `facebook-webhook: delivery refused, X-Hub-Signature-256 ${signature === undefined ? 'missing' : 'does not match'}`,
    });
    return { status: 401, body: { error: 'invalid X-Hub-Signature-256' }, items: [] };
  }
  let payload: unknown;
  try {
    payload = JSON.parse(request.rawBody.toString('utf8'));
  } catch {
    return { status: 400, body: { error: 'body is not JSON' }, items: [] };
  }
  return { status: 200, body: 'EVENT_RECEIVED', items: deliveryItems(payload) };
}

/**
 * Webhooks for Pages (`object: page`, field `feed`): new and edited posts and comments of the
 * subscribed Pages, pushed by Meta to `/api/webhooks/<sourceId>`. GET answers the subscription
 * handshake; POST checks `X-Hub-Signature-256` against the raw body and answers 401 when it is
 * missing or wrong (Meta's sample server does the same), storing nothing. Removals are skipped.
 */
export const facebookWebhookConnector: Connector<FacebookWebhookConfig> = {
  kind: 'facebook-webhook',
  platform: 'facebook',
  description: 'Facebook Page posts and comments pushed by Meta Webhooks (feed field)',
  mode: 'webhook',
  configSchema: facebookWebhookConfigSchema,
  secretFields: ['verifyToken', 'appSecret'],
  defaultIntervalSeconds: 0,
  webhook: receive,
};
