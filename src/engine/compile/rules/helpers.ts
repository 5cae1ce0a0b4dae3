import Decimal from "decimal.js";
import type { Params } from "../params";

/** A checked numeric parameter (the shared path guarantees presence and type). */
export function num(p: Params, name: string): Decimal {
  const v = p.values.get(name);
  return v instanceof Decimal ? v : new Decimal(0);
}

/** A checked enum parameter. */
export function text(p: Params, name: string): string {
  const v = p.values.get(name);
  return typeof v === "string" ? v : "";
}

/** The parameter as written, for explanations. */
export function raw(p: Params, name: string): string {
  return p.raw.get(name) ?? "";
}

/** Points for messages: "1.5", "0.67". */
export function pts(d: Decimal): string {
  return d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toString();
}

/** Show comparison operators as people write them. */
export function opSymbol(op: string): string {
  return op === ">=" ? "≥" : op === "<=" ? "≤" : op === "=" ? "=" : op;
}

/** Apply an integer policy to a count of points/blocks. */
export function partial(count: Decimal, policy: string): Decimal {
  return policy === "ceil" ? count.ceil() : policy === "floor" ? count.floor() : count;
}
