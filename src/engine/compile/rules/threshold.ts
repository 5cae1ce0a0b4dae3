import type Decimal from "decimal.js";
import type { RuleKind } from "../rule-types";
import { numberParam } from "../param-schema";
import { defineRule } from "../read-params";
import { phrase } from "../../score/phrases";
import { criterion } from "../../score/criteria";
import type { Comparison } from "./helpers";
import { comparisonParam, got, lead, limitText } from "./helpers";

/** Compare `value op limit`; the comparison operators threshold and penalties share. */
export function compare(value: Decimal, op: Comparison, limit: Decimal): boolean {
  switch (op) {
    case ">=":
      return value.gte(limit);
    case ">":
      return value.gt(limit);
    case "<=":
      return value.lte(limit);
    case "<":
      return value.lt(limit);
    case "=":
      return value.eq(limit);
  }
}

/** 达标: all or nothing — W when `value op limit`, else `else`. */
export const threshold: Readonly<RuleKind> = defineRule({
  id: "threshold",
  zh: "达标",
  input: "formula",
  params: {
    op: comparisonParam(">=", "指标值与标准值怎样比较算达标：不低于(>=)、高于(>)、不超过(<=)、低于(<)、等于(=)"),
    limit: numberParam("percent", { zh: "标准值", aliases: ["限值"], default: "50%", note: "达标的标准值" }),
    else: numberParam("points-or-share", {
      zh: "未达标得分",
      default: "0",
      range: "score",
      note: "未达标时的得分，可写分数或分值的百分比",
    }),
  },
  example: "比较=不低于；标准值=50%；未达标得分=0",
  score(value, p, weight, subject) {
    const args = { ...lead(value, subject), op: p.v.op, limit: limitText(p.v.limit, subject) };
    if (compare(value, p.v.op, p.v.limit)) return { score: weight, explain: phrase("threshold_met", args) };
    const e = phrase("threshold_missed", { ...args, ...got(p.v.else, weight) });
    return { score: p.v.else, explain: e, deduction: e };
  },
  criterion: (p, weight, subject) =>
    criterion("threshold", { op: p.v.op, limit: limitText(p.v.limit, subject), else: got(p.v.else, weight) }),
});
