import Decimal from "decimal.js";
import type { RuleKind } from "../rule-types";
import { numberParam } from "../param-schema";
import { defineRule } from "../read-params";
import { phrase } from "../../score/phrases";
import { pts } from "./helpers";

/** 逐项扣分: W − deduct × items missing (the value), floored at 0. */
export const checklist: Readonly<RuleKind> = defineRule({
  id: "checklist",
  zh: "逐项扣分",
  input: "formula",
  params: {
    deduct: numberParam("points-or-share", {
      zh: "每项扣分",
      aliases: ["扣分"],
      default: "1",
      range: "nonnegative",
      note: "每缺一项扣的分数",
    }),
  },
  example: "每项扣分=1",
  score(value, p, weight) {
    if (value.lte(0)) return { score: weight, explain: phrase("items_none", {}) };
    const points = Decimal.min(weight, value.times(p.v.deduct));
    const e = phrase("items_missing", { count: pts(value), deduct: pts(p.v.deduct), points: pts(points) });
    return { score: weight.minus(points), explain: e, deduction: e };
  },
});
