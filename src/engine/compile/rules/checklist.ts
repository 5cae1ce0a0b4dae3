import type { RuleKind } from "../rule-types";
import { numberParam } from "../param-schema";
import { defineRule } from "../read-params";
import { phrase } from "../../score/phrases";
import { criterion } from "../../score/criteria";
import { deduction, lead, pts } from "./helpers";

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
  score(value, p, weight, subject) {
    if (value.lte(0)) return { score: weight, explain: phrase("items_none", {}) };
    const d = deduction(p.v.deduct, value, weight);
    const e = phrase("items_missing", { ...d.took, count: lead(value, subject).value });
    return { score: weight.minus(d.points), explain: e, deduction: e };
  },
  criterion: (p) => criterion("checklist", { deduct: pts(p.v.deduct) }),
});
