/**
 * Vietnamese teencode and abbreviations, written for langnghe. Keys are whole tokens in lower case
 * (NFC, repeated letters already squeezed); a key never matches inside a word. A plain string is
 * always expanded; a list of rules is tried in order, the first whose context holds wins, and a
 * token no rule accepts is left as it is. Context is read on the neighbouring tokens in folded form
 * (no diacritics), so "tp hcm" and "thành phố hcm" both see "hcm" after "tp"/"pho".
 *
 * Choices for ambiguous short tokens (see docs/models.md):
 * - "k": "nghìn" after a number ("50 k"), otherwise "không". "50k" is one token and handled as
 *   number + unit by the model normalizer, not here.
 * - "a"/"c"/"b": only next to a vocative or courtesy word ("a ơi", "cảm ơn c"); alone they are list
 *   markers or letters far too often.
 * - "e" → "em" always: in social text it is almost never anything else.
 * - "m" → "mày" except after a number (metres); "t" is left alone ("tao" or "tôi" cannot be told).
 * - "hem" → "hẻm" (HCMC alleys) next to a number or an alley word, otherwise "không".
 * - "bít" → "biết" except in "bít tất", "bít tết", "bưng bít".
 * - "wa" → "qua" after "hôm"/"đi"/"ghé", otherwise "quá".
 * - "bn" → "bao nhiêu" next to a price or quantity word, otherwise "bạn".
 * - "ck" → "chuyển khoản" next to money words, otherwise "chồng".
 * - "kp" → "khu phố" before a number, otherwise "không phải".
 * - "bt" → "biết" after a negator or "ai"/"để" ("ko bt"), otherwise "bình thường".
 * - "hcm" → "hồ chí minh" after "tp"/"thành phố" (so "tp hcm" is not doubled), otherwise
 *   "thành phố hồ chí minh".
 * Left out on purpose: "t", "bh" (bảo hành / bây giờ), "hk" (học kỳ / không), "gd" (giáo dục /
 * gia đình), "dt" (điện thoại / diện tích), "đg" (đường / đang), "lol", "vc".
 */

/** One way to expand a token, taken when its context holds. */
export interface TeencodeRule {
  /** The expansion, lower case; may hold several words. */
  readonly to: string;
  /** The previous token (folded) must be one of these. */
  readonly after?: readonly string[];
  /** The next token (folded) must be one of these. */
  readonly before?: readonly string[];
  /** The previous token must be a number. */
  readonly afterNumber?: boolean;
  /** The next token must be a number. */
  readonly beforeNumber?: boolean;
  /** The previous token must not be a number. */
  readonly notAfterNumber?: boolean;
  /** The previous token (folded) must not be one of these. */
  readonly notAfter?: readonly string[];
  /** The next token (folded) must not be one of these. */
  readonly notBefore?: readonly string[];
}

/** A plain expansion, or rules tried in order. */
export type TeencodeEntry = string | readonly TeencodeRule[];

const VOCATIVE = ['oi', 'a', 'nhe', 'nha', 'nhi', 'di', 'ak'];
const COURTESY = ['chao', 'on', 'giup', 'hoi', 'nho', 'cam', 'cua', 'voi', 'cho', 'la'];
const ALLEY = ['so', 'trong', 'dau', 'cuoi', 'con', 'duong', 'cai', 'ngo', 'vao', 'xe', 'hem'];
const QUANTITY = ['tien', 'tuoi', 'k', 'nghin', 'ngan', 'tr', 'trieu', 'lau', 'km', 'ngay', 'gio'];
const NEGATORS = [
  'k',
  'ko',
  'kh',
  'khong',
  'hok',
  'khum',
  'hong',
  'chua',
  'deo',
  'chang',
  'ai',
  'de',
];
const DISTRICT_WORDS = ['binh', 'tan', 'go', 'phu', 'thu', 'cu', 'hoc', 'nha', 'can'];

const districts: Record<string, string> = {};
for (let n = 1; n <= 12; n++) districts[`q${n}`] = `quận ${n}`;

/** The curated list: key (lower case, NFC) → expansion. */
export const TEENCODE_ENTRIES: Readonly<Record<string, TeencodeEntry>> = {
  // không
  ko: 'không',
  k: [{ to: 'nghìn', afterNumber: true }, { to: 'không' }],
  kh: 'không',
  khg: 'không',
  khôg: 'không',
  kô: 'không',
  hok: 'không',
  hông: [{ to: 'không', notAfter: ['dau', 'ben', 'xuong', 'eo', 'vong'] }],
  hem: [
    { to: 'hẻm', beforeNumber: true },
    { to: 'hẻm', after: ALLEY },
    { to: 'không', notBefore: ALLEY },
  ],
  khum: 'không',
  hum: [{ to: 'hôm', before: ['qua', 'nay', 'truoc', 'sau', 'bua', 'no', 'kia'] }, { to: 'không' }],
  kb: 'không biết',
  kbiet: 'không biết',
  kbt: 'không biết',
  kbh: 'không bao giờ',
  kcj: 'không có gì',
  kcgi: 'không có gì',
  kp: [{ to: 'khu phố', beforeNumber: true }, { to: 'không phải' }],
  // được, gì, biết
  dc: 'được',
  đc: 'được',
  dk: 'được',
  dx: 'được',
  đx: 'được',
  j: 'gì',
  ji: 'gì',
  jì: 'gì',
  jz: 'gì vậy',
  bít: [{ to: 'biết', notBefore: ['tat', 'tet', 'loi', 'kin'], notAfter: ['bung'] }],
  bik: 'biết',
  bjk: 'biết',
  bjt: 'biết',
  pik: 'biết',
  pít: 'biết',
  // people
  ng: 'người',
  ngừ: 'người',
  ngừi: 'người',
  ngta: 'người ta',
  mn: 'mọi người',
  mng: 'mọi người',
  mik: 'mình',
  mk: 'mình',
  mjk: 'mình',
  mjh: 'mình',
  mjnh: 'mình',
  tui: 'tôi',
  m: [{ to: 'mày', notAfterNumber: true }],
  e: 'em',
  iem: 'em',
  a: [
    { to: 'anh', before: VOCATIVE },
    { to: 'anh', after: COURTESY },
  ],
  c: [
    { to: 'chị', before: VOCATIVE },
    { to: 'chị', after: COURTESY },
  ],
  b: [
    { to: 'bạn', before: VOCATIVE },
    { to: 'bạn', after: COURTESY },
  ],
  cj: 'chị',
  chj: 'chị',
  bn: [
    { to: 'bao nhiêu', before: QUANTITY },
    { to: 'bao nhiêu', after: ['gia', 'het', 'mat', 'la', 'duoc', 'tra', 'ban'] },
    { to: 'bạn' },
  ],
  pn: 'bạn',
  pạn: 'bạn',
  pé: 'bé',
  pà: 'bà',
  ae: 'anh em',
  ace: 'anh chị em',
  ck: [
    { to: 'chuyển khoản', before: ['tien', 'truoc', 'qua', 'khoan'] },
    { to: 'chuyển khoản', after: ['tien', 'phi', 'da', 'se', 'can'] },
    { to: 'chồng' },
  ],
  vk: 'vợ',
  zợ: 'vợ',
  ox: 'ông xã',
  bx: 'bà xã',
  ny: 'người yêu',
  nyc: 'người yêu cũ',
  bme: 'bố mẹ',
  gđ: 'gia đình',
  thg: 'thằng',
  thằg: 'thằng',
  sv: 'sinh viên',
  gv: 'giảng viên',
  gvcn: 'giáo viên chủ nhiệm',
  hs: 'học sinh',
  ph: 'phụ huynh',
  bgh: 'ban giám hiệu',
  nv: 'nhân viên',
  nvien: 'nhân viên',
  ctv: 'cộng tác viên',
  ad: 'admin',
  cđm: 'cộng đồng mạng',
  cdm: 'cộng đồng mạng',
  // places and institutions
  tp: 'thành phố',
  tphcm: 'thành phố hồ chí minh',
  hcmc: 'thành phố hồ chí minh',
  hcm: [{ to: 'hồ chí minh', after: ['tp', 'pho'] }, { to: 'thành phố hồ chí minh' }],
  sg: 'sài gòn',
  hn: 'hà nội',
  vn: 'việt nam',
  tq: 'trung quốc',
  ...districts,
  q: [
    { to: 'quận', beforeNumber: true },
    { to: 'quận', before: DISTRICT_WORDS },
  ],
  p: [
    { to: 'phút', afterNumber: true },
    { to: 'phường', beforeNumber: true },
  ],
  tx: 'thị xã',
  ql: 'quốc lộ',
  hxh: 'hẻm xe hơi',
  ubnd: 'ủy ban nhân dân',
  hđnd: 'hội đồng nhân dân',
  csgt: 'cảnh sát giao thông',
  bv: 'bệnh viện',
  bhyt: 'bảo hiểm y tế',
  bhxh: 'bảo hiểm xã hội',
  cccd: 'căn cước công dân',
  cmnd: 'chứng minh nhân dân',
  gplx: 'giấy phép lái xe',
  thpt: 'trung học phổ thông',
  thcs: 'trung học cơ sở',
  ktx: 'ký túc xá',
  tkb: 'thời khóa biểu',
  cntt: 'công nghệ thông tin',
  cty: 'công ty',
  xh: 'xã hội',
  mxh: 'mạng xã hội',
  nđ: 'nghị định',
  tgdđ: 'thế giới di động',
  tgdd: 'thế giới di động',
  // contact, platforms
  sdt: 'số điện thoại',
  sđt: 'số điện thoại',
  đt: 'điện thoại',
  đth: 'điện thoại',
  đthoai: 'điện thoại',
  fb: 'facebook',
  ytb: 'youtube',
  yt: 'youtube',
  zl: 'zalo',
  ib: 'inbox',
  inb: 'inbox',
  ntin: 'nhắn tin',
  nt: 'nhắn tin',
  tn: 'tin nhắn',
  cmt: 'bình luận',
  rep: 'trả lời',
  tl: 'trả lời',
  stt: 'trạng thái',
  vid: 'video',
  sp: 'sản phẩm',
  ss: 'samsung',
  vnđ: 'đồng',
  vnd: 'đồng',
  // bình thường, với, cũng, rồi, quá, vậy
  bt: [{ to: 'biết', after: NEGATORS }, { to: 'bình thường' }],
  bth: 'bình thường',
  bthg: 'bình thường',
  vs: 'với',
  zới: 'với',
  cx: 'cũng',
  cg: 'cũng',
  cũg: 'cũng',
  r: 'rồi',
  rùi: 'rồi',
  gòi: 'rồi',
  zồi: 'rồi',
  òi: 'rồi',
  đr: 'đúng rồi',
  wá: 'quá',
  qá: 'quá',
  wa: [{ to: 'qua', after: ['hom', 'di', 'ghe', 'chay', 'vuot', 'bo', 'sang'] }, { to: 'quá' }],
  v: [{ to: 'vậy', notAfterNumber: true }],
  z: 'vậy',
  zậy: 'vậy',
  dzậy: 'vậy',
  s: [{ to: 'sao', notAfterNumber: true }],
  // qu-, gi-, ph- spellings
  wen: 'quen',
  wên: 'quên',
  wán: 'quán',
  wần: 'quần',
  wê: 'quê',
  wan: 'quan',
  wả: 'quả',
  wà: 'quà',
  zui: 'vui',
  zô: 'vô',
  dô: 'vô',
  zề: 'về',
  zìa: 'về',
  dìa: 'về',
  zờ: 'giờ',
  jờ: 'giờ',
  h: 'giờ',
  bjo: 'bây giờ',
  bgio: 'bây giờ',
  bgiờ: 'bây giờ',
  fải: 'phải',
  fê: 'phê',
  fim: 'phim',
  // feelings and common words
  thik: 'thích',
  thjk: 'thích',
  thix: 'thích',
  thíc: 'thích',
  iu: 'yêu',
  iêu: 'yêu',
  thw: 'thương',
  thươg: 'thương',
  dth: 'dễ thương',
  dthw: 'dễ thương',
  bùn: 'buồn',
  mún: 'muốn',
  hỉu: 'hiểu',
  xink: 'xinh',
  nhìu: 'nhiều',
  lun: 'luôn',
  lém: 'lắm',
  lm: 'làm',
  ms: 'mới',
  nx: 'nữa',
  ns: 'nói',
  nc: 'nói chuyện',
  nch: 'nói chuyện',
  nchung: 'nói chung',
  ntn: 'như thế nào',
  nma: 'nhưng mà',
  nhma: 'nhưng mà',
  nhg: 'nhưng',
  nhưg: 'nhưng',
  trc: 'trước',
  trk: 'trước',
  tr: [
    { to: 'triệu', afterNumber: true },
    { to: 'trời', before: ['oi'] },
  ],
  trùi: 'trời',
  chx: 'chưa',
  đừg: 'đừng',
  đag: 'đang',
  ik: 'đi',
  đj: 'đi',
  nge: 'nghe',
  ngke: 'nghe',
  hc: 'học',
  họk: 'học',
  hnay: 'hôm nay',
  hqua: 'hôm qua',
  tgian: 'thời gian',
  kq: 'kết quả',
  lquan: 'liên quan',
  lq: 'liên quan',
  cv: 'công việc',
  chiện: 'chuyện',
  thui: 'thôi',
  thoy: 'thôi',
  thôy: 'thôi',
  hoy: 'thôi',
  ak: 'à',
  ah: 'à',
  ạk: 'ạ',
  uk: 'ừ',
  ukm: 'ừ',
  ừk: 'ừ',
  ừm: 'ừ',
  um: 'ừ',
  oke: 'ok',
  okê: 'ok',
  okie: 'ok',
  oki: 'ok',
  okla: 'ok',
  ôk: 'ok',
  tks: 'cảm ơn',
  thx: 'cảm ơn',
  thanks: 'cảm ơn',
  thank: 'cảm ơn',
  camon: 'cảm ơn',
  sr: 'xin lỗi',
  sorry: 'xin lỗi',
  xl: 'xin lỗi',
  pls: 'làm ơn',
  plz: 'làm ơn',
  hjhj: 'hihi',
  hjx: 'hix',
  hjc: 'hic',
  trẩu: 'trẻ trâu',
  gato: 'ghen ăn tức ở',
  // profanity, unified so the toxicity model sees one spelling
  dm: 'địt mẹ',
  đm: 'địt mẹ',
  dmm: 'địt mẹ mày',
  đmm: 'địt mẹ mày',
  đcm: 'địt con mẹ',
  dcm: 'địt con mẹ',
  đkm: 'địt con mẹ',
  dkm: 'địt con mẹ',
  cmm: 'con mẹ mày',
  cmn: 'con mẹ nó',
  cmnr: 'con mẹ nó rồi',
  vl: 'vãi lồn',
  vkl: 'vãi lồn',
  vcl: 'vãi cả lồn',
  vđ: 'vãi đái',
  cl: 'cái lồn',
  clgt: 'cái lồn gì thế',
  sml: 'sấp mặt lồn',
  éo: 'đéo',
  dell: 'đéo',
  đell: 'đéo',
  đếch: 'đéo',
};
