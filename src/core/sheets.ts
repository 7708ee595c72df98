/**
 * The one sheet vocabulary (SPEC §2): the template's sheet names by key, used by the rules (to
 * name a finding's sheet), the reader (to find sheets), the template writers and the summary. A
 * workbook may spell a sheet differently (case, diacritics, spaces): the reader passes the names it
 * actually found (EvaluateInput.sheetNames) so that a reason's sheet selects the right tab.
 */
export const SHEET_NAMES = {
  info: 'Thông tin',
  members: 'Đảng viên',
  meetings: 'Sinh hoạt',
  attendance: 'Điểm danh',
  criteria: 'Tiêu chí',
  subordinates: 'Chi bộ trực thuộc',
  summary: 'Tổng hợp',
  /** The settings sheet (thresholds and severities). */
  policy: 'Cấu hình',
  /** The hidden sheet holding the dropdown lists. */
  lists: 'Danh mục',
} as const;

/** Every sheet of the template. */
export type SheetKey = keyof typeof SHEET_NAMES;

/** The sheets a reason can point at: every sheet but the hidden lists. */
export type SheetId = Exclude<SheetKey, 'lists'>;
export type SheetNames = Record<SheetId, string>;

/** The order in which reasons of one code are listed: the template's sheet order. */
export const SHEET_ORDER: readonly SheetId[] = ['info', 'members', 'meetings', 'attendance', 'criteria', 'subordinates', 'summary', 'policy'];

/** Canonical names with the given ones laid over them. */
export function resolveSheetNames(given?: Partial<Record<SheetId, string>>): SheetNames {
  const { lists: _lists, ...canonical } = SHEET_NAMES;
  return { ...canonical, ...(given ?? {}) };
}
