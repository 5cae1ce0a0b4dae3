import type { RuleDefinition } from "../rule-types";
import { phrase } from "../../score/phrases";
import { pts } from "./helpers";

/** 人工评分: the evaluator's 自评得分 is the score (range, step and reason are checked by the scoring pipeline). */
export const manual: RuleDefinition = {
  id: "manual",
  zh: "人工评分",
  input: "manual",
  params: [{ name: "step", type: "number", default: "0.5", range: "positive", zh: "分值步长" }],
  score(value) {
    const e = phrase("manual", { score: pts(value) });
    return { score: value, explain: e };
  },
};
