/**
 * One worksheet proxy: name, position, visibility, tab colour, ranges (getRange, getRanges,
 * getRangeByIndexes, getUsedRange), activate / delete / copy, and its charts, freeze panes and
 * page layout.
 */

import { parseAddress } from './address';
import { FakeChartCollection } from './charts';
import type { FakeRequestContext } from './context';
import { FakeOfficeError } from './errors';
import { cloneCell, findSheet, MAX_COLUMNS, MAX_ROWS, type Rect, SheetModel, structuredCopy } from './model';
import { chain, FakeObject, Holder, liveSheet, type Resolver } from './object';
import { FakeFreezePanes, FakePageLayoutProxy } from './pageLayout';
import { FakeRange, FakeRangeAreas } from './range';

export class FakeWorksheet extends FakeObject {
  constructor(context: FakeRequestContext, resolver: Resolver) {
    super(context, resolver, 'Worksheet');
  }
  protected scalars(): readonly string[] {
    return ['name', 'visibility', 'position', 'id', 'tabColor'];
  }
  protected read(prop: string, model: SheetModel): unknown {
    switch (prop) {
      case 'name':
        return model.name;
      case 'visibility':
        return model.visibility;
      case 'position':
        return this.context.fake.model.sheets.indexOf(model);
      case 'id':
        return model.id;
      case 'tabColor':
        return model.tabColor;
      default:
        return undefined;
    }
  }
  protected override navigation(): Record<string, () => FakeObject> {
    return { pageLayout: () => this.pageLayout, freezePanes: () => this.freezePanes, charts: () => this.charts };
  }

  get charts(): FakeChartCollection {
    return this.nav(
      'charts',
      () =>
        new FakeChartCollection(
          this.context,
          chain(
            this.context,
            () => this.resolve(),
            (s: SheetModel) => s,
          ),
        ),
    );
  }

  get name(): string {
    return this.get('name');
  }
  set name(value: string) {
    this.set('name', value, (sheet: SheetModel) => {
      const other = findSheet(this.context.fake.model, value);
      if (other && other !== sheet) throw new FakeOfficeError('ItemAlreadyExists', `A worksheet named '${value}' already exists.`);
      sheet.name = value;
    });
  }
  get visibility(): string {
    return this.get('visibility');
  }
  set visibility(value: string) {
    this.set('visibility', value, (sheet: SheetModel) => {
      const model = this.context.fake.model;
      if (value !== 'Visible' && sheet.visibility === 'Visible') {
        const visible = model.sheets.filter((s) => s.visibility === 'Visible');
        if (visible.length <= 1) throw new FakeOfficeError('InvalidOperation', 'A workbook must keep at least one visible sheet.');
        if (model.activeSheetId === sheet.id) {
          model.activeSheetId = visible.find((s) => s !== sheet)?.id ?? null;
        }
      }
      sheet.visibility = value;
    });
  }
  get position(): number {
    return this.get('position');
  }
  set position(value: number) {
    this.set('position', value, (sheet: SheetModel) => {
      const sheets = this.context.fake.model.sheets;
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(Math.max(0, Math.min(value, sheets.length)), 0, sheet);
    });
  }
  get id(): string {
    return this.get('id');
  }
  get tabColor(): string {
    return this.get('tabColor');
  }
  set tabColor(value: string) {
    this.set('tabColor', value, (sheet: SheetModel) => {
      sheet.tabColor = value;
    });
  }

  get pageLayout(): FakePageLayoutProxy {
    return this.nav(
      'pageLayout',
      () =>
        new FakePageLayoutProxy(
          this.context,
          chain(
            this.context,
            () => this.resolve(),
            (s: SheetModel) => s,
          ),
        ),
    );
  }
  get freezePanes(): FakeFreezePanes {
    return this.nav(
      'freezePanes',
      () =>
        new FakeFreezePanes(
          this.context,
          chain(
            this.context,
            () => this.resolve(),
            (s: SheetModel) => s,
          ),
        ),
    );
  }

  private sheetRange(make: (sheet: SheetModel) => Rect[] | null): FakeRange {
    return new FakeRange(
      this.context,
      chain(
        this.context,
        () => this.resolve(),
        (sheet: SheetModel) => {
          const rects = make(sheet);
          return rects ? { sheet, rects } : null;
        },
      ),
    );
  }

  getRange(address?: string): FakeRange {
    return this.sheetRange(() => {
      if (address === undefined || address === '') return [{ r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLUMNS - 1 }];
      const rect = parseAddress(address);
      if (!rect) throw new FakeOfficeError('InvalidArgument', `The address '${address}' is not valid.`);
      return [rect];
    });
  }

  getRanges(address: string): FakeRangeAreas {
    return new FakeRangeAreas(
      this.context,
      chain(
        this.context,
        () => this.resolve(),
        (sheet: SheetModel) => {
          const rects = address.split(',').map((part) => {
            const rect = parseAddress(part.trim());
            if (!rect) throw new FakeOfficeError('InvalidArgument', `The address '${part}' is not valid.`);
            return rect;
          });
          return { sheet, rects };
        },
      ),
    );
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return this.sheetRange(() => {
      if (rowCount < 1 || columnCount < 1 || startRow < 0 || startColumn < 0) {
        throw new FakeOfficeError('InvalidArgument', 'getRangeByIndexes: bad arguments.');
      }
      return [{ r0: startRow, c0: startColumn, r1: startRow + rowCount - 1, c1: startColumn + columnCount - 1 }];
    });
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    return this.sheetRange((sheet) => [sheet.usedRect(valuesOnly === true) ?? { r0: 0, c0: 0, r1: 0, c1: 0 }]);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return this.sheetRange((sheet) => {
      const rect = sheet.usedRect(valuesOnly === true);
      return rect ? [rect] : null;
    });
  }

  activate(): void {
    this.queueOn('activate', (sheet: SheetModel) => {
      if (sheet.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', `Cannot activate hidden sheet '${sheet.name}'.`);
      const model = this.context.fake.model;
      model.activeSheetId = sheet.id;
      if (model.selection?.sheetId !== sheet.id) model.selection = { sheetId: sheet.id, address: 'A1' };
    });
  }

  delete(): void {
    this.queueOn('delete', (sheet: SheetModel) => {
      const model = this.context.fake.model;
      const visible = model.sheets.filter((s) => s.visibility === 'Visible' && s !== sheet);
      if (visible.length === 0) throw new FakeOfficeError('InvalidOperation', 'Cannot delete the last visible sheet.');
      model.sheets.splice(model.sheets.indexOf(sheet), 1);
      if (model.activeSheetId === sheet.id) model.activeSheetId = visible[0]?.id ?? null;
      if (model.selection?.sheetId === sheet.id) model.selection = null;
    });
  }

  /**
   * Worksheet.copy (ExcelApi 1.7): a new sheet with the source's cells (values, formulas, formats),
   * merges, column widths, hidden columns, frozen panes, conditional formats, validations, page
   * layout, tab colour and visibility, named as Excel names copies ("Name (2)", "Name (3)" …, the
   * name cut to fit 31 characters), placed per `positionType` ("None" and "Beginning": first;
   * "End": last; "Before"/"After": next to `relativeTo`, which those two require).
   */
  copy(positionType: string = 'None', relativeTo?: FakeWorksheet): FakeWorksheet {
    const holder = new Holder<SheetModel>();
    this.queueOn('worksheet.copy', (source: SheetModel) => {
      const model = this.context.fake.model;
      let anchor: SheetModel | null = null;
      if (positionType === 'Before' || positionType === 'After') {
        if (!relativeTo) throw new FakeOfficeError('InvalidArgument', `Worksheet.copy("${positionType}") needs relativeTo.`);
        anchor = relativeTo.resolveStrict() as SheetModel;
      } else if (!['None', 'Beginning', 'End'].includes(positionType)) {
        throw new FakeOfficeError('InvalidArgument', `Unknown position type '${positionType}'.`);
      }
      let name = '';
      for (let n = 2; ; n += 1) {
        const suffix = ` (${n})`;
        name = `${[...source.name].slice(0, 31 - suffix.length).join('')}${suffix}`;
        if (!findSheet(model, name)) break;
      }
      const copy = new SheetModel(`{fake-${model.nextId++}}`, name, source.visibility);
      for (const [key, cell] of source.cells) copy.cells.set(key, cloneCell(cell));
      copy.merges = source.merges.map((rect) => ({ ...rect }));
      for (const [col, width] of source.columnWidths) copy.columnWidths.set(col, width);
      for (const [row, height] of source.rowHeights) copy.rowHeights.set(row, height);
      for (const col of source.hiddenColumns) copy.hiddenColumns.add(col);
      copy.frozenRows = source.frozenRows;
      copy.frozenColumns = source.frozenColumns;
      copy.conditionalFormats = source.conditionalFormats.map(({ rects, ...rest }) => ({
        ...structuredCopy(rest),
        id: `{cf-${model.nextId++}}`,
        rects: rects.map((rect) => ({ ...rect })),
      }));
      for (const [key, validation] of source.validations) copy.validations.set(key, structuredCopy(validation));
      copy.pageLayout = structuredCopy(source.pageLayout);
      copy.tabColor = source.tabColor;
      const sheets = model.sheets;
      const at = anchor !== null ? sheets.indexOf(anchor) + (positionType === 'After' ? 1 : 0) : positionType === 'End' ? sheets.length : 0;
      sheets.splice(at, 0, copy);
      holder.value = copy;
    });
    return new FakeWorksheet(this.context, () => {
      if (!holder.value) throw new FakeOfficeError('InvalidObjectPath', 'The copied worksheet is not available.');
      return liveSheet(this.context, holder.value);
    });
  }
}
