import Decimal from "decimal.js";
import type { RuleDefinition } from "../rule-types";
import { phrase } from "../../score/phrases";
import { num, pts, raw } from "./helpers";

/** 按比例: W × value ÷ target, capped at W and floored at 0. */
export const proportional: RuleDefinition = {
  id: "proportional",
  zh: "按比例",
  input: "formula",
  params: [{ name: "target", type: "percent", default: "100%", range: "positive", zh: "目标值" }],
  score(value, p, weight) {
    const target = num(p, "target");
    if (value.gte(target)) return { score: weight, explain: phrase("proportional_full", { target: raw(p, "target") }) };
    const score = Decimal.max(0, weight.times(value).div(target));
    const e = phrase("proportional", { target: raw(p, "target"), score: pts(score) });
    return { score, explain: e, deduction: e };
  },
};
