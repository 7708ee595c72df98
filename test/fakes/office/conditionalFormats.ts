/**
 * Range.conditionalFormats: the collection (add, items, clearAll), one conditional format and
 * the custom rule (formula) with its fill and font.
 */

import { intersects } from './address';
import type { FakeRequestContext } from './context';
import { FakeOfficeError, notLoaded } from './errors';
import type { LoadTree } from './load';
import type { FakeConditionalFormat, Rect, SheetModel } from './model';
import { FakeObject, Holder, type Resolver } from './object';
import type { FakeRange, FakeRangeAreas } from './range';
import type { RangeModel } from './rangeModel';

export class FakeConditionalFormatCollection extends FakeObject {
  private itemsList: FakeConditionalFormatProxy[] | null = null;
  private stagedList: FakeConditionalFormatProxy[] | null = null;

  constructor(context: FakeRequestContext, resolver: Resolver) {
    super(context, resolver, 'ConditionalFormatCollection');
  }
  protected scalars(): readonly string[] {
    return [];
  }
  protected read(): unknown {
    return undefined;
  }
  get items(): FakeConditionalFormatProxy[] {
    if (!this.itemsList) throw notLoaded('items', this.entity);
    return this.itemsList;
  }
  private matching(model: RangeModel): FakeConditionalFormat[] {
    return model.sheet.conditionalFormats.filter((cf) => cf.rects.some((r) => model.rects.some((m) => intersects(r, m))));
  }
  override _execLoad(tree: LoadTree): void {
    const model = this.resolveStrict() as RangeModel;
    if (!this.stagedList) this.context.loadedInThisSync.push(this);
    const sheet = model.sheet;
    const itemTree: LoadTree = tree.get('items') ?? new Map([...tree].filter(([k]) => k !== 'items'));
    this.stagedList = this.matching(model).map(
      (cf) => new FakeConditionalFormatProxy(this.context, () => (sheet.conditionalFormats.includes(cf) ? { sheet, cf } : raiseGone())),
    );
    for (const proxy of this.stagedList) proxy._execLoad(itemTree);
  }
  override _commitLoad(): void {
    if (this.stagedList) this.itemsList = this.stagedList;
    this.stagedList = null;
  }
  override _rollbackLoad(): void {
    this.stagedList = null;
  }
  getCount(): { value: number } {
    const result = { value: 0 };
    this.context.enqueue({
      describe: 'load',
      bytes: 16,
      run: () => {
        result.value = this.matching(this.resolveStrict() as RangeModel).length;
      },
    });
    return result;
  }
  add(type: string): FakeConditionalFormatProxy {
    const holder = new Holder<{ sheet: SheetModel; cf: FakeConditionalFormat }>();
    this.queueOn('conditionalFormats.add', (model: RangeModel) => {
      const fake = this.context.fake.model;
      const cf: FakeConditionalFormat = {
        id: `{cf-${fake.nextId++}}`,
        type,
        rects: model.rects.map((r) => ({ ...r })),
        formula: null,
        fill: null,
        fontColor: null,
        bold: null,
        stopIfTrue: false,
      };
      // New conditional formats take the top priority, as in Excel.
      model.sheet.conditionalFormats.unshift(cf);
      holder.value = { sheet: model.sheet, cf };
    });
    return new FakeConditionalFormatProxy(this.context, () => {
      if (!holder.value) throw new FakeOfficeError('InvalidObjectPath', 'The added conditional format is not available.');
      return holder.value.sheet.conditionalFormats.includes(holder.value.cf) ? holder.value : raiseGone();
    });
  }
  clearAll(): void {
    this.queueOn('conditionalFormats.clearAll', (model: RangeModel) => {
      const gone = new Set(this.matching(model));
      model.sheet.conditionalFormats = model.sheet.conditionalFormats.filter((cf) => !gone.has(cf));
    });
  }
}

function raiseGone(): never {
  throw new FakeOfficeError('ItemNotFound', 'The conditional format no longer exists.');
}

interface CfModel {
  sheet: SheetModel;
  cf: FakeConditionalFormat;
}

class FakeConditionalFormatProxy extends FakeObject {
  constructor(context: FakeRequestContext, resolver: Resolver) {
    super(context, resolver, 'ConditionalFormat');
  }
  protected scalars(): readonly string[] {
    return ['id', 'type', 'priority', 'stopIfTrue'];
  }
  protected read(prop: string, model: CfModel): unknown {
    switch (prop) {
      case 'id':
        return model.cf.id;
      case 'type':
        return model.cf.type;
      case 'priority':
        return model.sheet.conditionalFormats.indexOf(model.cf);
      case 'stopIfTrue':
        return model.cf.stopIfTrue;
      default:
        return undefined;
    }
  }
  protected override navigation(): Record<string, () => FakeObject> {
    return { custom: () => this.custom, customOrNullObject: () => this.customOrNullObject };
  }
  get id(): string {
    return this.get('id');
  }
  get type(): string {
    return this.get('type');
  }
  get priority(): number {
    return this.get('priority');
  }
  get stopIfTrue(): boolean {
    return this.get('stopIfTrue');
  }
  set stopIfTrue(value: boolean) {
    this.set('stopIfTrue', value, (model: CfModel) => {
      model.cf.stopIfTrue = value;
    });
  }
  get custom(): FakeCustomConditionalFormat {
    return this.nav(
      'custom',
      () =>
        new FakeCustomConditionalFormat(this.context, () => {
          const model = this.resolveStrict() as CfModel;
          if (model.cf.type !== 'Custom') throw new FakeOfficeError('InvalidOperation', 'Not a custom conditional format.');
          return model;
        }),
    );
  }
  get customOrNullObject(): FakeCustomConditionalFormat {
    return this.nav(
      'customOrNullObject',
      () =>
        new FakeCustomConditionalFormat(this.context, () => {
          const model = this.resolve() as CfModel | null;
          return model && model.cf.type === 'Custom' ? model : null;
        }),
    );
  }
  getRange(): FakeRange {
    return this.context._makeRange(() => {
      const model = this.resolveStrict() as CfModel;
      return { sheet: model.sheet, rects: [model.cf.rects[0] as Rect] };
    });
  }
  getRanges(): FakeRangeAreas {
    return this.context._makeRangeAreas(() => {
      const model = this.resolveStrict() as CfModel;
      return { sheet: model.sheet, rects: model.cf.rects };
    });
  }
  delete(): void {
    this.queueOn('conditionalFormat.delete', (model: CfModel) => {
      model.sheet.conditionalFormats = model.sheet.conditionalFormats.filter((cf) => cf !== model.cf);
    });
  }
}

class FakeCustomConditionalFormat extends FakeObject {
  constructor(context: FakeRequestContext, resolver: Resolver) {
    super(context, resolver, 'CustomConditionalFormat');
  }
  protected scalars(): readonly string[] {
    return [];
  }
  protected read(): unknown {
    return undefined;
  }
  protected override navigation(): Record<string, () => FakeObject> {
    return { rule: () => this.rule, format: () => this.format };
  }
  get rule(): FakeConditionalFormatRule {
    return this.nav('rule', () => new FakeConditionalFormatRule(this.context, () => this.resolve()));
  }
  get format(): FakeConditionalRangeFormat {
    return this.nav('format', () => new FakeConditionalRangeFormat(this.context, () => this.resolve()));
  }
}

class FakeConditionalFormatRule extends FakeObject {
  constructor(context: FakeRequestContext, resolver: Resolver) {
    super(context, resolver, 'ConditionalFormatRule');
  }
  protected scalars(): readonly string[] {
    return ['formula'];
  }
  protected read(_prop: string, model: CfModel): unknown {
    return model.cf.formula;
  }
  get formula(): string {
    return this.get('formula');
  }
  set formula(value: string) {
    this.set('formula', value, (model: CfModel) => {
      model.cf.formula = value;
    });
  }
}

class FakeConditionalRangeFormat extends FakeObject {
  constructor(context: FakeRequestContext, resolver: Resolver) {
    super(context, resolver, 'ConditionalRangeFormat');
  }
  protected scalars(): readonly string[] {
    return [];
  }
  protected read(): unknown {
    return undefined;
  }
  protected override navigation(): Record<string, () => FakeObject> {
    return { fill: () => this.fill, font: () => this.font };
  }
  get fill(): FakeConditionalFill {
    return this.nav('fill', () => new FakeConditionalFill(this.context, () => this.resolve()));
  }
  get font(): FakeConditionalFont {
    return this.nav('font', () => new FakeConditionalFont(this.context, () => this.resolve()));
  }
}

class FakeConditionalFill extends FakeObject {
  constructor(context: FakeRequestContext, resolver: Resolver) {
    super(context, resolver, 'ConditionalRangeFill');
  }
  protected scalars(): readonly string[] {
    return ['color'];
  }
  protected read(_prop: string, model: CfModel): unknown {
    return model.cf.fill;
  }
  get color(): string {
    return this.get('color');
  }
  set color(value: string) {
    this.set('color', value, (model: CfModel) => {
      model.cf.fill = value;
    });
  }
}

class FakeConditionalFont extends FakeObject {
  constructor(context: FakeRequestContext, resolver: Resolver) {
    super(context, resolver, 'ConditionalRangeFont');
  }
  protected scalars(): readonly string[] {
    return ['color', 'bold'];
  }
  protected read(prop: string, model: CfModel): unknown {
    return prop === 'color' ? model.cf.fontColor : model.cf.bold;
  }
  get color(): string {
    return this.get('color');
  }
  set color(value: string) {
    this.set('color', value, (model: CfModel) => {
      model.cf.fontColor = value;
    });
  }
  get bold(): boolean {
    return this.get('bold');
  }
  set bold(value: boolean) {
    this.set('bold', value, (model: CfModel) => {
      model.cf.bold = value;
    });
  }
}
