import { compilePhrases, type PhraseHit } from './categories/compile-phrases.js';
import { matchPhrases } from './categories/match-phrases.js';
import { spanOf, type Span } from './categories/span.js';
import { textTokens, textWords } from './text-tokens.js';
import { saturate, weighHits } from './categories/weigh-hits.js';

/** What a post sets out to do. `information` is the default: a news-like statement. */
export type IntentLabel = 'complaint' | 'suggestion' | 'question' | 'praise' | 'information';

export const INTENT_LABELS: readonly IntentLabel[] = [
  'complaint',
  'suggestion',
  'question',
  'praise',
  'information',
];

/** The detected intent, its score (0..1), the phrases behind it, and every label's score. */
export interface Intent {
  label: IntentLabel;
  score: number;
  evidence: Span[];
  scores: Record<IntentLabel, number>;
}

/**
 * Weighted cues per intent, `phrase weight` separated by `;`. `!` before the weight: the word is
 * ambiguous folded ("khổ"/"kho", "hỏi"/"hôi") and counts unaccented only beside another cue of
 * its intent. `A ... B`: A then B within 5 words. Weight 0 shields words from shorter cues of the
 * same intent ("không hài lòng" is no praise).
 */
const RULES: Record<IntentLabel, string> = {
  complaint: `bức xúc 3; phản ánh 2; phản ảnh 2; không ai giải quyết 3; không ai xử lý 3;
    chưa được giải quyết 3; chưa được xử lý 3; không được giải quyết 3; không ai quan tâm 3;
    quá tệ 3; tệ quá 3; tệ hại 3; tồi tệ 3; tình trạng ... kéo dài 3; kéo dài 1; khổ !2;
    khổ sở 3; khổ quá 3; dân khổ 3; bao giờ mới 3; đến bao giờ 3; tới bao giờ 3; đến khi nào 2;
    chịu hết nổi 3; chịu không nổi 3; hết chịu nổi 3; quá đáng 3; vô trách nhiệm 3; thờ ơ 2;
    làm ngơ 3; ngó lơ 3; đùn đẩy 3; thất vọng 3; bực mình 3; bực !2; ức chế 3; phiền toái 2;
    kinh khủng 2; nhếch nhác 2; ngày nào cũng 2; năm nào cũng 2; mãi không 2; mãi mà không 3;
    vẫn chưa 1; vẫn không 1; bất cập 2; gây khó khăn 2; gây nguy hiểm 2; nguy hiểm 1;
    khiếu nại 3; tố cáo 3; phàn nàn 3; mệt mỏi 2; không hài lòng 3; chưa hài lòng 3;
    không tận tình 3; không kịp thời 2; chậm trễ 2; lộng hành 3; ngang nhiên 2; complain 3;
    terrible 3; awful 3; worst 2; fed up 3; disappointed 3; unacceptable 3; still not fixed 3`,
  suggestion: `đề nghị 3; kiến nghị 3; đề xuất 3; mong !2; mong muốn 3; mong chính quyền 3; mong cơ quan 3; mong các 2; mong sớm 3; rất mong 3; mong được 2;
    xin 1; xin chào 0; xin lỗi 0; xin hỏi 0; yêu cầu 3; nên !1; cần phải 2; cần !1; cần có 2;
    cần xử lý 3; sớm xử lý 3; xử lý dứt điểm 3; sớm khắc phục 3; khắc phục 1; vào cuộc 3;
    hy vọng 2; hi vọng 2; nhờ !1; làm ơn 2; xem xét 2; can thiệp 2; có biện pháp 3;
    có giải pháp 3; tăng cường 2; please 2; should 2; suggest 3; request 2; urge 3; hope 1`,
  question: `sao không 1.5; tại sao 2; vì sao 2; ai biết 3; có ai 2; hỏi !1; cho hỏi 3;
    cho em hỏi 3; cho mình hỏi 3; cho tôi hỏi 3; xin hỏi 3; làm sao 2; làm thế nào 2;
    như thế nào 2; thế nào 1; ở đâu 2; chỗ nào 2; bao nhiêu 2; bao lâu 2; bao giờ 1.5;
    khi nào 1.5; có phải 1.5; phải không 2; được không 2; không ạ 2; chưa ạ 2; có ... không 1;
    có ... chưa 1; hả !1; nhỉ !1; anyone know 3; does anyone 3; how 1.5; where 1.5; why 1.5`,
  praise: `cảm ơn 3; cám ơn 3; tuyệt vời 3; tuyệt 2; khen 2; khen ngợi 3; đáng khen 3;
    hoan nghênh 3; nhanh chóng 2; tận tình 3; chu đáo 3; nhiệt tình 2; tận tâm 3; kịp thời 2;
    rất tốt 2; tốt quá 2; hài lòng 3; sạch đẹp 2; xuất sắc 3; biết ơn 3; ủng hộ 1;
    không hài lòng 0; chưa hài lòng 0; không tận tình 0; không kịp thời 0; chưa kịp thời 0;
    thank 3; thanks 3; thank you 3; great job 3; well done 3; amazing 2`,
  information: `thông báo 2; cho biết 2; theo thông tin 2; thông tin từ 2; theo ghi nhận 2;
    ghi nhận 1; phóng viên 2; vào lúc 1; lực lượng chức năng 1; đang điều tra 1; khởi tố 1;
    tin nhanh 2; cập nhật 1; according to 2; reported 1; breaking 2`,
};

/** Emoji cues: praise and complaint. */
const EMOJI: ReadonlyMap<string, IntentLabel> = new Map([
  ...['👍', '👏', '❤️', '❤', '🥰', '😍', '🙏'].map((e) => [e, 'praise'] as const),
  ...['😡', '😤', '🤬', '😠', '😭', '😩'].map((e) => [e, 'complaint'] as const),
]);

/** Score scale: a weight sum of 3 gives 0.63. */
const SCALE = 3;
/** Information is what a text is when nothing else is said: it starts with this weight. */
const INFORMATION_BASE = 1;
const QUESTION_MARK_WEIGHT = 2;
/** A question mark after a strong complaint is usually rhetorical ("bao giờ mới sửa?"). */
const RHETORICAL_COMPLAINT = 3;
const MAX_EVIDENCE = 10;

const specs = INTENT_LABELS.flatMap((label, group) =>
  RULES[label]
    .split(';')
    .map((rule) => /^\s*(.*\S)\s+(!?)(-?[\d.]+)\s*$/s.exec(rule))
    .filter((m) => m !== null)
    .map((m) => ({
      phrase: m[1]!.replace(/\s+/g, ' '),
      accent: m[2] === '!' ? ('exact' as const) : ('any' as const),
      weight: Number(m[3]),
      group,
    })),
);
const matcher = compilePhrases(specs);
const weights = {
  group: Int32Array.from(specs, (s) => s.group),
  weight: Float64Array.from(specs, (s) => s.weight),
};
const QUESTION_PHRASE = specs.length;
const EMOJI_PHRASE = new Map(INTENT_LABELS.map((label, i) => [label, specs.length + 1 + i]));
const extended = {
  group: Int32Array.from([...weights.group, 2, ...INTENT_LABELS.map((_, i) => i)]),
  weight: Float64Array.from([
    ...weights.weight,
    QUESTION_MARK_WEIGHT,
    ...INTENT_LABELS.map(() => 1),
  ]),
};

/** Emoji live in surrogate pairs or the dingbats/symbols block (❤). */
const MAY_HAVE_EMOJI = /[\u2600-\u27bf\ud83c-\ud83e]/;

/** Question marks and emoji cues, as hits on the extra phrase slots of `extended`. */
function symbolHits(text: string): PhraseHit[] {
  const hits: PhraseHit[] = [];
  for (let i = text.indexOf('?'); i >= 0; i = text.indexOf('?', i + 1)) {
    hits.push({ phrase: QUESTION_PHRASE, spans: [spanOf(text, i, i + 1)], needsSupport: false });
  }
  if (!MAY_HAVE_EMOJI.test(text)) return hits;
  for (const token of textTokens(text)) {
    if (token.kind !== 'emoji') continue;
    const label = EMOJI.get(token.text);
    if (label === undefined) continue;
    const span = spanOf(text, token.start, token.end);
    hits.push({ phrase: EMOJI_PHRASE.get(label)!, spans: [span], needsSupport: false });
  }
  return hits;
}

/**
 * Classifies what a text sets out to do, from weighted Vietnamese (and some English) cues: a
 * complaint, a suggestion or request, a question, praise, or else information. Never throws; an
 * empty or cue-less text is `information` with no evidence.
 */
export function detectIntent(text: string): Intent {
  const { tokens, ids } = textWords(text);
  const hits = matchPhrases(matcher, tokens, text, ids);
  if (text.includes('?') || MAY_HAVE_EMOJI.test(text)) hits.push(...symbolHits(text));
  const groups = weighHits(extended, hits, MAX_EVIDENCE);
  const raw = INTENT_LABELS.map((_, i) => groups.get(i)?.raw ?? 0);
  raw[4]! += INFORMATION_BASE;
  if (raw[0]! >= RHETORICAL_COMPLAINT) raw[2]! = Math.min(raw[2]!, raw[0]! - 0.5);
  const scores: Record<IntentLabel, number> = {
    complaint: saturate(raw[0]!, SCALE),
    suggestion: saturate(raw[1]!, SCALE),
    question: saturate(raw[2]!, SCALE),
    praise: saturate(raw[3]!, SCALE),
    information: saturate(raw[4]!, SCALE),
  };
  let best = 4;
  for (let i = 0; i < 4; i++) if (raw[i]! > raw[best]!) best = i;
  const label = INTENT_LABELS[best]!;
  return { label, score: scores[label], evidence: groups.get(best)?.evidence ?? [], scores };
}
