import { z } from 'zod';
import { LangngheError } from '../../core/errors.js';
import type { PollContext } from '../connector.js';
import { bearerHeaders, describeProblems, problemsOf, xUrl } from './x-api.js';

/** A filtered-stream rule as configured: X's rule syntax, and a free label. */
export interface StreamRule {
  value: string;
  tag?: string;
}

interface ExistingRule extends StreamRule {
  id: string;
}

/** What a sync changed on X. */
export interface RuleChanges {
  add: StreamRule[];
  deleteIds: string[];
}

const rulesAnswerSchema = z.object({
  data: z
    .array(z.object({ id: z.string(), value: z.string(), tag: z.string().optional() }))
    .optional(),
});

function keyOf(rule: StreamRule): string {
  return JSON.stringify([rule.value, rule.tag ?? '']);
}

/**
 * The requests that turn the app's rules on X into `wanted`: rules whose value and tag both match
 * stay (their ids, and so `matching_rules`, do not change); the others go, the missing ones come.
 */
export function diffRules(
  existing: readonly ExistingRule[],
  wanted: readonly StreamRule[],
): RuleChanges {
  const wantedKeys = new Set(wanted.map(keyOf));
  const kept = new Set<string>();
  const deleteIds: string[] = [];
  for (const rule of existing) {
    const key = keyOf(rule);
    if (wantedKeys.has(key) && !kept.has(key)) kept.add(key);
    else deleteIds.push(rule.id);
  }
  const add: StreamRule[] = [];
  for (const rule of wanted) {
    const key = keyOf(rule);
    if (kept.has(key)) continue;
    kept.add(key);
    add.push(rule.tag === undefined || rule.tag === '' ? { value: rule.value } : rule);
  }
  return { add, deleteIds };
}

interface RulesConfig {
  bearerToken: string;
  apiBaseUrl: string;
  rules: StreamRule[];
}

async function changeRules(ctx: PollContext<RulesConfig>, body: unknown): Promise<void> {
  const response = await ctx.http.request(
    xUrl(ctx.config.apiBaseUrl, '/tweets/search/stream/rules'),
    {
      method: 'POST',
      headers: {
        ...bearerHeaders(ctx.config.bearerToken),
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body: JSON.stringify(body),
      signal: ctx.signal,
      acceptStatus: [400],
      // Deleting twice is harmless and a repeated add only earns a DuplicateRule (ignored below).
      isRetryable: true,
    },
  );
  const problems = problemsOf(response.json()).filter(
    (problem) => problem.title !== 'DuplicateRule',
  );
  if (response.status === 400 || problems.length > 0)
    throw new LangngheError(
      'source.config',
      `X refused the stream rules: ${describeProblems(problems) || `status ${response.status}`}`,
      { details: { status: response.status } },
    );
}

/**
 * Makes the app's filtered-stream rules equal the configured ones: reads them, deletes those not
 * configured, then adds the missing ones (deleting first, so a rule whose tag changed is not
 * refused as a duplicate). Invalid rules fail with `source.config`.
 * https://docs.x.com/x-api/posts/filtered-stream/integrate/build-a-rule
 */
export async function syncStreamRules(ctx: PollContext<RulesConfig>): Promise<RuleChanges> {
  const answer = await ctx.http.getJson(
    xUrl(ctx.config.apiBaseUrl, '/tweets/search/stream/rules'),
    { headers: bearerHeaders(ctx.config.bearerToken), signal: ctx.signal },
  );
  const parsed = rulesAnswerSchema.safeParse(answer);
  if (!parsed.success)
    throw new LangngheError('source.bad_response', 'X answered the rules lookup with no rule list');
  const changes = diffRules(parsed.data.data ?? [], ctx.config.rules);
  if (changes.deleteIds.length > 0) await changeRules(ctx, { delete: { ids: changes.deleteIds } });
  if (changes.add.length > 0) await changeRules(ctx, { add: changes.add });
  if (changes.add.length > 0 || changes.deleteIds.length > 0)
    ctx.log({
      level: 'info',
      message: `x-stream: rules synced (${changes.add.length} added, ${changes.deleteIds.length} deleted)`,
    });
  return changes;
}
