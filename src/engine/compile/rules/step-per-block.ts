import type { RuleKind } from "../rule-types";
import { enumParam, numberParam } from "../param-schema";
import { defineRule } from "../read-params";
import { phrase } from "../../score/phrases";
import { criterion } from "../../score/criteria";
import { deduction, directionParam, gapOf, lead, lengthOf, limitText, partial, pts } from "./helpers";

/** 分段扣分: W − deduct × blocks short of (or beyond) the limit; `partial` decides whether a started block counts. */
export const stepPerBlock: Readonly<RuleKind> = defineRule({
  id: "step_per_block",
  zh: "分段扣分",
  input: "formula",
  params: {
    limit: numberParam("percent", { zh: "限值", aliases: ["标准值"], default: "100%", note: "不扣分的界限" }),
    dir: directionParam("below", "低于：低于限值扣分；高于：超过限值扣分"),
    block: numberParam("percent", {
      zh: "每段",
      aliases: ["段长", "每档"],
      default: "5%",
      range: "positive",
      note: "一段的长度（如每低 5 个百分点为一段）",
    }),
    deduct: numberParam("points-or-share", {
      zh: "每段扣分",
      aliases: ["扣分"],
      default: "2",
      range: "nonnegative",
      note: "每段扣的分数",
    }),
    partial: enumParam(
      ["ceil", "floor"],
      { ceil: ["进位", "按一段计", "向上取整"], floor: ["舍去", "不计", "向下取整"] },
      {
        zh: "不足一段",
        default: "ceil",
        note: "不足一段的部分：按一段计（进位）或不计（舍去）",
      },
    ),
  },
  example: "限值=100%；方向=低于；每段=5%；每段扣分=2；不足一段=进位",
  score(value, p, weight, subject) {
    const dir = p.v.dir;
    const limit = p.v.limit;
    const beyond = dir === "below" ? limit.minus(value) : value.minus(limit);
    const at = { ...lead(value, subject), dir, limit: limitText(limit, subject) };
    if (beyond.lte(0)) return { score: weight, explain: phrase("within_limit", at) };
    const exact = beyond.div(p.v.block);
    const blocks = partial(exact, p.v.partial);
    const gap = { gap: gapOf(beyond, subject), block: lengthOf(p.v.block, subject) };
    if (blocks.isZero()) return { score: weight, explain: phrase("blocks_partial", { ...at, ...gap }) };
    const d = deduction(p.v.deduct, blocks, weight);
    const rounded = blocks.eq(exact) ? null : p.v.partial;
    const e = phrase("blocks_beyond", { ...at, ...gap, ...d.took, blocks: blocks.toFixed(), rounded });
    return { score: weight.minus(d.points), explain: e, deduction: e };
  },
  criterion: (p, _weight, subject) =>
    criterion("step_per_block", {
      dir: p.v.dir,
      limit: limitText(p.v.limit, subject),
      block: lengthOf(p.v.block, subject),
      deduct: pts(p.v.deduct),
      partial: p.v.partial,
    }),
});
