import Decimal from "decimal.js";
import type { RuleDefinition } from "../rule-types";
import { phrase } from "../../score/phrases";
import { num, pts } from "./helpers";

/** 逐项扣分: W − deduct × items missing (the value), floored at 0. */
export const checklist: RuleDefinition = {
  id: "checklist",
  zh: "逐项扣分",
  input: "formula",
  params: [{ name: "deduct", type: "points-or-share", default: "1", range: "nonnegative", zh: "每项扣分" }],
  score(value, p, weight) {
    if (value.lte(0)) return { score: weight, explain: phrase("items_none", {}) };
    const points = Decimal.min(weight, value.times(num(p, "deduct")));
    const e = phrase("items_missing", { count: pts(value), deduct: pts(num(p, "deduct")), points: pts(points) });
    return { score: weight.minus(points), explain: e, deduction: e };
  },
};
