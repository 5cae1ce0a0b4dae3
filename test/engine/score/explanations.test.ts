// Issue 16, words right: each rule kind's explanation at its edges, as the 评分说明 cell and the report's
// 扣分原因 read it, in Chinese and English.
import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { applyRule, compileRule } from "../../../src/engine/compile/compile-rule";
import { renderPhrase } from "../../../src/engine/score/phrases";

function explain(kind: string, params: string, value: string, weight = "2") {
  const c = compileRule(kind, params, new Decimal(weight));
  if (!c.ok) throw new Error(JSON.stringify(c.problems));
  const o = applyRule(c.rule, { t: "number", v: new Decimal(value) });
  return {
    score: o.score.toString(),
    zh: renderPhrase("zh-CN", o.explain),
    en: renderPhrase("en", o.explain),
    reason: o.deduction ? renderPhrase("zh-CN", o.deduction) : null,
  };
}

describe("超限扣分 (deduct_per_point) at its edges", () => {
  it.each([
    // at the limit, just over, far over (floored at 0)
    ["限值=100%; 每点扣分=0.2", "1", "2", "≤100%，得满分", "≤ 100%: full marks"],
    [
      "限值=100%; 每点扣分=0.2",
      "1.005",
      "1.9",
      "超过100%，超出0.5个百分点，每个百分点扣0.2分，扣0.1分",
      "0.5 pp above 100%, 0.2 per pp: 0.1 points deducted",
    ],
    [
      "限值=100%; 每点扣分=0.2",
      "1.3",
      "0",
      "超过100%，超出30个百分点，每个百分点扣0.2分，扣2分",
      "30 pp above 100%, 0.2 per pp: 2 points deducted",
    ],
    // a zero limit: the limit and the points are apart, never 「超过00.5个百分点」
    [
      "限值=0; 每点扣分=0.2",
      "0.005",
      "1.9",
      "超过0，超出0.5个百分点，每个百分点扣0.2分，扣0.1分",
      "0.5 pp above 0, 0.2 per pp: 0.1 points deducted",
    ],
    [
      "限值=0; 每点扣分=0.1",
      "0.983",
      "0",
      "超过0，超出98.3个百分点，每个百分点扣0.1分，扣2分",
      "98.3 pp above 0, 0.1 per pp: 2 points deducted",
    ],
    // below: 99.3% with a partial point not counted is full marks, and says why — not 「≥100%」
    [
      "限值=100%; 方向=低于; 每点扣分=0.5; 不足一点=舍去",
      "0.993",
      "2",
      "低于100%不足1个百分点，不扣分，得满分",
      "below 100% by less than 1 pp: no deduction, full marks",
    ],
    [
      "限值=100%; 方向=低于; 每点扣分=0.5; 不足一点=进位",
      "0.993",
      "1.5",
      "低于100%，相差1个百分点，每个百分点扣0.5分，扣0.5分",
      "1 pp below 100%, 0.5 per pp: 0.5 points deducted",
    ],
  ])("%s at %s → %s: %s", (params, value, score, zh, en) => {
    const r = explain("deduct_per_point", params, value);
    expect(r).toMatchObject({ score, zh, en });
    expect(r.reason).toBe(score === "2" ? null : zh);
  });
});

describe("分段扣分 (step_per_block) at its edges", () => {
  it.each([
    ["限值=100%; 每段=5%; 每段扣分=0.5", "1", "2", "≥100%，得满分"],
    ["限值=100%; 每段=5%; 每段扣分=0.5; 不足一段=舍去", "0.993", "2", "低于100%不足一段（每段5%），不扣分，得满分"],
    ["限值=100%; 每段=5%; 每段扣分=0.5; 不足一段=进位", "0.993", "1.5", "低于100%，按每5%计1档，扣0.5分"],
    ["限值=100%; 每段=5%; 每段扣分=0.5; 不足一段=舍去", "0.89", "1", "低于100%，按每5%计2档，扣1分"],
  ])("%s at %s → %s: %s", (params, value, score, zh) => {
    const r = explain("step_per_block", params, value);
    expect(r).toMatchObject({ score, zh });
    expect(r.reason).toBe(score === "2" ? null : zh);
  });
});

describe("no 「扣0分」 reason at full marks", () => {
  it.each([
    ["checklist", "每项扣分=0", "2"],
    ["per_event", "每次扣分=0", "3"],
    ["deduct_per_point", "每点扣分=0", "1.5"],
  ])("%s %s at %s: full marks, no deduction reason", (kind, params, value) => {
    const r = explain(kind, params, value);
    expect(r.score).toBe("2");
    expect(r.reason).toBeNull();
  });
});
