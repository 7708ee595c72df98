/** `bontot consolidate` as a process: mixes, roll-ups of roll-ups, duplicates, bad files. */
import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { chiBoSpec, dangBoSpec, type OrgSpec } from '../../scripts/sampleData';
import { plainLayouts } from '../../scripts/sampleLayouts';
import { fakeXls, runCli, sha256, tempDir, writeLayouts } from './helpers';

const AS_OF = '2026-03-01';
let dir: string;

/** Seven organisations: four eligible, three not, of every kind. */
const ORIGINALS: [string, OrgSpec][] = [
  ['kp1.xlsx', chiBoSpec({ seed: 21, name: 'Chi bộ Khu phố 1', kindLabel: 'Chi bộ trực thuộc' })],
  ['kp2.xlsx', chiBoSpec({ seed: 22, name: 'Chi bộ Khu phố 2', kindLabel: 'Chi bộ trực thuộc', problems: { shortMeeting: true } })],
  ['kp3.xlsx', chiBoSpec({ seed: 23, name: 'Chi bộ Khu phố 3', kindLabel: 'Chi bộ trực thuộc' })],
  ['truong.xlsx', chiBoSpec({ seed: 24, name: 'Chi bộ Trường THCS Nguyễn Du', type: 'co-quan' })],
  ['tram.xlsx', chiBoSpec({ seed: 25, name: 'Chi bộ Trạm Y tế', problems: { unexcusedAbsence: true } })],
  ['cty.xlsx', dangBoSpec({ seed: 26, name: 'Đảng bộ Công ty Cổ phần Minh Phát' })],
  ['htx.xlsx', dangBoSpec({ seed: 27, name: 'Đảng bộ Hợp tác xã Thành Công', problems: { lowCriterion: true } })],
];

interface ConsolidateDoc {
  asOf: string;
  output: string;
  rows: { file: string; via: string; key?: string; eligible: boolean; error?: string; organization?: { name: string } }[];
  skipped: { file: string; skipped: string }[];
  duplicates: { key: string; name: string; kept: string; keptVia: string; dropped: string; droppedVia: string; verdictDiffers: boolean }[];
  totals: {
    organizations: number;
    eligible: number;
    share: number | null;
    target: number;
    targetMet: boolean;
    byKind: Record<string, { organizations: number; eligible: number }>;
    subordinate: { organizations: number; eligible: number };
    unreadable: number;
    duplicates: number;
  };
}

async function consolidate(
  inputs: string[],
  output: string,
  extra: string[] = [],
): Promise<{ code: number | null; doc: ConsolidateDoc; stderr: string }> {
  const run = await runCli(['consolidate', ...inputs, '-o', output, '--json', '--as-of', AS_OF, ...extra], dir);
  return { code: run.code, doc: JSON.parse(run.stdout) as ConsolidateDoc, stderr: run.stderr };
}

beforeAll(async () => {
  dir = tempDir('bontot-consolidate-');
  for (const [file, spec] of ORIGINALS) await writeLayouts(join(dir, file), plainLayouts(spec));
  writeFileSync(join(dir, 'cu.xls'), fakeXls());
  const truncated = readFileSync(join(dir, 'kp1.xlsx'));
  writeFileSync(join(dir, 'dang-tai.xlsx'), truncated.subarray(0, Math.floor(truncated.length / 2)));
});

describe('consolidate', () => {
  it('a mix of eligible, failing and unreadable files: error rows, not a failure; exit 2; inputs unchanged', async () => {
    const inputs = ['kp1.xlsx', 'kp2.xlsx', 'cu.xls', 'cty.xlsx', 'htx.xlsx', 'dang-tai.xlsx'];
    const before = inputs.map((f) => sha256(join(dir, f)));
    const { code, doc } = await consolidate(inputs, 'hon-hop.xlsx');
    expect(code).toBe(2);
    expect(inputs.map((f) => sha256(join(dir, f)))).toEqual(before);
    expect(doc.asOf).toBe(AS_OF);
    expect(doc.rows.map((r) => r.file)).toEqual(inputs);
    const errors = doc.rows.filter((r) => r.error !== undefined);
    expect(errors.map((r) => r.file)).toEqual(['cu.xls', 'dang-tai.xlsx']);
    expect(errors[0]!.error).toContain('.xls');
    expect(errors[1]!.error).toMatch(/hỏng|chưa tải về hết/);
    // The target counts grassroots organisations only (the two đảng bộ); chi bộ trực thuộc apart.
    expect(doc.totals).toMatchObject({ organizations: 2, eligible: 1, share: 0.5, target: 0.5, targetMet: true, unreadable: 2 });
    expect(doc.totals.subordinate).toEqual({ organizations: 2, eligible: 1 });
    expect(doc.totals.byKind['chi-bo-truc-thuoc']).toEqual({ organizations: 2, eligible: 1 });
    expect(doc.totals.byKind['dang-bo-co-so']).toEqual({ organizations: 2, eligible: 1 });

    // The output: one printable list, values and the totals, marked as a consolidation.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'hon-hop.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Danh sách tổ chức']);
    expect(wb.keywords).toBe('bontot:consolidation');
    const ws = wb.worksheets[0]!;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1 });
    expect(ws.getCell('A1').font.name).toBe('Times New Roman');
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((cell) => typeof cell.value === 'string' && texts.push(cell.value)));
    expect(texts).toEqual(
      expect.arrayContaining(['Chi bộ Khu phố 1', 'Đảng bộ Hợp tác xã Thành Công', 'Đủ điều kiện', 'Chưa đủ điều kiện', 'Không đọc được tệp']),
    );
    expect(texts).toContain('Tổng số tổ chức cơ sở đảng (tính vào chỉ tiêu): 2');
    expect(texts).toContain('Số tổ chức cơ sở đảng đủ điều kiện đề nghị công nhận: 1');
    expect(texts).toContain('Tỷ lệ đủ điều kiện: 50% — so với chỉ tiêu 50%: ĐỦ');
    expect(texts).toContain('Chi bộ trực thuộc (không tính vào chỉ tiêu): 1/2 đủ điều kiện');
    expect(texts.filter((t) => /\bđạt\b/i.test(t) && /tổ chức|tỷ lệ/i.test(t))).toEqual([]);
    expect(texts).toContain('  Chi bộ trực thuộc: 1/2 đủ điều kiện (50%)');
  });

  it('a consolidation of consolidations (any depth) has the totals of a flat consolidation of the originals', async () => {
    const all = ORIGINALS.map(([file]) => file);
    const flat = await consolidate([...all, 'cu.xls'], 'phang.xlsx');
    // Ward A: three khu phố and the unreadable file; ward B: two; then a city of both wards plus two
    // originals, and a province of the city (depth 3).
    await consolidate(['kp1.xlsx', 'kp2.xlsx', 'kp3.xlsx', 'cu.xls'], 'phuong-a.xlsx');
    await consolidate(['truong.xlsx', 'tram.xlsx'], 'phuong-b.xlsx');
    const city = await consolidate(['phuong-a.xlsx', 'phuong-b.xlsx', 'cty.xlsx'], 'thanh-pho.xlsx');
    const province = await consolidate(['thanh-pho.xlsx', 'htx.xlsx'], 'tinh.xlsx');
    expect(province.code).toBe(0);
    expect(city.doc.totals.organizations).toBe(3);
    expect(city.doc.totals.subordinate).toEqual({ organizations: 3, eligible: 2 });
    expect(province.doc.totals).toEqual(flat.doc.totals);
    expect(province.doc.duplicates).toEqual([]);
    const keys = (doc: ConsolidateDoc): string[] => doc.rows.map((r) => `${r.file}|${r.eligible}|${r.organization?.name ?? r.error}`).sort();
    expect(keys(province.doc)).toEqual(keys(flat.doc));
    // Rows read back from a consolidation say which input carried them, and keep their original file.
    const kp2 = province.doc.rows.find((r) => r.file === 'kp2.xlsx');
    expect(kp2).toMatchObject({ via: 'thanh-pho.xlsx', eligible: false });
    // Criteria percentages survive the round trip unrounded.
    const flatKp1 = flat.doc.rows.find((r) => r.file === 'kp1.xlsx');
    const deepKp1 = province.doc.rows.find((r) => r.file === 'kp1.xlsx');
    expect({ ...deepKp1, via: null }).toEqual({ ...flatKp1, via: null });
  });

  it('the same organisation in two inputs is counted once and reported', async () => {
    await consolidate(['kp1.xlsx', 'kp2.xlsx'], 'phuong-c.xlsx');
    const { code, doc } = await consolidate(['phuong-c.xlsx', 'kp1.xlsx', 'kp3.xlsx'], 'trung.xlsx');
    expect(code).toBe(0);
    expect(doc.totals).toMatchObject({ organizations: 0, subordinate: { organizations: 3, eligible: 2 }, duplicates: 1 });
    expect(doc.duplicates).toEqual([
      expect.objectContaining({
        name: 'Chi bộ Khu phố 1',
        kept: 'kp1.xlsx',
        keptVia: 'phuong-c.xlsx',
        dropped: 'kp1.xlsx',
        droppedVia: 'kp1.xlsx',
        verdictDiffers: false,
      }),
    ]);
    const text = await runCli(['consolidate', 'phuong-c.xlsx', 'kp1.xlsx', '-o', 'trung.xlsx', '--as-of', AS_OF], dir);
    expect(text.stdout).toContain(
      'Cảnh báo: "Chi bộ Khu phố 1" có trong nhiều đầu vào: kp1.xlsx (qua phuong-c.xlsx) và kp1.xlsx; chỉ tính một lần theo kp1.xlsx (qua phuong-c.xlsx).',
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'trung.xlsx'));
    const notes: string[] = [];
    wb.worksheets[0]!.eachRow((row) =>
      row.eachCell(
        (cell) => cell.type !== ExcelJS.ValueType.Merge && typeof cell.value === 'string' && cell.value.startsWith('Lưu ý') && notes.push(cell.value),
      ),
    );
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain('Chi bộ Khu phố 1');
  });

  it('skips summary-only files and its own output; refuses to overwrite a file it did not write', async () => {
    await runCli(['check', 'kp3.xlsx', '--write-summary', '--as-of', AS_OF], dir);
    const { doc } = await consolidate(['kp3.xlsx', 'kp3.tonghop.xlsx', 'ra.xlsx'], 'ra.xlsx', ['--force']);
    expect(doc.skipped.map((s) => s.file)).toEqual(['kp3.tonghop.xlsx', 'ra.xlsx']);
    expect(doc.totals.organizations).toBe(0);
    expect(doc.totals.subordinate.organizations).toBe(1);
    const before = sha256(join(dir, 'kp3.xlsx'));
    const refused = await runCli(['consolidate', 'kp1.xlsx', '-o', 'kp3.xlsx'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('không ghi đè');
    expect(sha256(join(dir, 'kp3.xlsx'))).toBe(before);
    // Its own earlier output may be overwritten without --force.
    expect((await runCli(['consolidate', 'kp1.xlsx', '-o', 'ra.xlsx', '--as-of', AS_OF], dir)).code).toBe(0);
  });

  it('check skips a consolidation with a note', async () => {
    await consolidate(['kp1.xlsx'], 'mot.xlsx');
    const run = await runCli(['check', 'mot.xlsx', '--json', '--as-of', AS_OF], dir);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.files).toEqual([{ file: 'mot.xlsx', skipped: expect.stringContaining('tổng hợp') }]);
    expect(doc.summary).toEqual({
      organizations: 0,
      eligible: 0,
      share: null,
      target: 0.5,
      targetMet: false,
      subordinate: { organizations: 0, eligible: 0 },
    });
  });

  it('mixed inputs give their rows, duplicates, totals and messages in input order', async () => {
    await consolidate(['kp2.xlsx', 'truong.xlsx'], 'nguon.xlsx');
    // Mixed inputs: originals, an unreadable file, a consolidation (with a duplicate) and the output itself.
    const inputs = ['htx.xlsx', 'cu.xls', 'kp1.xlsx', 'nguon.xlsx', 'kp3.xlsx', 'dang-tai.xlsx', 'kp2.xlsx', 'tram.xlsx', 'cty.xlsx', 'luong.xlsx'];
    const run = (json: boolean): Promise<{ code: number | null; stdout: string }> =>
      runCli(['consolidate', ...inputs, '-o', 'luong.xlsx', '--force', '--as-of', AS_OF, ...(json ? ['--json'] : [])], dir);
    const single = await run(true);
    expect(single.code).toBe(2);
    const many = JSON.parse(single.stdout) as ConsolidateDoc;
    expect(many.rows.map((r) => r.file)).toEqual([
      'htx.xlsx',
      'cu.xls',
      'kp1.xlsx',
      'kp2.xlsx',
      'truong.xlsx',
      'kp3.xlsx',
      'dang-tai.xlsx',
      'tram.xlsx',
      'cty.xlsx',
    ]);
    expect(many.skipped.map((s) => s.file)).toEqual(['luong.xlsx']);
    expect(many.duplicates).toEqual([
      expect.objectContaining({ name: 'Chi bộ Khu phố 2', kept: 'kp2.xlsx', keptVia: 'nguon.xlsx', droppedVia: 'kp2.xlsx' }),
    ]);
    expect(many.totals).toMatchObject({ organizations: 4, subordinate: { organizations: 3, eligible: 2 }, unreadable: 2, duplicates: 1 });
    // The progress lines and totals of the text output too.
    const text = await run(false);
    expect(text.stdout.split('\n')[0]).toMatch(/^htx\.xlsx: Đảng bộ Hợp tác xã Thành Công/);
  });

  it('--policy changes the verdicts and the target', async () => {
    writeFileSync(join(dir, 'chi-tieu.json'), JSON.stringify({ modelTargetPercent: 80, durationRegular: 70 }));
    const { doc } = await consolidate(['kp1.xlsx', 'kp2.xlsx', 'tram.xlsx'], 'chi-tieu.xlsx', ['--policy', 'chi-tieu.json']);
    expect(doc.totals).toMatchObject({
      organizations: 1,
      eligible: 0,
      subordinate: { organizations: 2, eligible: 2 },
      target: 0.8,
      targetMet: false,
    });
  });
});
