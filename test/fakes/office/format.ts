/**
 * Range.format and its parts: column widths, row heights, wrapping and alignment, fill, font and
 * borders.
 */

import type { FakeRequestContext } from './context';
import { FakeOfficeError } from './errors';
import { DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT, type FakeCell, type FakeFont } from './model';
import { FakeObject, type Resolver } from './object';
import { eachCell, type RangeModel, singleRect, uniform } from './rangeModel';

export class FakeRangeFormat extends FakeObject {
  constructor(context: FakeRequestContext, resolver: Resolver) {
    super(context, resolver, 'RangeFormat');
  }
  protected scalars(): readonly string[] {
    return ['columnWidth', 'rowHeight', 'horizontalAlignment', 'verticalAlignment', 'wrapText'];
  }
  protected read(prop: string, model: RangeModel): unknown {
    const rect = singleRect(model);
    switch (prop) {
      case 'columnWidth': {
        const widths = new Set<number>();
        for (let c = rect.c0; c <= rect.c1 && widths.size < 2; c += 1) widths.add(model.sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
        return widths.size === 1 ? [...widths][0] : null;
      }
      case 'rowHeight': {
        const heights = new Set<number>();
        for (let r = rect.r0; r <= rect.r1 && heights.size < 2; r += 1) heights.add(model.sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT);
        return heights.size === 1 ? [...heights][0] : null;
      }
      case 'horizontalAlignment':
        return uniform(model.sheet, rect, (cell) => cell.format.horizontalAlignment);
      case 'verticalAlignment':
        return uniform(model.sheet, rect, (cell) => cell.format.verticalAlignment);
      case 'wrapText':
        return uniform(model.sheet, rect, (cell) => cell.format.wrapText);
      default:
        return undefined;
    }
  }
  protected override navigation(): Record<string, () => FakeObject> {
    return { fill: () => this.fill, font: () => this.font, borders: () => this.borders };
  }

  private cellWrite(prop: string, value: unknown, apply: (cell: FakeCell) => void): void {
    this.set(prop, value, (model: RangeModel) => {
      for (const rect of model.rects) eachCell(rect, (r, c) => apply(model.sheet.at(r, c)));
    });
  }

  get columnWidth(): number {
    return this.get('columnWidth');
  }
  set columnWidth(value: number) {
    this.set('columnWidth', value, (model: RangeModel) => {
      for (const rect of model.rects) for (let c = rect.c0; c <= rect.c1; c += 1) model.sheet.columnWidths.set(c, value);
    });
  }
  get rowHeight(): number {
    return this.get('rowHeight');
  }
  set rowHeight(value: number) {
    if (!Number.isFinite(value) || value < 0 || value > 409) throw new FakeOfficeError('InvalidArgument', 'rowHeight: 0–409 points.');
    this.set('rowHeight', value, (model: RangeModel) => {
      for (const rect of model.rects) {
        if (rect.r1 - rect.r0 > 100_000) throw new FakeOfficeError('FakeLimitation', 'The fake does not set the height of so many rows.');
        for (let r = rect.r0; r <= rect.r1; r += 1) model.sheet.rowHeights.set(r, value);
      }
    });
  }
  get horizontalAlignment(): string {
    return this.get('horizontalAlignment');
  }
  set horizontalAlignment(value: string) {
    this.cellWrite('horizontalAlignment', value, (cell) => {
      cell.format.horizontalAlignment = value;
    });
  }
  get verticalAlignment(): string {
    return this.get('verticalAlignment');
  }
  set verticalAlignment(value: string) {
    this.cellWrite('verticalAlignment', value, (cell) => {
      cell.format.verticalAlignment = value;
    });
  }
  get wrapText(): boolean {
    return this.get('wrapText');
  }
  set wrapText(value: boolean) {
    this.cellWrite('wrapText', value, (cell) => {
      cell.format.wrapText = value;
    });
  }

  get fill(): FakeRangeFill {
    return this.nav('fill', () => new FakeRangeFill(this.context, () => this.resolve()));
  }
  get font(): FakeRangeFont {
    return this.nav('font', () => new FakeRangeFont(this.context, () => this.resolve()));
  }
  get borders(): FakeRangeBorderCollection {
    return this.nav('borders', () => new FakeRangeBorderCollection(this.context, () => this.resolve()));
  }

  autofitRows(): void {
    this.queueOn('autofitRows', () => undefined);
  }
  autofitColumns(): void {
    this.queueOn('autofitColumns', () => undefined);
  }
}

class FakeRangeFill extends FakeObject {
  constructor(context: FakeRequestContext, resolver: Resolver) {
    super(context, resolver, 'RangeFill');
  }
  protected scalars(): readonly string[] {
    return ['color'];
  }
  protected read(_prop: string, model: RangeModel): unknown {
    const color = uniform(model.sheet, singleRect(model), (cell) => cell.format.fill);
    return color === null ? null : color;
  }
  get color(): string {
    return this.get('color');
  }
  set color(value: string) {
    this.set('color', value, (model: RangeModel) => {
      for (const rect of model.rects) eachCell(rect, (r, c) => (model.sheet.at(r, c).format.fill = value));
    });
  }
  clear(): void {
    this.queueOn('fill.clear', (model: RangeModel) => {
      for (const rect of model.rects) eachCell(rect, (r, c) => (model.sheet.at(r, c).format.fill = null));
    });
  }
}

class FakeRangeFont extends FakeObject {
  constructor(context: FakeRequestContext, resolver: Resolver) {
    super(context, resolver, 'RangeFont');
  }
  protected scalars(): readonly string[] {
    return ['name', 'size', 'bold', 'italic', 'underline', 'color'];
  }
  protected read(prop: string, model: RangeModel): unknown {
    return uniform(model.sheet, singleRect(model), (cell) => cell.format.font[prop as keyof FakeFont]);
  }
  private put<K extends keyof FakeFont>(prop: K, value: FakeFont[K]): void {
    this.set(prop, value, (model: RangeModel) => {
      for (const rect of model.rects) eachCell(rect, (r, c) => (model.sheet.at(r, c).format.font[prop] = value));
    });
  }
  get name(): string {
    return this.get('name');
  }
  set name(value: string) {
    this.put('name', value);
  }
  get size(): number {
    return this.get('size');
  }
  set size(value: number) {
    this.put('size', value);
  }
  get bold(): boolean {
    return this.get('bold');
  }
  set bold(value: boolean) {
    this.put('bold', value);
  }
  get italic(): boolean {
    return this.get('italic');
  }
  set italic(value: boolean) {
    this.put('italic', value);
  }
  get underline(): string {
    return this.get('underline');
  }
  set underline(value: string) {
    this.put('underline', value);
  }
  get color(): string {
    return this.get('color');
  }
  set color(value: string) {
    this.put('color', value);
  }
}

const BORDER_EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal', 'DiagonalDown', 'DiagonalUp'];

class FakeRangeBorderCollection extends FakeObject {
  constructor(context: FakeRequestContext, resolver: Resolver) {
    super(context, resolver, 'RangeBorderCollection');
  }
  protected scalars(): readonly string[] {
    return [];
  }
  protected read(): unknown {
    return undefined;
  }
  getItem(index: string): FakeRangeBorder {
    if (!BORDER_EDGES.includes(index)) throw new FakeOfficeError('InvalidArgument', `Unknown border '${index}'.`);
    return new FakeRangeBorder(this.context, () => this.resolve(), index);
  }
}

class FakeRangeBorder extends FakeObject {
  constructor(
    context: FakeRequestContext,
    resolver: Resolver,
    private readonly edge: string,
  ) {
    super(context, resolver, 'RangeBorder');
  }
  protected scalars(): readonly string[] {
    return ['style'];
  }
  protected read(_prop: string, model: RangeModel): unknown {
    return uniform(model.sheet, singleRect(model), (cell) => cell.format.borders[this.edge] ?? 'None');
  }
  get style(): string {
    return this.get('style');
  }
  set style(value: string) {
    this.set('style', value, (model: RangeModel) => {
      for (const rect of model.rects) {
        eachCell(rect, (r, c) => {
          const cell = model.sheet.at(r, c);
          if (value === 'None') delete cell.format.borders[this.edge];
          else cell.format.borders[this.edge] = value;
        });
      }
    });
  }
  set color(_value: string) {
    this.queueOn('border.color', () => undefined);
  }
  set weight(_value: string) {
    this.queueOn('border.weight', () => undefined);
  }
}
