/**
 * The labels of the template (SPEC §1–§2) and how loosely typed text maps onto them.
 * Matching is by whole label or short form after folding, never by prefix: "Hoàn thành" is the
 * start of three rating labels.
 */
import { msg, ref } from './messages';
import { compactKey, foldText } from './text';
import type { AttendanceMark, MeetingKind, OrgKind, OrgLevel, OrgType, Parsed, RatedLevel, RatingLevel, SelfAssessment } from './types';

/** Builds a lookup from folded aliases (with and without spaces) to values. */
function aliasTable<T>(entries: readonly (readonly [T, readonly string[]])[]): Map<string, T> {
  const table = new Map<string, T>();
  for (const [value, aliases] of entries) {
    for (const alias of aliases) {
      table.set(foldText(alias), value);
      // "✓" has no letter or digit: its compact key "" would make any punctuation ("??") read as it.
      const compact = compactKey(alias);
      if (compact !== '') table.set(compact, value);
    }
  }
  return table;
}

/** Results of lookup by table and raw text: a workbook or a sheet of formulas repeats a few labels many times. */
const lookupMemo = new WeakMap<Map<string, unknown>, Map<string, unknown>>();
const LOOKUP_MEMO_SIZE = 1000;

function lookup<T>(table: Map<string, T>, text: string): T | undefined {
  let memo = lookupMemo.get(table) as Map<string, T | undefined> | undefined;
  if (!memo) {
    memo = new Map();
    lookupMemo.set(table, memo);
  }
  if (memo.has(text)) return memo.get(text);
  const value = table.get(foldText(text)) ?? table.get(compactKey(text));
  if (memo.size < LOOKUP_MEMO_SIZE) memo.set(text, value);
  return value;
}

// ---------------------------------------------------------------- ratings

export const RATING_LABELS: Record<RatingLevel, string> = {
  HTXSNV: 'Hoàn thành xuất sắc nhiệm vụ',
  HTTNV: 'Hoàn thành tốt nhiệm vụ',
  HTNV: 'Hoàn thành nhiệm vụ',
  KHTNV: 'Không hoàn thành nhiệm vụ',
  KXL: 'Không xếp loại',
};

/**
 * The English names of the levels: what the English pane and CLI tell a clerk to type (en.ts
 * 'rating.*' is written from this), so the reader accepts them too, as whole names like the
 * Vietnamese ones ("Tasks completed" never matches "Tasks not completed").
 */
export const RATING_NAMES_EN: Record<RatingLevel, string> = {
  HTXSNV: 'Tasks completed excellently',
  HTTNV: 'Tasks completed well',
  HTNV: 'Tasks completed',
  KHTNV: 'Tasks not completed',
  KXL: 'Not rated',
};

/** Higher is better; KXL has no rank because it is never counted. */
export const RATING_RANK: Record<RatedLevel, number> = { HTXSNV: 3, HTTNV: 2, HTNV: 1, KHTNV: 0 };

// "NV" is how minutes and lists shorten "nhiệm vụ" ("Hoàn thành tốt NV"): read as the whole word.
const RATINGS = aliasTable<RatingLevel>([
  [
    'HTXSNV',
    [
      RATING_LABELS.HTXSNV,
      'HTXSNV',
      'HTXS NV',
      'Hoàn thành xuất sắc',
      'Xuất sắc',
      'Hoàn thành xuất sắc NV',
      'HT xuất sắc NV',
      RATING_NAMES_EN.HTXSNV,
    ],
  ],
  ['HTTNV', [RATING_LABELS.HTTNV, 'HTTNV', 'HTT NV', 'Hoàn thành tốt', 'HTT', 'Hoàn thành tốt NV', 'HT tốt NV', RATING_NAMES_EN.HTTNV]],
  ['HTNV', [RATING_LABELS.HTNV, 'HTNV', 'HT NV', 'Hoàn thành NV', RATING_NAMES_EN.HTNV]],
  ['KHTNV', [RATING_LABELS.KHTNV, 'KHTNV', 'KHT NV', 'Không hoàn thành', 'Không hoàn thành NV', 'Không HTNV', RATING_NAMES_EN.KHTNV]],
  ['KXL', [RATING_LABELS.KXL, 'KXL', 'Không xếp loại chất lượng', RATING_NAMES_EN.KXL]],
]);

const RATING_LEVELS = Object.keys(RATING_LABELS) as RatingLevel[];

/**
 * A rating cell that says the rating is not given yet ("Chưa xếp loại", "chưa đánh giá", "đang
 * xếp loại"): a missing rating, never KXL — the seed appraises only after the rating is complete.
 */
export function isNotYetRated(text: string): boolean {
  return /^(chua|dang)\b/.test(foldText(text));
}

export function parseRating(text: string): Parsed<RatingLevel> {
  const level = lookup(RATINGS, text);
  if (level) return { ok: true, value: level };
  // The levels in the reader's language: English lists the English names, which are accepted too.
  return { ok: false, ...msg('parse.rating', { text, options: { list: RATING_LEVELS.map((level) => ref(`rating.${level}`)) } }) };
}

/** True when a rated level is at or above the given level. */
export function ratingAtLeast(level: RatedLevel, floor: RatedLevel): boolean {
  return RATING_RANK[level] >= RATING_RANK[floor];
}

// ---------------------------------------------------------------- meeting kinds

export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  regular: 'Thường kỳ',
  thematic: 'Chuyên đề',
  combined: 'Kết hợp',
};

const MEETING_KINDS = aliasTable<MeetingKind>([
  ['regular', ['Thường kỳ', 'Thường kì', 'TK', 'Sinh hoạt thường kỳ', 'Thường lệ']],
  ['thematic', ['Chuyên đề', 'CĐ', 'Sinh hoạt chuyên đề']],
  [
    'combined',
    [
      'Kết hợp',
      'KH',
      'Thường kỳ + Chuyên đề',
      'Chuyên đề + Thường kỳ',
      'Thường kỳ và chuyên đề',
      'Chuyên đề và thường kỳ',
      'Thường kỳ kết hợp chuyên đề',
      'Thường kỳ kết hợp với chuyên đề',
      'Chuyên đề kết hợp thường kỳ',
      'Sinh hoạt thường kỳ kết hợp chuyên đề',
      'TK+CĐ',
      'CĐ+TK',
      'TK và CĐ',
      'TK kết hợp CĐ',
    ],
  ],
]);

export function parseMeetingKind(text: string): Parsed<MeetingKind> {
  const kind = lookup(MEETING_KINDS, text);
  if (kind) return { ok: true, value: kind };
  return { ok: false, ...msg('parse.meetingKind', { text }) };
}

// ---------------------------------------------------------------- attendance marks

export const MARK_LABELS: Record<AttendanceMark, string> = {
  C: 'có mặt',
  P: 'vắng có lý do',
  K: 'vắng không lý do',
  M: 'miễn sinh hoạt',
  D: 'làm nhiệm vụ đặc biệt (lực lượng vũ trang)',
};

const MARKS = aliasTable<AttendanceMark>([
  ['C', ['C', 'x', '✓', '✔', '1', 'có', 'có mặt', 'CM']],
  ['P', ['P', 'CP', 'VCP', 'có phép', 'vắng có phép', 'có lý do', 'vắng có lý do']],
  ['K', ['K', 'KP', 'VKP', 'không phép', 'vắng không phép', 'không lý do', 'vắng không lý do']],
  ['M', ['M', 'miễn', 'miễn sinh hoạt']],
  ['D', ['D', 'Đ', 'nhiệm vụ đặc biệt', 'NVĐB']],
]);

/** Parses one attendance mark; a bare "v" is refused with both readings offered. */
export function parseMark(text: string): Parsed<AttendanceMark> {
  const key = foldText(text);
  if (key === 'v') {
    return { ok: false, ...msg('parse.markV', { text }) };
  }
  const mark = lookup(MARKS, text);
  if (mark) return { ok: true, value: mark };
  return { ok: false, ...msg('parse.mark', { text }) };
}

// ---------------------------------------------------------------- Có / Không

const YES_ALIASES = ['Có', 'x', '✓', '✔', 'TRUE', 'đúng', 'yes', 'y', '1', 'đã ký', 'rồi', 'Đạt'];
const NO_ALIASES = ['Không', 'FALSE', 'sai', 'no', 'n', '0', 'chưa', 'chưa ký', 'Không đạt', 'K'];

const YES_NO = aliasTable<boolean>([
  [true, YES_ALIASES],
  [false, NO_ALIASES],
]);

export function parseYesNo(text: string): Parsed<boolean> {
  const value = lookup(YES_NO, text);
  if (value !== undefined) return { ok: true, value };
  return { ok: false, ...msg('parse.yesNo', { text }) };
}

/** Có/Không of a column, with the words clerks write in that column (SPEC §2) besides the common ones. */
function yesNoParser(yes: readonly string[], no: readonly string[], key: string): (text: string) => Parsed<boolean> {
  const table = aliasTable<boolean>([
    [true, [...YES_ALIASES, ...yes]],
    [false, [...NO_ALIASES, ...no]],
  ]);
  return (text) => {
    const value = lookup(table, text);
    if (value !== undefined) return { ok: true, value };
    return { ok: false, ...msg(key, { text }) };
  };
}

/** `Chủ trì ký`, `Thư ký ký`: also "Ký", "Có ký" (Có) and "Chưa ký" (Không). */
export const parseSigned = yesNoParser(['Ký', 'Có ký', 'Đã ký tên'], ['Chưa ký', 'Không ký'], 'parse.signed');

/** `Sổ biên bản đóng dấu giáp lai`: also "Đã đóng dấu" (Có) and "Chưa đóng dấu" (Không). */
export const parseStamped = yesNoParser(
  ['Đã đóng dấu', 'Có đóng dấu', 'Đã đóng dấu giáp lai', 'Có đóng dấu giáp lai'],
  ['Chưa đóng dấu', 'Không đóng dấu', 'Chưa đóng dấu giáp lai'],
  'parse.stamped',
);

/** `Miễn sinh hoạt`: also "Được miễn", "Miễn" (Có). */
export const parseExempt = yesNoParser(['Được miễn', 'Miễn', 'Miễn sinh hoạt', 'Được miễn sinh hoạt'], ['Không miễn'], 'parse.exempt');

// ---------------------------------------------------------------- organisation kind and level

export interface OrgKindLevel {
  kind: OrgKind;
  level: OrgLevel | null;
}

export const ORG_KIND_LABELS = ['Chi bộ cơ sở', 'Chi bộ trực thuộc', 'Đảng bộ cơ sở'] as const;

const ORG_KINDS = aliasTable<OrgKindLevel>([
  [{ kind: 'chi-bo', level: 'co-so' }, ['Chi bộ cơ sở', 'chi-bo-co-so']],
  [{ kind: 'chi-bo', level: 'truc-thuoc' }, ['Chi bộ trực thuộc', 'Chi bộ trực thuộc đảng bộ cơ sở', 'chi-bo-truc-thuoc']],
  [{ kind: 'chi-bo', level: null }, ['Chi bộ', 'chi-bo']],
  [{ kind: 'dang-bo', level: 'co-so' }, ['Đảng bộ cơ sở', 'Đảng bộ', 'dang-bo', 'dang-bo-co-so']],
]);

export function parseOrgKind(text: string): Parsed<OrgKindLevel> {
  const value = lookup(ORG_KINDS, text);
  if (value) return { ok: true, value };
  return { ok: false, ...msg('parse.orgKind', { text, options: ORG_KIND_LABELS.join(', ') }) };
}

export function orgKindLabel(kind: OrgKind, level: OrgLevel | null): string {
  if (kind === 'dang-bo') return 'Đảng bộ cơ sở';
  if (level === 'co-so') return 'Chi bộ cơ sở';
  if (level === 'truc-thuoc') return 'Chi bộ trực thuộc';
  return 'Chi bộ';
}

// ---------------------------------------------------------------- Loại hình

export const ORG_TYPE_LABELS: Record<OrgType, string> = {
  'co-quan': 'Cơ quan hành chính, đơn vị sự nghiệp',
  'vu-trang': 'Lực lượng vũ trang',
  'dia-ban': 'Thôn, khu phố, phường, xã',
  'doanh-nghiep': 'Doanh nghiệp',
};

const ORG_TYPES = aliasTable<OrgType>([
  ['co-quan', [ORG_TYPE_LABELS['co-quan'], 'co-quan', 'hanh-chinh', 'Cơ quan', 'Cơ quan hành chính', 'Đơn vị sự nghiệp']],
  ['vu-trang', [ORG_TYPE_LABELS['vu-trang'], 'vu-trang', 'luc-luong-vu-trang', 'Quân đội', 'Công an']],
  ['dia-ban', [ORG_TYPE_LABELS['dia-ban'], 'dia-ban', 'thon', 'xa', 'phuong', 'khu-pho', 'Thôn, khu phố', 'Xã, phường']],
  ['doanh-nghiep', [ORG_TYPE_LABELS['doanh-nghiep'], 'doanh-nghiep', 'DN']],
]);

export function parseOrgType(text: string): Parsed<OrgType> {
  const value = lookup(ORG_TYPES, text);
  if (value) return { ok: true, value };
  return { ok: false, ...msg('parse.orgType', { text, options: Object.values(ORG_TYPE_LABELS).join('; ') }) };
}

// ---------------------------------------------------------------- meeting self-assessment

export const SELF_ASSESSMENT_LABELS: Record<SelfAssessment, string> = {
  tot: 'Tốt',
  kha: 'Khá',
  'trung-binh': 'Trung bình',
  kem: 'Kém',
  dat: 'Đạt',
  'khong-dat': 'Không đạt',
};

const SELF_ASSESSMENTS = aliasTable<SelfAssessment>(
  (Object.entries(SELF_ASSESSMENT_LABELS) as [SelfAssessment, string][]).map(([value, label]) => [value, [label]] as const),
);

export function parseSelfAssessment(text: string): Parsed<SelfAssessment> {
  const value = lookup(SELF_ASSESSMENTS, text) ?? leadingSelfAssessment(text);
  if (value) return { ok: true, value };
  return { ok: false, ...msg('parse.selfAssessment', { text }) };
}

/**
 * A self-assessment read by its first words ("Tốt (92 điểm)" is Tốt, "Không đạt yêu cầu" is Không
 * đạt): the longest label, up to three words, that the text begins with.
 */
function leadingSelfAssessment(text: string): SelfAssessment | undefined {
  const words = foldText(text)
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
  for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
    const value = SELF_ASSESSMENTS.get(words.slice(0, n).join(' '));
    if (value) return value;
  }
  return undefined;
}

/** Self-assessments that MEETING_SELF_LOW warns about. */
export function isLowSelfAssessment(value: SelfAssessment): boolean {
  return value === 'trung-binh' || value === 'kem' || value === 'khong-dat';
}

// ---------------------------------------------------------------- recognised status (MODEL_SHARE, Chi bộ bốn tốt)

const RECOGNISED = aliasTable<boolean>([
  [true, ['Có', 'Đạt', 'TRUE', 'x', '✓', 'Công nhận', 'Đã công nhận', 'Bốn tốt', '1']],
  [false, ['Không', 'Không đạt', 'FALSE', 'Chưa', 'Chưa đạt', 'Chưa công nhận', '0']],
]);

/** Reads a "recognised" status cell; unknown text is not recognised (null = unknown). */
export function parseRecognised(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : null;
  if (typeof value !== 'string') return null;
  const found = lookup(RECOGNISED, value);
  return found === undefined ? null : found;
}
