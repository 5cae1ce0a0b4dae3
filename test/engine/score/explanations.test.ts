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

describe("every kind's words at its edges, in Chinese and English", () => {
  it.each([
    ["threshold", "标准值=50%", "0.5", "2", "≥50%，得满分", "≥ 50%: full marks"],
    ["threshold", "标准值=50%; 未达标得分=50%", "0.49", "1", "未达到≥50%，得1分", "not ≥ 50%: 1 point"],
    ["threshold", "比较=低于; 标准值=10%", "0.1", "0", "未达到<10%，得0分", "not < 10%: 0 points"],
    ["bands", "=0: 2; (0,10%]: 1; >10%: 0", "0", "2", "属于=0，得2分", "in =0: 2 points"],
    ["bands", "=0: 2; (0,10%]: 1; >10%: 0", "0.1", "1", "属于(0,10%]，得1分", "in (0,10%]: 1 point"],
    [
      "bands",
      "=0: 2; (0,10%]: 1; >10%: 0",
      "-0.01",
      "0",
      "指标值无法计算（不在任何评分区间内），得0分",
      "the value cannot be computed (in no scoring band): 0 points",
    ],
    ["proportional", "目标值=100%", "1", "2", "达到100%，得满分", "reaches 100%: full marks"],
    [
      "proportional",
      "目标值=100%",
      "0.5",
      "1",
      "按完成比例计分（目标100%），得1分",
      "proportional to the target 100%: 1 point",
    ],
    ["checklist", "每项扣分=0.5", "0", "2", "无缺项，得满分", "nothing missing: full marks"],
    [
      "checklist",
      "每项扣分=0.5",
      "5",
      "0",
      "缺少5项，每项扣0.5分，扣2分",
      "5 item(s) missing, 0.5 each: 2 points deducted",
    ],
    ["per_event", "每次扣分=0.5", "0", "2", "未发生扣分事项，得满分", "no events: full marks"],
    [
      "per_event",
      "每次扣分=0.5",
      "1",
      "1.5",
      "发生1次，每次扣0.5分，扣0.5分",
      "1 event(s), 0.5 each: 0.5 points deducted",
    ],
  ])("%s %s at %s → %s", (kind, params, value, score, zh, en) => {
    expect(explain(kind, params, value)).toMatchObject({ score, zh, en });
  });

  it.each([
    ["proportional", "", { t: "na", why: "zero_denominator" }, "2", "不适用（分母为0），得2分"],
    ["proportional", "不适用时=50%", { t: "na", why: "blank_input" }, "1", "不适用（缺少数据），得1分"],
    [
      "deduct_per_point",
      "",
      { t: "undefined", why: "nonzero_over_zero" },
      "0",
      "指标值无法计算（分母为0而分子不为0），得0分",
    ],
    [
      "deduct_per_point",
      "无法计算时=100%",
      { t: "undefined", why: "nonzero_over_zero" },
      "2",
      "指标值无法计算（分母为0而分子不为0），得2分",
    ],
  ] as const)("%s %j on %j → %s: %s", (kind, params, value, score, zh) => {
    const c = compileRule(kind, params, new Decimal(2));
    if (!c.ok) throw new Error(JSON.stringify(c.problems));
    const o = applyRule(c.rule, value);
    expect(o.score.toString()).toBe(score);
    expect(renderPhrase("zh-CN", o.explain)).toBe(zh);
    expect(o.deduction === undefined).toBe(score === "2");
  });
});
