/**
 * The cell readers: one cell of a sheet → a typed value (count, amount, label, yes/no, date,
 * rating…) or null, with the issue that says why when the cell cannot be read (SPEC §2, §3).
 */
import * as z from 'zod/mini';
import { parseDate, isExcelSerialDate } from '../../core/dates';
import { msg, ref, render, type Message, type MessageParam, type MessageRef } from '../../core/messages';
import '../../core/messages/viIssues';
import { cellText, foldText } from '../../core/text';
import type { IsoDate, IssueCode, Parsed, RatingLevel } from '../../core/types';
import { parseRating, parseYesNo } from '../../core/vocabulary';
import { FORMULA_WITHOUT_RESULT } from '../types';
import type { SheetView } from './sheetView';

z.config({ jitless: true });

// ---------------------------------------------------------------- cell readers

const countSchema = z.int().check(z.gte(0));
const nonNegativeSchema = z.number().check(z.gte(0));
export const yearSchema = z.int().check(z.gte(1900), z.lte(2100));

export type NumberCell = { state: 'blank' } | { state: 'number'; value: number } | { state: 'bad'; text: string } | { state: 'formula' };

/** What a formula cell without a stored result is reported as, with the column's own code (SPEC §3). */
export const NO_RESULT = ref('formula.noResult');

/** What a formula cell without a stored result is reported as, in Vietnamese (SPEC §3). */
export const FORMULA_WITHOUT_RESULT_MESSAGE = render(NO_RESULT, 'vi');

/** A value of a column that could not be read: `Cột "X": <why>`. */
export function columnProblem(header: string, parsed: { message: string; text?: MessageRef }): Message {
  return msg('issue.column', { header, problem: parsed.text ?? parsed.message });
}

/** A value of an item of the information sheet that could not be read: `Mục "X": <why>`. */
export function itemProblem(label: string, parsed: { message: string; text?: MessageRef }): Message {
  return msg('issue.item', { label, problem: parsed.text ?? parsed.message });
}

export function formulaIssue(sheet: SheetView, code: IssueCode, at: string, header: string): void {
  sheet.issue(code, at, msg('issue.column', { header, problem: NO_RESULT }));
}

const NUMBER_TEXT = /^([+-]?\d+(?:[.,]\d+)?)\s*(?:phút|phut|p|điểm|diem|đ|người|nguoi|ý kiến|y kien)?$/i;

/** Reads a number typed as a number or as text ("12", "92,5", "90 phút"). */
export function numberCell(sheet: SheetView, r: number, c: number): NumberCell {
  const value = sheet.raw(r, c);
  if (typeof value === 'number') return Number.isFinite(value) ? { state: 'number', value } : { state: 'bad', text: String(value) };
  const text = sheet.text(r, c);
  if (text === null) return value === FORMULA_WITHOUT_RESULT ? { state: 'formula' } : { state: 'blank' };
  if (typeof value === 'string') {
    const match = NUMBER_TEXT.exec(text);
    if (match) return { state: 'number', value: Number((match[1] as string).replace(',', '.')) };
  }
  return { state: 'bad', text };
}

export type BlankRule = 'zero' | 'error' | 'null';

/** A whole number ≥ 0 (a count). Blank: 0, null, or an error, per the blank rule of SPEC §2. */
export function readCount(sheet: SheetView, r: number, c: number | undefined, header: string, blank: BlankRule, what: MessageParam): number | null {
  if (c === undefined) return blank === 'zero' ? 0 : null;
  const cell = numberCell(sheet, r, c);
  const at = sheet.addr(r, c);
  if (cell.state === 'blank') {
    if (blank === 'error') sheet.issue('NUMBER_INVALID', at, msg('NUMBER_INVALID.countBlank', { header, what }));
    return blank === 'zero' ? 0 : null;
  }
  if (cell.state === 'formula') {
    formulaIssue(sheet, 'NUMBER_INVALID', at, header);
    return blank === 'zero' ? 0 : null;
  }
  if (cell.state === 'bad') {
    sheet.issue('NUMBER_INVALID', at, msg('NUMBER_INVALID.countText', { header, text: cell.text, what }));
    return blank === 'zero' ? 0 : null;
  }
  if (!countSchema.safeParse(cell.value).success) {
    const key = cell.value < 0 ? 'NUMBER_INVALID.countNegative' : 'NUMBER_INVALID.countFraction';
    sheet.issue('NUMBER_INVALID', at, msg(key, { header, value: cell.value, what }));
    return blank === 'zero' ? 0 : null;
  }
  return cell.value;
}

/** A number ≥ 0 (minutes). Blank: an error or null. */
export function readAmount(sheet: SheetView, r: number, c: number | undefined, header: string, blank: BlankRule, what: MessageParam): number | null {
  if (c === undefined) return null;
  const cell = numberCell(sheet, r, c);
  const at = sheet.addr(r, c);
  if (cell.state === 'blank') {
    if (blank === 'error') sheet.issue('NUMBER_INVALID', at, msg('NUMBER_INVALID.amountBlank', { header, what }));
    return null;
  }
  if (cell.state === 'formula') {
    formulaIssue(sheet, 'NUMBER_INVALID', at, header);
    return null;
  }
  if (cell.state === 'bad') {
    sheet.issue('NUMBER_INVALID', at, msg('NUMBER_INVALID.amountText', { header, text: cell.text, what }));
    return null;
  }
  if (!nonNegativeSchema.safeParse(cell.value).success) {
    sheet.issue('NUMBER_INVALID', at, msg('NUMBER_INVALID.amountNegative', { header, value: cell.value, what }));
    return null;
  }
  return cell.value;
}

/** A label cell parsed by a vocabulary parser; blank → null, unknown → VALUE_INVALID and null. */
export function readLabel<T>(sheet: SheetView, r: number, c: number | undefined, header: string, parse: (text: string) => Parsed<T>): T | null {
  if (c === undefined) return null;
  const text = sheet.text(r, c);
  if (text === null) {
    if (sheet.formulaWithoutResult(r, c)) formulaIssue(sheet, 'VALUE_INVALID', sheet.addr(r, c), header);
    return null;
  }
  const parsed = sheet.texts.parse(parse, text);
  if (parsed.ok) return parsed.value;
  sheet.issue('VALUE_INVALID', sheet.addr(r, c), columnProblem(header, parsed));
  return null;
}

/** True when a cell holds something (so a null label means unreadable, not blank). */
export function ratingTyped(sheet: SheetView, r: number, c: number | undefined): boolean {
  return !sheet.blank(r, c);
}

/** A Có/Không cell: blank is "Không" (false); null when the cell holds something unreadable (a data error). */
export function readYesNo(
  sheet: SheetView,
  r: number,
  c: number | undefined,
  header: string,
  parse: (text: string) => Parsed<boolean> = parseYesNo,
): boolean | null {
  const value = readLabel(sheet, r, c, header, parse);
  if (value !== null) return value;
  return ratingTyped(sheet, r, c) ? null : false;
}

/** A date cell; blank → null (an error when `required`). */
export function readDate(sheet: SheetView, r: number, c: number | undefined, header: string, required: boolean): IsoDate | null {
  if (c === undefined) return null;
  const at = sheet.addr(r, c);
  const value = sheet.raw(r, c);
  if (value === FORMULA_WITHOUT_RESULT) {
    formulaIssue(sheet, 'DATE_INVALID', at, header);
    return null;
  }
  if (cellText(value) === null) {
    if (required) sheet.issue('DATE_INVALID', at, msg('DATE_INVALID.blank', { header }));
    return null;
  }
  const parsed = parseDate(typeof value === 'string' ? (sheet.text(r, c) ?? '') : value);
  if (parsed.ok) return parsed.value;
  sheet.issue('DATE_INVALID', at, columnProblem(header, parsed));
  return null;
}

/**
 * readDate for a date that is not kept (Ngày vào Đảng: read for its issues only). A Date or an
 * Excel serial in range is a valid date (readDate would raise nothing): no ISO text is built.
 */
export function checkDate(sheet: SheetView, r: number, c: number | undefined, header: string, required: boolean): void {
  if (c === undefined) return;
  const value = sheet.raw(r, c);
  if (value instanceof Date && !Number.isNaN(value.getTime())) return;
  if (typeof value === 'number' && isExcelSerialDate(value)) return;
  readDate(sheet, r, c, header, required);
}

/** A card number as a key: its text without spaces. */
export function cardKey(text: string): string {
  // Digits and capitals only (as almost every card is): already its own key.
  let plain = true;
  for (let i = 0; i < text.length && plain; i++) {
    const code = text.charCodeAt(i);
    plain = (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  }
  return plain ? text : text.replace(/\s+/g, '').toUpperCase();
}

/** The key of a member identified by name. */
export function nameKey(name: string): string {
  return foldText(name);
}

/** A rating cell that says the rating is not given yet ("Chưa xếp loại", "đang xếp loại"). */
export function notYetRatedCell(sheet: SheetView, r: number, c: number | undefined): boolean {
  if (c === undefined) return false;
  const text = sheet.text(r, c);
  if (text === null) return false;
  return sheet.texts.notYetRated(text);
}

/**
 * A `Xếp loại` cell: a level, or null when blank, not yet rated (RATING_MISSING, never KXL) or
 * unreadable (VALUE_INVALID).
 */
export function readRating(sheet: SheetView, r: number, c: number | undefined): RatingLevel | null {
  if (notYetRatedCell(sheet, r, c)) return null;
  return readLabel<RatingLevel>(sheet, r, c, 'Xếp loại', parseRating);
}
