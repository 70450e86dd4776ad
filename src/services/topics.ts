import { setImmediate } from 'node:timers/promises';
import type { Clock } from '../core/clock.js';
import { LangngheError } from '../core/errors.js';
import { cleanLabel, cleanQueryText } from '../core/clean-text.js';
import type { Scope } from '../core/scope.js';
import { requirePermission } from '../core/scope.js';
import type { Topic } from '../core/types.js';
import {
  compileQuery,
  createTopicMatcher,
  explainMatch,
  isPurelyNegative,
  parseQuery,
  prepareDoc,
} from '../query/index.js';
import type { ParsedQuery } from '../query/index.js';
import type { Store, TimeRange, TopicMatch } from '../store/index.js';
import type { TopicChange } from '../pipeline/subjects.js';
import type { TopicRegistry } from '../pipeline/topic-registry.js';
import type { BackfillResult, TopicTestResult } from './app.js';
import type { AuditService } from './audit.js';
import type { PrivacyService } from './privacy.js';
import { prefilterOf } from './prefilter.js';

export interface TopicDeps {
  store: Store;
  registry: TopicRegistry;
  clock: Clock;
  audit: AuditService;
  privacy: PrivacyService;
  /** Most topics one workspace may have (default `DEFAULT_MAX_TOPICS`). */
  maxTopicsPerWorkspace?: number;
  /**
   * Applies a stored change to this process's matcher and sends it on the bus to every other
   * process's (`TOPICS_CHANGED`).
   */
  changeTopic(change: TopicChange, parsed?: ParsedQuery): Promise<void>;
}

const DAY_MS = 24 * 3600_000;
export const DEFAULT_BACKFILL_DAYS = 7;
/** The longest range a back-fill or a topic test may cover. */
export const MAX_BACKFILL_DAYS = 90;
export const DEFAULT_MAX_TOPICS = 500;
/** Posts `testTopic` examines at most. */
export const MAX_TEST_EXAMINED = 50_000;
const MAX_NAME = 200;
const MAX_QUERY = 4_096;
/** Posts a back-fill reads between two yields to the event loop. */
const BACKFILL_PAGE = 1_000;

function invalid(message: string, field: string): LangngheError {
  return new LangngheError('input.invalid', message, { details: { field } });
}

/** A time range within `MAX_BACKFILL_DAYS` before now; the default is the last 7 days. */
export function cappedRange(clock: Clock, range: TimeRange = {}): TimeRange {
  const now = clock.now();
  const earliest = now - MAX_BACKFILL_DAYS * DAY_MS;
  const to = range.to === undefined ? undefined : Date.parse(range.to);
  const from =
    range.from === undefined ? now - DEFAULT_BACKFILL_DAYS * DAY_MS : Date.parse(range.from);
  if (Number.isNaN(from) || (to !== undefined && Number.isNaN(to)))
    throw invalid('from/to: ISO 8601 times', 'from');
  if (from < earliest) {
    throw invalid(
      `Khoảng thời gian tối đa ${MAX_BACKFILL_DAYS} ngày / the range may reach back at most ${MAX_BACKFILL_DAYS} days (from ≥ ${new Date(earliest).toISOString()})`,
      'from',
    );
  }
  if (to !== undefined && to < from) throw invalid('"to" is before "from"', 'to');
  return {
    from: new Date(from).toISOString(),
    to: to === undefined ? undefined : new Date(to).toISOString(),
  };
}

/** A query fit to save: cleaned, parsed, and not one that matches every post. */
export function checkTopicQuery(query: string): { text: string; parsed: ParsedQuery } {
  const text = cleanQueryText(query, { maxLength: MAX_QUERY });
  const parsed = parseQuery(text);
  if (isPurelyNegative(parsed.ast)) {
    throw new LangngheError(
      'query.too_broad',
      `Chủ đề phải có ít nhất một từ cần tìm: "${text.slice(0, 80)}" khớp với mọi bài viết / a topic must name something to find: "${text.slice(0, 80)}" matches every post`,
      { details: { field: 'query' } },
    );
  }
  return { text, parsed };
}

/** The scope's topic, or `store.not_found` (another workspace's topic is not revealed). */
export async function ownTopic(deps: TopicDeps, scope: Scope, id: string): Promise<Topic> {
  const topic = await deps.store.getTopic(id);
  if (topic === undefined || topic.workspaceId !== scope.workspaceId) {
    throw new LangngheError('store.not_found', `No topic ${id.slice(0, 80)}`, {
      details: { topicId: id },
    });
  }
  return topic;
}

async function checkName(
  deps: TopicDeps,
  scope: Scope,
  name: string,
  exceptId?: string,
): Promise<string> {
  const clean = cleanLabel(name, { maxLength: MAX_NAME });
  const folded = clean.toLocaleLowerCase('vi');
  const clash = (await deps.store.listTopics(scope.workspaceId)).find(
    (t) => t.id !== exceptId && t.name.toLocaleLowerCase('vi') === folded,
  );
  if (clash !== undefined) {
    throw new LangngheError(
      'store.conflict',
      `Đã có chủ đề tên "${clean}" / a topic named "${clean}" already exists`,
      { details: { field: 'name', topicId: clash.id } },
    );
  }
  return clean;
}

/**
 * Re-matches one topic over stored posts of a time range (its old matches there are replaced):
 * run after a topic is created or its query changes.
 */
export async function backfillTopic(
  deps: TopicDeps,
  scope: Scope,
  topicId: string,
  range?: TimeRange,
): Promise<BackfillResult> {
  requirePermission(scope, 'topics:write');
  await ownTopic(deps, scope, topicId);
  const live = deps.registry.get(topicId);
  if (live === undefined) throw new LangngheError('store.not_found', `no topic ${topicId}`);
  const window = cappedRange(deps.clock, range);
  await deps.store.deleteMatches(topicId, window);
  const matcher = createTopicMatcher();
  matcher.set(topicId, live.parsed);
  let scanned = 0;
  let matched = 0;
  let cursor: string | undefined;
  do {
    const page = await deps.store.scanPosts({ ...window, cursor, limit: BACKFILL_PAGE });
    const matches: TopicMatch[] = [];
    for (const post of page.posts) {
      if (post.privateTo !== undefined && post.privateTo !== live.topic.workspaceId) continue;
      if (matcher.match(prepareDoc(post)).length > 0)
        matches.push({ postId: post.id, topicId, publishedAt: post.publishedAt });
    }
    scanned += page.posts.length;
    matched += matches.length === 0 ? 0 : await deps.store.insertMatches(matches);
    cursor = page.nextCursor;
    // A long back-fill must not keep /healthz and other requests waiting.
    if (cursor !== undefined) await setImmediate();
  } while (cursor !== undefined);
  return { topicId, scanned, matched };
}

export async function createTopic(
  deps: TopicDeps,
  scope: Scope,
  input: { name: string; query: string; id?: string },
): Promise<Topic> {
  requirePermission(scope, 'topics:write');
  const { text, parsed } = checkTopicQuery(input.query);
  const max = deps.maxTopicsPerWorkspace ?? DEFAULT_MAX_TOPICS;
  // The registry counts the workspace's live topics: no store read per creation.
  if (deps.registry.countOf(scope.workspaceId) >= max) {
    throw new LangngheError(
      'input.limit',
      `Mỗi không gian làm việc có tối đa ${max} chủ đề / a workspace has at most ${max} topics`,
      { details: { field: 'query', maxTopics: max } },
    );
  }
  const topic = await deps.store.createTopic({
    id: input.id,
    workspaceId: scope.workspaceId,
    name: await checkName(deps, scope, input.name),
    query: text,
  });
  await deps.changeTopic({ op: 'set', topic }, parsed);
  await deps.audit.record(scope.principal, {
    action: 'topic.create',
    workspaceId: scope.workspaceId,
    target: topic.id,
    details: { name: topic.name, query: topic.query },
  });
  await backfillTopic(deps, scope, topic.id);
  return topic;
}

export async function updateTopic(
  deps: TopicDeps,
  scope: Scope,
  id: string,
  patch: { name?: string; query?: string },
): Promise<Topic> {
  requirePermission(scope, 'topics:write');
  const before = await ownTopic(deps, scope, id);
  const checked = patch.query === undefined ? undefined : checkTopicQuery(patch.query);
  const topic = await deps.store.updateTopic(id, {
    name: patch.name === undefined ? undefined : await checkName(deps, scope, patch.name, id),
    query: checked?.text,
  });
  await deps.changeTopic({ op: 'set', topic }, checked?.parsed ?? deps.registry.get(id)?.parsed);
  await deps.audit.record(scope.principal, {
    action: 'topic.update',
    workspaceId: scope.workspaceId,
    target: id,
    details: {
      before: { name: before.name, query: before.query },
      after: { name: topic.name, query: topic.query },
    },
  });
  if (checked !== undefined) await backfillTopic(deps, scope, id);
  return topic;
}

export async function deleteTopic(deps: TopicDeps, scope: Scope, id: string): Promise<void> {
  requirePermission(scope, 'topics:write');
  const topic = await ownTopic(deps, scope, id);
  await deps.store.deleteTopic(id);
  await deps.changeTopic({ op: 'remove', topicId: id });
  await deps.audit.record(scope.principal, {
    action: 'topic.delete',
    workspaceId: scope.workspaceId,
    target: id,
    details: { name: topic.name, query: topic.query },
  });
}

/** Runs a query over stored posts without saving it: how many match, and a highlighted sample. */
export async function testTopic(
  deps: TopicDeps,
  scope: Scope,
  input: { query: string; sampleSize?: number } & TimeRange,
): Promise<TopicTestResult> {
  requirePermission(scope, 'posts:read');
  const queryText = cleanQueryText(input.query, { maxLength: MAX_QUERY });
  const parsed = parseQuery(queryText);
  const predicate = compileQuery(parsed.ast);
  const sampleSize = Math.min(Math.max(input.sampleSize ?? 10, 0), 100);
  const result: TopicTestResult = {
    count: 0,
    examined: 0,
    isCapped: false,
    sample: [],
    warnings: parsed.warnings,
  };
  let cursor: string | undefined;
  do {
    const page = await deps.store.searchPosts({
      ...cappedRange(deps.clock, input),
      visibleTo: scope.workspaceId,
      text: prefilterOf(parsed.ast),
      cursor,
      limit: 500,
    });
    for (const post of page.posts) {
      const doc = prepareDoc(post);
      if (!predicate(doc)) continue;
      result.count++;
      if (result.sample.length < sampleSize)
        result.sample.push({ post, explanation: explainMatch(parsed.ast, queryText, doc, true) });
    }
    result.examined += page.posts.length;
    cursor = page.nextCursor;
    if (cursor !== undefined && result.examined >= MAX_TEST_EXAMINED) result.isCapped = true;
    if (cursor !== undefined) await setImmediate();
  } while (cursor !== undefined && !result.isCapped);
  const shown = await deps.privacy.present(
    scope,
    result.sample.map((hit) => hit.post),
    'topic.test',
  );
  result.sample = result.sample.map((hit, i) => ({ ...hit, post: shown[i]! }));
  return result;
}
