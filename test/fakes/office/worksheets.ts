/**
 * Workbook.worksheets: getItem / getItemOrNullObject / getActiveWorksheet / add, and the items
 * list, with Excel's rules for sheet names.
 */

import type { FakeRequestContext } from './context';
import { FakeOfficeError, notLoaded } from './errors';
import type { LoadTree } from './load';
import { findSheet, SheetModel } from './model';
import { FakeObject, Holder, liveSheet } from './object';
import { FakeWorksheet } from './worksheet';

const INVALID_SHEET_NAME = /[:\\/?*[\]]/;

export class FakeWorksheetCollection extends FakeObject {
  private itemsList: FakeWorksheet[] | null = null;
  private stagedItems: SheetModel[] | null = null;

  constructor(context: FakeRequestContext) {
    super(context, () => context.fake.model.sheets, 'WorksheetCollection');
  }
  protected scalars(): readonly string[] {
    return [];
  }
  protected read(): unknown {
    return undefined;
  }

  get items(): FakeWorksheet[] {
    if (!this.itemsList) throw notLoaded('items', this.entity);
    return this.itemsList;
  }

  override _execLoad(tree: LoadTree): void {
    const sheets = [...this.context.fake.model.sheets];
    if (!this.stagedItems) this.context.loadedInThisSync.push(this);
    this.stagedItems = sheets;
    // "items/name" and "name" both load the items' properties.
    const itemTree: LoadTree = tree.get('items') ?? new Map([...tree].filter(([k]) => k !== 'items'));
    const proxies = sheets.map((sheet) => new FakeWorksheet(this.context, () => liveSheet(this.context, sheet)));
    this.pendingProxies = proxies;
    for (const proxy of proxies) proxy._execLoad(itemTree);
  }
  private pendingProxies: FakeWorksheet[] = [];
  override _commitLoad(): void {
    if (this.stagedItems) this.itemsList = this.pendingProxies;
    this.stagedItems = null;
  }
  override _rollbackLoad(): void {
    this.stagedItems = null;
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => {
      const sheet = findSheet(this.context.fake.model, key);
      if (!sheet) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist: worksheet '${key}'.`);
      return sheet;
    });
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => findSheet(this.context.fake.model, key) ?? null);
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => {
      const model = this.context.fake.model;
      return model.sheets.find((s) => s.id === model.activeSheetId) ?? model.sheets[0] ?? null;
    });
  }

  getCount(): { value: number } {
    const result = { value: 0 };
    this.context.enqueue({
      describe: 'load',
      bytes: 16,
      run: () => {
        result.value = this.context.fake.model.sheets.length;
      },
    });
    return result;
  }

  add(name?: string): FakeWorksheet {
    const holder = new Holder<SheetModel>();
    const model = this.context.fake.model;
    this.context.enqueue({
      describe: 'worksheets.add',
      bytes: 64,
      run: () => {
        let sheetName = name;
        if (sheetName === undefined) {
          let n = model.sheets.length + 1;
          while (findSheet(model, `Sheet${n}`)) n += 1;
          sheetName = `Sheet${n}`;
        }
        if (sheetName.length === 0 || sheetName.length > 31 || INVALID_SHEET_NAME.test(sheetName) || /^'|'$/.test(sheetName)) {
          throw new FakeOfficeError('InvalidArgument', `The worksheet name '${sheetName}' is not valid.`);
        }
        if (findSheet(model, sheetName)) {
          throw new FakeOfficeError('ItemAlreadyExists', `A worksheet named '${sheetName}' already exists.`);
        }
        const sheet = new SheetModel(`{fake-${model.nextId++}}`, sheetName);
        model.sheets.push(sheet);
        holder.value = sheet;
      },
    });
    return new FakeWorksheet(this.context, () => {
      if (!holder.value) throw new FakeOfficeError('InvalidObjectPath', 'The added worksheet is not available.');
      return liveSheet(this.context, holder.value);
    });
  }
}
