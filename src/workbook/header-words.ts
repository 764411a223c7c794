/**
 * What a header says, as weighted concept words. Officials write the same column a hundred ways:
 * "Số hồ sơ nộp trực tuyến", "HS TT", "Trong đó: nộp trực tuyến (toàn trình, một phần)",
 * "So ho so\ntruc tuyen nam 2023". Diacritics, case, line breaks, soft hyphens and zero-width
 * characters are folded away; abbreviations (HS, TTHC, DVCTT, ĐDĐT, TK, CCCD, VNeID…) and
 * multi-word terms ("hồ sơ", "trực tuyến", "căn cước công dân") become one concept word each, so
 * that "hồ sơ" matches "HS" and "số" (number) is not confused with "số hóa" (digitisation).
 * Years and sub-periods ("năm 2023", "quý III", "6 tháng", "lũy kế") are taken out of the words and
 * kept apart: they choose between columns, they do not make a column mean something else.
 */
import { normalizeKey } from "../engine";

/** Single-word abbreviations, expanded before the multi-word terms are joined. */
const ABBREVIATIONS: Record<string, string> = {
  hs: "ho so",
  hstt: "ho so truc tuyen",
  tthc: "thu tuc hanh chinh",
  dvc: "dich vu cong",
  dvctt: "dich vu cong truc tuyen",
  dvcqg: "dich vu cong quoc gia",
  tt: "truc tuyen",
  tk: "tai khoan",
  tkdd: "tai khoan dinh danh",
  dddt: "dinh danh dien tu",
  dd: "dinh danh",
  sl: "so luong",
  tl: "ty le",
  tttt: "thanh toan truc tuyen",
  kq: "ket qua",
  gq: "giai quyet",
  xl: "xu ly",
  mb: "minh bach",
  ck: "cong khai",
  hl: "hai long",
  // OCR slips of scanned reports: "Ty 1e" for "Tỷ lệ", "tryc" for "trực"
  "1e": "le",
  tryc: "truc",
  httt: "he thong thong tin",
  bcci: "buu chinh cong ich",
  ubnd: "uy ban nhan dan",
  dv: "don vi",
  cq: "co quan",
  tp: "thanh pho",
  tx: "thi xa",
  vneid: "dinh danh",
  eid: "dinh danh",
  online: "truc tuyen",
  dossiers: "ho so",
  dossier: "ho so",
  accounts: "tai khoan",
  account: "tai khoan",
  citizens: "cong dan",
  activated: "kich hoat",
  ratio: "ty le",
  rate: "ty le",
  percent: "ty le",
  total: "tong",
  unit: "don vi",
  name: "ten",
  district: "huyen",
  commune: "xa",
  province: "tinh",
  date: "ngay",
  score: "diem",
  target: "chi tieu",
  plan: "ke hoach",
  actual: "thuc hien",
  publicity: "cong khai",
  transparency: "minh bach",
  processing: "giai quyet",
  resolved: "giai quyet",
  handled: "giai quyet",
  progress: "tien do",
  payment: "thanh toan",
  payments: "thanh toan",
  paid: "thanh toan",
  satisfaction: "hai long",
  satisfied: "hai long",
  digitisation: "so hoa",
  digitization: "so hoa",
  digitised: "so hoa",
  digitized: "so hoa",
  results: "ket qua",
  result: "ket qua",
  early: "truoc han",
  citizen: "cong dan",
  business: "doanh nghiep",
  businesses: "doanh nghiep",
  applications: "ho so",
  application: "ho so",
  received: "tiep nhan",
  returned: "tra",
  postal: "buu chinh",
  system: "he thong",
  solution: "giai phap",
  assigned: "giao",
  issued: "cap",
  services: "dich vu",
  service: "dich vu",
  fees: "thu phi",
  fee: "thu phi",
  synchronised: "dong bo",
  synchronized: "dong bo",
  remote: "tu xa",
  remotely: "tu xa",
  agency: "co quan",
  agencies: "co quan",
  department: "co quan",
  procedures: "thu tuc hanh chinh",
  procedure: "thu tuc hanh chinh",
  processed: "giai quyet",
  portal: "cong",
  national: "quoc gia",
  provincial: "tinh",
  had: "co",
  people: "nguoi dan",
  activation: "kich hoat",
  rates: "ty le",
  measure: "giai phap",
  measures: "giai phap",
  index: "chi so",
};

/**
 * Multi-word terms → one concept word. Longer terms first ("dịch vụ công trực tuyến" before
 * "dịch vụ công"); matched on whole words of the folded text.
 */
const TERMS: [string, string][] = [
  ["public dich vu", "dvc"],
  ["dich vu cong ich", "dvcongich"],
  ["on time", "dunghan"],
  ["muc do", "mucdo"],
  ["su dung", "sudung"],
  ["quoc gia", "quocgia"],
  ["xu ly", "giaiquyet"],
  ["doanh nghiep", "doanhnghiep"],
  ["bo chi so", "chiso"],
  ["chi so", "chiso"],
  ["tu cham", "tucham"],
  ["thoi diem", "ngay"],
  ["cong an", "congan"],
  ["so lieu", "solieu"],
  ["thong tin", "thongtin"],
  ["danh gia", "danhgia"],
  ["ket thuc", "ketthuc"],
  ["thi dua", "thidua"],
  ["full process", "toan trinh"],
  ["of which", "trong do"],
  ["tu danh gia", "tucham"],
  ["id card", "can cuoc"],
  ["can cuoc cong dan", "cccd"],
  ["the can cuoc", "cccd"],
  ["can cuoc", "cccd"],
  ["chung minh nhan dan", "cmnd"],
  ["dinh danh dien tu", "dinhdanh"],
  ["dinh danh", "dinhdanh"],
  ["muc do 2", "muc2"],
  ["muc 2", "muc2"],
  ["level 2", "muc2"],
  ["thu tuc hanh chinh", "tthc"],
  ["tructuyen dvc", "dvc tructuyen"],
  ["dich vu cong truc tuyen", "dvc tructuyen"],
  ["dich vu cong", "dvc"],
  ["dich vu truc tuyen", "dvc tructuyen"],
  ["uy ban nhan dan", "ubnd"],
  ["truc tuyen", "tructuyen"],
  ["truc tiep", "tructiep"],
  ["ho so", "hoso"],
  ["tai khoan", "taikhoan"],
  ["kich hoat", "kichhoat"],
  ["phat sinh", "phatsinh"],
  ["tiep nhan", "tiepnhan"],
  ["ty le", "tyle"],
  ["ti le", "tyle"],
  ["trong do", "trongdo"],
  ["ke hoach", "kehoach"],
  ["chi tieu", "chitieu"],
  ["muc tieu", "muctieu"],
  ["du kien", "dukien"],
  ["thuc hien", "thuchien"],
  ["ket qua", "ketqua"],
  ["don vi", "donvi"],
  ["so hoa", "sohoa"],
  ["thanh toan", "thanhtoan"],
  ["hai long", "hailong"],
  ["cong khai", "congkhai"],
  ["minh bach", "minhbach"],
  ["tien do", "tiendo"],
  ["dung han", "dunghan"],
  ["dung hen", "dunghan"],
  ["truoc han", "truochan"],
  ["qua han", "quahan"],
  ["tre han", "quahan"],
  ["buu chinh", "buuchinh"],
  ["cong ich", "congich"],
  ["he thong", "hethong"],
  ["giai phap", "giaiphap"],
  ["giai quyet", "giaiquyet"],
  ["toan trinh", "toantrinh"],
  ["mot phan", "motphan"],
  ["cong dan", "congdan"],
  ["nguoi dan", "nguoidan"],
  ["dan so", "danso"],
  ["thi xa", "thixa"],
  ["thanh pho", "thanhpho"],
  ["thi tran", "thitran"],
  ["dia phuong", "diaphuong"],
  ["co quan", "coquan"],
  ["so luong", "soluong"],
  ["dong bo", "dongbo"],
  ["tu xa", "tuxa"],
  ["thu phi", "thuphi"],
  ["le phi", "thuphi"],
  ["nganh", "nganh"],
  ["cung cap", "cungcap"],
  ["ghi chu", "ghichu"],
  ["xep loai", "xeploai"],
  ["xep hang", "xephang"],
  ["ky ten", "kyten"],
  // English: "online services" after its words were translated
  ["tructuyen dich vu", "dvc tructuyen"],
  ["dich vu", "dvc"],
  ["level", "cap"],
  ["tap the", "tapthe"],
];

const TERM_PATTERNS: [string, string, RegExp][] = TERMS.map(([t, w]) => [t, w, new RegExp(`(?<= )${t}(?= )`, "g")]);

/** Sub-period words: they choose between columns of one figure, they are not its meaning. */
const PERIOD_TERMS = /\b(luy ke|ca nam|dau nam|cuoi nam|6 thang|9 thang|3 thang|nam|quy (?:i{1,3}|iv|[1-4])|thang \d{1,2}|ky bao cao|ky truoc|ky nay|tuan \d{1,2})\b/g;

/**
 * Words that weigh little: "số" (number of) and "tổng" (total of) begin half of all headers;
 * "nộp" (filed) is often left out ("Số hồ sơ trực tuyến"); "trong đó" and the "toàn trình, một
 * phần" note of a sub-total say little about which figure it is.
 */
const WEIGHTS: Record<string, number> = {
  so: 0.15,
  cua: 0,
  cac: 0,
  va: 0.1,
  da: 0.1,
  duoc: 0.1,
  co: 0.2,
  nop: 0.4,
  tong: 0.5,
  luong: 0.1,
  soluong: 0.3,
  the: 0.15,
  nguoi: 0.3,
  trongdo: 0.3,
  toantrinh: 0.4,
  motphan: 0.4,
  thuchien: 0,
  ketqua: 0.5,
  gom: 0,
  bao: 0.1,
  tren: 0.2,
  voi: 0,
  cho: 0,
  tai: 0.2,
  trong: 0.2,
  tu: 0.1,
  den: 0.1,
  ngay: 0.6,
  lan: 0.3,
  cap: 0.6,
  stt: 0,
  mucdo: 0.3,
  sudung: 0.4,
  len: 0.1,
  qua: 0.1,
  cong: 0.3,
  quocgia: 0.4,
  // English glue words
  of: 0,
  and: 0,
  or: 0,
  by: 0,
  on: 0,
  to: 0,
  in: 0,
  for: 0,
  with: 0,
  at: 0,
  per: 0,
  number: 0.15,
  ketthuc: 0.2,
  thidua: 0.1,
  dot: 0.1,
  truoc: 0.3,
  theo: 0.1,
  danhgia: 0.5,
  congan: 0.3,
  solieu: 0.1,
  thongtin: 0.3,
  cungcap: 0.3,
};

/** Words that say the figure is a plan or a target, not what was done. */
export const TARGET_WORDS = new Set(["kehoach", "chitieu", "muctieu", "dukien"]);

export interface HeaderWords {
  /** concept word → weight */
  words: Map<string, number>;
  /** the first word naming the thing counted ("tài khoản" in "Số tài khoản nộp hồ sơ"), if any */
  head: string | null;
  /** sum of the weights */
  total: number;
  /** the header's own words, without what it borrows from a group title or a neighbour (absent: all of them) */
  own?: Map<string, number>;
  /** years written in the header (2022, 2023) */
  years: number[];
  /** dates written in the header ("đến 30/11/2023"), ISO */
  dates: string[];
  /** the header speaks of a ratio ("tỷ lệ", "%") */
  ratio: boolean;
  /** an official indicator code ("II.2", "IV"), lower case */
  code: string | null;
  /** the figures are of part of a period ("Quý III", "6 tháng đầu năm", "tháng 10") */
  subPeriod: boolean;
  /** the figures are of the whole period to date ("Lũy kế", "Cả năm") */
  wholePeriod: boolean;
}

/** Characters that change nothing a person sees: soft hyphen, zero-width space and joiners, BOM, word joiner. */
const INVISIBLE = /[\u00ad\u200b-\u200f\u2060\ufeff]/g;

/** Folds a text the way headers are compared: invisible characters out, then normalizeKey. */
export function foldText(text: string): string {
  return normalizeKey(text.replace(INVISIBLE, ""));
}

const cache = new Map<string, HeaderWords>();
const CACHE_LIMIT = 5000;

export function headerWords(text: string): HeaderWords {
  let w = cache.get(text);
  if (w === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, (w = headerWordsOf(text)));
  }
  return w;
}

/** The row-number column: "STT", "TT", "Số TT", "No.", "#" say nothing of any figure. */
const ORDINAL = /^(stt|tt|so tt|so thu tu|thu tu|no|#|nr)$/;

/**
 * An indicator code of an annex written in the header ("II.2", "IV", "(III.1)"): upper-case roman
 * numerals only, so that a word is never taken for one.
 */
const CODE = /(?:^|[\s(\[])((?:IX|X|IV|V?I{1,3}|V)(?:\.\d{1,2})?)(?=[\s.:)\]\-–,]|$)/;

function headerWordsOf(text: string): HeaderWords {
  const raw = text.replace(INVISIBLE, "");
  let codeMatch = CODE.exec(raw);
  // "Quý IV", "tháng IX" are periods, not indicators
  if (codeMatch && /(quy|thang|q)\s*$/.test(normalizeKey(raw.slice(0, codeMatch.index + codeMatch[0].indexOf(codeMatch[1]))))) codeMatch = null;
  const code = codeMatch ? codeMatch[1].toLowerCase() : null;
  let folded = normalizeKey(codeMatch ? raw.replace(codeMatch[1], " ") : raw);
  if (ORDINAL.test(folded)) folded = "";
  const dates: string[] = [];
  for (const m of raw.matchAll(/\b(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d{2})\b/g)) {
    dates.push(`${m[3]}-${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}`);
  }
  const years: number[] = [];
  folded = folded.replace(/\b(19|20)(\d{2})\b/g, (y) => {
    years.push(Number(y));
    return " ";
  });
  folded = folded
    .split(" ")
    .map((w) => ABBREVIATIONS[w] ?? w)
    .join(" ");
  folded = ` ${folded} `;
  for (const [term, word, re] of TERM_PATTERNS) if (folded.includes(term)) folded = folded.replace(re, word);
  const subPeriod = /\b(quy (?:i{1,3}|iv|[1-4])|[369] thang|thang \d{1,2}|tuan \d{1,2}|dau nam)\b/.test(folded);
  // "năm 2023" alone is the whole year
  const wholePeriod = /\b(luy ke|ca nam)\b/.test(folded) || (!subPeriod && years.length > 0 && /\bnam\b/.test(folded));
  folded = folded.replace(PERIOD_TERMS, " ");
  const words = new Map<string, number>();
  let total = 0;
  for (const w of folded.split(" ")) {
    if (!w || /^\d+$/.test(w) || /^[a-z]$/.test(w)) continue;
    if (words.has(w)) continue;
    const weight = WEIGHTS[w] ?? 1;
    words.set(w, weight);
    total += weight;
  }
  const head = [...words.keys()].find((w) => OBJECT_WORDS.has(w)) ?? null;
  const ratio = words.has("tyle") || /%/.test(raw) || /\bphan tram\b/.test(normalizeKey(raw));
  // "Giải quyết đúng hạn (%)" says "tỷ lệ" with its sign
  if (ratio && !words.has("tyle")) {
    words.set("tyle", 1);
    total += 1;
  }
  return { words, head, total, years, dates, ratio, code, subPeriod, wholePeriod };
}

/**
 * How well a header says what a wording says, 0–1: the share of the wording's weight found in the
 * header (recall, what matters most: a header may add units and notes), tempered by the share of
 * the header's weight the wording explains (a long title that merely contains "hồ sơ" is not the
 * dossiers column). An indicator code written in both ("II.2") is strong evidence on its own.
 */
export function wordsMatch(header: HeaderWords, wording: HeaderWords, distinctive: (word: string) => number = () => 1): number {
  const byCode = header.code !== null && header.code === wording.code ? CODE_MATCH : 0;
  if (wording.total === 0 || header.total === 0) return byCode;
  // "Chỉ tiêu I.1" is its code: without the same code it matches every "Chỉ tiêu …" column
  if (wording.code && wording.words.size <= 1 && header.code !== wording.code) return 0;
  let common = 0;
  let common2 = 0;
  let total2 = 0;
  for (const [w, weight] of wording.words) {
    const d = distinctive(w);
    total2 += weight * d;
    if (header.words.has(w)) {
      common += weight;
      common2 += weight * d;
    }
  }
  if (common === 0) return byCode;
  // recall weighs each word by how well it tells this input from the plan's others ("số hóa" alone
  // names the digitisation column; "hồ sơ", "trực tuyến" are in half the plan's inputs)
  const recall = common2 / total2;
  const precision = Math.min(1, common / header.total);
  // "Số tài khoản nộp hồ sơ trực tuyến" counts accounts: a header that counts another thing
  // ("Số hồ sơ trực tuyến"), even when it names it further on ("Dịch vụ công phát sinh hồ sơ …"
  // counts services, not dossiers); one that names no thing ("Tỷ lệ giải quyết đúng hạn") may be
  const headMissing = wording.head !== null && header.head !== null && header.head !== wording.head;
  return Math.max(byCode, recall * (0.6 + 0.4 * precision) * (headMissing ? HEAD_MISSING : 1));
}

/** The same annex code ("II.2") in the header and the wording: strong evidence, yet not certainty. */
const CODE_MATCH = 0.85;

/** What a match is worth when the header lacks the thing the wording counts. */
const HEAD_MISSING = 0.3;

/** Concept words that name the thing counted; a "Trong đó: …" sub-header borrows them from its total. */
export const OBJECT_WORDS = new Set(["hoso", "tthc", "dvc", "taikhoan", "dinhdanh", "cccd", "congdan", "nguoidan", "muc2", "diem"]);
