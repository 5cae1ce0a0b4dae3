import type { RuleKind } from "../rule-types";
import { numberParam } from "../param-schema";
import { defineRule } from "../read-params";
import { phrase } from "../../score/phrases";
import { criterion } from "../../score/criteria";
import { pts } from "./helpers";

/** 人工评分: the evaluator's 自评得分 is the score (range, step and reason are checked by the scoring pipeline). */
export const manual: Readonly<RuleKind> = defineRule({
  id: "manual",
  zh: "人工评分",
  input: "manual",
  params: {
    step: numberParam("number", {
      zh: "步长",
      aliases: ["分值步长"],
      default: "0.5",
      range: "positive",
      note: "自评得分须为它的整数倍（0.5 即只能打到半分）",
    }),
  },
  example: "步长=0.5",
  step: (p) => p.step,
  score(value, _p, weight) {
    return {
      score: value,
      explain: value.gte(weight) ? phrase("manual_full", {}) : phrase("manual", { score: pts(value) }),
    };
  },
  criterion: (p, _weight, subject) =>
    criterion("manual", { description: subject.description, step: p.v.step.toFixed() }),
});
