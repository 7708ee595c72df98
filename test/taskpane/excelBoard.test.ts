/** @jest-environment jsdom */
/**
 * The board inside Excel (Tổng hợp tab): files picked with the pane's <input type=file>, the same
 * table and pictures as the page, and the list written into the open workbook as a values-only
 * sheet with a native chart — against the in-memory Office.js fake, counting round trips and
 * proving no other sheet changes.
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { chiBoSpec, dangBoSpec } from '../../scripts/sampleData';
import { plainLayouts } from '../../scripts/sampleLayouts';
import { consolidateFiles } from '../../src/cli/consolidate';
import { writeWorkbookFile } from '../../src/hosts/xlsx/node';
import { CONSOLIDATION_SHEET } from '../../src/workbook/consolidate';
import { BOARD_CHART_NAME, type PaneBoard } from '../../taskpane/board';
import { tempDir } from '../cli/helpers';
import { validChiBo } from '../workbook/grids';
import { byTestId, fakeWorkbook, mountExcel, one, type Mounted } from './helpers';

jest.setTimeout(180_000);

const AS_OF = '2026-03-01';
let dir: string;
const FILES = ['kp1.xlsx', 'tram.xlsx', 'cty.xlsx', 'hong.xlsx', 'kp1-ban-sao.xlsx'];

beforeAll(async () => {
  dir = tempDir('bontot-excel-board-');
  await writeWorkbookFile(plainLayouts(chiBoSpec({ seed: 21, name: 'Chi bộ Khu phố 1', kindLabel: 'Chi bộ trực thuộc' })), join(dir, 'kp1.xlsx'), {
    kind: null,
  });
  await writeWorkbookFile(
    plainLayouts(chiBoSpec({ seed: 25, name: 'Chi bộ Trạm Y tế', problems: { unexcusedAbsence: true } })),
    join(dir, 'tram.xlsx'),
    { kind: null },
  );
  await writeWorkbookFile(plainLayouts(dangBoSpec({ seed: 26, name: 'Đảng bộ Công ty Cổ phần Minh Phát' })), join(dir, 'cty.xlsx'), { kind: null });
  writeFileSync(join(dir, 'hong.xlsx'), 'không phải sổ tính');
  writeFileSync(join(dir, 'kp1-ban-sao.xlsx'), readFileSync(join(dir, 'kp1.xlsx')));
});

/** Picks files through the pane's own file input, as a user does, and waits for the board. */
async function pick(mounted: Mounted, files: readonly string[]): Promise<PaneBoard> {
  const input = one<HTMLInputElement>(mounted.root, 'board-file-input');
  const picked = files.map((file) => new File([readFileSync(join(dir, file))], file));
  Object.defineProperty(input, 'files', { value: picked, configurable: true });
  const status0 = mounted.root.querySelector('[data-testid="status"]');
  if (status0) status0.textContent = '';
  input.dispatchEvent(new Event('change'));
  const pane = await (mounted.excel.board.board() as Promise<PaneBoard>);
  const started = Date.now();
  // Done when the status line gives the batch's summary ("Đã xử lý N tệp: …").
  const status = one(mounted.root, 'status');
  while (!(status.textContent ?? '').startsWith(`Đã xử lý ${files.length} tệp`) || byTestId(mounted.root, 'board-row').length === 0) {
    if (Date.now() - started > 60_000) throw new Error('the board did not appear');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return pane;
}

test('picked files give the table and totals of `bontot consolidate`; the list is written with a chart, values only, other sheets untouched', async () => {
  const fake = fakeWorkbook(validChiBo(), [{ name: 'Ghi chú', values: [['của người dùng', 1]] }]);
  const mounted = await mountExcel(fake, AS_OF);
  const before = fake.snapshotAll();
  expect(one(mounted.root, 'board-pane').closest('[role="tabpanel"]')?.id).toBe('bontot-panel-summary');
  const pane = await pick(mounted, FILES);

  const cli = await consolidateFiles({ files: FILES.map((f) => join(dir, f)), output: join(dir, 'cli.xlsx'), asOf: AS_OF });
  const results = one(mounted.root, 'board-results');
  const line = one(results, 'totals-line');
  expect({ eligible: Number(line.dataset.eligible), organizations: Number(line.dataset.organizations) }).toEqual({
    eligible: cli.totals.eligible,
    organizations: cli.totals.organizations,
  });
  expect(
    byTestId(results, 'board-row')
      .map((r) => r.dataset.status)
      .slice(0, 2),
  ).toEqual(['error', 'duplicate']);
  expect(results.querySelectorAll('svg.chart')).toHaveLength(2);
  // No card to open in the pane: the file is named as text.
  expect(byTestId(results, 'board-open')).toHaveLength(0);

  // Writing: a new sheet in 2 round trips (find the place; write values, formats and the chart).
  const { result: sheetName, syncs } = await fake.countSyncs(() => pane.write());
  expect(sheetName).toBe(CONSOLIDATION_SHEET);
  expect(syncs).toBe(2);
  expect(one(mounted.root, 'board-written').textContent).toContain(`Đã ghi trang “${CONSOLIDATION_SHEET}” kèm biểu đồ`);
  const cells = fake.snapshot(CONSOLIDATION_SHEET).cells;
  expect(Object.values(cells).filter((cell) => cell.formula !== null)).toEqual([]);
  const written = fake
    .values(CONSOLIDATION_SHEET)
    .map((row) => row.join('\t'))
    .join('\n');
  for (const row of cli.consolidation.rows) if (row.name) expect(written).toContain(row.name);
  expect(written).toContain(`Tổng số tổ chức cơ sở đảng (tính vào chỉ tiêu): ${cli.totals.organizations}`);

  // The native chart draws the board's numbers: per group, eligible and not eligible.
  const [chart, ...others] = fake.charts(CONSOLIDATION_SHEET);
  expect(others).toEqual([]);
  expect(chart).toMatchObject({ name: BOARD_CHART_NAME, type: 'BarStacked100', seriesBy: 'Columns', showValue: true, legendPosition: 'Bottom' });
  expect(chart!.title).toBe('Số tổ chức đủ điều kiện so với chỉ tiêu — Chỉ tiêu 50%');
  expect(chart!.series.map((s) => s.name)).toEqual(['Đủ điều kiện', 'Chưa đủ điều kiện']);
  expect(chart!.categories[0]).toBe('Tính vào chỉ tiêu');
  expect(chart!.series[0]!.values[0]).toBe(cli.totals.eligible);
  expect(chart!.series[1]!.values[0]).toBe(cli.totals.organizations - cli.totals.eligible);
  const bars = [...results.querySelectorAll<SVGGElement>('[data-testid="chart-verdicts"] [data-testid="chart-bar"]')];
  expect(chart!.categories).toHaveLength(bars.length);
  expect(chart!.series[0]!.values).toEqual(bars.map((g) => Number(g.dataset.eligible)));

  // Every other sheet is exactly as it was.
  const after = fake.snapshotAll();
  for (const name of Object.keys(before)) expect(after[name]).toEqual(before[name]);
  expect(Object.keys(after)).toEqual([...Object.keys(before), CONSOLIDATION_SHEET]);

  // Written again (more files): the add-in's sheet is replaced, its chart too — 3 round trips, one chart.
  await pick(mounted, ['kp1.xlsx']);
  const again = await fake.countSyncs(() => pane.write());
  expect(again.result).toBe(CONSOLIDATION_SHEET);
  expect(again.syncs).toBe(3);
  expect(fake.charts(CONSOLIDATION_SHEET).map((c) => c.name)).toEqual([BOARD_CHART_NAME]);
  expect(Object.keys(fake.snapshotAll())).toEqual([...Object.keys(before), CONSOLIDATION_SHEET]);
});

test('a sheet of the same name that the add-in did not make is left alone: the list goes to "(2)"', async () => {
  const fake = fakeWorkbook(validChiBo(), [{ name: CONSOLIDATION_SHEET, values: [['Danh sách của văn phòng', 'không được sửa']] }]);
  const mounted = await mountExcel(fake, AS_OF);
  const before = fake.snapshot(CONSOLIDATION_SHEET);
  const pane = await pick(mounted, ['kp1.xlsx', 'tram.xlsx']);
  const name = await pane.write();
  expect(name).toBe(`${CONSOLIDATION_SHEET} (2)`);
  expect(fake.snapshot(CONSOLIDATION_SHEET)).toEqual(before);
  expect(fake.charts(CONSOLIDATION_SHEET)).toEqual([]);
  expect(fake.charts(`${CONSOLIDATION_SHEET} (2)`)).toHaveLength(1);
  expect(one(mounted.root, 'board-written').textContent).toContain('không do Bốn Tốt tạo nên được giữ nguyên');
});

test('only unreadable files: nothing to write', async () => {
  const fake = fakeWorkbook(validChiBo());
  const mounted = await mountExcel(fake, AS_OF);
  const pane = await pick(mounted, ['hong.xlsx']);
  expect(byTestId(mounted.root, 'board-write')).toHaveLength(0);
  const syncs = fake.syncCount;
  expect(await pane.write()).toBeNull();
  expect(fake.syncCount).toBe(syncs);
  expect(one(mounted.root, 'status').textContent).toBe('Chưa đọc được tổ chức nào để ghi.');
});

test('the committee typed in the pane issues the written list: its heading and signature, as `consolidate --issuer`', async () => {
  const fake = fakeWorkbook(validChiBo());
  const mounted = await mountExcel(fake, AS_OF);
  const pane = await pick(mounted, ['kp1.xlsx', 'tram.xlsx']);
  const issuer = one<HTMLInputElement>(mounted.root, 'board-issuer');
  expect(mounted.root.querySelector(`label[for="${issuer.id}"]`)?.textContent).toContain('Cấp ủy ban hành');
  issuer.value = 'Đảng ủy phường Bến Thành';
  expect(await pane.write()).toBe(CONSOLIDATION_SHEET);
  const written = fake
    .values(CONSOLIDATION_SHEET)
    .flat()
    .filter((v): v is string => typeof v === 'string');
  expect(written).toContain('ĐẢNG ỦY PHƯỜNG BẾN THÀNH');
  expect(written).toContain('T/M ĐẢNG ỦY');
});
