import Decimal from "decimal.js";
import type { RuleDefinition } from "../rule-types";
import { phrase } from "../../score/phrases";
import { num, pts } from "./helpers";

/** 按次扣分: W − deduct × events (the value), floored at 0. */
export const perEvent: RuleDefinition = {
  id: "per_event",
  zh: "按次扣分",
  input: "formula",
  params: [{ name: "deduct", type: "points-or-share", default: "0.5", range: "nonnegative", zh: "每次扣分" }],
  score(value, p, weight) {
    if (value.lte(0)) return { score: weight, explain: phrase("events_none", {}) };
    const points = Decimal.min(weight, value.times(num(p, "deduct")));
    const e = phrase("events", { count: pts(value), deduct: pts(num(p, "deduct")), points: pts(points) });
    return { score: weight.minus(points), explain: e, deduction: e };
  },
};
