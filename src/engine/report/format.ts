/** Number formatting for the report: every printed figure goes through here, rounded half up once. */
import Decimal from "decimal.js";
import type { FieldType } from "../compile/read/types";

/** How a figure is printed: 万元 amounts and rates with 2 decimals, scores without trailing zeros. */
export type NumberStyle = "amount" | "rate" | "integer" | "score" | "number";

/** "33.1" → "33.10" (amounts are 万元 with 2 decimals). */
export function formatAmount(v: Decimal): string {
  return v.toFixed(2, Decimal.ROUND_HALF_UP);
}

/** 0.199361 → "19.94%" (a fraction printed as a percentage with 2 decimals). */
export function formatRate(v: Decimal): string {
  return `${v.times(100).toFixed(2, Decimal.ROUND_HALF_UP)}%`;
}

/** 94 → "94", 6.5 → "6.5", 24.456 → "24.46": scores as the seed prints them. */
export function formatScore(v: Decimal): string {
  return v.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toString();
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

/** The print style of a field type (text and yes/no have none). */
export function styleOfFieldType(type: FieldType): NumberStyle | null {
  switch (type) {
    case "amount":
      return "amount";
    case "rate":
      return "rate";
    case "integer":
    case "year":
      return "integer";
    case "number":
      return "number";
    case "text":
    case "yesno":
      return null;
  }
}

/** A share a ÷ b, or null when b is zero (never divide by zero). */
export function share(a: Decimal, b: Decimal): Decimal | null {
  return b.isZero() ? null : a.dividedBy(b);
}
