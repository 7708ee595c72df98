/**
 * Worksheet.freezePanes and worksheet.pageLayout: frozen rows/columns, orientation, paper,
 * zoom / fit to pages, margins, print titles and print area.
 */

import { parseAddress, rectAddress } from './address';
import type { FakeRequestContext } from './context';
import { FakeOfficeError } from './errors';
import type { FakePageLayout, SheetModel } from './model';
import { FakeObject, type Resolver } from './object';
import type { FakeRange } from './range';
import type { RangeModel } from './rangeModel';

export class FakeFreezePanes extends FakeObject {
  constructor(context: FakeRequestContext, resolver: Resolver) {
    super(context, resolver, 'WorksheetFreezePanes');
  }
  protected scalars(): readonly string[] {
    return [];
  }
  protected read(): unknown {
    return undefined;
  }
  freezeRows(count = 1): void {
    this.queueOn('freezeRows', (sheet: SheetModel) => {
      sheet.frozenRows = count;
      sheet.frozenColumns = 0;
    });
  }
  freezeColumns(count = 1): void {
    this.queueOn('freezeColumns', (sheet: SheetModel) => {
      sheet.frozenColumns = count;
      sheet.frozenRows = 0;
    });
  }
  unfreeze(): void {
    this.queueOn('unfreeze', (sheet: SheetModel) => {
      sheet.frozenRows = 0;
      sheet.frozenColumns = 0;
    });
  }
}

export class FakePageLayoutProxy extends FakeObject {
  constructor(context: FakeRequestContext, resolver: Resolver) {
    super(context, resolver, 'PageLayout');
  }
  protected scalars(): readonly string[] {
    return [
      'orientation',
      'paperSize',
      'zoom',
      'centerHorizontally',
      'centerVertically',
      'topMargin',
      'bottomMargin',
      'leftMargin',
      'rightMargin',
      'headerMargin',
      'footerMargin',
    ];
  }
  protected read(prop: string, sheet: SheetModel): unknown {
    const layout = sheet.pageLayout as unknown as Record<string, unknown>;
    const value = layout[prop];
    return value && typeof value === 'object' ? { ...value } : value;
  }
  private put(prop: keyof FakePageLayout, value: unknown): void {
    this.set(prop, value, (sheet: SheetModel) => {
      (sheet.pageLayout as unknown as Record<string, unknown>)[prop] = value && typeof value === 'object' ? { ...value } : value;
    });
  }
  get orientation(): string {
    return this.get('orientation');
  }
  set orientation(value: string) {
    this.put('orientation', value);
  }
  get paperSize(): string {
    return this.get('paperSize');
  }
  set paperSize(value: string) {
    this.put('paperSize', value);
  }
  get zoom(): FakePageLayout['zoom'] {
    return this.get('zoom');
  }
  set zoom(value: FakePageLayout['zoom']) {
    for (const n of [value.horizontalFitToPages, value.verticalFitToPages]) {
      if (n !== undefined && (!Number.isInteger(n) || n < 0))
        throw new FakeOfficeError('InvalidArgument', 'zoom: fit to pages must be a whole number ≥ 0.');
    }
    this.put('zoom', value);
  }
  get centerHorizontally(): boolean {
    return this.get('centerHorizontally');
  }
  set centerHorizontally(value: boolean) {
    this.put('centerHorizontally', value);
  }
  get centerVertically(): boolean {
    return this.get('centerVertically');
  }
  set centerVertically(value: boolean) {
    this.put('centerVertically', value);
  }
  get topMargin(): number {
    return this.get('topMargin');
  }
  set topMargin(value: number) {
    if (!Number.isFinite(value) || value < 0) throw new FakeOfficeError('InvalidArgument', 'topMargin: a margin is a number of points ≥ 0.');
    this.put('topMargin', value);
  }
  get bottomMargin(): number {
    return this.get('bottomMargin');
  }
  set bottomMargin(value: number) {
    if (!Number.isFinite(value) || value < 0) throw new FakeOfficeError('InvalidArgument', 'bottomMargin: a margin is a number of points ≥ 0.');
    this.put('bottomMargin', value);
  }
  get leftMargin(): number {
    return this.get('leftMargin');
  }
  set leftMargin(value: number) {
    if (!Number.isFinite(value) || value < 0) throw new FakeOfficeError('InvalidArgument', 'leftMargin: a margin is a number of points ≥ 0.');
    this.put('leftMargin', value);
  }
  get rightMargin(): number {
    return this.get('rightMargin');
  }
  set rightMargin(value: number) {
    if (!Number.isFinite(value) || value < 0) throw new FakeOfficeError('InvalidArgument', 'rightMargin: a margin is a number of points ≥ 0.');
    this.put('rightMargin', value);
  }
  get headerMargin(): number {
    return this.get('headerMargin');
  }
  set headerMargin(value: number) {
    if (!Number.isFinite(value) || value < 0) throw new FakeOfficeError('InvalidArgument', 'headerMargin: a margin is a number of points ≥ 0.');
    this.put('headerMargin', value);
  }
  get footerMargin(): number {
    return this.get('footerMargin');
  }
  set footerMargin(value: number) {
    if (!Number.isFinite(value) || value < 0) throw new FakeOfficeError('InvalidArgument', 'footerMargin: a margin is a number of points ≥ 0.');
    this.put('footerMargin', value);
  }
  setPrintTitleRows(rows: string | FakeRange): void {
    this.queueOn('setPrintTitleRows', (sheet: SheetModel) => {
      const text = typeof rows === 'string' ? rows : null;
      if (text === null || !/^\$?\d{1,7}:\$?\d{1,7}$/.test(text.trim())) {
        throw new FakeOfficeError('InvalidArgument', `Bad print title rows '${String(text)}' (expected "$1:$1").`);
      }
      sheet.pageLayout.printTitleRows = text.trim();
    });
  }
  setPrintArea(printArea: string | FakeRange): void {
    this.queueOn('setPrintArea', (sheet: SheetModel) => {
      let address: string;
      if (typeof printArea === 'string') {
        const rect = parseAddress(printArea);
        if (!rect) throw new FakeOfficeError('InvalidArgument', `Bad print area '${printArea}'.`);
        address = rectAddress(rect);
      } else {
        const target = printArea.resolveStrict() as RangeModel;
        address = target.rects.map(rectAddress).join(',');
      }
      sheet.pageLayout.printArea = address;
    });
  }
}
