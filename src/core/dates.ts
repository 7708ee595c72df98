/**
 * Dates as the template knows them: Excel serial numbers (1900 date system), JavaScript Dates
 * from file libraries (taken at UTC), or text typed as dd/mm/yyyy. Everything becomes an IsoDate.
 */
import { msg } from './messages';
import type { IsoDate, Parsed } from './types';

const MS_PER_DAY = 86_400_000;
/** Excel serial 25569 is 1970-01-01 (the 1900 leap-year bug is behind us for any real meeting). */
const UNIX_EPOCH_SERIAL = 25_569;

export function isValidYmd(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function toIsoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isoParts(date: IsoDate): { year: number; month: number; day: number } {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

/** Whether a number is an Excel serial of a date (1 = 1900-01-01 … 2 958 465 = 9999-12-31). */
export function isExcelSerialDate(serial: number): boolean {
  return Number.isFinite(serial) && serial >= 1 && serial <= 2_958_465;
}

export function excelSerialToIso(serial: number): IsoDate | null {
  if (!isExcelSerialDate(serial)) return null;
  const date = new Date((Math.floor(serial) - UNIX_EPOCH_SERIAL) * MS_PER_DAY);
  return toIsoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

export function isoToExcelSerial(date: IsoDate): number {
  const { year, month, day } = isoParts(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

/** dd/mm/yyyy for people. */
export function formatDate(date: IsoDate): string {
  const { year, month, day } = isoParts(date);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

const DMY = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/;
const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/** Reads a cell as a date: Excel serial, Date, "dd/mm/yyyy" (also with . or -) or "yyyy-mm-dd". */
export function parseDate(value: unknown): Parsed<IsoDate> {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { ok: false, ...msg('date.invalid') };
    return { ok: true, value: toIsoDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate()) };
  }
  if (typeof value === 'number') {
    const iso = excelSerialToIso(value);
    return iso ? { ok: true, value: iso } : { ok: false, ...msg('date.serial', { value: String(value) }) };
  }
  if (typeof value === 'string') {
    const text = value.trim();
    const dmy = DMY.exec(text);
    const ymd = dmy ? null : YMD.exec(text);
    const parts = dmy
      ? { day: Number(dmy[1]), month: Number(dmy[2]), year: Number(dmy[3]) }
      : ymd
        ? { year: Number(ymd[1]), month: Number(ymd[2]), day: Number(ymd[3]) }
        : null;
    if (!parts) {
      return { ok: false, ...msg('date.text', { text }) };
    }
    if (!isValidYmd(parts.year, parts.month, parts.day)) {
      return { ok: false, ...msg('date.nonexistent', { text }) };
    }
    return { ok: true, value: toIsoDate(parts.year, parts.month, parts.day) };
  }
  return { ok: false, ...msg('date.notDate') };
}

/** Quarter 1–4 of a month 1–12. */
export function quarterOf(month: number): number {
  return Math.floor((month - 1) / 3) + 1;
}

/** The last day of a month, as an IsoDate. */
export function endOfMonth(year: number, month: number): IsoDate {
  return toIsoDate(year, month, daysInMonth(year, month));
}

/** Today in the machine's local calendar. */
export function todayIso(now: Date = new Date()): IsoDate {
  return toIsoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round(isoToExcelSerial(b) - isoToExcelSerial(a));
}
