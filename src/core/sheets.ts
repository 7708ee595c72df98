/**
 * The template's sheet names (SPEC §2), as the rules name them in findings. A workbook may spell
 * a sheet differently (case, diacritics, spaces): the reader passes the names it actually found
 * (EvaluateInput.sheetNames) so that a reason's sheet selects the right tab.
 */
export const SHEET_NAMES = {
  info: 'Thông tin',
  members: 'Đảng viên',
  meetings: 'Sinh hoạt',
  attendance: 'Điểm danh',
  criteria: 'Tiêu chí',
  subordinates: 'Chi bộ trực thuộc',
  summary: 'Tổng hợp',
  config: 'Cấu hình',
} as const;

export type SheetId = keyof typeof SHEET_NAMES;
export type SheetNames = Record<SheetId, string>;

/** The order in which reasons of one code are listed: the template's sheet order. */
export const SHEET_ORDER: readonly SheetId[] = ['info', 'members', 'meetings', 'attendance', 'criteria', 'subordinates', 'summary', 'config'];

/** Canonical names with the given ones laid over them. */
export function resolveSheetNames(given?: Partial<Record<SheetId, string>>): SheetNames {
  return { ...SHEET_NAMES, ...(given ?? {}) };
}
