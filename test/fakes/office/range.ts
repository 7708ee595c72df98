/**
 * Range and RangeAreas proxies: values, formulas, number formats and text, offsets and resizes,
 * clear / insert / delete, select, and the navigation to format, conditional formats, data
 * validation and worksheet.
 */

import { cellCount, contains, intersects, quoteSheetName, rectAddress } from './address';
import { FakeConditionalFormatCollection } from './conditionalFormats';
import type { FakeRequestContext } from './context';
import { FakeDataValidation } from './dataValidation';
import { FakeOfficeError } from './errors';
import { FakeRangeFormat } from './format';
import { defaultFormat, emptyCell, type FakeCell, MAX_COLUMNS, MAX_ROWS, type Rect } from './model';
import { chain, FakeObject, jsonSize, type Resolver } from './object';
import { eachCell, type RangeModel, shaped, singleRect } from './rangeModel';
import { writeTyped } from './typing';
import type { FakeWorksheet } from './worksheet';

export class FakeRange extends FakeObject {
  constructor(context: FakeRequestContext, resolver: Resolver) {
    super(context, resolver, 'Range');
  }
  protected scalars(): readonly string[] {
    return [
      'address',
      'addressLocal',
      'rowCount',
      'columnCount',
      'cellCount',
      'rowIndex',
      'columnIndex',
      'values',
      'formulas',
      'numberFormat',
      'text',
      'columnHidden',
      'isEntireColumn',
      'isEntireRow',
    ];
  }
  protected read(prop: string, model: RangeModel): unknown {
    const rect = singleRect(model);
    const sheet = model.sheet;
    const rows = rect.r1 - rect.r0 + 1;
    const cols = rect.c1 - rect.c0 + 1;
    const grid = (pick: (cell: FakeCell) => unknown): unknown[][] | null => {
      const count = rows * cols;
      const limits = this.context.fake.limits;
      if (count > limits.maxCellsPerRead) {
        if (limits.overLimitRead === 'throw') {
          throw new FakeOfficeError('InvalidOperation', `The range has ${count} cells, above the read limit.`);
        }
        return null;
      }
      this.context.cellsRead += count;
      const blank = emptyCell();
      const out: unknown[][] = [];
      for (let r = rect.r0; r <= rect.r1; r += 1) {
        const line: unknown[] = [];
        for (let c = rect.c0; c <= rect.c1; c += 1) line.push(pick(sheet.get(r, c) ?? blank));
        out.push(line);
      }
      return out;
    };
    switch (prop) {
      case 'address':
      case 'addressLocal':
        return `${quoteSheetName(sheet.name)}!${rectAddress(rect)}`;
      case 'rowCount':
        return rows;
      case 'columnCount':
        return cols;
      case 'cellCount':
        return rows * cols;
      case 'rowIndex':
        return rect.r0;
      case 'columnIndex':
        return rect.c0;
      case 'values':
        return grid((cell) => (cell.formula !== null ? this.context.fake.resultOf(cell, sheet) : cell.value));
      case 'text':
        return grid((cell) => String(cell.formula !== null ? this.context.fake.resultOf(cell, sheet) : cell.value));
      case 'formulas':
        return grid((cell) => cell.formula ?? cell.value);
      case 'numberFormat':
        return grid((cell) => cell.numberFormat);
      case 'columnHidden': {
        let all = true;
        let none = true;
        for (let c = rect.c0; c <= rect.c1; c += 1) {
          if (sheet.hiddenColumns.has(c)) none = false;
          else all = false;
        }
        return all ? true : none ? false : null;
      }
      case 'isEntireColumn':
        return rect.r0 === 0 && rect.r1 === MAX_ROWS - 1;
      case 'isEntireRow':
        return rect.c0 === 0 && rect.c1 === MAX_COLUMNS - 1;
      default:
        return undefined;
    }
  }
  protected override navigation(): Record<string, () => FakeObject> {
    return {
      format: () => this.format,
      conditionalFormats: () => this.conditionalFormats,
      dataValidation: () => this.dataValidation,
      worksheet: () => this.worksheet,
    };
  }

  get address(): string {
    return this.get('address');
  }
  get addressLocal(): string {
    return this.get('addressLocal');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get cellCount(): number {
    return this.get('cellCount');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get text(): string[][] {
    return this.get('text');
  }
  get isEntireColumn(): boolean {
    return this.get('isEntireColumn');
  }
  get isEntireRow(): boolean {
    return this.get('isEntireRow');
  }

  get values(): unknown[][] {
    return this.get('values');
  }
  set values(value: unknown[][]) {
    this.set(
      'values',
      value,
      (model: RangeModel) => {
        const rect = singleRect(model);
        const data = shaped(value, rect, 'values');
        const locale = this.context.fake.locale;
        eachCell(rect, (r, c, i, j) => {
          const input = data[i]?.[j];
          if (input === null || input === undefined) return;
          writeTyped(model.sheet.at(r, c), input, locale, false);
        });
      },
      jsonSize(value),
    );
  }

  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  set formulas(value: unknown[][]) {
    this.set(
      'formulas',
      value,
      (model: RangeModel) => {
        const rect = singleRect(model);
        const data = shaped(value, rect, 'formulas');
        const locale = this.context.fake.locale;
        eachCell(rect, (r, c, i, j) => {
          const input = data[i]?.[j];
          if (input === null || input === undefined) return;
          writeTyped(model.sheet.at(r, c), input, locale, true);
        });
      },
      jsonSize(value),
    );
  }

  get numberFormat(): string[][] {
    return this.get('numberFormat');
  }
  set numberFormat(value: string[][]) {
    this.set(
      'numberFormat',
      value,
      (model: RangeModel) => {
        const rect = singleRect(model);
        const data = shaped(value, rect, 'numberFormat');
        eachCell(rect, (r, c, i, j) => {
          const input = data[i]?.[j];
          if (input === null || input === undefined) return;
          model.sheet.at(r, c).numberFormat = String(input);
        });
      },
      jsonSize(value),
    );
  }

  get columnHidden(): boolean {
    return this.get('columnHidden');
  }
  set columnHidden(value: boolean) {
    this.set('columnHidden', value, (model: RangeModel) => {
      for (const rect of model.rects) {
        for (let c = rect.c0; c <= rect.c1; c += 1) {
          if (value) model.sheet.hiddenColumns.add(c);
          else model.sheet.hiddenColumns.delete(c);
        }
      }
    });
  }

  get format(): FakeRangeFormat {
    return this.nav('format', () => new FakeRangeFormat(this.context, () => this.resolve()));
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    return this.nav('conditionalFormats', () => new FakeConditionalFormatCollection(this.context, () => this.resolve()));
  }
  get dataValidation(): FakeDataValidation {
    return this.nav('dataValidation', () => new FakeDataValidation(this.context, () => this.resolve()));
  }
  get worksheet(): FakeWorksheet {
    return this.nav('worksheet', () =>
      this.context._makeWorksheet(
        chain(
          this.context,
          () => this.resolve(),
          (m: RangeModel) => m.sheet,
        ),
      ),
    );
  }

  private derived(make: (rect: Rect) => Rect): FakeRange {
    return new FakeRange(
      this.context,
      chain(
        this.context,
        () => this.resolve(),
        (model: RangeModel) => {
          const rect = make(singleRect(model));
          if (rect.r0 < 0 || rect.c0 < 0 || rect.r1 >= MAX_ROWS || rect.c1 >= MAX_COLUMNS || rect.r1 < rect.r0 || rect.c1 < rect.c0) {
            throw new FakeOfficeError('InvalidArgument', 'The resulting range is outside the sheet.');
          }
          return { sheet: model.sheet, rects: [rect] };
        },
      ),
    );
  }

  getCell(row: number, column: number): FakeRange {
    return this.derived((r) => ({ r0: r.r0 + row, c0: r.c0 + column, r1: r.r0 + row, c1: r.c0 + column }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this.derived((r) => ({ r0: r.r0 + rowOffset, c0: r.c0 + columnOffset, r1: r.r1 + rowOffset, c1: r.c1 + columnOffset }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derived((r) => ({ r0: r.r0, c0: r.c0, r1: r.r1 + deltaRows, c1: r.c1 + deltaColumns }));
  }
  getRow(row: number): FakeRange {
    return this.derived((r) => ({ r0: r.r0 + row, c0: r.c0, r1: r.r0 + row, c1: r.c1 }));
  }
  getColumn(column: number): FakeRange {
    return this.derived((r) => ({ r0: r.r0, c0: r.c0 + column, r1: r.r1, c1: r.c0 + column }));
  }
  getEntireColumn(): FakeRange {
    return this.derived((r) => ({ r0: 0, c0: r.c0, r1: MAX_ROWS - 1, c1: r.c1 }));
  }

  select(): void {
    this.queueOn('select', (model: RangeModel) => {
      const fake = this.context.fake.model;
      if (model.sheet.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', 'Cannot select on a hidden sheet.');
      if (fake.activeSheetId !== model.sheet.id) throw new FakeOfficeError('InvalidOperation', 'Select works on the active sheet only.');
      fake.selection = { sheetId: model.sheet.id, address: model.rects.map(rectAddress).join(',') };
    });
  }

  merge(across = false): void {
    this.queueOn('merge', (model: RangeModel) => {
      const rect = singleRect(model);
      const sheet = model.sheet;
      sheet.merges = sheet.merges.filter((m) => !intersects(m, rect));
      const parts: Rect[] = across
        ? Array.from({ length: rect.r1 - rect.r0 + 1 }, (_, i) => ({ r0: rect.r0 + i, c0: rect.c0, r1: rect.r0 + i, c1: rect.c1 }))
        : [rect];
      for (const part of parts) {
        if (cellCount(part) < 2) continue;
        sheet.merges.push(part);
        // Excel keeps the top-left value only.
        eachCell(part, (r, c) => {
          if (r === part.r0 && c === part.c0) return;
          const cell = sheet.get(r, c);
          if (cell) {
            cell.value = '';
            cell.formula = null;
          }
        });
      }
    });
  }

  unmerge(): void {
    this.queueOn('unmerge', (model: RangeModel) => {
      const rect = singleRect(model);
      model.sheet.merges = model.sheet.merges.filter((m) => !intersects(m, rect));
    });
  }

  clear(applyTo: string = 'All'): void {
    this.queueOn('clear', (model: RangeModel) => {
      const sheet = model.sheet;
      for (const rect of model.rects) {
        for (const [key, cell] of [...sheet.cells]) {
          const row = Math.floor(key / MAX_COLUMNS);
          const col = key % MAX_COLUMNS;
          if (row < rect.r0 || row > rect.r1 || col < rect.c0 || col > rect.c1) continue;
          if (applyTo === 'All' || applyTo === 'Contents') {
            cell.value = '';
            cell.formula = null;
          }
          if (applyTo === 'All' || applyTo === 'Formats') {
            cell.format = defaultFormat();
            cell.numberFormat = 'General';
          }
          if (applyTo === 'All') sheet.cells.delete(key);
        }
        if (applyTo === 'All' || applyTo === 'Formats') {
          sheet.merges = sheet.merges.filter((m) => !intersects(m, rect));
          sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !cf.rects.some((r) => contains(rect, r)));
        }
      }
    });
  }
}

export class FakeRangeAreas extends FakeObject {
  constructor(context: FakeRequestContext, resolver: Resolver) {
    super(context, resolver, 'RangeAreas');
  }
  protected scalars(): readonly string[] {
    return ['address', 'areaCount', 'cellCount'];
  }
  protected read(prop: string, model: RangeModel): unknown {
    if (prop === 'address') return model.rects.map((r) => `${quoteSheetName(model.sheet.name)}!${rectAddress(r)}`).join(',');
    if (prop === 'areaCount') return model.rects.length;
    return model.rects.reduce((sum, r) => sum + cellCount(r), 0);
  }
  protected override navigation(): Record<string, () => FakeObject> {
    return { conditionalFormats: () => this.conditionalFormats };
  }
  get address(): string {
    return this.get('address');
  }
  get areaCount(): number {
    return this.get('areaCount');
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    return this.nav('conditionalFormats', () => new FakeConditionalFormatCollection(this.context, () => this.resolve()));
  }
}
