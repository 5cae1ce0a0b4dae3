import type { RuleKind } from "../rule-types";
import { numberParam } from "../param-schema";
import { defineRule } from "../read-params";
import { phrase } from "../../score/phrases";
import { criterion } from "../../score/criteria";
import { deduction, lead, pts } from "./helpers";

/** 按次扣分: W − deduct × events (the value), floored at 0. */
export const perEvent: Readonly<RuleKind> = defineRule({
  id: "per_event",
  zh: "按次扣分",
  input: "formula",
  params: {
    deduct: numberParam("points-or-share", {
      zh: "每次扣分",
      aliases: ["扣分"],
      default: "0.5",
      range: "nonnegative",
      note: "每发生一次扣的分数",
    }),
  },
  example: "每次扣分=0.5",
  score(value, p, weight, subject) {
    const { name, value: count } = lead(value, subject);
    if (value.lte(0)) return { score: weight, explain: phrase("events_none", { name }) };
    const d = deduction(p.v.deduct, value, weight);
    const e = phrase("events", { ...d.took, name, count });
    return { score: weight.minus(d.points), explain: e, deduction: e };
  },
  criterion: (p) => criterion("per_event", { deduct: pts(p.v.deduct) }),
});
