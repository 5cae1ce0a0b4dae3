import Decimal from "decimal.js";
import type { RuleDefinition } from "../rule-types";
import { phrase } from "../../score/phrases";
import { num, partial, pts, raw, text } from "./helpers";

/** 超限扣分: W − deduct × percentage points beyond the limit (prorated, or whole points up/down). */
export const deductPerPoint: RuleDefinition = {
  id: "deduct_per_point",
  zh: "超限扣分",
  input: "formula",
  params: [
    { name: "limit", type: "percent", default: "100%", zh: "限值" },
    { name: "dir", type: "enum", default: "above", allowed: ["above", "below"], zh: "方向" },
    { name: "deduct", type: "points-or-share", default: "0.2", range: "nonnegative", zh: "每百分点扣分" },
    { name: "partial", type: "enum", default: "prorate", allowed: ["prorate", "ceil", "floor"], zh: "不足一个百分点" },
  ],
  score(value, p, weight) {
    const dir = text(p, "dir") === "below" ? "below" : "above";
    const limit = num(p, "limit");
    const beyond = dir === "above" ? value.minus(limit) : limit.minus(value);
    if (beyond.lte(0))
      return {
        score: weight,
        explain: phrase("within_limit", { op: dir === "above" ? "≤" : "≥", limit: raw(p, "limit") }),
      };
    const pp = partial(beyond.times(100), text(p, "partial"));
    const points = Decimal.min(weight, pp.times(num(p, "deduct")));
    const e = phrase("beyond_limit", {
      dir,
      limit: raw(p, "limit"),
      pp: pts(pp),
      deduct: pts(num(p, "deduct")),
      points: pts(points),
    });
    return { score: weight.minus(points), explain: e, deduction: e };
  },
};
