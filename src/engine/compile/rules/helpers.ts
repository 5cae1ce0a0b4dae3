import Decimal from "decimal.js";
import type { EnumSpec } from "../param-schema";
import { COMPARISON_WORDS, enumParam } from "../param-schema";

/** Points for messages: "1.5", "0.67". */
export function pts(d: Decimal): string {
  return d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toString();
}

export type Comparison = keyof typeof COMPARISON_WORDS;

/** Show comparison operators as people write them. */
export function opSymbol(op: Comparison): string {
  return op === ">=" ? "≥" : op === "<=" ? "≤" : op;
}

/** How a started point or block counts: prorated, a whole one (ceil) or none (floor). */
export type Partial = "prorate" | "ceil" | "floor";

/** Apply an integer policy to a count of points/blocks. */
export function partial(count: Decimal, policy: Partial): Decimal {
  return policy === "ceil" ? count.ceil() : policy === "floor" ? count.floor() : count;
}

/** The comparison parameter of 达标 and 扣减 (比较=不低于 or op=>=). */
export function comparisonParam(defaultOp: Comparison, note: string): EnumSpec<Comparison> {
  return enumParam([">=", ">", "<=", "<", "="], COMPARISON_WORDS, {
    zh: "比较",
    aliases: ["比较方式"],
    default: defaultOp,
    note,
  });
}

/** 方向: above (高于, the value must not exceed the limit) or below (低于). */
export function directionParam(defaultDir: "above" | "below", note: string): EnumSpec<"above" | "below"> {
  return enumParam(
    ["above", "below"],
    { above: ["高于", "超过", "超出"], below: ["低于", "不足", "未达到"] },
    {
      zh: "方向",
      default: defaultDir,
      note,
    },
  );
}
