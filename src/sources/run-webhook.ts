import { LangngheError, isLangngheError, toLangngheError } from '../core/errors.js';
import type { Source } from '../store/index.js';
import type { WebhookRequest } from './connector.js';
import { deliver, prepareSource } from './run-source.js';
import type { SourceRunDeps } from './run-source.js';

/** Largest webhook body accepted (platform deliveries are small). */
export const MAX_WEBHOOK_BYTES = 1024 * 1024;

export interface WebhookOutcome {
  status: number;
  body?: unknown;
  stored: { items: number; inserted: number; updated: number; rejected: number };
}

/**
 * Hands one webhook delivery to its source's connector (which checks the signature or token and
 * maps the payload), stores the items, records the delivery in the source's health, and says
 * what to answer. A refused delivery (bad signature) stores nothing and is answered as the
 * connector says; a failure while storing is a 503 so the platform delivers again.
 */
export async function runWebhook(
  deps: SourceRunDeps,
  source: Source,
  request: WebhookRequest,
): Promise<WebhookOutcome> {
  const stored = { items: 0, inserted: 0, updated: 0, rejected: 0 };
  if (!source.enabled) return { status: 404, body: { error: 'source disabled' }, stored };
  if (request.rawBody.length > MAX_WEBHOOK_BYTES)
    return { status: 413, body: { error: 'body too large' }, stored };
  const { connector, config } = prepareSource(deps, source);
  if (connector.webhook === undefined)
    throw new LangngheError(
      'source.not_push',
      `Source "${source.id}" (${source.kind}) is polled; it takes no webhook deliveries`,
    );
  const log = deps.log ?? (() => undefined);
  const response = await connector.webhook(request, {
    sourceId: source.id,
    config,
    clock: deps.clock,
    log: (event) => log({ ...event, sourceId: source.id }),
  });
  if (response.items.length === 0) return { status: response.status, body: response.body, stored };
  try {
    const result = await deliver(deps, source.id, response.items);
    Object.assign(stored, result, { items: response.items.length });
    await deps.store.recordSourceRun({
      sourceId: source.id,
      ok: true,
      items: response.items.length,
      at: new Date(deps.clock.now()).toISOString(),
    });
    return { status: response.status, body: response.body, stored };
  } catch (thrown) {
    const error = isLangngheError(thrown) ? thrown : toLangngheError(thrown, 'source.failed');
    await deps.store
      .recordSourceRun({
        sourceId: source.id,
        ok: false,
        error: error.message.slice(0, 1000),
        items: 0,
        at: new Date(deps.clock.now()).toISOString(),
      })
      .catch(() => undefined);
    return { status: 503, body: { error: 'could not store the delivery; send it again' }, stored };
  }
}
