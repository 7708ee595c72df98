/**
 * The share of organisations that reached the model, against the committee's target (seed I.1:
 * at least 50 %).
 */
import type { Policy } from './policy';
import { fractionToPercent } from './percent';
import { isBlank } from './text';
import { parseRecognised } from './vocabulary';

/** Share (fraction) of non-blank entries recognised (Có, Đạt, TRUE, x …); null when all are blank. */
export function modelShare(statuses: readonly unknown[]): number | null {
  let filled = 0;
  let recognised = 0;
  for (const status of statuses) {
    if (isBlank(status)) continue;
    filled += 1;
    if (parseRecognised(status) === true) recognised += 1;
  }
  return filled > 0 ? recognised / filled : null;
}

/** True when the share (fraction) reaches the policy's target percent. */
export function targetMet(share: number, policy: Policy): boolean {
  return fractionToPercent(share) >= policy.modelTargetPercent;
}
