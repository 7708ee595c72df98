/**
 * fill-subordinates in Excel: fillSubordinatesSheet against the in-memory Office.js fake — the
 * đảng bộ's open workbook read with readSheets, planned with the chi bộ's grids, written in 2
 * syncs; a kept copy "Chi bộ trực thuộc (bản gốc)" holds the sheet as it was; only the planned
 * cells change (text cells as text), a formula or a cell changed since the plan is left alone;
 * the workbook then checks like any other.
 */
import { fillSubordinatesSheet, readSheets } from '../../src/hosts/excel';
import { a1 } from '../../src/workbook/a1';
import { checkWorkbook } from '../../src/workbook/check';
import { applyFillToGrids, planSubordinateFill, type ChiBoInput, type FillPlan } from '../../src/workbook/fillSubordinates';
import type { SheetGrid } from '../../src/workbook/types';
import { createFakeExcel, type FakeExcel } from '../fakes/office';
import { AS_OF, chiBoBook, chiBoSpec, validDangBo } from '../workbook/grids';

jest.setTimeout(60_000);

const SHEET = 'Chi bộ trực thuộc';
const DANG_BO = 'Đảng bộ Công ty Cổ phần Cơ khí Hòa Bình';

function run<T>(fake: FakeExcel, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return fake.run((context) => batch(context as unknown as Excel.RequestContext));
}

function setInfo(spec: { info: [string, unknown][] }, item: string, value: unknown): void {
  spec.info = spec.info.map(([i, v]) => (i === item ? [i, value] : [i, v]));
}

function chiBo(file: string, name: string): ChiBoInput {
  const spec = chiBoSpec();
  setInfo(spec, 'Tên tổ chức', name);
  setInfo(spec, 'Cấp ủy cấp trên', 'Đảng ủy Công ty Cổ phần Cơ khí Hòa Bình');
  return { file, sheets: chiBoBook(spec).grids() };
}

function dangBoFake(): { fake: FakeExcel; grids: SheetGrid[] } {
  const grids = validDangBo((spec) => setInfo(spec, 'Tên tổ chức', DANG_BO));
  const fake = createFakeExcel({
    sheets: grids.map((grid) => ({ name: grid.name, values: grid.values, origin: a1(grid.originRow, grid.originCol) })),
  });
  fake.setCell(SHEET, 'A1:E1', { format: { font: { bold: true }, fill: '#DDEBF7' } });
  return { fake, grids };
}

async function planIn(fake: FakeExcel, files: readonly ChiBoInput[]): Promise<{ plan: FillPlan; grids: SheetGrid[] }> {
  const grids = await run(fake, (context) => readSheets(context));
  const outcome = planSubordinateFill(grids, files, { asOf: AS_OF });
  if (!outcome.ok) throw new Error(outcome.error);
  return { plan: outcome.plan, grids };
}

const FILES = [chiBo('vp.xlsx', 'Chi bộ Văn phòng'), chiBo('dx.xlsx', 'Chi bộ Đội xe')];

describe('fillSubordinatesSheet', () => {
  test('writes exactly the plan in 2 syncs, keeping a copy of the sheet as it was', async () => {
    const { fake } = dangBoFake();
    const before = fake.snapshot(SHEET);
    const { plan, grids } = await planIn(fake, FILES);
    const { result, syncs } = await fake.countSyncs(() => run(fake, (context) => fillSubordinatesSheet(context, plan.sheet, plan.writes)));
    expect(syncs).toBe(2);
    expect(result.copy).toBe('Chi bộ trực thuộc (bản gốc)');
    expect(result.skipped).toEqual([]);
    expect(result.written).toHaveLength(plan.writes.length);
    // The copy is the sheet before, cell for cell.
    const { name: _copyName, ...copy } = fake.snapshot('Chi bộ trực thuộc (bản gốc)') as unknown as Record<string, unknown>;
    const { name: _name, ...original } = before as unknown as Record<string, unknown>;
    expect(copy).toEqual(original);
    // The sheet now holds what the plan says, and nothing else changed.
    const expected = (applyFillToGrids(grids, plan).find((g) => g.name === SHEET) as SheetGrid).values.map((row) => row.map((v) => v ?? ''));
    const width = Math.max(...expected.map((row) => row.length));
    expect(fake.values(SHEET)).toEqual(expected.map((row) => [...row, ...Array(width - row.length).fill('')]));
    expect(fake.cell(SHEET, 'F1').value).toBe('Kết quả tự kiểm tra');
    expect(fake.cell(SHEET, 'F2').numberFormat).toBe('@');
    expect(fake.cell(SHEET, 'B9')).toMatchObject({ value: 'Chi bộ Đội xe', numberFormat: '@' });
    expect(fake.cell(SHEET, 'C9').value).toBe(13);
    expect(fake.cell(SHEET, 'A1').format).toMatchObject({ fill: '#DDEBF7', font: { bold: true } });
    expect(fake.cell(SHEET, 'D9').value).toBe('');
    // The filled workbook checks like any other (the copy is not read as the sheet).
    const after = await run(fake, (context) => readSheets(context));
    const check = checkWorkbook(after, { asOf: AS_OF });
    expect(check.reasons.map((r) => `${r.code} ${r.sheet}!${r.cell}`)).toEqual(['RATING_MISSING Chi bộ trực thuộc!D9']);
  });

  test('leaves alone a formula and a cell changed since the plan; writes nothing and keeps no copy when nothing is left', async () => {
    const { fake } = dangBoFake();
    const { plan } = await planIn(fake, FILES);
    fake.setCell(SHEET, 'C2', { formula: '=4+4' });
    fake.setCell(SHEET, 'B9', { value: 'Ghi chú của đảng ủy' });
    const result = await run(fake, (context) => fillSubordinatesSheet(context, plan.sheet, plan.writes));
    expect(result.skipped.map((s) => `${s.write.cell} ${s.reason}`)).toEqual(['C2 formula', 'B9 changed']);
    expect(fake.cell(SHEET, 'C2').formula).toBe('=4+4');
    expect(fake.cell(SHEET, 'B9').value).toBe('Ghi chú của đảng ủy');
    expect(fake.cell(SHEET, 'C9').value).toBe(13);

    const only = plan.writes.filter((w) => w.cell === 'C2');
    const none = await run(fake, (context) => fillSubordinatesSheet(context, plan.sheet, only));
    expect(none.copy).toBeNull();
    expect(fake.sheetNames().filter((n) => n.includes('bản gốc'))).toEqual(['Chi bộ trực thuộc (bản gốc)']);
  });

  test('a sheet deleted since the plan: nothing written, no failure', async () => {
    const { fake } = dangBoFake();
    const { plan } = await planIn(fake, FILES);
    const result = await run(fake, (context) => fillSubordinatesSheet(context, 'Trang đã xóa', plan.writes));
    expect(result.sheet).toBeNull();
    expect(result.skipped).toHaveLength(plan.writes.length);
    expect(fake.sheetNames()).not.toContain('Trang đã xóa (bản gốc)');
  });
});
