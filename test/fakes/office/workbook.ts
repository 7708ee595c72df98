/**
 * Context.workbook and context.application: the workbook proxy (worksheets, selected range) and
 * the application (calculation mode).
 */

import { parseAddress } from './address';
import type { FakeRequestContext } from './context';
import { FakeOfficeError } from './errors';
import type { WorkbookModel } from './model';
import { FakeObject } from './object';
import { FakeRange } from './range';
import { FakeWorksheetCollection } from './worksheets';

export class FakeApplication extends FakeObject {
  constructor(context: FakeRequestContext) {
    super(context, () => context.fake.model, 'Application');
  }
  protected scalars(): readonly string[] {
    return ['calculationMode'];
  }
  protected read(): unknown {
    return 'Automatic';
  }
  get calculationMode(): string {
    return this.get('calculationMode');
  }
  suspendApiCalculationUntilNextSync(): void {
    this.queueOn('suspendApiCalculationUntilNextSync', (model: WorkbookModel) => {
      model.calculationSuspended = true;
      model.suspendCalls += 1;
    });
  }
  calculate(calculationType: string): void {
    this.queueOn('calculate', (model: WorkbookModel) => {
      model.calculations.push(calculationType);
    });
  }
}

export class FakeWorkbook extends FakeObject {
  readonly worksheets: FakeWorksheetCollection;
  readonly application: FakeApplication;
  constructor(context: FakeRequestContext) {
    super(context, () => context.fake.model, 'Workbook');
    this.worksheets = new FakeWorksheetCollection(context);
    this.application = new FakeApplication(context);
  }
  protected scalars(): readonly string[] {
    return ['name'];
  }
  protected read(): unknown {
    return 'Book1.xlsx';
  }
  protected override navigation(): Record<string, () => FakeObject> {
    return { worksheets: () => this.worksheets, application: () => this.application };
  }
  get name(): string {
    return this.get('name');
  }
  getSelectedRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const model = this.context.fake.model;
      const selection = model.selection;
      if (!selection) throw new FakeOfficeError('InvalidSelection', 'Nothing is selected.');
      const sheet = model.sheets.find((s) => s.id === selection.sheetId);
      const rect = parseAddress(selection.address);
      if (!sheet || !rect) throw new FakeOfficeError('InvalidSelection', 'Nothing is selected.');
      return { sheet, rects: [rect] };
    });
  }
}
