import type { Clock } from '../core/clock.js';
import { LangngheError } from '../core/errors.js';
import { DEFAULT_WORKSPACE_ID } from '../core/types.js';
import type { Topic } from '../core/types.js';
import {
  compileQuery,
  createTopicMatcher,
  explainMatch,
  parseQuery,
  prepareDoc,
} from '../query/index.js';
import type { Store, TimeRange, TopicMatch } from '../store/index.js';
import type { TopicRegistry } from '../pipeline/topic-registry.js';
import type { BackfillResult, TopicTestResult } from './app.js';
import { prefilterOf } from './prefilter.js';

export interface TopicDeps {
  store: Store;
  registry: TopicRegistry;
  clock: Clock;
}

const DAY_MS = 24 * 3600_000;
export const DEFAULT_BACKFILL_DAYS = 7;
/** Posts `testTopic` examines at most. */
export const MAX_TEST_EXAMINED = 50_000;
const MAX_NAME = 200;

function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > MAX_NAME) {
    throw new LangngheError('input.invalid', `name: must be 1–${MAX_NAME} characters`);
  }
  return trimmed;
}

function defaultRange(clock: Clock, range: TimeRange = {}): TimeRange {
  return {
    from: range.from ?? new Date(clock.now() - DEFAULT_BACKFILL_DAYS * DAY_MS).toISOString(),
    to: range.to,
  };
}

/**
 * Re-matches one topic over stored posts of a time range (its old matches there are replaced):
 * run after a topic is created or its query changes.
 */
export async function backfillTopic(
  deps: TopicDeps,
  topicId: string,
  range?: TimeRange,
): Promise<BackfillResult> {
  const live = deps.registry.get(topicId);
  if (live === undefined) throw new LangngheError('store.not_found', `no topic ${topicId}`);
  const window = defaultRange(deps.clock, range);
  await deps.store.deleteMatches(topicId, window);
  const matcher = createTopicMatcher();
  matcher.set(topicId, live.parsed);
  let scanned = 0;
  let matched = 0;
  let cursor: string | undefined;
  do {
    const page = await deps.store.scanPosts({ ...window, cursor, limit: 2_000 });
    const matches: TopicMatch[] = [];
    for (const post of page.posts) {
      if (deps.registry.workspaceOf(post.sourceId) !== live.topic.workspaceId) continue;
      if (matcher.match(prepareDoc(post)).length > 0)
        matches.push({ postId: post.id, topicId, publishedAt: post.publishedAt });
    }
    scanned += page.posts.length;
    matched += matches.length === 0 ? 0 : await deps.store.insertMatches(matches);
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return { topicId, scanned, matched };
}

export async function createTopic(
  deps: TopicDeps,
  input: { workspaceId?: string; name: string; query: string; id?: string },
): Promise<Topic> {
  const parsed = parseQuery(input.query);
  const topic = await deps.store.createTopic({
    id: input.id,
    workspaceId: input.workspaceId ?? DEFAULT_WORKSPACE_ID,
    name: checkName(input.name),
    query: input.query,
  });
  deps.registry.setTopic(topic, parsed);
  await backfillTopic(deps, topic.id);
  return topic;
}

export async function updateTopic(
  deps: TopicDeps,
  id: string,
  patch: { name?: string; query?: string },
): Promise<Topic> {
  const parsed = patch.query === undefined ? undefined : parseQuery(patch.query);
  const topic = await deps.store.updateTopic(id, {
    name: patch.name === undefined ? undefined : checkName(patch.name),
    query: patch.query,
  });
  deps.registry.setTopic(topic, parsed ?? deps.registry.get(id)?.parsed);
  if (parsed !== undefined) await backfillTopic(deps, id);
  return topic;
}

export async function deleteTopic(deps: TopicDeps, id: string): Promise<void> {
  await deps.store.deleteTopic(id);
  deps.registry.removeTopic(id);
}

/** Runs a query over stored posts without saving it: how many match, and a highlighted sample. */
export async function testTopic(
  deps: TopicDeps,
  input: { query: string; workspaceId?: string; sampleSize?: number } & TimeRange,
): Promise<TopicTestResult> {
  const parsed = parseQuery(input.query);
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
      ...defaultRange(deps.clock, input),
      workspaceId: input.workspaceId,
      text: prefilterOf(parsed.ast),
      cursor,
      limit: 500,
    });
    for (const post of page.posts) {
      const doc = prepareDoc(post);
      if (!predicate(doc)) continue;
      result.count++;
      if (result.sample.length < sampleSize)
        result.sample.push({ post, explanation: explainMatch(parsed.ast, input.query, doc) });
    }
    result.examined += page.posts.length;
    cursor = page.nextCursor;
    if (cursor !== undefined && result.examined >= MAX_TEST_EXAMINED) result.isCapped = true;
  } while (cursor !== undefined && !result.isCapped);
  return result;
}
