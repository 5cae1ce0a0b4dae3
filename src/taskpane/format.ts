import type { IndicatorResult } from "../engine";

/** A score or weight for display: at most 2 decimals, no trailing zeros ("24.5", "94"). */
export function formatPoints(n: number): string {
  return String(Number(n.toFixed(2)));
}

/** A fraction as a percentage with up to 2 decimals: 0.9756 → "97.56%". */
export function formatPercent(fraction: number): string {
  return `${String(Number((fraction * 100).toFixed(2)))}%`;
}

// Formulas whose value is a fraction (shown as %): ratio/change/weighted, or a rate/completion column.
const RATE_FORMULA = /^\s*(ratio|change|weighted)\s*\(|(^|[.\s(])(\w*rate|completion)\s*$/i;

/** True when the indicator's value is a rate (a fraction shown as %), judged from its formula. */
export function isRateIndicator(ind: Pick<IndicatorResult, "formula" | "ruleKind">): boolean {
  if (ind.ruleKind === "checklist" || ind.ruleKind === "per_event") return false;
  return RATE_FORMULA.test(ind.formula);
}

export interface ValueWords {
  readonly na: string;
  readonly undefinedValue: string;
  readonly noValue: string;
}

/** An indicator's value for display: rates as %, counts as numbers, or the words for n/a and undefined. */
export function formatIndicatorValue(ind: IndicatorResult, words: ValueWords): string {
  const v = ind.value;
  switch (v.t) {
    case "number":
      return isRateIndicator(ind) ? formatPercent(v.v) : String(Number(v.v.toFixed(4)));
    case "na":
      return words.na;
    case "undefined":
      return words.undefinedValue;
    case "none":
      return words.noValue;
  }
}
