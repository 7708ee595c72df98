/**
 * Percent arithmetic for the rules. SPEC §1: every comparison uses the unrounded value. Binary
 * floating point still adds noise (0.29 × 100 is 28.999999999999996), so a percent is computed as
 * part × 100 / whole — exact whenever the true percent is representable — and a fraction given by a
 * caller is snapped to 9 decimals of a percent before it is compared. Neither is display rounding.
 */

/** 100 × part / whole; null when whole is not positive. Divides first when part × 100 would overflow. */
export function percentOf(part: number, whole: number): number | null {
  if (!(whole > 0)) return null;
  const scaled = part * 100;
  return Number.isFinite(scaled) ? scaled / whole : (part / whole) * 100;
}

/** A fraction 0–1 as a percent, without binary noise (0.29 → 29, not 28.999999999999996). */
export function fractionToPercent(fraction: number): number {
  return Math.round(fraction * 100 * 1e9) / 1e9;
}

/** part / whole as a fraction; null when whole is not positive. */
export function shareOf(part: number, whole: number): number | null {
  if (!(whole > 0)) return null;
  return part / whole;
}
