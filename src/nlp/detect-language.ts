import { franc } from 'franc-min';
import { textWords } from './text-tokens.js';
import { NO_NUMBER, WordNumbers } from './word-table.js';
import type { Token } from './tokenize.js';

/** `und`: nothing to judge (empty, too short, only emoji, numbers or links). */
export type DetectedLanguageCode = 'vi' | 'en' | 'other' | 'und';

export interface DetectedLanguage {
  lang: DetectedLanguageCode;
  /** 0..1, a rough degree of belief, not a calibrated probability. */
  confidence: number;
}

/** Letters only Vietnamese uses among Latin scripts: ă đ ơ ư ĩ ũ and the Latin Extended Additional block. */
const VIETNAMESE_LETTER = /[ăđơưĩũĂĐƠƯĨŨ\u1ea0-\u1ef9]/;
/** Marked vowels Vietnamese shares with French, Portuguese… */
const SHARED_MARK = /[àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ]/;
const LATIN = /^[\p{Script=Latin}\p{M}]+$/u;
const LETTER = /^\p{L}$/u;
/** A folded Vietnamese syllable: onset, 1–3 vowels, coda. */
const SYLLABLE =
  /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?$/;

/**
 * Very common Vietnamese syllables and chat spellings, folded: what unaccented Vietnamese
 * ("ngap nuoc quan 7 ko ai giai quyet") is made of. The ~500 most frequent folded syllables of
 * the public aivivn-2019, UIT-VSFC and ViHSD corpora plus civic words, less those that are also
 * common English words ("the", "to", "an", "do", "no", "may", "can", "long").
 */
const VIETNAMESE_COMMON = new Set(
  `khong co la va cua cho nguoi duoc nay mot nhung cac da dang se thi ma voi tu trong ra vao len
  xuong di den roi qua lam gi sao nao nhu vay ai biet nhieu rat cung con nua moi ban toi minh em
  anh chi ong ba ho chung ta nha ngay nam thang gio sang chieu dem luc khi neu vi nen de bi lai
  chua het tat ca nhat hon o tai ve theo sau truoc tren duoi ben phai muon thay noi day kia ay
  hom nhe oi luon van duong nuoc xe quan phuong thanh pho dan ket ngap mua lon nho cau giai
  quyet xu ly tinh trang viec nhan vien cong toan gia dinh tien mat hang ngoai nhanh cham lau cu
  tot xau dep troi khoang hai bon bay tam chin muoi tram nghin trieu doan hem ngo gan xa cuoi
  dau giua benh truong hoc sinh dien thoai nan chay ro uy thu tuc giay phep xay dung via rac
  thai nhiem lua dao ko k kh dc r j ng mk mik bik hok vs cx ak uk nhiu wa hix hic khum giang
  pham san thuc giao chat dong bai hieu luong nhiet thoi hay goi hoi cai chan tap chac doi bao
  chu gian du dat tuyet kien mon su hanh phuc kho kem vu bo lop cam phan ky lan mau nghe vui
  cach thuong y loi hop hinh ung kha nghi nang nguyen cao trinh truyen chuyen khac tao thuyet
  tra tiep thich yeu vo huong mo dai phong giong te mong cuc tuong nhin danh viet xem thong tin
  giup trung ngu tang dua tran vua diem mang bang hoa tiet xin v doc sach gui tui song vai mai
  vong thiet lieu ha e thien le lien chinh sai thieu chui bac ngon sp tay chuc tham dieu deo
  tieng ki phu lo phat hong hien tro lay chuan buoi ke dap tung gay m phap tac kiem han buon
  nhau kinh rang t deu chet sua sac mui kieu xong tuan hung toc choi dich gioi chiu tre tim binh
  hoang khach re nhien tri nham vl abe tuy ne quang cha nghiem vang linh cang coi vn che loai
  chang trai thac xai huyet ghe quoc hoan lap ao chuong bong nhi muc gap manh nhac nhom giac ti
  rong chut cuong keo tiki cay quyen khoa chong xuyen ngan tich suc ngoc mem ap cuon nghiep ngoi
  hoat hut mieng hu canh bu sieu duc khoe giam thom hoac nong lich phi lanh soi quy chau chon
  phim vat khan ae li banh xinh bien dm thao quat lang lao sap truc tieu dac chia meo xuat khoi
  kip gai tranh cuoc ghi bot xac duy boi thua ty ich tuoi quen huy ton keu mi yen som bam hau kg
  tho xiu giau ga`
    .split(/\s+/)
    .filter((w) => w !== ''),
);

const ENGLISH_COMMON = new Set(
  `the a an of to and in is are was were be been for on with at by this that these those it its
  from as have has had not but or they we you he she i my our your their his her them us me what
  when where why how who which all can will would should could just about more out up no yes
  please thanks thank today again very so there here after before near road street city district
  police water traffic people new one two three some any many much than then also only into over
  under still because if did does do got get make made want need know think like see look good bad`
    .split(/\s+/)
    .filter((w) => w !== ''),
);

/** Loanwords Vietnamese posts are full of: they count as fitting Vietnamese, not as English. */
const LOANWORDS = new Set(
  `ok oke oki okie shop ship size like share fb sp inbox ib add admin page link live video clip
  app online sale fake check feedback review rep cmt wifi taxi grab pass order`
    .split(/\s+/)
    .filter((w) => w !== ''),
);

/** Longer texts are judged on their opening (franc reads at most 2,048 characters too). */
const SAMPLE_CHARS = 3000;

interface Counts {
  latin: number;
  nonLatin: number;
  vietnameseLetters: number;
  sharedMarks: number;
  vietnameseCommon: number;
  englishCommon: number;
  syllables: number;
  /** The same three among words without any mark. */
  plain: number;
  plainEnglish: number;
  plainSyllables: number;
}

/** What one word contributes to the counts, as bits (a word's folded form is fixed by its text). */
const NUMERIC = 1;
const NON_LATIN = 2;
const VIETNAMESE = 4;
const SHARED = 8;
const COMMON_VI = 16;
const COMMON_EN = 32;
const SYLLABLE_BIT = 64;
const PLAIN = 128;

/** wordBits by word id (a word too long to have one is judged each time). */
const memo = new WordNumbers();

function wordBits(token: Token): number {
  if (/^[\p{N}_]+$/u.test(token.text)) return NUMERIC;
  if (!LATIN.test(token.text)) return NON_LATIN;
  let bits = 0;
  const nfc = token.text.normalize('NFC');
  if (VIETNAMESE_LETTER.test(nfc)) bits |= VIETNAMESE;
  else if (SHARED_MARK.test(nfc)) bits |= SHARED;
  const loanword = LOANWORDS.has(token.folded);
  if (token.plain && !loanword && ENGLISH_COMMON.has(token.folded)) bits |= COMMON_EN;
  if (loanword || SYLLABLE.test(token.folded) || VIETNAMESE_COMMON.has(token.folded)) {
    bits |= SYLLABLE_BIT;
  }
  if (VIETNAMESE_COMMON.has(token.folded)) bits |= COMMON_VI;
  if (token.plain) bits |= PLAIN;
  return bits;
}

function countWords(sample: string): Counts {
  const counts: Counts = {
    latin: 0,
    nonLatin: 0,
    vietnameseLetters: 0,
    sharedMarks: 0,
    vietnameseCommon: 0,
    englishCommon: 0,
    syllables: 0,
    plain: 0,
    plainEnglish: 0,
    plainSyllables: 0,
  };
  const { tokens, ids } = textWords(sample);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind !== 'word') continue;
    const id = ids[i]!;
    let bits = id < 0 ? NO_NUMBER : memo.get(id);
    if (bits === NO_NUMBER) {
      bits = wordBits(token);
      if (id >= 0) memo.set(id, bits);
    }
    if ((bits & NUMERIC) !== 0) continue;
    if ((bits & NON_LATIN) !== 0) {
      counts.nonLatin++;
      continue;
    }
    counts.latin++;
    if ((bits & VIETNAMESE) !== 0) counts.vietnameseLetters++;
    if ((bits & SHARED) !== 0) counts.sharedMarks++;
    if ((bits & COMMON_VI) !== 0) counts.vietnameseCommon++;
    if ((bits & COMMON_EN) !== 0) counts.englishCommon++;
    if ((bits & SYLLABLE_BIT) !== 0) counts.syllables++;
    if ((bits & PLAIN) === 0) continue;
    counts.plain++;
    if ((bits & COMMON_EN) !== 0) counts.plainEnglish++;
    if ((bits & SYLLABLE_BIT) !== 0) counts.plainSyllables++;
  }
  return counts;
}

/** True when the text has at least 3 UTF-16 code units of letters (`\p{L}`). */
function hasThreeLetters(text: string): boolean {
  let n = 0;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    const letter =
      code < 0x80
        ? (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)
        : LETTER.test(ch);
    if (letter && (n += ch.length) >= 3) return true;
  }
  return false;
}

function round(value: number): number {
  return Math.round(Math.min(0.99, Math.max(0, value)) * 100) / 100;
}

/**
 * Latin text with some marked words: Vietnamese, unless its unmarked words are English that
 * Vietnamese names are sprinkled in ("Traffic jam on Phạm Văn Đồng street").
 */
function judgeMarked(c: Counts): DetectedLanguage | undefined {
  const mostlyPlain = c.plain >= 3 && c.plain >= c.latin / 2;
  if (mostlyPlain && c.plainSyllables / c.plain < 0.5 && c.plainEnglish / c.plain >= 0.2) {
    return { lang: 'en', confidence: round(0.5 + c.plainEnglish / c.plain) };
  }
  const marked = c.vietnameseLetters / c.latin;
  if (marked >= 0.1) return { lang: 'vi', confidence: round(0.8 + marked) };
  const anyMark = (c.vietnameseLetters + c.sharedMarks) / c.latin;
  if (anyMark >= 0.2 && c.syllables / c.latin >= 0.6 && c.vietnameseCommon >= c.englishCommon) {
    return { lang: 'vi', confidence: round(0.6 + anyMark / 2) };
  }
  return undefined;
}

/** Unaccented Latin text: our syllable lists first, franc for the rest. */
function judgePlain(sample: string, c: Counts): DetectedLanguage {
  const vi = c.vietnameseCommon / c.latin;
  const en = c.englishCommon / c.latin;
  const syllables = c.syllables / c.latin;
  if (vi >= 0.3 && syllables >= 0.7 && vi > en)
    return { lang: 'vi', confidence: round(0.5 + vi / 2) };
  // With this many English words and too few syllables, franc's guess cannot change the answer.
  if (en >= 0.25 && syllables < 0.7) return { lang: 'en', confidence: round(0.5 + en) };
  const guess = sample.length >= 10 ? franc(sample, { minLength: 10 }) : 'und';
  if (guess === 'vie' && syllables >= 0.7)
    return { lang: 'vi', confidence: round(0.5 + syllables / 3) };
  if (guess === 'eng' || en >= 0.25) return { lang: 'en', confidence: round(0.5 + en) };
  if (guess === 'und' || guess === 'vie')
    return { lang: en > 0 ? 'en' : 'und', confidence: round(en) };
  return { lang: 'other', confidence: round(0.5 - en) };
}

/**
 * The language of a post: Vietnamese, English, another language, or undetermined. Vietnamese-only
 * letters (ă đ ơ ư, stacked tone marks…) decide at once; unaccented text is judged on very common
 * Vietnamese syllables and English words, then by franc (trigram models, which short unaccented
 * Vietnamese often defeats). Never throws; fewer than 3 letters, or only emoji, numbers or links,
 * give `und`.
 */
export function detectLanguage(text: string): DetectedLanguage {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const c = countWords(sample);
  const words = c.latin + c.nonLatin;
  if (words === 0 || !hasThreeLetters(sample)) return { lang: 'und', confidence: 0 };
  if (c.nonLatin > c.latin) return { lang: 'other', confidence: round(c.nonLatin / words) };
  if (c.vietnameseLetters + c.sharedMarks > 0) {
    const judged = judgeMarked(c);
    if (judged !== undefined) return judged;
  }
  return judgePlain(sample, c);
}
