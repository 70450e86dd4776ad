import { z } from 'zod';
import { isLangngheError } from '../../core/errors.js';
import type { Connector, ConnectorItem, WebhookRequest, WebhookResponse } from '../connector.js';
import { describeAttachment } from './describe-attachment.js';
import { parseZaloJson } from './parse-zalo-json.js';
import { ZALO_SIGNATURE_HEADER, isZaloSignatureValid } from './verify-zalo-signature.js';

export const zaloWebhookConfigSchema = z.object({
  appId: z.string().min(1).describe('The Zalo app id (developers.zalo.me) the OA is linked to'),
  oaSecretKey: z
    .string()
    .min(1)
    .describe("The linked OA's secret key (not the app secret): checks X-ZEvent-Signature"),
});

export type ZaloWebhookConfig = z.infer<typeof zaloWebhookConfigSchema>;

const zaloId = z.union([z.string(), z.number()]).transform(String);
const coordinate = z.union([z.string(), z.number()]);

const attachmentSchema = z.object({
  type: z.string(),
  payload: z
    .object({
      url: z.string().optional(),
      name: z.string().optional(),
      description: z.string().optional(),
      coordinates: z.object({ latitude: coordinate, longitude: coordinate }).optional(),
    })
    .optional(),
});

/** The fields of an OA webhook event this connector reads; other fields are ignored. */
const eventSchema = z.object({
  event_name: z.string(),
  timestamp: z.union([z.string(), z.number()]).transform(String),
  sender: z.object({ id: zaloId }).optional(),
  message: z
    .object({
      msg_id: zaloId.optional(),
      text: z.string().optional(),
      attachments: z.array(attachmentSchema).optional(),
      location: z.object({ latitude: coordinate, longitude: coordinate }).optional(),
    })
    .optional(),
});

type ZaloEvent = z.infer<typeof eventSchema>;

// `user_send_*` are a follower's messages, `anonymous_send_*` those of a citizen who chats without
// following. OA messages (`oa_send_*`), follow/unfollow, seen/received receipts are not speech.
const CITIZEN_MESSAGE = /^(?:user|anonymous)_send_/;

function refuse(status: number, error: string): WebhookResponse {
  return { status, body: { error }, items: [] };
}

/** The message's words: its text (or caption), then each attachment described on a line. */
function messageText(message: NonNullable<ZaloEvent['message']>): string {
  const lines = message.text?.trim() ? [message.text.trim()] : [];
  for (const attachment of message.attachments ?? []) {
    const payload = attachment.payload ?? {};
    lines.push(
      describeAttachment({
        type: attachment.type,
        url: payload.url,
        name: payload.name,
        description: payload.description,
        latitude: payload.coordinates?.latitude,
        longitude: payload.coordinates?.longitude,
      }),
    );
  }
  // Some deliveries of user_send_location carry the place as `message.location`, not an attachment.
  const hasPlaceAttachment = (message.attachments ?? []).some((a) => a.type === 'location');
  if (message.location !== undefined && !hasPlaceAttachment)
    lines.push(describeAttachment({ type: 'location', ...message.location }));
  return lines.join('\n');
}

/** The item a citizen's message becomes, or undefined when the event carries none. */
export function zaloEventToItem(event: ZaloEvent): ConnectorItem | undefined {
  if (!CITIZEN_MESSAGE.test(event.event_name)) return undefined;
  const message = event.message;
  if (message?.msg_id === undefined || event.sender === undefined) return undefined;
  const text = messageText(message);
  if (text === '') return undefined;
  const sentAt = Number(event.timestamp);
  return {
    externalId: message.msg_id,
    platform: 'zalo',
    kind: 'message',
    text,
    author: { id: event.sender.id },
    ...(Number.isFinite(sentAt) && sentAt > 0 ? { publishedAt: sentAt } : {}),
  };
}

function readEvent(rawBody: Buffer): ZaloEvent | string {
  let parsed: unknown;
  try {
    parsed = parseZaloJson(rawBody.toString('utf8'), 'The Zalo event');
  } catch (error) {
    if (isLangngheError(error)) return error.message;
    throw error;
  }
  const event = eventSchema.safeParse(parsed);
  if (!event.success) return `Not a Zalo OA event: ${event.error.issues[0]?.message ?? 'invalid'}`;
  return event.data;
}

async function handleZaloDelivery(
  request: WebhookRequest,
  config: ZaloWebhookConfig,
  log: (event: { level: 'warn'; message: string }) => void,
): Promise<WebhookResponse> {
  if (request.method.toUpperCase() !== 'POST') return refuse(405, 'Zalo delivers events by POST');
  const signature = request.headers[ZALO_SIGNATURE_HEADER];
  if (signature === undefined || signature.trim() === '')
    return refuse(401, 'X-ZEvent-Signature is missing');
  const event = readEvent(request.rawBody);
  if (typeof event === 'string') return refuse(400, event);
  const isValid = isZaloSignatureValid(signature, {
    appId: config.appId,
    rawBody: request.rawBody,
    timestamp: event.timestamp,
    oaSecretKey: config.oaSecretKey,
  });
  if (!isValid) return refuse(401, 'X-ZEvent-Signature does not match');
  const item = zaloEventToItem(event);
  if (item === undefined && CITIZEN_MESSAGE.test(event.event_name))
    log({ level: 'warn', message: `zalo ${event.event_name} without msg_id, sender or content` });
  return { status: 200, body: { ok: true }, items: item === undefined ? [] : [item] };
}

/**
 * Zalo Official Account webhook: citizens' messages to the OA (`user_send_*`,
 * `anonymous_send_*`) become `message` items the moment they are sent. Every delivery is checked
 * against `X-ZEvent-Signature` (401 when missing or wrong, nothing stored); other signed events
 * (OA messages, follow/unfollow, receipts) are answered 200 and not stored. Zalo retries any
 * answer that is not 200 within 2 seconds, and a redelivery is stored once (`zalo:<msg_id>`).
 */
export const zaloWebhookConnector: Connector<ZaloWebhookConfig> = {
  kind: 'zalo-webhook',
  platform: 'zalo',
  description: "Messages citizens send to a Zalo Official Account, pushed by Zalo's OA webhook",
  mode: 'webhook',
  configSchema: zaloWebhookConfigSchema,
  secretFields: ['oaSecretKey'],
  defaultIntervalSeconds: 0,
  webhook: (request, ctx) => handleZaloDelivery(request, ctx.config, ctx.log),
};
