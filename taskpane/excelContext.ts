/**
 * What the Excel panes share: how to reach the workbook (`run`, Excel.run or the test fake), the
 * day, the policy in force and the last check, and the bridge to the custom functions.
 */
import { todayIso } from '../src/core/dates';
import { defaultPolicy, type Policy } from '../src/core/policy';
import type { IsoDate } from '../src/core/types';
import type { CheckResult } from '../src/workbook/types';

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** What functions/policy.ts publishes on globalThis.BonTotFunctions (shared runtime). */
export interface FunctionsBridgeLike {
  setPolicy(policy: Policy): void;
  getPolicy?(): Policy;
}

export interface ExcelModeDeps {
  run: ExcelRun;
  /** Default: today's date on this computer. */
  today?: () => IsoDate;
  /** Default: globalThis.BonTotFunctions when the functions bundle is loaded, else null. */
  bridge?: () => FunctionsBridgeLike | null;
}

export type PolicyOrigin = 'default' | 'workbook' | 'invalid';

export class ExcelContext {
  readonly run: ExcelRun;
  readonly today: () => IsoDate;
  private readonly bridge: () => FunctionsBridgeLike | null;
  lastResult: CheckResult | null = null;
  policy: Policy = defaultPolicy();
  policyOrigin: PolicyOrigin = 'default';
  /** The evaluation year of the workbook's `Thông tin`, when it has one. */
  workbookYear: number | null = null;
  private readonly resultListeners = new Set<(result: CheckResult) => void>();
  private readonly policyListeners = new Set<(policy: Policy) => void>();

  constructor(deps: ExcelModeDeps) {
    this.run = deps.run;
    this.today = deps.today ?? (() => todayIso());
    this.bridge = deps.bridge ?? defaultBridge;
  }

  setResult(result: CheckResult): void {
    this.lastResult = result;
    if (result.organization.year !== null) this.workbookYear = result.organization.year;
    for (const listener of this.resultListeners) listener(result);
  }

  onResult(listener: (result: CheckResult) => void): void {
    this.resultListeners.add(listener);
  }

  setPolicy(policy: Policy, origin: PolicyOrigin): void {
    this.policy = policy;
    this.policyOrigin = origin;
    for (const listener of this.policyListeners) listener(policy);
  }

  onPolicy(listener: (policy: Policy) => void): void {
    this.policyListeners.add(listener);
  }

  /** The bridge to the custom functions, or null outside the shared runtime. */
  functions(): FunctionsBridgeLike | null {
    return this.bridge();
  }

  /**
   * Hands the policy to the custom functions; when it differs from theirs, asks Excel for a full
   * recalculation (BONTOT functions are not volatile). Returns whether it recalculated.
   */
  async shareWithFunctions(policy: Policy, recalculate = true): Promise<boolean> {
    const bridge = this.bridge();
    if (!bridge) return false;
    const before = bridge.getPolicy?.();
    bridge.setPolicy(policy);
    if (!recalculate || (before && JSON.stringify(before) === JSON.stringify(policy))) return false;
    await this.run(async (context) => {
      context.workbook.application.calculate('Full');
      await context.sync();
    });
    return true;
  }
}

function defaultBridge(): FunctionsBridgeLike | null {
  const candidate = (globalThis as Record<string, unknown>)['BonTotFunctions'];
  if (candidate && typeof candidate === 'object' && typeof (candidate as FunctionsBridgeLike).setPolicy === 'function') {
    return candidate as FunctionsBridgeLike;
  }
  return null;
}
