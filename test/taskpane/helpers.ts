/**
 * Mounting the task pane in jsdom against the in-memory Office.js fake (test/fakes/office/).
 */
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'util';
import type { Policy } from '../../src/core/policy';
import { a1 } from '../../src/workbook/a1';
import type { SheetGrid } from '../../src/workbook/types';
import { startApp, type App } from '../../taskpane/app';
import type { ExcelRun, FunctionsBridgeLike } from '../../taskpane/excelContext';
import type { ExcelMode } from '../../taskpane/excelMode';
import { createFakeExcel, type FakeExcel, type FakeExcelOptions, type FakeSheetInit } from '../fakes/office';
import { AS_OF } from '../workbook/grids';

// jsdom has no TextDecoder/TextEncoder; the xlsx host's zip check needs them.
Object.assign(globalThis, {
  TextDecoder: globalThis.TextDecoder ?? NodeTextDecoder,
  TextEncoder: globalThis.TextEncoder ?? NodeTextEncoder,
});

export const PAYLOAD = '<img src=x onerror=alert(1)>';

export function sheetsFromGrids(grids: readonly SheetGrid[]): FakeSheetInit[] {
  return grids.map((grid) => ({
    name: grid.name,
    values: grid.values,
    origin: a1(grid.originRow, grid.originCol),
    ...(grid.hidden ? { visibility: 'Hidden' as const } : {}),
  }));
}

export function fakeWorkbook(grids: readonly SheetGrid[], extra: FakeSheetInit[] = [], options: Omit<FakeExcelOptions, 'sheets'> = {}): FakeExcel {
  return createFakeExcel({ ...options, sheets: [...sheetsFromGrids(grids), ...extra] });
}

/** Excel.run over the fake; `calls` counts the batches. */
export function runner(fake: FakeExcel): { run: ExcelRun; calls: () => number } {
  let calls = 0;
  const run: ExcelRun = (batch) => {
    calls += 1;
    return fake.run((context) => batch(context as unknown as Excel.RequestContext));
  };
  return { run, calls: () => calls };
}

export class FakeBridge implements FunctionsBridgeLike {
  readonly set: Policy[] = [];
  current: Policy | null = null;
  setPolicy(policy: Policy): void {
    this.set.push(policy);
    this.current = policy;
  }
  getPolicy(): Policy {
    return this.current as Policy;
  }
}

export interface Mounted {
  app: App;
  excel: ExcelMode;
  fake: FakeExcel;
  bridge: FakeBridge;
  calls: () => number;
  root: HTMLElement;
}

export async function mountExcel(fake: FakeExcel, today: string = AS_OF): Promise<Mounted> {
  document.body.innerHTML = '';
  const root = document.createElement('div');
  document.body.appendChild(root);
  const { run, calls } = runner(fake);
  const bridge = new FakeBridge();
  const app = startApp(root, { host: 'excel', excel: { run, today: () => today, bridge: () => bridge } });
  const excel = app.excel as ExcelMode;
  await excel.ready;
  return { app, excel, fake, bridge, calls, root };
}

export function byTestId<T extends Element = HTMLElement>(root: ParentNode, id: string): T[] {
  return [...root.querySelectorAll<T & Element>(`[data-testid="${id}"]`)] as T[];
}

export function one<T extends Element = HTMLElement>(root: ParentNode, id: string): T {
  const found = byTestId<T>(root, id);
  if (found.length !== 1) throw new Error(`expected one [data-testid="${id}"], found ${found.length}`);
  return found[0] as T;
}

/** Lets queued promise callbacks and zero timers run. */
export async function flush(times = 3): Promise<void> {
  for (let i = 0; i < times; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}
