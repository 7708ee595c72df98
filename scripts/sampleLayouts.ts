/**
 * The sample organisations' data (scripts/sampleData.ts) laid out as sheets, two ways:
 * `plainLayouts` (just headers and values, as a person might type them) and `fillTemplate` (into
 * the layouts `bontot template` writes, keeping their formats and dropdowns).
 */
import { isoToExcelSerial } from '../src/core/dates';
import { ORG_TYPE_LABELS } from '../src/core/vocabulary';
import { columnLetters } from '../src/workbook/a1';
import type { CellValue, SheetLayout } from '../src/workbook/types';
import type { OrgSpec } from './sampleData';
import { CRITERIA_HEADERS, INFO_HEADERS, MEETING_HEADERS, MEMBER_HEADERS, SUBORDINATE_HEADERS } from './sheetHeaders';

// ------------------------------------------------------------------------------------ layouts

const DATE_FORMAT = 'dd/mm/yyyy';

function serial(date: string): number {
  return isoToExcelSerial(date);
}

function yesNo(value: boolean): string {
  return value ? 'Có' : 'Không';
}

/** The sheets' header rows and data rows, by sheet name, in template column order. */
export function sheetRows(spec: OrgSpec): { name: string; headers: string[]; rows: CellValue[][]; dateColumns: number[]; dateHeaders?: boolean }[] {
  const { info } = spec;
  const sheets: { name: string; headers: string[]; rows: CellValue[][]; dateColumns: number[]; dateHeaders?: boolean }[] = [
    {
      name: 'Thông tin',
      headers: [...INFO_HEADERS],
      rows: [
        ['Tên tổ chức', info.name],
        ['Loại tổ chức', info.kindLabel],
        ['Loại hình', ORG_TYPE_LABELS[info.type]],
        ['Năm đánh giá', info.year],
        ['Cấp ủy cấp trên', info.superior],
        ['Có chi ủy', yesNo(info.hasCommittee)],
        ['Sổ biên bản đóng dấu giáp lai', yesNo(info.minutesBookStamped)],
      ],
      dateColumns: [],
    },
  ];
  if (spec.members) {
    sheets.push({
      name: 'Đảng viên',
      headers: [...MEMBER_HEADERS],
      rows: spec.members.map((m, i) => [i + 1, m.name, m.card, serial(m.joined), yesNo(m.exempt), m.rating, m.discipline || 'Không', m.note || null]),
      dateColumns: [3],
    });
  }
  if (spec.meetings) {
    const bad = (spec as OrgSpec & { badNumber?: boolean }).badNumber === true;
    sheets.push({
      name: 'Sinh hoạt',
      headers: [...MEETING_HEADERS],
      rows: spec.meetings.map((m, i) => [
        i + 1,
        serial(m.date),
        m.kind,
        m.members,
        bad && i === 4 ? 'mười bốn' : m.present,
        m.excused,
        m.unexcused,
        m.speakers,
        m.minutes,
        yesNo(m.chairSigned),
        yesNo(m.secretarySigned),
        m.selfAssessment,
      ]),
      dateColumns: [1],
    });
  }
  if (spec.attendance && spec.members) {
    const { dates, marks } = spec.attendance;
    const members = spec.members;
    sheets.push({
      name: 'Điểm danh',
      headers: ['STT', 'Họ và tên', 'Số thẻ đảng viên', ...dates],
      rows: members.map((m, i) => [i + 1, m.name, m.card, ...(marks[i] ?? [])]),
      dateColumns: [],
      dateHeaders: true,
    });
  }
  sheets.push({
    name: 'Tiêu chí',
    headers: [...CRITERIA_HEADERS],
    rows: spec.criteria.map((c) => [c.code, c.content, c.max, c.self, c.evidence || null]),
    dateColumns: [],
  });
  if (spec.subordinates) {
    sheets.push({
      name: 'Chi bộ trực thuộc',
      headers: [...SUBORDINATE_HEADERS],
      rows: spec.subordinates.map((s, i) => [i + 1, s.name, s.members, s.rating, yesNo(s.isModel)]),
      dateColumns: [],
    });
  }
  return sheets;
}

/** Plain layouts: a header row and the data, date cells formatted as dates; nothing else. */
export function plainLayouts(spec: OrgSpec): SheetLayout[] {
  return sheetRows(spec).map((sheet) => {
    const headerCells: CellValue[] = sheet.headers.map((h, c) => (sheet.dateHeaders && c >= 3 ? serial(h) : h));
    const formats = sheet.dateHeaders
      ? [{ range: `D1:${columnLetters(sheet.headers.length - 1)}1`, numberFormat: DATE_FORMAT }]
      : sheet.dateColumns.map((c) => ({ range: `${columnLetters(c)}2:${columnLetters(c)}${sheet.rows.length + 1}`, numberFormat: DATE_FORMAT }));
    return {
      name: sheet.name,
      values: [headerCells, ...sheet.rows],
      columns: sheet.headers.map(() => ({ width: 14 })),
      formats,
      merges: [],
      validations: [],
      frozenRows: 1,
      hidden: false,
    };
  });
}

// ------------------------------------------------------------------------------------ into the template

function headerKey(text: unknown): string {
  return typeof text === 'string'
    ? text
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[đĐ]/g, 'd')
        .toLowerCase()
        .replace(/[^a-z0-9]/g, '')
    : '';
}

/**
 * Writes the data into the layouts `bontot template` makes (same sheets, formats, dropdowns and
 * helper formulas), so a sample looks like a template somebody filled in.
 */
export function fillTemplate(spec: OrgSpec, template: SheetLayout[]): SheetLayout[] {
  const layouts = template.map((layout) => ({ ...layout, values: layout.values.map((row) => [...row]) }));
  for (const sheet of sheetRows(spec)) {
    const layout = layouts.find((l) => l.name === sheet.name);
    if (!layout) throw new Error(`the template has no sheet ${sheet.name}`);
    const header = layout.values[0] ?? [];
    const set = (r: number, c: number, value: CellValue): void => {
      while (layout.values.length <= r) layout.values.push([]);
      const row = layout.values[r] as CellValue[];
      while (row.length <= c) row.push(null);
      row[c] = value;
    };
    if (sheet.name === 'Thông tin') {
      // Rows are `Mục | Giá trị`: fill the value of each item the template lists.
      for (const [item, value] of sheet.rows) {
        const r = layout.values.findIndex((row) => headerKey(row[0]) === headerKey(item));
        if (r > 0) set(r, 1, value ?? null);
      }
      continue;
    }
    if (sheet.name === 'Tiêu chí') {
      // The template already lists the seed's rows in the same order: add the self-scores.
      const selfColumn = header.findIndex((h) => headerKey(h) === headerKey('Điểm tự chấm'));
      const evidenceColumn = header.findIndex((h) => headerKey(h) === headerKey('Minh chứng'));
      spec.criteria.forEach((criterion, index) => {
        const r = index + 1;
        if (layout.values[r]?.[0] !== criterion.code) throw new Error(`criteria rows differ at ${r}`);
        if (criterion.self !== null) set(r, selfColumn, criterion.self);
        if (criterion.evidence) set(r, evidenceColumn, criterion.evidence);
      });
      continue;
    }
    const columns = sheet.headers.map((h, c) => (sheet.dateHeaders && c >= 3 ? -1 : header.findIndex((cell) => headerKey(cell) === headerKey(h))));
    if (sheet.dateHeaders) {
      // Điểm danh: the meeting dates go into the template's empty date header cells, in order.
      const free = header.map((cell, c) => (cell === null ? c : -1)).filter((c) => c >= 0);
      for (let i = 3; i < sheet.headers.length; i++) {
        const c = free[i - 3];
        if (c === undefined) throw new Error('not enough date columns in the template');
        columns[i] = c;
        set(0, c, serial(sheet.headers[i] as string));
      }
    }
    sheet.rows.forEach((row, index) => {
      row.forEach((value, i) => {
        const c = columns[i];
        if (c !== undefined && c >= 0) set(index + 1, c, value);
      });
    });
  }
  return layouts;
}
