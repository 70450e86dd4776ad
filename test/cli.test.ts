import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = join(import.meta.dirname, '..', 'bin', 'langnghe.js');

function run(args: string[], input = ''): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], {
    input,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('fold prints the folded text', () => {
  const { code, stdout } = run(['fold', 'Ngập nước Quận 7, đường Đồng Khởi']);
  assert.equal(code, 0);
  assert.equal(stdout, 'ngap nuoc quan 7, duong dong khoi\n');
});

test('fold --tokens prints one JSON line per token with offsets', () => {
  const { code, stdout } = run(['fold', '--tokens', 'Kẹt xe #ketxe']);
  assert.equal(code, 0);
  const tokens = stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  assert.deepEqual(
    tokens.map((t) => [t.kind, t.folded, t.start, t.end]),
    [
      ['word', 'ket', 0, 3],
      ['word', 'xe', 4, 6],
      ['hashtag', 'ketxe', 7, 13],
    ],
  );
});

test('fold reads standard input line by line when no text is given', () => {
  const { stdout } = run(['fold'], 'Sài Gòn\nThủ Đức\n');
  assert.equal(stdout, 'sai gon\nthu duc\n');
});

test('query check prints the canonical query and its tree', () => {
  const { code, stdout } = run(['query', 'check', '(ngập OR "triều cường") AND q7']);
  assert.equal(code, 0);
  assert.match(stdout, /^ok: /);
  assert.match(stdout, /"type": "and"/);
});

test('query check hints at a phrase for adjacent words', () => {
  const { code, stdout } = run(['query', 'check', 'ngập nước']);
  assert.equal(code, 0);
  assert.match(stdout, /"ngập nước"/);
});

test('query check reports a syntax error with its position in both languages', () => {
  const { code, stderr } = run(['query', 'check', 'ngập AND (q7 OR q8']);
  assert.equal(code, 1);
  assert.match(stderr, /vị trí/);
  assert.match(stderr, /\)/);
  assert.match(stderr, /\^/);
});

test('query check refuses AND and OR mixed without parentheses', () => {
  const { code, stderr } = run(['query', 'check', 'a AND b OR c']);
  assert.equal(code, 1);
  assert.match(stderr, /\(a AND b\) OR c/);
  assert.match(stderr, /a AND \(b OR c\)/);
});

test('match prints matched topic ids per post and skips bad lines with their number', () => {
  const dir = mkdtempSync(join(tmpdir(), 'langnghe-cli-'));
  const topics = join(dir, 'topics.txt');
  writeFileSync(
    topics,
    '(ngập OR "triều cường") AND (q7 OR "quận 7")\nflood\t"kẹt xe" NEAR/3 "Phạm Văn Đồng"\nngập AND (\n',
  );
  const posts = [
    JSON.stringify({ id: 'a', text: 'ngap nuoc q7 qua troi' }),
    '{not json',
    JSON.stringify({ id: 'b', text: 'Kẹt xe trên đường Phạm Văn Đồng' }),
    JSON.stringify({ id: 'c' }),
    JSON.stringify({ id: 'd', text: 'trời đẹp' }),
  ].join('\n');
  const { code, stdout, stderr } = run(['match', '--topics', topics], posts);
  assert.equal(code, 1);
  assert.deepEqual(
    stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line)),
    [
      { id: 'a', topics: ['1'] },
      { id: 'b', topics: ['flood'] },
      { id: 'd', topics: [] },
    ],
  );
  assert.match(stderr, /topics\.txt:3:/);
  assert.match(stderr, /stdin:2:/);
  assert.match(stderr, /stdin:4: missing "text"/);
});

test('match --count prints only the totals and the rate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'langnghe-cli-'));
  const topics = join(dir, 'topics.txt');
  writeFileSync(topics, 'ngập\nxe\n');
  const posts = ['ngập', 'kẹt xe', 'ngập xe'].map((text) => JSON.stringify({ text })).join('\n');
  const { code, stdout } = run(['match', '--topics', topics, '--count'], posts);
  assert.equal(code, 0);
  const summary = JSON.parse(stdout);
  assert.equal(summary.posts, 3);
  assert.equal(summary.matches, 4);
  assert.equal(typeof summary.postsPerSecond, 'number');
});

test('usage errors exit 2 and name what is missing', () => {
  assert.equal(run(['nope']).code, 2);
  const { code, stderr } = run(['match']);
  assert.equal(code, 2);
  assert.match(stderr, /--topics/);
});

test('a missing topics file is a clear error, not a stack trace', () => {
  const { code, stderr } = run(['match', '--topics', '/nonexistent/topics.txt'], '');
  assert.equal(code, 1);
  assert.match(stderr, /no such file/i);
  assert.doesNotMatch(stderr, /at .*\.js:\d+/);
});

test('analyze prints one JSON line per post with labels and evidence, and skips bad lines', () => {
  const input = [
    JSON.stringify({ id: 'x', text: 'Kẹt xe kinh hoàng ở vòng xoay Hàng Xanh quận Bình Thạnh' }),
    'nope',
    JSON.stringify({ id: 'y' }),
  ].join('\n');
  const { code, stdout, stderr } = run(['analyze'], input);
  assert.equal(code, 1);
  const [row] = stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  assert.equal(row.id, 'x');
  assert.equal(row.categories[0].id, 'traffic');
  assert.ok(
    row.areas.some((a: { former?: { name: string } }) => a.former?.name === 'Quận Bình Thạnh'),
    JSON.stringify(row.areas),
  );
  assert.match(stderr, /stdin:2:/);
  assert.match(stderr, /stdin:3:/);
});
