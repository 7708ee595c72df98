/**
 * Range.dataValidation: the rule (list, whole number, custom …), prompt and error alert, clear,
 * and the `valid` flag, kept per cell on the sheet model.
 */

import { cellCount } from './address';
import type { FakeRequestContext } from './context';
import { FakeOfficeError } from './errors';
import { CELL_WRITE_LIMIT, cellKey, type FakeValidation, MAX_COLUMNS, structuredCopy } from './model';
import { FakeObject, type Resolver } from './object';
import { eachCell, type RangeModel, singleRect } from './rangeModel';

export class FakeDataValidation extends FakeObject {
  constructor(context: FakeRequestContext, resolver: Resolver) {
    super(context, resolver, 'DataValidation');
  }
  protected scalars(): readonly string[] {
    return ['rule', 'type', 'ignoreBlanks', 'errorAlert', 'prompt'];
  }
  protected read(prop: string, model: RangeModel): unknown {
    const rect = singleRect(model);
    const first = model.sheet.validations.get(cellKey(rect.r0, rect.c0)) ?? null;
    let same = true;
    if (cellCount(rect) <= CELL_WRITE_LIMIT) {
      eachCell(rect, (r, c) => {
        if ((model.sheet.validations.get(cellKey(r, c)) ?? null) !== first) same = false;
      });
    }
    if (prop === 'type') {
      if (!same) return 'Inconsistent';
      if (!first) return 'None';
      const key = Object.keys(first.rule)[0] ?? 'None';
      return key.charAt(0).toUpperCase() + key.slice(1);
    }
    if (!same) return null;
    if (prop === 'rule') return first ? structuredCopy(first.rule) : {};
    if (prop === 'ignoreBlanks') return first ? first.ignoreBlanks : true;
    if (prop === 'errorAlert') return first?.errorAlert ? structuredCopy(first.errorAlert) : null;
    if (prop === 'prompt') return first?.prompt ? structuredCopy(first.prompt) : null;
    return undefined;
  }
  private update(prop: string, value: unknown, change: (v: FakeValidation) => void, create: boolean): void {
    this.set(prop, value, (model: RangeModel) => {
      const rect = singleRect(model);
      // One shared record per write, like a validation applied to a range.
      const cache = new Map<FakeValidation | null, FakeValidation>();
      eachCell(rect, (r, c) => {
        const key = cellKey(r, c);
        const old = model.sheet.validations.get(key) ?? null;
        if (!old && !create) return;
        let next = cache.get(old);
        if (!next) {
          next = old ? { ...old, rule: structuredCopy(old.rule) } : { rule: {}, errorAlert: null, prompt: null, ignoreBlanks: true };
          change(next);
          cache.set(old, next);
        }
        model.sheet.validations.set(key, next);
      });
    });
  }
  get rule(): Record<string, unknown> {
    return this.get('rule');
  }
  set rule(value: Record<string, unknown>) {
    const keys = Object.keys(value);
    if (keys.length !== 1) throw new FakeOfficeError('InvalidArgument', 'A data validation rule has exactly one type.');
    this.update('rule', value, (v) => (v.rule = structuredCopy(value)), true);
  }
  get type(): string {
    return this.get('type');
  }
  get ignoreBlanks(): boolean {
    return this.get('ignoreBlanks');
  }
  set ignoreBlanks(value: boolean) {
    this.update('ignoreBlanks', value, (v) => (v.ignoreBlanks = value), false);
  }
  get errorAlert(): Record<string, unknown> {
    return this.get('errorAlert');
  }
  set errorAlert(value: Record<string, unknown>) {
    this.update('errorAlert', value, (v) => (v.errorAlert = { ...value }), false);
  }
  get prompt(): Record<string, unknown> {
    return this.get('prompt');
  }
  set prompt(value: Record<string, unknown>) {
    this.update('prompt', value, (v) => (v.prompt = { ...value }), false);
  }
  clear(): void {
    this.queueOn('dataValidation.clear', (model: RangeModel) => {
      const rect = singleRect(model);
      for (const key of [...model.sheet.validations.keys()]) {
        const row = Math.floor(key / MAX_COLUMNS);
        const col = key % MAX_COLUMNS;
        if (row >= rect.r0 && row <= rect.r1 && col >= rect.c0 && col <= rect.c1) model.sheet.validations.delete(key);
      }
    });
  }
}
