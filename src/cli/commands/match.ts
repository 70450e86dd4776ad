import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { isLangngheError } from '../../core/errors.js';
import { createTopicMatcher, parseQuery, prepareDoc } from '../../query/index.js';
import type { MatchInput, TopicMatcher } from '../../query/index.js';
import type { CliIo } from '../io.js';
import { UsageError, readLines, writeLine } from '../io.js';

export const matchHelp = `langnghe match --topics FILE [--count] < posts.jsonl

Matches every post (JSON lines: {"id", "text", "title"?, "url"?, "platform"?, "lang"?,
"author"?: {"name"?, "id"?}}) against every topic query in FILE (one query per line; a line
"ID<TAB>QUERY" names the topic, otherwise its line number is its id) and prints one JSON line
per post: {"id", "topics": [...]}. With --count, prints only the number of (post, topic) pairs
and the rate. Bad topic or post lines are reported on stderr with their line number and
skipped; the exit code is then 1, after the rest has been processed.`;

const MAX_TEXT = 1_000_000;

function optionalString(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new Error(`"${key}" must be a string`);
  return value;
}

/** Validates one decoded JSON line into a post the matcher can read. */
export function toMatchInput(
  value: unknown,
  lineNumber: number,
): { id: string; input: MatchInput } {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error('expected a JSON object');
  const record = value as Record<string, unknown>;
  const text = optionalString(record, 'text');
  if (text === undefined) throw new Error('missing "text"');
  if (text.length > MAX_TEXT) throw new Error(`"text" is longer than ${MAX_TEXT} characters`);
  const rawId = record.id;
  if (rawId !== undefined && typeof rawId !== 'string' && typeof rawId !== 'number')
    throw new Error('"id" must be a string or a number');
  const author = record.author;
  if (author !== undefined && (typeof author !== 'object' || author === null))
    throw new Error('"author" must be an object');
  const authorRecord = (author ?? {}) as Record<string, unknown>;
  return {
    id: rawId === undefined ? String(lineNumber) : String(rawId),
    input: {
      text,
      title: optionalString(record, 'title'),
      url: optionalString(record, 'url'),
      platform: optionalString(record, 'platform'),
      lang: optionalString(record, 'lang'),
      author: {
        name: optionalString(authorRecord, 'name'),
        id: optionalString(authorRecord, 'id'),
      },
    },
  };
}

async function loadTopics(
  path: string,
  io: CliIo,
): Promise<{ matcher: TopicMatcher; errors: number }> {
  const matcher = createTopicMatcher();
  let errors = 0;
  const lines = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const tab = line.indexOf('\t');
    const id = tab === -1 ? String(index + 1) : line.slice(0, tab).trim();
    const query = tab === -1 ? line : line.slice(tab + 1);
    try {
      matcher.set(id, parseQuery(query));
    } catch (error) {
      if (!isLangngheError(error)) throw error;
      errors++;
      await writeLine(io.stderr, `${path}:${index + 1}: ${error.message}`);
    }
  }
  return { matcher, errors };
}

export async function runMatch(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { topics: { type: 'string' }, count: { type: 'boolean', default: false } },
  });
  if (values.topics === undefined) throw new UsageError(matchHelp);
  const { matcher, errors: topicErrors } = await loadTopics(values.topics, io);
  let badLines = 0;
  let posts = 0;
  let pairs = 0;
  let matchMs = 0;
  for await (const { line, number } of readLines(io.stdin)) {
    if (line.trim() === '') continue;
    let post: { id: string; input: MatchInput };
    try {
      post = toMatchInput(JSON.parse(line), number);
    } catch (error) {
      badLines++;
      await writeLine(io.stderr, `stdin:${number}: ${(error as Error).message}; line skipped`);
      continue;
    }
    const started = performance.now();
    const topics = matcher.match(prepareDoc(post.input));
    matchMs += performance.now() - started;
    posts++;
    pairs += topics.length;
    if (!values.count) await writeLine(io.stdout, JSON.stringify({ id: post.id, topics }));
  }
  if (values.count) {
    const perSecond = matchMs > 0 ? Math.round((posts / matchMs) * 1000) : 0;
    await writeLine(
      io.stdout,
      JSON.stringify({
        posts,
        topics: matcher.stats().topics,
        matches: pairs,
        postsPerSecond: perSecond,
      }),
    );
  }
  return topicErrors > 0 || badLines > 0 ? 1 : 0;
}
