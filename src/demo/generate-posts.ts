import { LangngheError } from '../core/errors.js';
import { PLATFORMS, type Platform, type Post } from '../core/types.js';
import {
  incidentState,
  rememberPost,
  type ComposeContext,
  type Draft,
  type Job,
} from './compose-context.js';
import { composeNews } from './compose-news.js';
import { composeSocial } from './compose-social.js';
import { ISSUES } from './content/index.js';
import { engagementFor, externalIdPrefix, socialUrl } from './identity.js';
import { isoUtc } from './iso-utc.js';
import { DEFAULT_PLATFORMS, PLATFORM_PROFILES } from './platform-profiles.js';
import { createRng, hash32, weightedPicker } from './rng.js';
import { makeScene } from './slots.js';
import { planTimeline } from './timeline.js';

/** What to generate. */
export interface GeneratePostsOptions {
  /** Same seed, same posts. */
  seed: number;
  count: number;
  /** Posts are published within `[endMs - spanMs, endMs]` (epoch ms). */
  endMs: number;
  spanMs: number;
  /** Platforms to generate for; default news, facebook, youtube, tiktok, x, zalo, instagram, forum, reddit. */
  platforms?: readonly Platform[];
  /** Share of posts about incidents (bursts across platforms); default 0.3. */
  incidentShare?: number;
}

const pickEverydayIssue = weightedPicker(
  ISSUES.map((_, i) => i),
  ISSUES.map((issue) => issue.source.weight),
);

function validate(o: GeneratePostsOptions): readonly Platform[] {
  const bad = (message: string): never => {
    throw new LangngheError('input.invalid', message, { details: { options: { ...o } } });
  };
  if (!Number.isSafeInteger(o.count) || o.count < 0) bad('count must be a non-negative integer');
  if (!Number.isFinite(o.endMs) || !Number.isFinite(o.spanMs) || o.spanMs <= 0) {
    bad('endMs must be a finite time and spanMs a positive duration');
  }
  if (!Number.isFinite(o.seed)) bad('seed must be a finite number');
  const share = o.incidentShare ?? 0.3;
  if (!(share >= 0 && share < 1)) bad('incidentShare must be in [0, 1)');
  const platforms = o.platforms ?? DEFAULT_PLATFORMS;
  if (platforms.length === 0) bad('platforms must not be empty');
  for (const p of platforms) if (!PLATFORMS.includes(p)) bad(`unknown platform: ${String(p)}`);
  return [...new Set(platforms)];
}

function collectionDelay(platform: Platform, rng: { int(n: number): number }): number {
  return platform === 'news' ? 60_000 + rng.int(20 * 60_000) : 5_000 + rng.int(15 * 60_000);
}

function toPost(job: Job, draft: Draft, c: ComposeContext, endMs: number): Post {
  const rng = c.rng;
  const post: Post = {
    id: job.id,
    platform: job.platform,
    kind: draft.kind,
    text: draft.text,
    lang: draft.lang,
    publishedAt: isoUtc(job.t),
    collectedAt: isoUtc(Math.min(endMs, job.t + collectionDelay(job.platform, rng))),
    author: draft.author,
    engagement: engagementFor(draft.kind, draft.author.followers ?? 100, draft.boost ?? 1, rng),
    sourceId: `demo:${job.platform}`,
  };
  if (draft.title !== undefined) post.title = draft.title;
  const url =
    draft.url ??
    socialUrl({
      platform: job.platform,
      kind: draft.kind,
      author: draft.author,
      seedTag: c.seedTag,
      i: job.i,
      heading: draft.title ?? draft.text.slice(0, 80),
    });
  if (url !== undefined) post.url = url;
  if (draft.parentId !== undefined) post.parentId = draft.parentId;
  return post;
}

function remember(c: ComposeContext, job: Job, draft: Draft): void {
  if (draft.kind === 'comment' || draft.kind === 'message') return;
  rememberPost(c, job.platform, {
    id: job.id,
    issueIndex: job.issueIndex,
    scene: job.scene,
    ...draft.remember,
  });
  if (job.incident !== undefined) incidentState(job.incident).lastPost.set(job.platform, job.id);
}

/**
 * Generates realistic Ho Chi Minh City posts lazily, in publication order: a daily rhythm,
 * incident bursts covered by citizens first and the press within hours, shares and copies of
 * articles, replies to earlier posts. Memory stays bounded however many posts are drawn.
 *
 * @throws LangngheError `input.invalid` for a negative count, a non-positive span or an unknown platform.
 */
export function* generatePostStream(
  options: GeneratePostsOptions,
): Generator<Post, void, undefined> {
  const platforms = validate(options);
  const seedTag = hash32(Math.floor(options.seed) | 0, 0xdeb0) % 1_679_616;
  const rng = createRng(options.seed);
  const pickPlatform = weightedPicker(
    platforms,
    platforms.map((p) => PLATFORM_PROFILES[p].weight),
  );
  const timeline = planTimeline(options, rng);
  const c: ComposeContext = {
    rng,
    seedTag,
    authorPool: Math.max(50, Math.min(200_000, Math.floor(options.count / 3))),
    recent: new Map(),
  };
  const idPrefix = platforms.map((p) => `${p}:${externalIdPrefix(seedTag)}`);
  const platformIndex = new Map(platforms.map((p, k) => [p, k]));
  for (let i = 0; i < options.count; i++) {
    const { t, incident } = timeline.next(i);
    const platform = pickPlatform(rng);
    const issueIndex = incident?.issueIndex ?? pickEverydayIssue(rng);
    const scene =
      incident?.scene ?? makeScene(ISSUES[issueIndex]!.source, t - rng.int(3 * 3_600_000), rng);
    const job: Job = {
      i,
      t,
      platform,
      id: idPrefix[platformIndex.get(platform)!] + i.toString(36),
      issueIndex,
      scene,
      incident,
    };
    const draft = platform === 'news' ? composeNews(c, job) : composeSocial(c, job);
    remember(c, job, draft);
    yield toPost(job, draft, c, options.endMs);
  }
}

/** Generates `count` posts into an array (see `generatePostStream`). */
export function generatePosts(options: GeneratePostsOptions): Post[] {
  return [...generatePostStream(options)];
}
