import type { IndicatorResult } from "../engine";

/** A score or weight for display: at most 2 decimals, no trailing zeros ("24.5", "94"). */
export function formatPoints(n: number): string {
  return String(Number(n.toFixed(2)));
}

export interface ValueWords {
  readonly na: string;
  readonly undefinedValue: string;
  readonly noValue: string;
}

/**
 * An indicator's value for display: a number as the engine printed it (IndicatorResult.valueText — the one
 * formatter the report, the command line and the output cells use), or the pane's words for n/a and undefined.
 */
export function formatIndicatorValue(ind: Pick<IndicatorResult, "value" | "valueText">, words: ValueWords): string {
  const v = ind.value;
  switch (v.t) {
    case "number":
      return ind.valueText;
    case "na":
      return words.na;
    case "undefined":
      return words.undefinedValue;
    case "none":
      return words.noValue;
  }
}
