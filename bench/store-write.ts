/**
 * Measures SQLite store writes: upsertPosts of realistic Vietnamese posts (≈ 300 characters,
 * FTS5-indexed) in batches into a WAL file, then a re-ingest of the same posts (engagement-only
 * updates), then a few searches. Run: node --import tsx bench/store-write.ts [posts] [batch]
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Platform } from '../src/core/types.js';
import type { StoredPost } from '../src/store/store.js';
import { createSqliteStore } from '../src/store/sqlite/sqlite-store.js';

const total = Number(process.argv[2] ?? 100_000);
const batchSize = Number(process.argv[3] ?? 500);

const WORDS = (
  'ngập nước đường Nguyễn Hữu Cảnh triều cường quận 7 Thủ Đức kẹt xe cầu Sài Gòn giờ cao điểm ' +
  'người dân phản ánh rác thải bốc mùi hẻm phường Bến Thành mất điện cả khu chung cư cháy nổ ' +
  'công an xử lý lừa đảo qua điện thoại sở giao thông vận tải công trình chậm tiến độ ô nhiễm ' +
  'không khí bệnh viện quá tải học sinh trường tiểu học nước sinh hoạt bị đục xe buýt trễ giờ ' +
  'mưa lớn từ chiều đến tối nhiều tuyến đường biến thành sông xin hỏi khi nào sửa cảm ơn ủy ban ' +
  'rất bức xúc chuyện này kéo dài nhiều năm mong chính quyền sớm giải quyết trật tự đô thị vỉa hè'
).split(' ');
const PLATFORMS: Platform[] = ['facebook', 'news', 'youtube', 'tiktok', 'zalo'];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Real Vietnamese social-media sentences (ViHSD comments, see ../shared/data/README.md) when the
 * shared data is there, so the index sees a natural vocabulary; else sentences of WORDS.
 */
function loadSentences(random: () => number): string[] {
  const file = join(import.meta.dirname, '../../shared/data/toxicity/vihsd/train.csv');
  if (existsSync(file)) {
    const rows = parse(readFileSync(file), { columns: true }) as { free_text: string }[];
    return rows.map((r) => r.free_text);
  }
  const pick = () => WORDS[Math.floor(random() * WORDS.length)]!;
  return Array.from({ length: 5000 }, () => Array.from({ length: 12 }, pick).join(' ') + '.');
}

function makePosts(count: number): StoredPost[] {
  const random = rng(42);
  const sentences = loadSentences(random);
  const sentence = () => sentences[Math.floor(random() * sentences.length)]!;
  const t0 = Date.parse('2025-06-01T00:00:00.000Z');
  return Array.from({ length: count }, (_, i) => {
    // 100–500 characters: a comment to a short article lead.
    const target = 100 + random() * 400;
    let text = sentence();
    while (text.length < target) text += ` ${sentence()}`;
    const platform = PLATFORMS[i % PLATFORMS.length]!;
    return {
      id: `${platform}:${i}`,
      platform,
      kind: platform === 'news' ? 'article' : 'post',
      title: platform === 'news' ? sentence().slice(0, 80) : undefined,
      text: text + (i % 7 === 0 ? ' #ngapnuoc @ubnd 0909123456' : ''),
      lang: 'vi',
      publishedAt: new Date(t0 + i * 1_000).toISOString(),
      collectedAt: new Date(t0 + i * 1_000 + 60_000).toISOString(),
      author: { id: `u${i % 5000}`, name: `Người dùng ${i % 5000}` },
      engagement: { likes: i % 100, comments: i % 13, shares: i % 7 },
      labels: { area: ['thu-duc'], category: ['flooding'], sentiment: ['negative'] },
      enrichment: { simhash: (i * 2654435761).toString(16), toxicity: 0.02 },
      sourceId: `src-${platform}`,
    };
  });
}

async function main(): Promise<void> {
  const posts = makePosts(total);
  const chars = posts.reduce((n, p) => n + p.text.length + (p.title?.length ?? 0), 0);
  const dir = mkdtempSync(join(tmpdir(), 'langnghe-bench-'));
  const path = join(dir, 'bench.db');
  const store = createSqliteStore({ path });
  try {
    // CPU time too: on a shared 2-core machine, wall time mostly measures the neighbours.
    const write = async (batch: StoredPost[][]): Promise<[number, number]> => {
      const start = performance.now();
      const cpu = process.cpuUsage();
      for (const b of batch) await store.upsertPosts(b);
      const used = process.cpuUsage(cpu);
      return [performance.now() - start, (used.user + used.system) / 1000];
    };
    const batches: StoredPost[][] = [];
    for (let i = 0; i < posts.length; i += batchSize) batches.push(posts.slice(i, i + batchSize));
    const [insertMs, insertCpuMs] = await write(batches);
    const [updateMs, updateCpuMs] = await write(
      batches.map((b) => b.map((p) => ({ ...p, collectedAt: '2025-07-01T00:00:00.000Z' }))),
    );
    console.log(
      `posts: ${total}, batch: ${batchSize}, mean length: ${Math.round(chars / total)} chars`,
    );
    const rate = (ms: number) => Math.round(total / (ms / 1000));
    console.log(
      `insert (new, FTS5): ${rate(insertMs)} rows/s wall, ${rate(insertCpuMs)} per CPU-s`,
    );
    console.log(
      `re-ingest (update): ${rate(updateMs)} rows/s wall, ${rate(updateCpuMs)} per CPU-s`,
    );
    for (const folded of ['ngap', 'bao nhieu', 'ngapnuoc', 'viet nam', 'dep trai']) {
      const text = folded.includes(' ')
        ? { op: 'phrase' as const, folded: folded.split(' ') }
        : { op: 'term' as const, folded };
      let start = performance.now();
      const page = await store.searchPosts({ text, limit: 50 });
      const pageMs = performance.now() - start;
      start = performance.now();
      const count = await store.countPosts({ text });
      const countMs = performance.now() - start;
      console.log(
        `search "${folded}": first page ${pageMs.toFixed(1)} ms (${page.posts.length} posts), count ${count} in ${countMs.toFixed(1)} ms`,
      );
    }
    console.log(`database file: ${(statSync(path).size / 1e6).toFixed(0)} MB`);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
