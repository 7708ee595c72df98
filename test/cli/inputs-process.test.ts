/** `bontot check` and `bontot consolidate` with folders and quoted patterns, as a process (no shell expands them). */
import { copyFileSync, mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { chiBoSpec } from '../../scripts/sampleData';
import { plainLayouts } from '../../scripts/sampleLayouts';
import { runCli, tempDir, writeLayouts } from './helpers';

const AS_OF = '2026-03-01';
let dir: string;

beforeAll(async () => {
  dir = tempDir('bontot-inputs-');
  mkdirSync(join(dir, 'hồ sơ', 'phường B'), { recursive: true });
  mkdirSync(join(dir, 'trống'));
  await writeLayouts(join(dir, 'hồ sơ', 'kp2.xlsx'), plainLayouts(chiBoSpec({ seed: 31, name: 'Chi bộ Khu phố 2' })));
  await writeLayouts(
    join(dir, 'hồ sơ', 'KP1.XLSX'),
    plainLayouts(chiBoSpec({ seed: 32, name: 'Chi bộ Khu phố 1', problems: { shortMeeting: true } })),
  );
  await writeLayouts(join(dir, 'hồ sơ', 'phường B', 'tram.xlsx'), plainLayouts(chiBoSpec({ seed: 33, name: 'Chi bộ Trạm Y tế' })));
  // What Excel leaves beside an open workbook: a small file that is no workbook.
  writeFileSync(join(dir, 'hồ sơ', '~$kp2.xlsx'), 'lock');
  copyFileSync(join(dir, 'hồ sơ', 'kp2.xlsx'), join(dir, 'trống', 'kp2.docx'));
});

interface CheckDoc {
  files: { file: string; organization?: { name: string } }[];
  summary: { organizations: number };
}

describe('folders and patterns on the command line', () => {
  it('check FOLDER: its .xlsx files (any case) in name order, the lock file left out; --recursive adds sub-folders', async () => {
    const run = await runCli(['check', 'hồ sơ', '--json', '--as-of', AS_OF], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1); // one organisation is not eligible; nothing unreadable
    const doc = JSON.parse(run.stdout) as CheckDoc;
    expect(doc.files.map((f) => f.file)).toEqual(['hồ sơ/KP1.XLSX', 'hồ sơ/kp2.xlsx']);
    expect(doc.files.map((f) => f.organization?.name)).toEqual(['Chi bộ Khu phố 1', 'Chi bộ Khu phố 2']);

    const deep = JSON.parse((await runCli(['check', 'hồ sơ/', '-r', '--json', '--as-of', AS_OF], dir)).stdout) as CheckDoc;
    expect(deep.files.map((f) => f.file)).toEqual(['hồ sơ/KP1.XLSX', 'hồ sơ/kp2.xlsx', 'hồ sơ/phường B/tram.xlsx']);
    expect(deep.summary.organizations).toBe(3);
  });

  it('a quoted pattern is expanded by bontot, ** across sub-folders, .XLSX matched by *.xlsx', async () => {
    const star = JSON.parse((await runCli(['check', 'hồ sơ/*.xlsx', '--json', '--as-of', AS_OF], dir)).stdout) as CheckDoc;
    expect(star.files.map((f) => f.file)).toEqual(['hồ sơ/KP1.XLSX', 'hồ sơ/kp2.xlsx']);
    const deep = JSON.parse((await runCli(['check', '**/t?am.xlsx', '--json', '--as-of', AS_OF], dir)).stdout) as CheckDoc;
    expect(deep.files.map((f) => f.file)).toEqual(['hồ sơ/phường B/tram.xlsx']);
  });

  it('a pattern that matches nothing, or a folder without workbooks, is a usage error naming it (exit 2)', async () => {
    const none = await runCli(['check', 'hồ sơ/*.xls', '--as-of', AS_OF], dir);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toContain('Không có tệp nào khớp với mẫu "hồ sơ/*.xls"');
    const empty = await runCli(['consolidate', 'trống', '-o', 'out.xlsx', '--as-of', AS_OF], dir);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('Thư mục "trống" không có tệp .xlsx nào');
  });

  it('consolidate FOLDER --recursive counts each organisation of the folder tree once', async () => {
    const run = await runCli(['consolidate', 'hồ sơ', '--recursive', '-o', 'tong-hop.xlsx', '--json', '--as-of', AS_OF], dir);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as { rows: { file: string }[]; totals: { organizations: number; eligible: number } };
    expect(doc.rows.map((r) => r.file)).toEqual(['hồ sơ/KP1.XLSX', 'hồ sơ/kp2.xlsx', 'hồ sơ/phường B/tram.xlsx']);
    expect(doc.totals).toMatchObject({ organizations: 3, eligible: 2 });
  });
});
