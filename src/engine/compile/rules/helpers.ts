import Decimal from "decimal.js";
import type { EnumSpec } from "../param-schema";
import { COMPARISON_WORDS, enumParam } from "../param-schema";
import type { RuleSubject } from "../rule-types";
import type { Gap, Got, Lead, Took } from "../../score/phrases";
import { formatValue } from "../../model/format";

/** Points for messages: "1.5", "0.67". */
export function pts(d: Decimal): string {
  return d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toString();
}

/** The indicator and its value as the sentence starts, the value as its 指标值 cell shows it ("5.79%", "33.10", "3"). */
export function lead(value: Decimal, subject: RuleSubject): Lead {
  return { name: subject.name ?? "", value: formatValue(value, subject.format) };
}

/**
 * A limit, target or band bound in the value's kind, as a bureau writes it: a rate as a percentage without
 * trailing zeros ("10%", "12.5%", "0"), anything else as the number ("500", "0.5").
 */
export function limitText(d: Decimal, subject: Pick<RuleSubject, "format">): string {
  if (subject.format !== "percent" || d.isZero()) return d.toFixed();
  return `${d.times(100).toFixed()}%`;
}

/** A score as a sentence ends: full marks at the weight, else the points. */
export function got(score: Decimal, weight: Decimal): Got {
  return { score: pts(score), full: score.gte(weight) };
}

/** A deduction of `per` × `count`, at most the weight: its points, and its words (「扣完为止」 when it took all). */
export function deduction(per: Decimal, count: Decimal, weight: Decimal): { points: Decimal; took: Took } {
  const raw = per.times(count);
  const points = Decimal.min(weight, raw);
  return { points, took: { deduct: pts(per), points: pts(points), capped: raw.gt(weight) } };
}

/** Percentage points with two decimals, as the rate they come from shows them ("0.50"). */
export function ppText(pp: Decimal): string {
  return pp.toFixed(2, Decimal.ROUND_HALF_UP);
}

/** A distance in the value's kind: percentage points for a rate ("7.00" pp), else as the value shows. */
export function gapOf(d: Decimal, subject: Pick<RuleSubject, "format">): Gap {
  return subject.format === "percent"
    ? { amount: ppText(d.times(100)), pp: true }
    : { amount: formatValue(d, subject.format), pp: false };
}

/** A length in the value's kind, as written: a block of 5 percentage points, or of 2 (a count). */
export function lengthOf(d: Decimal, subject: Pick<RuleSubject, "format">): Gap {
  return subject.format === "percent"
    ? { amount: d.times(100).toFixed(), pp: true }
    : { amount: d.toFixed(), pp: false };
}

export type Comparison = keyof typeof COMPARISON_WORDS;

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
