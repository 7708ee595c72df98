/**
 * Nothing lost, in Excel: random user workbooks (the template's sheets and the user's own, some
 * text typed in TCVN3, the user's fills, fonts, number formats, merges, widths and conditional
 * formats) go through random sequences of every action the pane offers — check (read + highlight),
 * clear, summary, template, policy save, encoding conversion. After every action, every cell of
 * every sheet the user had keeps its value and format, except what the action is documented to
 * change:
 * - highlights: only the add-in's own tagged conditional formats come and go;
 * - summary, template, policy: only sheets the product owns ("Tổng hợp (n)" it marked, template
 *   sheets that were missing, "Danh mục", "Cấu hình") are added or replaced;
 * - conversion: only the planned cells (text, "@", a Unicode font in place of a legacy one), and
 *   a "(bản gốc)" copy of each changed sheet holds it exactly as it was just before — the undo.
 * The fixed scenarios of test/hosts/excel.test.ts and test/hosts/excelLegacy.test.ts cover each
 * action once; this covers them in any order, repeated, on workbooks they were not written for.
 */
import fc from 'fast-check';
import { toTcvn3, toVni } from '../../src/core/legacyEncoding';
import { defaultPolicy, policyFromEntries } from '../../src/core/policy';
import {
  clearHighlights,
  convertCells,
  createTemplate,
  HIGHLIGHT_FORMULA,
  highlightIssues,
  readSheets,
  writePolicy,
  writeSheet,
} from '../../src/hosts/excel';
import { a1 } from '../../src/workbook/a1';
import { checkWorkbook } from '../../src/workbook/check';
import { planLegacyFix, unicodeFontFor } from '../../src/workbook/legacyFix';
import { policyLayout } from '../../src/workbook/layout/policySheet';
import { summaryLayout } from '../../src/workbook/layout/summary';
import { templateLayouts } from '../../src/workbook/layout/templateLayouts';
import { createFakeExcel, type FakeCell, type FakeExcel, type SheetSnapshot } from '../fakes/office';
import { AS_OF, chiBoBook } from '../workbook/grids';
import { params } from './fuzz';

jest.setTimeout(300_000);

function run<T>(fake: FakeExcel, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return fake.run((context) => batch(context as unknown as Excel.RequestContext));
}

// ------------------------------------------------------------------------------ the workbook

interface BookSpec {
  /** Per text cell of the template sheets: 0 Unicode, 1 TCVN3, 2 VNI (cycled). */
  encodings: number[];
  /** Template sheets the user has not made (by index into the chi bộ book's sheets). */
  drop: number[];
  userSheets: { name: string; values: (string | number | boolean | null)[][]; hidden: boolean }[];
  formats: { sheet: number; range: string; fill: string | null; bold: boolean; font: string | null; numberFormat: string | null }[];
  rules: { sheet: number; range: string }[];
  merges: { sheet: number; row: number }[];
}

const USER_SHEET_NAMES = ['Ghi chú', 'Tổng hợp', 'Tổng hợp (2)', 'Sheet1', 'Biểu đồ', 'Danh sách cũ'];
const cellValue = fc.oneof(
  fc.constantFrom('Nguyễn Văn An', 'Hoàn thành tốt nhiệm vụ', '=1+1', '+84 912', '01/02/2026', '0123', 'TRUE', ''),
  fc.integer({ min: -5, max: 50_000 }),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 12 }),
);
const range = fc.tuple(fc.nat(8), fc.nat(14), fc.nat(3), fc.nat(6)).map(([c, r, w, h]) => `${a1(r, c)}:${a1(r + h, c + w)}`);

const bookSpec: fc.Arbitrary<BookSpec> = fc.record({
  encodings: fc.array(fc.constantFrom(0, 0, 1, 2), { minLength: 1, maxLength: 40 }),
  drop: fc.uniqueArray(fc.nat(4), { maxLength: 2 }),
  userSheets: fc.uniqueArray(
    fc.record({
      name: fc.constantFrom(...USER_SHEET_NAMES),
      values: fc.array(fc.array(cellValue, { maxLength: 6 }), { maxLength: 6 }),
      hidden: fc.boolean(),
    }),
    { selector: (s) => s.name, maxLength: 3 },
  ),
  formats: fc.array(
    fc.record({
      sheet: fc.nat(7),
      range,
      fill: fc.constantFrom(null, '#FFC7CE', '#DDEBF7'),
      bold: fc.boolean(),
      font: fc.constantFrom(null, '.VnTime', 'VNI-Times', 'Arial', '.VnArial'),
      numberFormat: fc.constantFrom(null, '@', '0.00', 'dd/mm/yyyy'),
    }),
    { maxLength: 5 },
  ),
  rules: fc.array(fc.record({ sheet: fc.nat(7), range }), { maxLength: 2 }),
  merges: fc.array(fc.record({ sheet: fc.nat(7), row: fc.integer({ min: 30, max: 40 }) }), { maxLength: 2 }),
});

function buildBook(spec: BookSpec): FakeExcel {
  let i = 0;
  const encoders = [(t: string) => t, toTcvn3, toVni];
  const book = chiBoBook().mapText((text) => (encoders[spec.encodings[i++ % spec.encodings.length] ?? 0] as (t: string) => string)(text));
  const grids = book.grids().filter((_g, index) => !spec.drop.includes(index));
  const fake = createFakeExcel({
    sheets: [
      ...grids.map((g) => ({ name: g.name, values: g.values, origin: a1(g.originRow, g.originCol) })),
      ...spec.userSheets.map((s) => ({ name: s.name, values: s.values, visibility: s.hidden ? ('Hidden' as const) : ('Visible' as const) })),
    ],
  });
  const names = fake.sheetNames();
  for (const f of spec.formats) {
    const sheet = names[f.sheet % names.length] as string;
    fake.setCell(sheet, f.range, {
      ...(f.numberFormat ? { numberFormat: f.numberFormat } : {}),
      format: { fill: f.fill, font: { bold: f.bold, ...(f.font ? { name: f.font } : {}) } },
    });
  }
  for (const r of spec.rules)
    fake.addConditionalFormat(names[r.sheet % names.length] as string, [r.range], { type: 'Custom', formula: '=A1<>""', fill: '#FFEB9C' });
  for (const m of spec.merges) fake.sheet(names[m.sheet % names.length] as string).merges.push({ r0: m.row, c0: 0, r1: m.row, c1: 2 });
  return fake;
}

// --------------------------------------------------------------------------------- actions

type Action = 'check' | 'clear' | 'summary' | 'template' | 'policy' | 'convert';
const ACTIONS: readonly Action[] = ['check', 'clear', 'summary', 'template', 'policy', 'convert'];

/** What the actions so far were allowed to change in the user's sheets. */
interface Allowed {
  /** sheet → address → the cell as the conversion wrote it. */
  converted: Map<string, Map<string, FakeCell>>;
}

const OWN_SHEET =
  /^(Tổng hợp( \(\d+\))?|Danh mục|Cấu hình|Thông tin|Đảng viên|Sinh hoạt|Điểm danh|Tiêu chí|Chi bộ trực thuộc|.+ \(bản gốc( \d+)?\))$/;

/** A sheet's snapshot without what a copy changes: its name and its rules' ids. */
function copyView(snapshot: SheetSnapshot): unknown {
  const { name: _name, conditionalFormats, ...rest } = snapshot;
  return { ...rest, conditionalFormats: conditionalFormats.map(({ id: _id, ...format }) => format) };
}

async function act(fake: FakeExcel, action: Action, allowed: Allowed, step: number): Promise<void> {
  switch (action) {
    case 'check': {
      const result = checkWorkbook(await run(fake, (c) => readSheets(c)), { asOf: AS_OF });
      const places = [...result.issues, ...result.reasons].flatMap((p) => (p.sheet === null ? [] : [{ sheet: p.sheet, cell: p.cell }]));
      await run(fake, (c) => highlightIssues(c, places));
      return;
    }
    case 'clear':
      await run(fake, (c) => clearHighlights(c));
      return;
    case 'summary': {
      const result = checkWorkbook(await run(fake, (c) => readSheets(c)), { asOf: AS_OF });
      await run(fake, (c) => writeSheet(c, summaryLayout(result), { replaceOnlyIfMarker: true }));
      return;
    }
    case 'template':
      await run(fake, (c) => createTemplate(c, templateLayouts({ kind: 'chi-bo', level: 'co-so', type: 'co-quan', year: 2025, name: '=1+1' })));
      return;
    case 'policy': {
      const policy = policyFromEntries([{ key: 'durationRegular', value: 60 + step }]);
      await run(fake, (c) => writePolicy(c, policyLayout(policy.ok ? policy.policy : defaultPolicy())));
      return;
    }
    case 'convert': {
      const plan = planLegacyFix(await run(fake, (c) => readSheets(c)));
      const before = fake.snapshotAll();
      const result = await run(fake, (c) => convertCells(c, plan, { keepCopies: true }));
      for (const { sheet, copy } of result.sheets) {
        // The copy is the sheet as it was just before: the way back.
        expect(copy).not.toBeNull();
        expect(copyView(fake.snapshot(copy as string))).toEqual(copyView(before[sheet] as SheetSnapshot));
      }
      for (const change of result.written) {
        const was = (before[change.sheet] as SheetSnapshot).cells[change.cell] as FakeCell;
        const font = unicodeFontFor(was.format.font.name) ?? was.format.font.name;
        const cells = allowed.converted.get(change.sheet) ?? new Map<string, FakeCell>();
        cells.set(change.cell, {
          ...was,
          value: change.after,
          numberFormat: '@',
          format: { ...was.format, font: { ...was.format.font, name: font } },
        });
        allowed.converted.set(change.sheet, cells);
      }
      return;
    }
  }
}

/** Every sheet the user had: as it was, but for the allowed changes. */
function expectNothingLost(fake: FakeExcel, original: Record<string, SheetSnapshot>, allowed: Allowed, history: readonly Action[]): void {
  const now = fake.snapshotAll();
  for (const [name, was] of Object.entries(original)) {
    // The product's policy sheet, replaced on save (a user's own sheet of that name is kept as
    // "Cấu hình (bản gốc)" first: test/hosts/excel.test.ts).
    if (name === 'Cấu hình') continue;
    const is = now[name];
    if (!is) throw new Error(`after ${history.join(' → ')}: the user's sheet "${name}" is gone`);
    const { cells, conditionalFormats, ...rest } = is;
    const { cells: wasCells, conditionalFormats: wasFormats, ...wasRest } = was;
    expect({ history, sheet: name, ...rest }).toEqual({ history, sheet: name, ...wasRest });
    expect({ history, name, rules: conditionalFormats.filter((cf) => cf.formula !== HIGHLIGHT_FORMULA) }).toEqual({
      history,
      name,
      rules: wasFormats,
    });
    const converted = allowed.converted.get(name) ?? new Map<string, FakeCell>();
    expect({ history, name, addresses: Object.keys(cells).sort() }).toEqual({ history, name, addresses: Object.keys(wasCells).sort() });
    for (const [address, cell] of Object.entries(wasCells)) {
      const expected = converted.get(address) ?? cell;
      const actual = cells[address];
      if (JSON.stringify(actual) !== JSON.stringify(expected))
        expect({ history, name, address, cell: actual }).toEqual({ history, name, address, cell: expected });
    }
  }
  // New sheets are the product's own, and the user's sheets keep their order.
  const added = fake.sheetNames().filter((name) => !(name in original));
  for (const name of added) expect({ history, name, own: OWN_SHEET.test(name) }).toEqual({ history, name, own: true });
  const order = fake.sheetNames().filter((name) => name in original);
  expect(order).toEqual(Object.keys(original));
}

describe('every action, in any order, on random workbooks', () => {
  test('changes nothing of the user but what it is documented to change', async () => {
    await fc.assert(
      fc.asyncProperty(bookSpec, fc.array(fc.constantFrom(...ACTIONS), { minLength: 1, maxLength: 7 }), async (spec, actions) => {
        const fake = buildBook(spec);
        const original = fake.snapshotAll();
        const allowed: Allowed = { converted: new Map() };
        const history: Action[] = [];
        for (const [step, action] of actions.entries()) {
          history.push(action);
          await act(fake, action, allowed, step);
          expectNothingLost(fake, original, allowed, history);
        }
      }),
      params(40),
    );
  });

  test('the same after every action of the pane, once each, on a legacy workbook with every kind of format', async () => {
    const spec: BookSpec = {
      encodings: [1, 0, 2, 0],
      drop: [],
      userSheets: [{ name: 'Tổng hợp', values: [['Bảng của tôi', '=SUM(1)']], hidden: false }],
      formats: [
        { sheet: 1, range: 'A1:H14', fill: '#DDEBF7', bold: true, font: '.VnTime', numberFormat: null },
        { sheet: 2, range: 'B2:B13', fill: null, bold: false, font: null, numberFormat: 'dd/mm/yyyy' },
      ],
      rules: [{ sheet: 3, range: 'C2:N14' }],
      merges: [{ sheet: 0, row: 30 }],
    };
    const fake = buildBook(spec);
    const original = fake.snapshotAll();
    const allowed: Allowed = { converted: new Map() };
    const history: Action[] = [];
    for (const [step, action] of (['check', 'summary', 'template', 'policy', 'convert', 'check', 'clear', 'summary'] as Action[]).entries()) {
      history.push(action);
      await act(fake, action, allowed, step);
      expectNothingLost(fake, original, allowed, history);
    }
    // The user's own "Tổng hợp" is untouched; the summary went to "Tổng hợp (2)", then was replaced in place.
    expect(fake.sheetNames().filter((n) => n.startsWith('Tổng hợp'))).toEqual(['Tổng hợp', 'Tổng hợp (2)']);
    expect([...allowed.converted.values()].reduce((n, cells) => n + cells.size, 0)).toBeGreaterThan(50);
  });
});

describe('the comparison can fail', () => {
  const spec: BookSpec = { encodings: [0], drop: [], userSheets: [], formats: [], rules: [{ sheet: 1, range: 'A1:B2' }], merges: [] };
  test.each<[string, (fake: FakeExcel) => void]>([
    ['a changed value', (fake) => fake.setCell('Đảng viên', 'B2', { value: 'Người khác' })],
    ['a changed fill', (fake) => fake.setCell('Sinh hoạt', 'C3', { format: { fill: '#FF0000' } })],
    ['a user rule removed', (fake) => void fake.sheet('Đảng viên').conditionalFormats.splice(0, 1)],
    ['a new cell', (fake) => fake.setCell('Tiêu chí', 'Z99', { value: 1 })],
  ])('%s is noticed', (_name, change) => {
    const fake = buildBook(spec);
    const original = fake.snapshotAll();
    change(fake);
    expect(() => expectNothingLost(fake, original, { converted: new Map() }, ['check'])).toThrow();
  });
});
