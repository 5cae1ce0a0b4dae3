/**
 * decimal.js helpers: how the engine rounds scores and rates (half-up) when it hands them out. The engine computes
 * with exact Decimals; the report's, the pane's and the CLI's number texts still round on their own (issue #12:
 * one value formatter).
 */
import Decimal from "decimal.js";

export { Decimal };

/** Decimal's default precision (20 significant digits, half-up) is what every engine computation uses. */
export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);
export const HUNDRED = new Decimal(100);

/** Scores: 2 decimals, half-up (a score with 2 decimals or fewer is already that, and is not copied). */
export function roundScore(d: Decimal): Decimal {
  return d.decimalPlaces() <= 2 ? d : d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** Rates (fractions): 4 decimals, half-up — i.e. a percentage with 2 decimals. */
export function roundRate(d: Decimal): Decimal {
  return d.toDecimalPlaces(4, Decimal.ROUND_HALF_UP);
}

/** A Decimal as a JS number for output cells (call after rounding). */
export function toNumber(d: Decimal): number {
  return d.toNumber();
}

/** A score for messages: rounded, without trailing zeros ("1.5", "94"). */
export function formatScore(d: Decimal): string {
  return roundScore(d).toString();
}

/** A rate for messages: "45.56%" (2 decimals of a percent, half-up; trailing zeros dropped: "100%"). */
export function formatPercent(d: Decimal): string {
  return `${roundRate(d).times(HUNDRED).toString()}%`;
}

/**
 * Decimal.max (n = -1) / Decimal.min (n = 1) of two Decimals without copying them: the same choice as
 * decimal.js makes (NaN wins, a tie between 0 and -0 goes by sign), so the value is identical.
 */
function pick(x: Decimal, y: Decimal, n: 1 | -1): Decimal {
  if (!y.s) return y;
  const k = x.cmp(y);
  return k === n || (k === 0 && x.s === n) ? y : x;
}

/** Clamp into [lo, hi] (the value of Decimal.max(lo, Decimal.min(hi, d)), without the copies). */
export function clamp(d: Decimal, lo: Decimal, hi: Decimal): Decimal {
  return pick(lo, pick(hi, d, 1), -1);
}
