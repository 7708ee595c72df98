/**
 * The workbook template of SPEC §2 as data: sheet names, columns and their headers, what is
 * required, the allowed labels, widths, number formats and dropdown sources. The reader finds
 * sheets and columns through these definitions, the template writers lay them out, and the summary
 * names them — one definition for all three.
 */
import { compactKey } from '../../core/text';
import type { OrgKind } from '../../core/types';
import { MEETING_KIND_LABELS, ORG_KIND_LABELS, ORG_TYPE_LABELS, RATING_LABELS, SELF_ASSESSMENT_LABELS } from '../../core/vocabulary';
import { SHEET_NAMES, type SheetKey } from '../../core/sheets';
import type { ColumnValidation } from '../types';

/** Sheet names and keys: the one vocabulary of src/core/sheets.ts. */
export { SHEET_NAMES, type SheetKey };

/** Other names people give these sheets; matched like headers (case, diacritics, spaces ignored). */
export const SHEET_ALIASES: Record<SheetKey, readonly string[]> = {
  info: ['Thông tin chung', 'Thông tin tổ chức'],
  members: ['Danh sách đảng viên', 'DS đảng viên'],
  meetings: ['Sinh hoạt chi bộ', 'Các buổi sinh hoạt'],
  attendance: ['Điểm danh sinh hoạt', 'Theo dõi dự sinh hoạt'],
  criteria: ['Tiêu chí bốn tốt', 'Chấm điểm tiêu chí'],
  subordinates: ['Các chi bộ trực thuộc', 'Danh sách chi bộ trực thuộc'],
  summary: [],
  policy: ['Cấu hình chính sách', 'Thiết lập'],
  lists: [],
};

// ---------------------------------------------------------------- label lists (dropdown items)

export const YES_NO_LABELS = ['Có', 'Không'] as const;
export const MARK_CODES = ['C', 'P', 'K', 'M', 'D'] as const;
export const RATING_ITEMS: readonly string[] = Object.values(RATING_LABELS);
export const MEETING_KIND_ITEMS: readonly string[] = Object.values(MEETING_KIND_LABELS);
export const SELF_ASSESSMENT_ITEMS: readonly string[] = Object.values(SELF_ASSESSMENT_LABELS);
export const ORG_KIND_ITEMS: readonly string[] = ORG_KIND_LABELS;
export const ORG_TYPE_ITEMS: readonly string[] = Object.values(ORG_TYPE_LABELS);

/**
 * The hidden list sheet (`Danh mục`): one column per list, header in row 1, items from row 2.
 * Lists whose items contain commas (Loại hình) must be referenced by range, never inline.
 */
export const LIST_COLUMNS = [
  { key: 'orgKind', header: 'Loại tổ chức', items: ORG_KIND_ITEMS },
  { key: 'orgType', header: 'Loại hình', items: ORG_TYPE_ITEMS },
  { key: 'yesNo', header: 'Có/Không', items: YES_NO_LABELS },
  { key: 'meetingKind', header: 'Loại sinh hoạt', items: MEETING_KIND_ITEMS },
  { key: 'selfAssessment', header: 'Tự đánh giá', items: SELF_ASSESSMENT_ITEMS },
  { key: 'rating', header: 'Xếp loại', items: RATING_ITEMS },
  { key: 'mark', header: 'Điểm danh', items: MARK_CODES },
] as const;

export type ListKey = (typeof LIST_COLUMNS)[number]['key'];

/** The dropdown for a list: inline when no item has a comma, else a range on the list sheet. */
export function listValidation(key: ListKey): ColumnValidation {
  const index = LIST_COLUMNS.findIndex((list) => list.key === key);
  const list = LIST_COLUMNS[index];
  if (!list) throw new Error(`unknown list ${key}`);
  const items = list.items;
  if (!items.some((item) => item.includes(','))) return { type: 'list', items };
  const letter = String.fromCharCode(65 + index);
  return { type: 'listRange', sheet: SHEET_NAMES.lists, range: `$${letter}$2:$${letter}$${items.length + 1}`, items };
}

// ---------------------------------------------------------------- columns

/** How a cell of the column is read. */
export type ColumnKind =
  | 'text'
  | 'count' // whole number ≥ 0
  | 'number' // number ≥ 0
  | 'points' // score: number ≥ 0, SCORE_INVALID when negative
  | 'date'
  | 'label'; // one of a vocabulary (rating, kind, Có/Không …)

export interface ColumnDef {
  key: string;
  header: string;
  /** Other headers people type for this column (matched loosely, like the header). */
  aliases?: readonly string[];
  required: boolean;
  kind: ColumnKind;
  /** Canonical labels accepted (the parser also takes the vocabulary's short forms). */
  allowed?: readonly string[];
  width: number;
  /** "@" text, "dd/mm/yyyy" dates, "0" whole numbers. */
  numberFormat?: string;
  /** Dropdown or numeric validation the template puts on the data cells. */
  validation?: ColumnValidation;
}

export interface SheetDef {
  key: SheetKey;
  name: string;
  columns: readonly ColumnDef[];
}

const TEXT = '@';
const DATE = 'dd/mm/yyyy';
const WHOLE = '0';

const count = (key: string, header: string, required: boolean, aliases: readonly string[] = []): ColumnDef => ({
  key,
  header,
  aliases,
  required,
  kind: 'count',
  width: 12,
  numberFormat: WHOLE,
  validation: { type: 'wholeNumber', min: 0 },
});

const STT: ColumnDef = { key: 'stt', header: 'STT', aliases: ['TT', 'Số TT', 'Số thứ tự'], required: false, kind: 'text', width: 6 };
const NAME: ColumnDef = {
  key: 'name',
  header: 'Họ và tên',
  aliases: ['Họ tên', 'Họ và tên đảng viên', 'Tên đảng viên'],
  required: true,
  kind: 'text',
  width: 28,
  numberFormat: TEXT,
};
const CARD_ALIASES = ['Số thẻ', 'Số thẻ ĐV', 'Số thẻ Đảng'];

export const MEMBERS_SHEET: SheetDef = {
  key: 'members',
  name: SHEET_NAMES.members,
  columns: [
    STT,
    NAME,
    { key: 'card', header: 'Số thẻ đảng viên', aliases: CARD_ALIASES, required: false, kind: 'text', width: 16, numberFormat: TEXT },
    {
      key: 'joined',
      header: 'Ngày vào Đảng',
      aliases: ['Ngày vào đảng'],
      required: false,
      kind: 'date',
      width: 14,
      numberFormat: DATE,
      validation: { type: 'date' },
    },
    {
      key: 'exempt',
      header: 'Miễn sinh hoạt',
      aliases: ['Miễn SH', 'Được miễn sinh hoạt'],
      required: true,
      kind: 'label',
      allowed: YES_NO_LABELS,
      width: 12,
      validation: listValidation('yesNo'),
    },
    {
      key: 'rating',
      header: 'Xếp loại',
      aliases: ['Xếp loại chất lượng', 'Kết quả xếp loại'],
      required: true,
      kind: 'label',
      allowed: RATING_ITEMS,
      width: 30,
      validation: listValidation('rating'),
    },
    {
      key: 'discipline',
      header: 'Kỷ luật',
      aliases: ['Hình thức kỷ luật', 'Bị kỷ luật'],
      required: true,
      kind: 'text',
      width: 18,
      numberFormat: TEXT,
    },
    { key: 'note', header: 'Ghi chú', required: false, kind: 'text', width: 24, numberFormat: TEXT },
  ],
};

export const MEETINGS_SHEET: SheetDef = {
  key: 'meetings',
  name: SHEET_NAMES.meetings,
  columns: [
    STT,
    {
      key: 'date',
      header: 'Ngày',
      aliases: ['Ngày sinh hoạt', 'Ngày họp'],
      required: true,
      kind: 'date',
      width: 12,
      numberFormat: DATE,
      validation: { type: 'date' },
    },
    {
      key: 'kind',
      header: 'Loại',
      aliases: ['Loại sinh hoạt', 'Hình thức'],
      required: true,
      kind: 'label',
      allowed: MEETING_KIND_ITEMS,
      width: 12,
      validation: listValidation('meetingKind'),
    },
    count('members', 'Số đảng viên', true, ['Tổng số đảng viên', 'Số ĐV']),
    count('present', 'Có mặt', true, ['Số có mặt', 'Dự họp', 'Số dự']),
    count('excused', 'Vắng có lý do', true, ['Vắng có phép', 'Vắng CLD']),
    count('unexcused', 'Vắng không lý do', true, ['Vắng không phép', 'Vắng KLD']),
    count('speakers', 'Số ý kiến', true, ['Số ý kiến phát biểu', 'Số người phát biểu', 'Phát biểu']),
    {
      key: 'minutes',
      header: 'Thời gian (phút)',
      aliases: ['Thời gian', 'Số phút', 'Thời lượng (phút)', 'Thời lượng'],
      required: true,
      kind: 'number',
      width: 12,
      numberFormat: WHOLE,
      validation: { type: 'wholeNumber', min: 0 },
    },
    {
      key: 'chairSigned',
      header: 'Chủ trì ký',
      aliases: ['Người chủ trì ký', 'Chủ trì đã ký'],
      required: true,
      kind: 'label',
      allowed: YES_NO_LABELS,
      width: 11,
      validation: listValidation('yesNo'),
    },
    {
      key: 'secretarySigned',
      header: 'Thư ký ký',
      aliases: ['Thư ký đã ký'],
      required: true,
      kind: 'label',
      allowed: YES_NO_LABELS,
      width: 11,
      validation: listValidation('yesNo'),
    },
    {
      key: 'selfAssessment',
      header: 'Tự đánh giá',
      aliases: ['Tự đánh giá chất lượng', 'Tự xếp loại'],
      required: true,
      kind: 'label',
      allowed: SELF_ASSESSMENT_ITEMS,
      width: 13,
      validation: listValidation('selfAssessment'),
    },
  ],
};

/** Điểm danh: the fixed columns; every other column whose header is a date is a meeting. */
export const ATTENDANCE_SHEET: SheetDef = {
  key: 'attendance',
  name: SHEET_NAMES.attendance,
  columns: [
    STT,
    NAME,
    { key: 'card', header: 'Số thẻ đảng viên', aliases: CARD_ALIASES, required: false, kind: 'text', width: 16, numberFormat: TEXT },
  ],
};

export const CRITERIA_SHEET: SheetDef = {
  key: 'criteria',
  name: SHEET_NAMES.criteria,
  columns: [
    { key: 'code', header: 'Mã', aliases: ['Mã tiêu chí', 'Mã số'], required: true, kind: 'text', width: 9, numberFormat: TEXT },
    { key: 'content', header: 'Nội dung', aliases: ['Nội dung tiêu chí', 'Tiêu chí'], required: false, kind: 'text', width: 70, numberFormat: TEXT },
    {
      key: 'max',
      header: 'Điểm tối đa',
      aliases: ['Điểm chuẩn', 'Thang điểm', 'Điểm tối đa (điểm)'],
      required: true,
      kind: 'points',
      width: 11,
      validation: { type: 'decimal', min: 0 },
    },
    {
      key: 'self',
      header: 'Điểm tự chấm',
      aliases: ['Tự chấm', 'Điểm tự đánh giá', 'Điểm đạt'],
      required: true,
      kind: 'points',
      width: 12,
      validation: { type: 'decimal', min: 0 },
    },
    { key: 'evidence', header: 'Minh chứng', aliases: ['Tài liệu minh chứng'], required: false, kind: 'text', width: 36, numberFormat: TEXT },
  ],
};

export const SUBORDINATES_SHEET: SheetDef = {
  key: 'subordinates',
  name: SHEET_NAMES.subordinates,
  columns: [
    STT,
    { key: 'name', header: 'Tên chi bộ', aliases: ['Chi bộ', 'Tên chi bộ trực thuộc'], required: true, kind: 'text', width: 36, numberFormat: TEXT },
    count('members', 'Số đảng viên', false, ['Tổng số đảng viên', 'Số ĐV']),
    {
      key: 'rating',
      header: 'Xếp loại',
      aliases: ['Xếp loại chất lượng', 'Kết quả xếp loại'],
      required: true,
      kind: 'label',
      allowed: RATING_ITEMS,
      width: 30,
      validation: listValidation('rating'),
    },
    {
      key: 'isModel',
      header: 'Chi bộ bốn tốt',
      aliases: ['Đạt chi bộ bốn tốt', 'Bốn tốt'],
      required: false,
      kind: 'label',
      allowed: YES_NO_LABELS,
      width: 14,
      validation: listValidation('yesNo'),
    },
  ],
};

/** Thông tin: `Mục | Giá trị`. */
export const INFO_SHEET: SheetDef = {
  key: 'info',
  name: SHEET_NAMES.info,
  columns: [
    { key: 'item', header: 'Mục', aliases: ['Nội dung', 'Thông tin', 'Mục thông tin'], required: true, kind: 'text', width: 34, numberFormat: TEXT },
    { key: 'value', header: 'Giá trị', aliases: ['Nội dung khai', 'Thông tin khai'], required: true, kind: 'text', width: 48, numberFormat: TEXT },
  ],
};

export type InfoKey = 'name' | 'kind' | 'type' | 'year' | 'superior' | 'hasCommittee' | 'minutesBookStamped';

export interface InfoItemDef {
  key: InfoKey;
  label: string;
  aliases: readonly string[];
  required: boolean;
  allowed?: readonly string[];
  validation?: ColumnValidation;
}

/** The rows of Thông tin, in template order. */
export const INFO_ITEMS: readonly InfoItemDef[] = [
  { key: 'name', label: 'Tên tổ chức', aliases: ['Tên chi bộ', 'Tên đảng bộ', 'Tên tổ chức đảng', 'Tên'], required: false },
  {
    key: 'kind',
    label: 'Loại tổ chức',
    aliases: ['Loại tổ chức đảng', 'Loại'],
    required: true,
    allowed: ORG_KIND_ITEMS,
    validation: listValidation('orgKind'),
  },
  {
    key: 'type',
    label: 'Loại hình',
    aliases: ['Loại hình tổ chức', 'Loại hình tổ chức đảng'],
    required: false,
    allowed: ORG_TYPE_ITEMS,
    validation: listValidation('orgType'),
  },
  { key: 'year', label: 'Năm đánh giá', aliases: ['Năm', 'Năm xếp loại'], required: true, validation: { type: 'wholeNumber', min: 2000, max: 2100 } },
  { key: 'superior', label: 'Cấp ủy cấp trên', aliases: ['Cấp ủy cấp trên trực tiếp', 'Cấp trên'], required: false },
  {
    key: 'hasCommittee',
    label: 'Có chi ủy',
    aliases: ['Chi bộ có chi ủy'],
    required: false,
    allowed: YES_NO_LABELS,
    validation: listValidation('yesNo'),
  },
  {
    key: 'minutesBookStamped',
    label: 'Sổ biên bản đóng dấu giáp lai',
    aliases: ['Sổ biên bản có đóng dấu giáp lai', 'Đóng dấu giáp lai'],
    required: false,
    allowed: YES_NO_LABELS,
    validation: listValidation('yesNo'),
  },
];

/** The policy sheet's columns (`Khóa | Giá trị | Nguồn`, plus a description the reader ignores). */
export const POLICY_SHEET: SheetDef = {
  key: 'policy',
  name: SHEET_NAMES.policy,
  columns: [
    { key: 'key', header: 'Khóa', aliases: ['Khoá'], required: true, kind: 'text', width: 30, numberFormat: TEXT },
    { key: 'value', header: 'Giá trị', required: true, kind: 'text', width: 14, numberFormat: TEXT },
    { key: 'source', header: 'Nguồn', required: false, kind: 'text', width: 36, numberFormat: TEXT },
    { key: 'label', header: 'Mô tả', required: false, kind: 'text', width: 70, numberFormat: TEXT },
  ],
};

export const SHEET_DEFS: Record<Exclude<SheetKey, 'summary' | 'lists'>, SheetDef> = {
  info: INFO_SHEET,
  members: MEMBERS_SHEET,
  meetings: MEETINGS_SHEET,
  attendance: ATTENDANCE_SHEET,
  criteria: CRITERIA_SHEET,
  subordinates: SUBORDINATES_SHEET,
  policy: POLICY_SHEET,
};

/**
 * The input sheets a workbook must have for its kind (SPEC §2). Điểm danh is wanted for a chi bộ but
 * its absence is only a warning. With the kind unknown only the sheets every kind needs are required.
 */
export function requiredSheets(kind: OrgKind | null): SheetKey[] {
  if (kind === 'chi-bo') return ['info', 'members', 'meetings', 'criteria'];
  if (kind === 'dang-bo') return ['info', 'criteria', 'subordinates'];
  return ['info', 'criteria'];
}

/** Sheets whose absence is a warning only. */
export function warnedSheets(kind: OrgKind | null): SheetKey[] {
  return kind === 'chi-bo' ? ['attendance'] : [];
}

/** headerKey results: the same header and alias texts are compared on every row a sheet's header is searched in. */
const headerKeys = new Map<string, string>();

/** The loose key headers and sheet names are compared by. */
export function headerKey(text: string): string {
  let key = headerKeys.get(text);
  if (key === undefined) {
    key = compactKey(text);
    if (headerKeys.size < 10_000) headerKeys.set(text, key);
  }
  return key;
}

/** True when a header text names the column (its header or one of its aliases). */
export function matchesColumn(text: string, column: Pick<ColumnDef, 'header' | 'aliases'>): boolean {
  const key = headerKey(text);
  if (key === '') return false;
  return key === headerKey(column.header) || (column.aliases ?? []).some((alias) => headerKey(alias) === key);
}

type NamedColumn = Pick<ColumnDef, 'header' | 'aliases'>;

/** Per column list: the columns each header key names, in list order (built once per list). */
const columnIndexes = new WeakMap<readonly NamedColumn[], Map<string, readonly NamedColumn[]>>();

/**
 * The columns of `columns` that a header text names, in their order: matchesColumn over the whole
 * list, with one lookup. The header search asks this of every cell of its first rows, where
 * comparing the text with every header and alias was half the time of checking a small workbook.
 */
export function columnsNamedBy<T extends NamedColumn>(text: string, columns: readonly T[]): readonly T[] {
  let index = columnIndexes.get(columns);
  if (index === undefined) {
    const built = new Map<string, T[]>();
    for (const column of columns) {
      for (const name of [column.header, ...(column.aliases ?? [])]) {
        const key = headerKey(name);
        if (key === '') continue;
        const list = built.get(key) ?? [];
        if (!list.includes(column)) list.push(column);
        built.set(key, list);
      }
    }
    index = built;
    columnIndexes.set(columns, index);
  }
  return (index.get(headerKey(text)) ?? []) as readonly T[];
}

/** The sheet key a sheet name stands for, or null. */
export function sheetKeyOf(name: string): SheetKey | null {
  const key = headerKey(name);
  for (const sheet of Object.keys(SHEET_NAMES) as SheetKey[]) {
    if (headerKey(SHEET_NAMES[sheet]) === key) return sheet;
  }
  for (const sheet of Object.keys(SHEET_ALIASES) as SheetKey[]) {
    if (SHEET_ALIASES[sheet].some((alias) => headerKey(alias) === key)) return sheet;
  }
  return null;
}
