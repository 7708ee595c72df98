/**
 * Text folding for matching what people type against the vocabulary of the template.
 *
 * Vietnamese labels arrive in NFC or NFD, with or without diacritics, in any case and with
 * stray spaces. NFD decomposition leaves đ/Đ intact (it is a letter of its own, not d plus a
 * mark), so it is mapped to d explicitly.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Lower case, no diacritics, đ → d, runs of white space folded to one space, trimmed. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** foldText without any space or punctuation: "HTT NV", "htt-nv" and "httnv" are one key. */
export function compactKey(text: string): string {
  return foldText(text).replace(/[^a-z0-9]/g, '');
}

/** A cell's value as trimmed text, or null when the cell is blank. */
export function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    const trimmed = (value.includes('\u00a0') ? value.replace(/\u00a0/g, ' ') : value).trim();
    return trimmed === '' ? null : trimmed;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  return null;
}

/** True when a cell holds nothing a person typed. */
export function isBlank(value: unknown): boolean {
  return cellText(value) === null;
}

/** A percent in the seed's style: 2 decimals, Vietnamese decimal comma, no space before "%" ("91,67%"). */
export function formatPercent(percent: number): string {
  return `${formatNumber(percent)}%`;
}

/** Rounds to at most 2 decimals and writes the Vietnamese decimal comma. */
export function formatNumber(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return String(rounded).replace('.', ',');
}
