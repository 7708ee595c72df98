/**
 * The workbooks of the browser tests, built from the fixture grids (test/workbook/grids.ts):
 * a correct chi bộ, a correct đảng bộ cơ sở, a chi bộ with several rule breaks, one with data
 * errors, one whose cells carry HTML / script payloads, and an unreadable file.
 */
import { promises as fs } from 'fs';
import path from 'path';
import type { SheetGrid } from '../../src/workbook/types';
import { chiBoBook, chiBoSpec, markCell, meetingCell, memberCell, validChiBo, validDangBo } from '../workbook/grids';
import { OUTPUT, writeGrids } from './support';

/** The as-of date of every check in these tests (after the fixtures' year 2025 has ended). */
export const AS_OF = '2026-01-15';
/** The same date as the page shows it. */
export const AS_OF_SHOWN = '15/01/2026';

export const PAYLOADS = {
  img: '<img src=x onerror=alert(1)>',
  script: '<script>window.__pwned = 1; alert(2)</script>',
  link: 'javascript:alert(3)',
  anchor: '<a href="javascript:alert(4)">bấm vào đây</a>',
} as const;

/** Several rule breaks, each with its cell (and no data errors). */
export function ruleBreakGrids(): SheetGrid[] {
  const spec = chiBoSpec();
  (spec.meetings[3] as { speakers: unknown }).speakers = 1; // SPEAKERS_LOW at Sinh hoạt!H5
  (spec.meetings[6] as { minutes: unknown }).minutes = 40; // DURATION_SHORT at Sinh hoạt!I8
  (spec.meetings[8] as { chair: unknown }).chair = 'Không'; // MINUTES_UNSIGNED at Sinh hoạt!J10
  (spec.marks[2] as unknown[])[5] = 'K'; // ABSENCE_UNEXCUSED at Điểm danh (member 2, June)
  (spec.members[1] as { discipline: unknown }).discipline = 'Khiển trách'; // DISCIPLINE
  (spec.members[5] as { rating: unknown }).rating = 'Không hoàn thành nhiệm vụ'; // RATING_NOT_COMPLETED
  return chiBoBook(spec).grids();
}

/** Data errors: a word for a number, an impossible date, an unknown rating, an ambiguous mark, a score above its maximum. */
export function dataErrorGrids(): SheetGrid[] {
  const book = chiBoBook(chiBoSpec());
  book.set('Sinh hoạt', meetingCell('I', 5), 'nhiều'); // NUMBER_INVALID
  book.set('Sinh hoạt', meetingCell('B', 2), '31/02/2025'); // DATE_INVALID
  book.set('Đảng viên', memberCell('F', 3), 'Giỏi'); // VALUE_INVALID
  book.set('Điểm danh', markCell(4, 1), 'v'); // VALUE_INVALID (ambiguous mark)
  const codeColumn = book.values('Tiêu chí').map((row) => row[0]);
  const row = codeColumn.findIndex((code) => typeof code === 'string' && code.split('.').length === 3);
  book.set('Tiêu chí', `D${row + 1}`, 999); // SCORE_INVALID
  return book.grids();
}

/** Cell text carrying HTML and script: the organisation's name, a member's name, a rating, a note. */
export function payloadGrids(): SheetGrid[] {
  return validChiBo((spec) => {
    (spec.info[0] as unknown[])[1] = `${PAYLOADS.img} ${PAYLOADS.script}`;
    (spec.members[0] as { name: unknown }).name = PAYLOADS.anchor;
    (spec.members[2] as { rating: unknown }).rating = PAYLOADS.script; // VALUE_INVALID: its message quotes the text
    (spec.members[3] as { rating: unknown }).rating = PAYLOADS.link;
    (spec.meetings[4] as { self: unknown }).self = PAYLOADS.img;
  });
}

export interface BookFiles {
  dir: string;
  correct: string;
  dangBo: string;
  ruleBreaks: string;
  dataErrors: string;
  unreadable: string;
  payload: string;
}

/** Writes every test workbook into OUTPUT; returns their file names (relative to `dir`). */
export async function writeBooks(): Promise<BookFiles> {
  const names = {
    correct: 'chi-bo-dat.xlsx',
    dangBo: 'dang-bo-dat.xlsx',
    ruleBreaks: 'chi-bo-vi-pham.xlsx',
    dataErrors: 'chi-bo-loi-du-lieu.xlsx',
    unreadable: 'tep-hong.xlsx',
    payload: 'chi-bo-ma-doc.xlsx',
  };
  await writeGrids(names.correct, validChiBo());
  await writeGrids(names.dangBo, validDangBo());
  await writeGrids(names.ruleBreaks, ruleBreakGrids());
  await writeGrids(names.dataErrors, dataErrorGrids());
  await writeGrids(names.payload, payloadGrids());
  await fs.writeFile(path.join(OUTPUT, names.unreadable), 'Đây không phải sổ tính, chỉ là văn bản.\n');
  return { dir: OUTPUT, ...names };
}
