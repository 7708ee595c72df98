/**
 * The one kind of formula the Office.js fake computes: the template's `Sinh hoạt` counts
 * (src/workbook/layout/meetingCountFormulas.ts) —
 *   =IF($B7="","",IFERROR(SUMPRODUCT(COUNTIF(INDEX('Điểm danh'!$C$2:$Z$501,0,MATCH($B7,'Điểm danh'!$C$1:$Z$1,0)),{"C","x",…})),""))
 * — as Excel computes it (MATCH exact on the header row, COUNTIF whole-cell and case-insensitive),
 * so a workbook made from the template reads in the fake as it reads in Excel: "" on a row without
 * a date, the marks' count otherwise. Any other formula is left to the fake's formulaValue.
 * Plain TypeScript (no Node, no Jest): the browser tests load the fake too.
 */
export type CellReader = (sheet: string | null, row: number, col: number) => string | number | boolean;

const PATTERN =
  /^=IF\(\$([A-Z]+)\$?(\d+)="","",IFERROR\(SUMPRODUCT\(COUNTIF\(INDEX\('((?:[^']|'')+)'!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+),0,MATCH\(\$([A-Z]+)\$?(\d+),'((?:[^']|'')+)'!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+),0\)\),\{((?:"[^"]*",?)+)\}\)\),""\)\)$/;

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** The formula's result, or undefined when it is not a count formula of the template. */
export function countFormulaResult(formula: string, read: CellReader): string | number | undefined {
  const match = PATTERN.exec(formula);
  if (!match) return undefined;
  const [, dateCol, dateRow, marksSheet, m0c, m0r, m1c, m1r, , , headerSheet, h0c, h0r, h1c] = match as unknown as string[];
  const spellings = [...(match[15] as string).matchAll(/"([^"]*)"/g)].map((m) => (m[1] as string).toLocaleLowerCase('vi'));
  const date = read(null, Number(dateRow) - 1, columnIndex(dateCol as string));
  if (date === '') return '';
  const headerRow = Number(h0r) - 1;
  const first = columnIndex(h0c as string);
  const last = columnIndex(h1c as string);
  let found = -1;
  for (let c = first; c <= last && found < 0; c++) {
    const header = read((headerSheet as string).replace(/''/g, "'"), headerRow, c);
    if (
      header !== '' &&
      (header === date || (typeof header === 'string' && typeof date === 'string' && header.toLocaleLowerCase('vi') === date.toLocaleLowerCase('vi')))
    )
      found = c;
  }
  if (found < 0) return ''; // MATCH fails: IFERROR gives ""
  const column = columnIndex(m0c as string) + (found - first);
  if (column > columnIndex(m1c as string)) return '';
  let count = 0;
  const sheet = (marksSheet as string).replace(/''/g, "'");
  for (let r = Number(m0r) - 1; r <= Number(m1r) - 1; r++) {
    const value = read(sheet, r, column);
    if (value === '') continue;
    if (spellings.includes(String(value).toLocaleLowerCase('vi'))) count += 1;
  }
  return count;
}
