/**
 * Derives src/query/word-frequency.json: the share of real Vietnamese posts containing each common
 * folded word, used by the matcher to pick selective anchors. Reads the public corpora under
 * ../shared/data (comments, reviews and feedback sentences: the register people write in).
 *
 *   node --import tsx scripts/build-word-frequency.ts [../shared/data]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tokenize } from '../src/nlp/tokenize.js';

const dataDir = process.argv[2] ?? join(import.meta.dirname, '..', '..', 'shared', 'data');
const sources = [
  'sentiment/uit-vsfc/train/sents.txt',
  'sentiment/aivivn-2019/train.csv',
  'sentiment/uit-visfd/train.csv',
  'toxicity/vihsd/train.csv',
  'spam/vispamreviews/train.csv',
];
const MAX_WORDS = 6000;
const MIN_SHARE = 0.0001;

const documentFrequency = new Map<string, number>();
let documents = 0;
for (const source of sources) {
  const lines = readFileSync(join(dataDir, source), 'utf8').split('\n').slice(1);
  for (const line of lines) {
    const words = new Set<string>();
    for (const token of tokenize(line)) if (token.kind === 'word') words.add(token.folded);
    if (words.size === 0) continue;
    documents++;
    for (const word of words) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
  }
}

const words: Record<string, number> = {};
const ranked = [...documentFrequency].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
for (const [word, count] of ranked.slice(0, MAX_WORDS)) {
  const share = count / documents;
  if (share < MIN_SHARE) break;
  words[word] = Number(share.toPrecision(3));
}

const out = {
  description:
    'Share of posts containing each folded word (document frequency), for choosing matcher anchors.',
  sources: sources.map((s) => `shared/data/${s}`),
  licence:
    'Derived counts from research data sets (see shared/data/README.md); no text is included.',
  documents,
  words,
};
const target = join(import.meta.dirname, '..', 'src', 'query', 'word-frequency.json');
writeFileSync(target, `${JSON.stringify(out)}\n`);
console.log(`${Object.keys(words).length} words from ${documents} documents → ${target}`);
