import type { RuleKind } from "../rule-types";
import { enumParam, numberParam } from "../param-schema";
import { defineRule } from "../read-params";
import { phrase } from "../../score/phrases";
import { criterion } from "../../score/criteria";
import { deduction, directionParam, lead, limitText, partial, ppText, pts } from "./helpers";

/** 超限扣分: W − deduct × percentage points beyond the limit (prorated, or whole points up/down). */
export const deductPerPoint: Readonly<RuleKind> = defineRule({
  id: "deduct_per_point",
  zh: "超限扣分",
  input: "formula",
  params: {
    limit: numberParam("percent", { zh: "限值", aliases: ["标准值"], default: "100%", note: "不扣分的界限" }),
    dir: directionParam("above", "高于：超过限值扣分；低于：低于限值扣分"),
    deduct: numberParam("points-or-share", {
      zh: "每点扣分",
      aliases: ["每百分点扣分", "每个百分点扣分", "扣分"],
      default: "0.2",
      range: "nonnegative",
      note: "每超出（或低于）1 个百分点扣的分数",
    }),
    partial: enumParam(
      ["prorate", "ceil", "floor"],
      { prorate: ["按比例", "按实际"], ceil: ["进位", "按一点计", "向上取整"], floor: ["舍去", "不计", "向下取整"] },
      {
        zh: "不足一点",
        aliases: ["不足一个百分点", "不足1个百分点"],
        default: "prorate",
        note: "不足 1 个百分点的部分：按比例扣、按一点计（进位）或不计（舍去）",
      },
    ),
  },
  example: "限值=100%；方向=高于；每点扣分=0.2；不足一点=按比例",
  score(value, p, weight, subject) {
    const dir = p.v.dir;
    const limit = p.v.limit;
    const beyond = dir === "above" ? value.minus(limit) : limit.minus(value);
    const at = { ...lead(value, subject), dir, limit: limitText(limit, subject) };
    if (beyond.lte(0)) return { score: weight, explain: phrase("within_limit", at) };
    // The excess as measured (0.50 pp), and the points counted when started points count whole or not at all.
    const exact = beyond.times(100);
    const pp = partial(exact, p.v.partial);
    if (pp.isZero()) return { score: weight, explain: phrase("beyond_within_point", { ...at, pp: ppText(exact) }) };
    const d = deduction(p.v.deduct, pp, weight);
    const rounded = p.v.partial === "prorate" || pp.eq(exact) ? null : p.v.partial;
    const e = phrase("beyond_limit", { ...at, ...d.took, pp: ppText(exact), rounded, counted: pp.toFixed() });
    return { score: weight.minus(d.points), explain: e, deduction: e };
  },
  criterion: (p, _weight, subject) =>
    criterion("deduct_per_point", {
      dir: p.v.dir,
      limit: limitText(p.v.limit, subject),
      deduct: pts(p.v.deduct),
      partial: p.v.partial,
    }),
});
