import Decimal from "decimal.js";
import type { RuleDefinition } from "../rule-types";
import { phrase } from "../../score/phrases";
import { num, partial, pts, raw, text } from "./helpers";

/** 分段扣分: W − deduct × blocks short of (or beyond) the limit; `partial` decides whether a started block counts. */
export const stepPerBlock: RuleDefinition = {
  id: "step_per_block",
  zh: "分段扣分",
  input: "formula",
  params: [
    { name: "limit", type: "percent", default: "100%", zh: "限值" },
    { name: "dir", type: "enum", default: "below", allowed: ["above", "below"], zh: "方向" },
    { name: "block", type: "percent", default: "5%", range: "positive", zh: "每段" },
    { name: "deduct", type: "points-or-share", default: "2", range: "nonnegative", zh: "每段扣分" },
    { name: "partial", type: "enum", default: "ceil", allowed: ["ceil", "floor"], zh: "不足一段" },
  ],
  score(value, p, weight) {
    const dir = text(p, "dir") === "above" ? "above" : "below";
    const limit = num(p, "limit");
    const beyond = dir === "below" ? limit.minus(value) : value.minus(limit);
    const blocks = beyond.lte(0) ? new Decimal(0) : partial(beyond.div(num(p, "block")), text(p, "partial"));
    if (blocks.isZero())
      return {
        score: weight,
        explain: phrase("blocks_within", { op: dir === "below" ? "≥" : "≤", limit: raw(p, "limit") }),
      };
    const points = Decimal.min(weight, blocks.times(num(p, "deduct")));
    const e = phrase("blocks_beyond", {
      dir,
      limit: raw(p, "limit"),
      blocks: pts(blocks),
      block: raw(p, "block"),
      points: pts(points),
    });
    return { score: weight.minus(points), explain: e, deduction: e };
  },
};
