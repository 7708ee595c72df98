/**
 * The template's `Sinh hoạt` counts are formulas LibreOffice computes (issue 26): a clerk types the
 * marks in `Điểm danh` — some in other accepted spellings — and no count; LibreOffice (no add-in)
 * opens and saves the file; the counts it computed are the marks' tallies and the check of that
 * file gives what the bundled sample (counts typed by hand) gives.
 *
 * Needs LibreOffice (`apt-get install -y libreoffice-calc-nogui`, see DESIGN.md): it runs in
 * `npm run test:render` (jest.render.config.js), not in `npm test`.
 */
import { execFile } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { promisify } from 'util';
import { CHI_BO_SAMPLE } from '../../scripts/make-samples';
import { fillTemplate } from '../../scripts/sampleLayouts';
import { readWorkbookFile, writeWorkbookFile } from '../../src/hosts/xlsx/node';
import { checkWorkbook } from '../../src/workbook/check';
import { templateLayouts } from '../../src/workbook/layout/templateLayouts';

const run = promisify(execFile);
jest.setTimeout(300_000);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bontot-lo-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('LibreOffice computes the counts from the marks; the file checks like the sample typed by hand', async () => {
  const layouts = fillTemplate(
    CHI_BO_SAMPLE,
    templateLayouts({ kind: 'chi-bo', level: 'truc-thuoc', type: 'dia-ban', year: 2025, name: CHI_BO_SAMPLE.info.name }),
  );
  const meetings = layouts.find((l) => l.name === 'Sinh hoạt');
  const attendance = layouts.find((l) => l.name === 'Điểm danh');
  if (!meetings || !attendance) throw new Error('template sheets');
  // The clerk types no count: the cells keep the template's formulas, with no stored result.
  const countColumns = [4, 5, 6];
  for (const row of meetings.values.slice(1)) for (const c of countColumns) row[c] = null;
  expect(meetings.formulas?.E2).toMatch(/COUNTIF/);
  // Marks in other spellings the formulas count: "x" (present), "có phép" (absent with reason), "KP" (absent without).
  const marks = attendance.values;
  (marks[1] as unknown[])[2] = 'x';
  (marks[2] as unknown[])[3] = 'có phép';
  const july = CHI_BO_SAMPLE.meetings?.findIndex((m) => m.date.startsWith('2025-07')) ?? -1;
  expect((marks[3] as unknown[])[2 + july]).toBe('K');
  (marks[3] as unknown[])[2 + july] = 'KP';
  const input = join(dir, 'typed-marks.xlsx');
  await writeWorkbookFile(layouts, input, { kind: 'template', title: 'Sổ tính mẫu: chi bộ' });
  const outDir = join(dir, 'out');
  try {
    await run(
      'soffice',
      ['--headless', '--norestore', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', 'xlsx', '--outdir', outDir, input],
      { timeout: 240_000 },
    );
  } catch (error) {
    throw new Error(`LibreOffice (soffice) is needed for this test: apt-get install -y libreoffice-calc-nogui (${String(error)})`);
  }
  const computed = await readWorkbookFile(join(outDir, 'typed-marks.xlsx'));
  const sheet = computed.find((g) => g.name === 'Sinh hoạt');
  const counts = (sheet?.values ?? []).slice(1, 1 + (CHI_BO_SAMPLE.meetings?.length ?? 0)).map((row) => row.slice(4, 7));
  // The tallies of the marks as typed: February has one more "có phép", July's K is a "KP".
  const expected = (CHI_BO_SAMPLE.meetings ?? []).map((m, i) =>
    i === 1 ? [m.present - 1, m.excused + 1, m.unexcused] : [m.present, m.excused, m.unexcused],
  );
  expect(counts).toEqual(expected);

  const sample = checkWorkbook(await readWorkbookFile(join(__dirname, '..', '..', 'samples', 'chi-bo-mau.xlsx')), { asOf: '2026-01-15' });
  const result = checkWorkbook(computed, { asOf: '2026-01-15' });
  // No issue: the rows below the meetings (formulas giving "" without a date) are blank to the check.
  expect(result.issues).toEqual([]);
  expect(result.reasons).toEqual(sample.reasons);
  expect(result.eligible).toBe(sample.eligible);
});
