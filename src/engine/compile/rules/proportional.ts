import Decimal from "decimal.js";
import type { RuleKind } from "../rule-types";
import { numberParam } from "../param-schema";
import { defineRule } from "../read-params";
import { phrase } from "../../score/phrases";
import { criterion } from "../../score/criteria";
import { lead, limitText, pts } from "./helpers";

/** 按比例: W × value ÷ target, capped at W and floored at 0. */
export const proportional: Readonly<RuleKind> = defineRule({
  id: "proportional",
  zh: "按比例",
  input: "formula",
  params: {
    target: numberParam("percent", {
      zh: "目标值",
      default: "100%",
      range: "positive",
      note: "达到即得满分；不足时得分 = 分值 × 指标值 ÷ 目标值",
    }),
  },
  example: "目标值=100%",
  score(value, p, weight, subject) {
    const target = p.v.target;
    const at = { ...lead(value, subject), target: limitText(target, subject) };
    if (value.gte(target)) return { score: weight, explain: phrase("proportional_full", at) };
    const score = Decimal.max(0, weight.times(value).div(target));
    const e = phrase("proportional", { ...at, score: pts(score) });
    return { score, explain: e, deduction: e };
  },
  criterion: (p, _weight, subject) => criterion("proportional", { target: limitText(p.v.target, subject) }),
});
