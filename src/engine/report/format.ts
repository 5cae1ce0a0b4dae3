/** The report's number helpers: the print style of a field type, and shares. Printing is model/format.ts. */
import type Decimal from "decimal.js";
import type { NumberStyle } from "../model/format";
import type { FieldType } from "../compile/read/types";

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
