/**
 * Recorded digests of `analyzeText` over fixed inputs, so that a speed-up of the enrichment code
 * can prove it changed no result: real public posts (../shared/data), seeded synthetic posts built
 * to reach every odd path (NFD text, lone surrogates, long texts, teencode, emoji, personal data,
 * place names), and the benchmark's generated posts.
 *
 *   node --import tsx test/analyze-digests.ts   records test/fixtures/nlp/analyze-digests.json
 *
 * Record only at a commit whose analyses are the reference (a change that means to alter results
 * re-records and says so in its commit).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generatePostStream } from '../src/demo/index.js';
import { analyzeText } from '../src/nlp/analyze.js';
import {
  loadAivivn,
  loadVihsd,
  loadVisfd,
  loadVsfc,
  seededRandom,
} from '../scripts/train-datasets.js';

/** One input of analyzeText. */
export interface AnalyzeInput {
  text: string;
  title?: string;
}

/** Digests of one input set: of the inputs themselves, and of the analyses per chunk. */
export interface SetDigests {
  inputs: number;
  inputDigest: string;
  chunks: string[];
}

export const CHUNK = 50;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const digestsFile = join(root, 'test/fixtures/nlp/analyze-digests.json');
export const sharedData = join(root, '../shared/data');

function sha(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 24);
}

/** Texts become inputs; every third one gets the text before it as its title. */
function asInputs(texts: readonly string[]): AnalyzeInput[] {
  return texts.map((text, i) => (i % 3 === 2 ? { title: texts[i - 1]!, text } : { text }));
}

/** Dev splits of the public sets, and 2,000 AIVIVN reviews (long, teencode-heavy). */
export function realInputs(data = sharedData): AnalyzeInput[] | undefined {
  if (!existsSync(join(data, 'toxicity/vihsd/dev.csv'))) return undefined;
  const texts = [
    ...loadVihsd(data, 'dev').examples,
    ...loadVsfc(data, 'dev').examples,
    ...loadVisfd(data, 'dev').examples,
    ...loadAivivn(data).heldOut.examples.slice(0, 2_000),
  ].map((e) => e.text);
  return asInputs(texts);
}

/** Fragments of posts, ` | `-separated; the ones a template literal cannot show come after. */
const FRAGMENT_LIST = `Ngập nước | ngap nuoc | QUẬN 7 | Q7 | q.7 | P.12 | F12 | phường 12 quận Gò Vấp |
  phuong 12 quan go vap | Thủ Đức | TP.HCM | TPHCM | tp hcm | Sài Gòn | Binh Thanh District |
  các quận 1, 3 và 5 | đường Điện Biên Phủ | cầu Sài Gòn | phường Tân Mỹ | xã Bình Hưng | Đồng Nai |
  Hà Nội | Gia Định | gia đình | An Phú, Thủ Đức | kẹt xe | ket xe kinh khung | rác thải | cúp điện |
  mất nước | ổ gà | cây đổ | cháy | lừa đảo | giá nhà | học phí | bệnh viện | ô nhiễm | tai nạn |
  trộm cắp | không tốt | chẳng hề đẹp | không những đẹp mà còn rẻ | không được tốt lắm | đâu có hay |
  tuyệt vời | quá tệ | tệ hại | cảm ơn | bức xúc | đề nghị | cho hỏi | bao giờ mới | khong tot |
  chua duoc giai quyet | ko ai giải quyết | k | dc | j | ng | vs | cx | bik | hok | khum | mik |
  ngta | ak | hix | hahaha | huhu | kkk | đm | vl | ngu | đẹppppp | quáaaa | SIÊU XỊN | Ðiện | hoà |
  hòa | thuỷ | thủy | :) | :( | =)) | xD | t_t | <3 | :v | ^^ | 😡 | 👍 | ❤️ | 🙏 | 👨‍👩‍👧 | 🇻🇳 |
  👍🏽 | #NgapNuoc | #quận7 | ＃ket_xe | @nguyen.van.a | @abc | https://example.vn/a?b=1. |
  www.tuoitre.vn/tin). | http://x.y/z, | nguyen@gmail.com | shop.vn | 0901234567 | +84 90 123 4567 |
  (+84) 28 3822 1234 | 079203001234 | CCCD 079203001234 | CMND 123456789 |
  STK 0123456789 Vietcombank | mã đơn 123456789012 | 1.200.000đ | 50k | 3tr | 14:30 | 10/11/2026 |
  2.5 | 1,5 | 01 | 007 | q1 | p3 | ？ | ！ | ... | !!! | ??? | … | — | " | «trích» | ( | ) |
  The traffic on Pham Van Dong street is terrible | thanks | why | please fix | Привет мир |
  你好世界 | สวัสดี | Olá, não é verdade | Nguồn: Tuổi Trẻ | Source: VnExpress`;
const FRAGMENTS = [
  ...FRAGMENT_LIST.split(/\s*\|\s*/),
  'Ngập nước'.normalize('NFD'),
  'Thủ Đức'.normalize('NFD'),
  '\uD83D',
  '\uDE00',
  'x\uD83Dy',
  '\n',
  '\n\n',
  '\r\n',
  '\t',
  '|',
];
const SEPARATORS = [' ', ' ', ' ', ', ', '. ', '\n', '', '! ', '? ', ' - ', ' … '];

/** Seeded synthetic posts: fragments joined by separators, a few very long ones. */
export function syntheticInputs(count = 3_000, seed = 20_261_204): AnalyzeInput[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const compose = (parts: number): string => {
    let out = '';
    for (let k = 0; k < parts; k++) out += pick(FRAGMENTS) + pick(SEPARATORS);
    return out;
  };
  const inputs: AnalyzeInput[] = [{ text: '' }, { text: '   ' }, { text: '', title: 'Q7' }];
  for (let i = 0; i < count; i++) {
    const r = random();
    const parts = r < 0.01 ? 900 + Math.floor(random() * 3_000) : 1 + Math.floor(random() * 40);
    const text = compose(parts);
    inputs.push(random() < 0.3 ? { title: compose(1 + Math.floor(random() * 8)), text } : { text });
  }
  return inputs;
}

/** The enrichment benchmark's posts (bench/enrich.ts). */
export function demoInputs(count = 3_000): AnalyzeInput[] {
  const posts = generatePostStream({
    seed: 3,
    count,
    endMs: Date.UTC(2026, 10, 23),
    spanMs: 7 * 24 * 3600_000,
  });
  return [...posts].map((p) =>
    p.title === undefined ? { text: p.text } : { title: p.title, text: p.text },
  );
}

/** Digests of a set of inputs under the current analyzeText. */
export function digestSet(inputs: readonly AnalyzeInput[]): SetDigests {
  const chunks: string[] = [];
  for (let at = 0; at < inputs.length; at += CHUNK) {
    const hash = createHash('sha256');
    for (const input of inputs.slice(at, at + CHUNK)) {
      hash.update(JSON.stringify(analyzeText(input)));
      hash.update('\u0000');
    }
    chunks.push(hash.digest('hex').slice(0, 24));
  }
  return { inputs: inputs.length, inputDigest: sha(JSON.stringify(inputs)), chunks };
}

/** Where a recorded set and a new one first differ, or undefined when they are the same. */
export function firstDifference(recorded: SetDigests, now: SetDigests): string | undefined {
  if (recorded.inputDigest !== now.inputDigest) return 'the inputs changed';
  const at = recorded.chunks.findIndex((c, i) => c !== now.chunks[i]);
  if (at < 0) return undefined;
  return `inputs ${at * CHUNK}–${Math.min(recorded.inputs, (at + 1) * CHUNK) - 1} are analyzed differently`;
}

function record(): void {
  const real = realInputs();
  if (real === undefined) throw new Error(`${sharedData} is not here: cannot record`);
  const digests = {
    about: 'analyzeText digests; see test/analyze-digests.ts',
    real: digestSet(real),
    synthetic: digestSet(syntheticInputs()),
    demo: digestSet(demoInputs()),
  };
  mkdirSync(dirname(digestsFile), { recursive: true });
  writeFileSync(digestsFile, `${JSON.stringify(digests, null, 2)}\n`);
  console.log(`recorded ${digestsFile}`);
}

/** The recorded digests. */
export function recordedDigests(): Record<'real' | 'synthetic' | 'demo', SetDigests> {
  return JSON.parse(readFileSync(digestsFile, 'utf8')) as Record<
    'real' | 'synthetic' | 'demo',
    SetDigests
  >;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) record();
