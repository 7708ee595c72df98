/**
 * The columns of the `Danh sách tổ chức` sheet: written by the consolidation's layout and read back
 * (by their headers) when a consolidation is the input of another one.
 */
import { columnLetters } from '../a1';

/**
 * Columns of the list, in order. The last five are hidden machine columns read back by
 * readConsolidation; `formerHeaders` are what earlier versions wrote, so their lists still read back.
 */
export const CONSOLIDATION_COLUMNS = [
  { id: 'stt', header: 'STT', width: 5 },
  { id: 'name', header: 'Tên tổ chức', width: 30 },
  { id: 'kind', header: 'Loại tổ chức', width: 14 },
  { id: 'year', header: 'Năm', width: 7 },
  { id: 'c1.1', header: 'Tiêu chí 1.1 (%)', width: 9 },
  { id: 'c1.2', header: 'Tiêu chí 1.2 (%)', width: 9 },
  { id: 'c1.3', header: 'Tiêu chí 1.3 (%)', width: 9 },
  { id: 'c1.4', header: 'Tiêu chí 1.4 (%)', width: 9 },
  // Rating levels in full (docs/glossary.md); the header row wraps and its height follows.
  { id: 'completed', header: 'Tỷ lệ Hoàn thành nhiệm vụ trở lên', width: 12, formerHeaders: ['Tỷ lệ HTNV trở lên'] },
  { id: 'good', header: 'Tỷ lệ Hoàn thành tốt nhiệm vụ trở lên', width: 12, formerHeaders: ['Tỷ lệ HTTNV trở lên'] },
  { id: 'verdict', header: 'Kết quả', width: 14 },
  { id: 'reasons', header: 'Lý do', width: 34 },
  { id: 'source', header: 'Tệp nguồn', width: 22 },
  { id: 'key', header: 'Khóa', width: 10, machine: true },
  { id: 'status', header: 'Trạng thái', width: 10, machine: true },
  { id: 'kindCode', header: 'Mã loại', width: 10, machine: true },
  { id: 'levelCode', header: 'Mã cấp', width: 10, machine: true },
  { id: 'codes', header: 'Mã lý do', width: 10, machine: true },
] as const;

export type ConsolidationColumnId = (typeof CONSOLIDATION_COLUMNS)[number]['id'];
export const VISIBLE_COLUMNS = CONSOLIDATION_COLUMNS.filter((c) => !('machine' in c)).length;
export const LAST_VISIBLE_COLUMN = columnLetters(VISIBLE_COLUMNS - 1);
