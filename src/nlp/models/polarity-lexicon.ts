import type { ModelToken } from '../normalize-for-model.js';

/**
 * A small polarity lexicon written for langnghe, read by the featurizer: a word in it adds a
 * LEX_POS or LEX_NEG feature (NEG_LEX_… inside a negation's scope). The classifier learns what a
 * negated positive or negative word means from every such word in the data at once, so "không
 * tệ" borrows from "không lỗi", "không chậm", "không kém". Entries are lower case, NFC, one or
 * two syllables; words whose polarity flips with the domain ("nóng", "mất", "phí") are left out.
 */

const POSITIVE = `tốt đẹp hay ngon tuyệt thích yêu ổn rẻ sạch xịn mượt bền ưng chuẩn vui xinh giỏi
tiện êm thơm nhạy khỏe khoẻ đỉnh ngoan gọn thoáng tuyệt_vời xuất_sắc hoàn_hảo hài_lòng nhiệt_tình
tận_tình chu_đáo thân_thiện hữu_ích dễ_hiểu dễ_thương hợp_lý an_toàn đáng_tiền ủng_hộ cảm_ơn
tin_tưởng hiệu_quả nhanh_chóng kịp_thời minh_bạch văn_minh vui_vẻ lịch_sự hạnh_phúc tuyệt_đẹp
sạch_sẽ thoải_mái tiện_lợi ấn_tượng đáng_yêu yên_tâm ổn_định chuyên_nghiệp hấp_dẫn
bổ_ích thú_vị dễ_chịu tự_hào trân_trọng xứng_đáng nhanh_nhẹn gần_gũi rõ_ràng chính_xác tiện_nghi
khen hoan_nghênh cảm_động tươi_đẹp mát_mẻ ngăn_nắp đẹp_đẽ sáng_tạo dễ_dàng vượt_trội`;

const NEGATIVE = `tệ xấu dở kém chán ghét chậm lỗi hỏng hư lag đắt bẩn lừa bực tức buồn sai thiếu ồn hôi
thối tồi ngu đểu rởm nhái rách móp vỡ đơ sập trễ muộn dơ giả kẹt tắc ngập sợ khổ mệt
lừa_đảo thất_vọng nguy_hiểm ô_nhiễm khó_chịu khó_hiểu phức_tạp rườm_rà nhũng_nhiễu tham_nhũng
vô_trách_nhiệm cẩu_thả chậm_trễ kinh_khủng tồi_tệ quá_tải xuống_cấp lãng_phí bất_tiện bức_xúc
phàn_nàn khiếu_nại hết_hạn tai_nạn hư_hỏng xuống_cấp ùn_tắc kẹt_xe tắc_đường ngập_nước mất_điện
cúp_điện mất_nước vô_lý bất_công phiền_phức nhàm_chán bực_mình tức_giận đáng_sợ tệ_hại
khủng_khiếp vô_dụng lãng_xẹt gian_lận trộm_cắp cướp_giật hách_dịch thô_lỗ cáu_gắt tiêu_cực
bừa_bãi lộn_xộn mất_trật_tự vô_văn_hóa xuống_sắc chán_nản thất_bại hối_hận kém_chất_lượng`;

function parse(list: string): Set<string> {
  return new Set(
    list
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => w.replaceAll('_', ' ')),
  );
}

/** Positive words and phrases. */
export const POSITIVE_WORDS: ReadonlySet<string> = parse(POSITIVE);
/** Negative words and phrases. */
export const NEGATIVE_WORDS: ReadonlySet<string> = parse(NEGATIVE);

/** First syllables of the two- and three-syllable entries: no other pair or triple can match. */
const STARTS_TWO = firstWords(2);
const STARTS_THREE = firstWords(3);

function firstWords(syllables: number): Set<string> {
  const out = new Set<string>();
  for (const entry of [...POSITIVE_WORDS, ...NEGATIVE_WORDS]) {
    const words = entry.split(' ');
    if (words.length === syllables) out.add(words[0]!);
  }
  return out;
}

const POSITIVE_ENTRY = 1;
const NEGATIVE_ENTRY = 2;
const STARTS_PAIR = 4;
const STARTS_TRIPLE = 8;

/** Whether `text` is an entry and whether it starts a longer one, as bits, for a memoizing caller. */
export function lexiconBits(text: string): number {
  return (
    (POSITIVE_WORDS.has(text) ? POSITIVE_ENTRY : 0) |
    (NEGATIVE_WORDS.has(text) ? NEGATIVE_ENTRY : 0) |
    (STARTS_TWO.has(text) ? STARTS_PAIR : 0) |
    (STARTS_THREE.has(text) ? STARTS_TRIPLE : 0)
  );
}

/**
 * {@link lexiconPolarities} of the first `count` tokens, given each one's {@link lexiconBits}, into
 * `out` (its first `count` entries are overwritten).
 */
export function markPolarities(
  tokens: readonly ModelToken[],
  bits: ArrayLike<number>,
  count: number,
  out: Int8Array,
): void {
  out.fill(0, 0, count);
  let prev = -1;
  let prev2 = -1;
  for (let i = 0; i < count; i++) {
    const t = tokens[i]!;
    if (!t.isWord || t.isBreak) prev = prev2 = -1;
    if (!t.isWord) continue;
    const b = bits[i]!;
    let polarity = (b & POSITIVE_ENTRY) !== 0 ? 1 : (b & NEGATIVE_ENTRY) !== 0 ? -1 : 0;
    if (polarity === 0 && prev !== -1 && (bits[prev]! & STARTS_PAIR) !== 0) {
      polarity = polarityOf(`${tokens[prev]!.text} ${t.text}`);
    }
    if (polarity === 0 && prev2 !== -1 && (bits[prev2]! & STARTS_TRIPLE) !== 0) {
      polarity = polarityOf(`${tokens[prev2]!.text} ${tokens[prev]!.text} ${t.text}`);
    }
    out[i] = polarity;
    prev2 = prev;
    prev = i;
  }
}

/**
 * Per token, the polarity of the lexicon word or phrase (up to three syllables) that ends there,
 * within one clause; 0 where none does.
 */
export function lexiconPolarities(tokens: readonly ModelToken[]): Int8Array {
  const out = new Int8Array(tokens.length);
  markPolarities(
    tokens,
    tokens.map((t) => lexiconBits(t.text)),
    tokens.length,
    out,
  );
  return out;
}

/** +1 for a positive entry, -1 for a negative one, 0 otherwise. */
export function polarityOf(phrase: string): number {
  if (POSITIVE_WORDS.has(phrase)) return 1;
  if (NEGATIVE_WORDS.has(phrase)) return -1;
  return 0;
}
