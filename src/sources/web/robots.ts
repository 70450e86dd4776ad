import type { Clock } from '../../core/clock.js';
import { isLangngheError } from '../../core/errors.js';
import type { HttpClient } from '../http-client.js';
import { matchesRobotsPattern, normalizeRobotsPath } from './robots-pattern.js';

/** The product token robots.txt groups are matched against when the caller names none. */
export const DEFAULT_ROBOTS_AGENT = 'langnghe';
/** RFC 9309 §2.5: crawlers must parse at least 500 KiB; anything after is ignored. */
export const ROBOTS_MAX_BYTES = 500 * 1024;
/** How long a fetched robots.txt is trusted (RFC 9309 §2.4: no more than 24 hours). */
export const ROBOTS_CACHE_MS = 24 * 60 * 60 * 1000;
/** A robots.txt that could not be read is asked for again after this long. */
const UNREACHABLE_CACHE_MS = 10 * 60 * 1000;

export interface RobotsRule {
  isAllow: boolean;
  /** Normalized (see `normalizeRobotsPath`), `*` and a trailing `$` kept. */
  pattern: string;
}

export interface RobotsGroup {
  /** The user-agent lines' values, lower-cased. */
  userAgents: string[];
  rules: RobotsRule[];
  crawlDelaySeconds?: number;
}

export interface RobotsTxt {
  groups: RobotsGroup[];
}

const AGENT_KEYS = new Set(['user-agent', 'useragent', 'user agent']);
const ALLOW_KEYS = new Set(['allow']);
const DISALLOW_KEYS = new Set(['disallow', 'dissallow', 'dissalow', 'disalow', 'disallaw']);
const DELAY_KEYS = new Set(['crawl-delay', 'crawldelay']);

function splitLine(line: string): { key: string; value: string } | undefined {
  // indexOf, not /#.*$/: a line holding U+2028 (which `.` does not match) made that quadratic.
  const hash = line.indexOf('#');
  const content = hash < 0 ? line : line.slice(0, hash);
  const colon = content.indexOf(':');
  if (colon < 0) return undefined;
  const key = content.slice(0, colon).trim().toLowerCase();
  return key === '' ? undefined : { key, value: content.slice(colon + 1).trim() };
}

function toPattern(value: string): string {
  const pattern = value.startsWith('/') || value.startsWith('*') ? value : `/${value}`;
  return normalizeRobotsPath(pattern);
}

/**
 * Parses robots.txt (RFC 9309): consecutive user-agent lines open one group, the rules that
 * follow belong to it, rules before any user-agent line are ignored, unknown lines (Sitemap, …)
 * are skipped. An empty Allow/Disallow value is no rule (an empty Disallow allows everything).
 * Tolerates a BOM, CRLF or CR line ends and comments.
 */
export function parseRobots(text: string): RobotsTxt {
  const groups: RobotsGroup[] = [];
  let current: RobotsGroup | undefined;
  let isCollectingAgents = false;
  for (const line of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const entry = splitLine(line);
    if (entry === undefined) continue;
    if (AGENT_KEYS.has(entry.key)) {
      if (current === undefined || !isCollectingAgents) {
        current = { userAgents: [], rules: [] };
        groups.push(current);
      }
      current.userAgents.push(entry.value.toLowerCase());
      isCollectingAgents = true;
      continue;
    }
    const isAllow = ALLOW_KEYS.has(entry.key);
    if (isAllow || DISALLOW_KEYS.has(entry.key)) {
      isCollectingAgents = false;
      if (current !== undefined && entry.value !== '')
        current.rules.push({ isAllow, pattern: toPattern(entry.value) });
    } else if (DELAY_KEYS.has(entry.key)) {
      isCollectingAgents = false;
      const seconds = Number(entry.value);
      if (current !== undefined && entry.value !== '' && Number.isFinite(seconds) && seconds >= 0)
        current.crawlDelaySeconds ??= seconds;
    }
  }
  return { groups };
}

/** The product token of a User-Agent string or line: `Langnghe/0.1 (+…)` → `langnghe`. */
export function productToken(userAgent: string): string {
  const trimmed = userAgent.trim();
  if (trimmed.startsWith('*')) return '*';
  return (/^[A-Za-z_-]+/.exec(trimmed)?.[0] ?? '').toLowerCase();
}

/**
 * The rules that apply to `userAgent`: every group naming its product token (case-insensitive)
 * merged, else every `*` group merged, else none.
 */
export function rulesFor(
  robots: RobotsTxt,
  userAgent: string,
): { rules: RobotsRule[]; crawlDelaySeconds?: number } {
  const token = productToken(userAgent);
  const named = robots.groups.filter((group) =>
    group.userAgents.some((agent) => agent !== '*' && productToken(agent) === token),
  );
  const chosen =
    named.length > 0
      ? named
      : robots.groups.filter((group) =>
          group.userAgents.some((agent) => productToken(agent) === '*'),
        );
  return {
    rules: chosen.flatMap((group) => group.rules),
    crawlDelaySeconds: chosen.find((group) => group.crawlDelaySeconds !== undefined)
      ?.crawlDelaySeconds,
  };
}

/**
 * Whether `pathAndQuery` (`/a/b?c=d`) may be fetched: the matching rule with the longest pattern
 * wins, Allow wins a tie, no matching rule allows. `/robots.txt` itself is always allowed.
 */
export function isPathAllowed(robots: RobotsTxt, pathAndQuery: string, userAgent: string): boolean {
  const path = normalizeRobotsPath(pathAndQuery === '' ? '/' : pathAndQuery);
  if (path === '/robots.txt') return true;
  let best: RobotsRule | undefined;
  for (const rule of rulesFor(robots, userAgent).rules) {
    if (!matchesRobotsPattern(rule.pattern, path)) continue;
    const isLonger = best === undefined || rule.pattern.length > best.pattern.length;
    const isTieWon =
      best !== undefined && rule.pattern.length === best.pattern.length && rule.isAllow;
    if (isLonger || isTieWon) best = rule;
  }
  return best?.isAllow ?? true;
}

/** Answers, per origin, whether a URL may be crawled; robots.txt is fetched once and cached. */
export interface RobotsChecker {
  isAllowed(url: string): Promise<boolean>;
  /** The matched group's Crawl-delay in ms, or undefined when it names none. */
  crawlDelayMs(url: string): Promise<number | undefined>;
}

type RobotsVerdict =
  { kind: 'allow-all' } | { kind: 'disallow-all' } | { kind: 'rules'; robots: RobotsTxt };

const CLIENT_ERROR_STATUSES: readonly number[] = Array.from(
  { length: 100 },
  (_, i) => 400 + i,
).filter((status) => status !== 429);

function decodeCapped(body: Buffer): string {
  if (body.length <= ROBOTS_MAX_BYTES) return body.toString('utf8');
  const text = body.subarray(0, ROBOTS_MAX_BYTES).toString('utf8');
  // The line cut in two is dropped, not read as a shorter (and wrong) rule.
  return text.slice(0, Math.max(0, text.search(/[\r\n][^\r\n]*$/)));
}

function isClientErrorStatus(error: unknown): boolean {
  if (!isLangngheError(error)) return false;
  const status = error.details.status;
  return typeof status === 'number' && status >= 400 && status < 500 && status !== 429;
}

async function fetchVerdict(http: HttpClient, origin: string): Promise<RobotsVerdict> {
  try {
    const response = await http.request(`${origin}/robots.txt`, {
      acceptStatus: CLIENT_ERROR_STATUSES,
    });
    if (response.status >= 400) return { kind: 'allow-all' };
    return { kind: 'rules', robots: parseRobots(decodeCapped(response.body)) };
  } catch (error) {
    if (isLangngheError(error) && error.code === 'source.aborted') throw error;
    // RFC 9309 §2.3.1.3: "unavailable" (4xx) means no restrictions; §2.3.1.4: "unreachable"
    // (5xx, network, and here 429 after the client's retries) means assume complete disallow.
    return isClientErrorStatus(error) ? { kind: 'allow-all' } : { kind: 'disallow-all' };
  }
}

/**
 * A robots.txt checker for one crawler: `userAgent` is its product token (`langnghe` by
 * default); robots.txt is fetched through `http` (redirects followed) at most once per origin
 * and kept 24 h by `clock` (an unreachable one is asked again after 10 min). 4xx answers allow
 * everything; 5xx, 429, network errors and timeouts disallow everything (RFC 9309 §2.3.1).
 */
export function createRobotsChecker(
  http: HttpClient,
  userAgent: string = DEFAULT_ROBOTS_AGENT,
  clock: Clock = { now: () => Date.now() },
): RobotsChecker {
  const cache = new Map<string, { expiresAt: number; verdict: Promise<RobotsVerdict> }>();

  function verdictFor(origin: string): Promise<RobotsVerdict> {
    const now = clock.now();
    const cached = cache.get(origin);
    if (cached !== undefined && cached.expiresAt > now) return cached.verdict;
    const verdict = fetchVerdict(http, origin);
    const entry = { expiresAt: now + ROBOTS_CACHE_MS, verdict };
    cache.set(origin, entry);
    verdict.then(
      (found) => {
        if (found.kind === 'disallow-all') entry.expiresAt = now + UNREACHABLE_CACHE_MS;
      },
      () => {
        if (cache.get(origin) === entry) cache.delete(origin);
      },
    );
    return verdict;
  }

  return {
    async isAllowed(url) {
      const parsed = new URL(url);
      if (parsed.pathname === '/robots.txt') return true;
      const verdict = await verdictFor(parsed.origin);
      if (verdict.kind !== 'rules') return verdict.kind === 'allow-all';
      return isPathAllowed(verdict.robots, parsed.pathname + parsed.search, userAgent);
    },
    async crawlDelayMs(url) {
      const verdict = await verdictFor(new URL(url).origin);
      if (verdict.kind !== 'rules') return undefined;
      const seconds = rulesFor(verdict.robots, userAgent).crawlDelaySeconds;
      return seconds === undefined ? undefined : Math.round(seconds * 1000);
    },
  };
}
