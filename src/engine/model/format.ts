/**
 * The one formatter of values: every figure the engine prints — the report, the indicator values the pane and
 * the command line show, the number formats of the output cells — goes through here, rounded half up once.
 */
import Decimal from "decimal.js";
import { formatScore } from "./decimal";

/** How a figure is printed: 万元 amounts and rates with 2 decimals, scores without trailing zeros. */
export type NumberStyle = "amount" | "rate" | "integer" | "score" | "number";

/**
 * What an indicator's value is, decided once from its formula by the engine (score/units.ts): a rate (a
 * fraction, shown as a percentage), an amount in 万元, a whole count, or a plain number.
 */
export type ValueFormat = "percent" | "amount" | "integer" | "number";

/** "33.1" → "33.10" (amounts are 万元 with 2 decimals). */
export function formatAmount(v: Decimal): string {
  return v.toFixed(2, Decimal.ROUND_HALF_UP);
}

/** 0.199361 → "19.94%" (a fraction printed as a percentage with 2 decimals). */
export function formatRate(v: Decimal): string {
  // ×100 is exact while v has no more significant digits than the precision: rounding v at 4 decimals is then
  // the same as rounding v×100 at 2, and the point moves two places in the text (the old way's half of the cost).
  if (!v.isFinite() || v.precision() > Decimal.precision) return `${v.times(100).toFixed(2, Decimal.ROUND_HALF_UP)}%`;
  const fixed = v.toFixed(4, Decimal.ROUND_HALF_UP);
  const sign = fixed.startsWith("-") ? "-" : "";
  const digits = sign ? fixed.slice(1) : fixed;
  const point = digits.length - 5;
  const whole = `${digits.slice(0, point)}${digits.slice(point + 1, point + 3)}`.replace(/^0+(?=\d)/, "");
  return `${sign}${whole}.${digits.slice(point + 3)}%`;
}

/** Integers as they are; a stray fraction is kept (rounded to 2 places) rather than hidden. */
export function formatInteger(v: Decimal): string {
  return v.isInteger() ? v.toFixed(0) : formatScore(v);
}

/** Format in a given style. */
export function formatNumber(v: Decimal, style: NumberStyle): string {
  switch (style) {
    case "amount":
      return formatAmount(v);
    case "rate":
      return formatRate(v);
    case "integer":
      return formatInteger(v);
    case "score":
    case "number":
      return formatScore(v);
  }
}

/** The print style of an indicator value of this format. */
export function styleOfValue(format: ValueFormat): NumberStyle {
  return format === "percent" ? "rate" : format;
}

/** An indicator value (a JS number from the score sheet) as text: 0.9756 → "97.56%", 33.1 万元 → "33.10". */
export function formatValue(v: number | Decimal, format: ValueFormat): string {
  return formatNumber(v instanceof Decimal ? v : new Decimal(String(v)), styleOfValue(format));
}

/** The Excel number format an output cell of an indicator value gets (the cell shows what formatValue prints). */
export const EXCEL_VALUE_FORMATS: Readonly<Record<ValueFormat, string>> = Object.freeze({
  percent: "0.00%",
  amount: "0.00",
  integer: "0",
  number: "General",
});
