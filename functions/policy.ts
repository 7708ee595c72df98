/**
 * The policy the custom functions compute with. In Excel's shared runtime the task pane and the
 * functions share one JavaScript context: the pane reads the workbook's `Cấu hình` sheet and hands
 * the policy over through `globalThis.BonTotFunctions.setPolicy`, then asks Excel to recalculate.
 * Until then (or outside Excel) the seed's defaults apply.
 */
import { defaultPolicy, type Policy } from '../src/core/policyDefaults';

let current: Policy = defaultPolicy();

export function functionsPolicy(): Policy {
  return current;
}

export function setFunctionsPolicy(policy: Policy): void {
  current = policy;
}

export interface FunctionsBridge {
  setPolicy(policy: Policy): void;
  getPolicy(): Policy;
}

/** Publishes the bridge on the shared global so the task pane bundle can reach it. */
export function publishBridge(target: Record<string, unknown>): void {
  const bridge: FunctionsBridge = { setPolicy: setFunctionsPolicy, getPolicy: functionsPolicy };
  target['BonTotFunctions'] = bridge;
}
