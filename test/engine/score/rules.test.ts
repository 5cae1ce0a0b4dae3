import Decimal from "decimal.js";
import type { FormulaValue } from "../../../src/engine/formula";
import type { RuleSubject } from "../../../src/engine/compile/compile-rule";
import { applyRule, compileParams, compileRule } from "../../../src/engine/compile/compile-rule";
import { renderPhrase } from "../../../src/engine/score/phrases";
import { RULES, findRule } from "../../../src/engine/compile/registry";
import { numberParam } from "../../../src/engine/compile/param-schema";

const n = (v: string | number): FormulaValue => ({ t: "number", v: new Decimal(v) });
/** A rate without a name: the explanations say 「指标值为…%」 (explanations.test.ts words every kind). */
const RATE: RuleSubject = { name: null, format: "percent" };

/** Score a value with a kind, parameters and weight; the score as a plain string ("1.6"). */
function score(kind: string, params: string, weight: number | string, value: FormulaValue | string | number): string {
  const c = compileRule(kind, params, new Decimal(weight));
  if (!c.ok) throw new Error(JSON.stringify(c.problems));
  const v = typeof value === "object" ? value : n(value);
  return applyRule(c.rule, v, RATE).score.toString();
}

describe("registry", () => {
  it.each(Object.values(RULES).map((d) => [d.id, d.zh]))("finds %s by id and by its Chinese name %s", (id, zh) => {
    expect(findRule(id)?.id).toBe(id);
    expect(findRule(zh)?.id).toBe(id);
    expect(findRule(` ${zh} `)?.id).toBe(id);
  });

  it("is closed: unknown kinds are rule_unknown", () => {
    expect(compileRule("eval", "", new Decimal(2))).toEqual({
      ok: false,
      problems: [{ code: "rule_unknown", kind: "eval" }],
    });
    expect(compileRule("toString", "", new Decimal(2)).ok).toBe(false);
  });
});

describe("threshold (达标)", () => {
  it.each([
    ["", 0.5, "2"],
    ["", 0.4999, "0"],
    ["", 1, "2"],
    ["op=>; limit=50%", 0.5, "0"],
    ["op=>; limit=50%", 0.5001, "2"],
    ["op=≤; limit=100%", 1, "2"],
    ["op=<=; limit=100%", 1.0001, "0"],
    ["op=<; limit=0", 0, "0"],
    ["op==; limit=0", 0, "2"],
    ["op=＝; limit=0", 0.01, "0"],
    ["limit=50%; else=50%", 0.2, "1"],
    ["limit＝50％；else＝0.5", 0.2, "0.5"],
  ])("%j value %s → %s", (params, value, expected) => {
    expect(score("达标", params, 2, value)).toBe(expected);
  });

  it("explains itself in Chinese and English", () => {
    const c = compileRule("threshold", "op=>=; limit=50%", new Decimal(2));
    if (!c.ok) throw new Error();
    const o = applyRule(c.rule, n(1), RATE);
    expect(renderPhrase("zh-CN", o.explain)).toBe("指标值为100.00%，不低于标准值50%，达标，得满分");
    expect(renderPhrase("en", o.explain)).toBe("Value 100.00%, at or above the standard 50%: met, full marks");
    expect(o.deduction).toBeUndefined();
  });
});

describe("deduct_per_point (超限扣分)", () => {
  it.each([
    // 财政供养人员控制率: ≤100% full; −W/10 per pp above
    ["limit=100%; deduct=0.2", 2, 1, "2"],
    ["limit=100%; deduct=0.2", 2, 0.9, "2"],
    ["limit=100%; deduct=0.2", 2, 1.05, "1"],
    ["limit=100%; deduct=0.2", 2, 1.025, "1.5"],
    ["limit=100%; deduct=0.2; partial=ceil", 2, 1.025, "1.4"],
    ["limit=100%; deduct=0.2; partial=floor", 2, 1.025, "1.6"],
    ["limit=100%; deduct=0.2; partial=floor", 2, 1.0099, "2"],
    ["limit=100%; deduct=0.2", 2, 1.2, "0"],
    ["limit=100%; deduct=0.2", 2, 3, "0"],
    ["limit=100%; deduct=10%", 2, 1.05, "1"],
    // 三公经费变动率: ≤0 full; −0.3 per pp above
    ["limit=0; deduct=0.3", 3, -0.4556, "3"],
    ["limit=0; deduct=0.3", 3, 0, "3"],
    ["limit=0; deduct=0.3", 3, 0.02, "2.4"],
    ["limit=90%; dir=below; deduct=0.5", 5, 0.9, "5"],
    ["limit=90%; dir=below; deduct=0.5", 5, 0.87, "3.5"],
  ])("%j W=%s value %s → %s", (params, w, value, expected) => {
    expect(score("deduct_per_point", params, w, value)).toBe(expected);
  });
});

describe("step_per_block (分段扣分)", () => {
  it.each([
    ["", 10, 1, "10"],
    ["", 10, 1.2, "10"],
    ["", 10, 0.95, "8"],
    ["", 10, 0.94, "6"],
    ["", 10, 0.9499, "6"],
    ["partial=floor", 10, 0.94, "8"],
    ["partial=floor", 10, 0.9501, "10"],
    ["partial=floor", 10, 0.9, "6"],
    ["", 10, 0.5, "0"],
    ["block=10%; deduct=1", 5, 0.75, "2"],
    ["limit=20%; dir=above; block=5%; deduct=1", 5, 0.26, "3"],
  ])("%j W=%s value %s → %s", (params, w, value, expected) => {
    expect(score("分段扣分", params, w, value)).toBe(expected);
  });
});

describe("bands (分档)", () => {
  // 预算调整率, W = 2
  const adjust = "=0: 100%; (0,10%]: 80%; (10%,20%]: 50%; (20%,30%]: 20%; >30%: 0; gaps=allow";
  it.each([
    [0, "2"],
    [0.0001, "1.6"],
    [0.1, "1.6"],
    [0.1001, "1"],
    [0.2, "1"],
    [0.3, "0.4"],
    [0.3001, "0"],
    [5, "0"],
  ])("预算调整率 %s → %s", (value, expected) => {
    expect(score("bands", adjust, 2, value)).toBe(expected);
  });

  // 重点支出安排率, W = 5, closed-below bands in points
  const key = "≥90%: 5；［80%，90%）: 4；[70%,80%): 3；[60%,70%)：2；<60%: 0";
  it.each([
    [0.9, "5"],
    [1, "5"],
    [0.8999, "4"],
    [0.8, "4"],
    [0.7999, "3"],
    [0.6, "2"],
    [0.5999, "0"],
    [-1, "0"],
  ])("重点支出安排率 %s → %s", (value, expected) => {
    expect(score("分档", key, 5, value)).toBe(expected);
  });

  it.each([
    ["(-∞,0]: 1; (0, +∞): 0", 0, "1"],
    ["[,0): 0; [0,]: 1", 0, "1"],
    ["(-inf, 1): 0; [1, ∞): 1", 1, "1"],
  ])("open ends %j value %s → %s", (params, value, expected) => {
    expect(score("bands", params, 1, value)).toBe(expected);
  });

  it("a value in a gap (gaps=allow) takes the undefined= score", () => {
    expect(score("bands", "=0: 100%; >10%: 0; gaps=allow", 2, 0.05)).toBe("0");
    expect(score("bands", "=0: 100%; >10%: 0; gaps=allow; undefined=50%", 2, 0.05)).toBe("1");
  });

  it.each([
    ["<=10%: 1; >=10%: 0", [{ code: "rule_bands_overlap", first: "<=10%", second: ">=10%" }]],
    ["<10%: 1; [5%, 20%]: 0.5; >20%: 0", [{ code: "rule_bands_overlap", first: "<10%", second: "[5%, 20%]" }]],
    ["=0: 1; >=0: 0", [{ code: "rule_bands_overlap", first: "=0", second: ">=0" }]],
    ["<10%: 1; >10%: 0", [{ code: "rule_bands_gap", from: "10%", to: "10%" }]],
    ["<=10%: 1; >20%: 0", [{ code: "rule_bands_gap", from: "10%", to: "20%" }]],
    // Bands from a closed 0 need nothing below it (issue 16): only the real gaps are reported.
    ["=0: 2; (0,10%]: 1.6; >30%: 0", [{ code: "rule_bands_gap", from: "10%", to: "30%" }]],
    ["[0,1]: 1", [{ code: "rule_bands_gap", from: "1", to: "+∞" }]],
    // An open 0 leaves 0 itself (and what is below) uncovered.
    ["(0,1]: 1; >1: 0", [{ code: "rule_bands_gap", from: "-∞", to: "0" }]],
    ["[1%,1]: 1; >1: 0", [{ code: "rule_bands_gap", from: "-∞", to: "1%" }]],
  ])("detects overlaps and gaps in %j", (params, problems) => {
    expect(compileRule("bands", params, new Decimal(2))).toEqual({ ok: false, problems });
  });

  it.each([
    ["", "bands_missing", []],
    ["(10%, 5%]: 1", "interval_empty", ["(10%, 5%]"]],
    ["(5%, 5%]: 1", "interval_empty", ["(5%, 5%]"]],
    ["{0,1}: 1", "interval_unreadable", ["{0,1}"]],
    ["[a, 1]: 1", "interval_not_number", ["a"]],
    ["<x: 1", "interval_not_number", ["x"]],
    ["[+∞, 1]: 1", "interval_wrong_side", ["+∞"]],
    ["<0: 3; >=0: 1", "band_score_out_of_score", ["<0", "2", "3"]],
    ["<0: x; >=0: 1", "band_score_not_number", ["<0", "x"]],
    ["<0: 1; >=0: 1; gaps=maybe", "param_not_allowed", ["允许间断（gaps）", "否（deny） / 是（allow）", "maybe"]],
  ])("rejects %j as %s %j", (params, key, detail) => {
    const c = compileRule("bands", params, new Decimal(2));
    expect(c.ok).toBe(false);
    expect(!c.ok && c.problems).toContainEqual({ code: "rule_invalid", problem: { problem: key, detail } });
  });
});

describe("proportional (按比例)", () => {
  it.each([
    ["", 8, 0.5, "4"],
    ["", 8, 1, "8"],
    ["", 8, 1.3, "8"],
    ["", 10, 0.76, "7.6"],
    ["", 8, 0, "0"],
    ["", 8, -0.5, "0"],
    ["target=50%", 2, 0.5, "2"],
    ["target=50%", 2, 0.25, "1"],
    ["target=50%", 2, 1, "2"],
  ])("%j W=%s value %s → %s", (params, w, value, expected) => {
    expect(score("按比例", params, w, value)).toBe(expected);
  });
});

describe("checklist (逐项扣分) and per_event (按次扣分)", () => {
  it.each([
    ["checklist", "", 3, 0, "3"],
    ["checklist", "", 3, 2, "1"],
    ["checklist", "", 3, 5, "0"],
    ["checklist", "deduct=0.5", 3, 3, "1.5"],
    ["per_event", "", 3, 0, "3"],
    ["per_event", "", 3, 1, "2.5"],
    ["per_event", "deduct=1", 3, 1, "2"],
    ["per_event", "deduct=1", 3, 4, "0"],
  ])("%s %j W=%s value %s → %s", (kind, params, w, value, expected) => {
    expect(score(kind, params, w, value)).toBe(expected);
  });
});

describe("not applicable and undefined (shared for every kind)", () => {
  const na: FormulaValue = { t: "na", why: "zero_denominator" };
  const undef: FormulaValue = { t: "undefined", why: "nonzero_over_zero" };
  it.each([
    ["proportional", "", na, "2", "na"],
    ["proportional", "na=50%", na, "1", "na"],
    ["proportional", "na=0", na, "0", "na"],
    ["deduct_per_point", "", undef, "0", "undefined"],
    ["deduct_per_point", "undefined=100%", undef, "2", "undefined"],
    ["threshold", "undefined=1.5", undef, "1.5", "undefined"],
    ["bands", "<0: 0; >=0: 2", { t: "na", why: "blank_input" }, "2", "na"],
    ["per_event", "", { t: "text", v: "abc" }, "0", "undefined"],
  ] as const)("%s %j %j → %s (%s)", (kind, params, value, expected, status) => {
    const c = compileRule(kind, params, new Decimal(2));
    if (!c.ok) throw new Error(JSON.stringify(c.problems));
    const o = applyRule(c.rule, value, RATE);
    expect(o.score.toString()).toBe(expected);
    expect(o.status).toBe(status);
  });

  it("explains a not-applicable score", () => {
    const c = compileRule("proportional", "", new Decimal(2));
    if (!c.ok) throw new Error();
    const o = applyRule(c.rule, { t: "na", why: "zero_denominator" }, RATE);
    expect(renderPhrase("zh-CN", o.explain)).toBe("分母为0，不适用，得满分");
    expect(renderPhrase("en", o.explain)).toBe("The denominator is 0: not applicable, full marks");
  });
});

describe("parameter errors", () => {
  it.each([
    [
      "threshold",
      "op=≠",
      "param_not_allowed",
      ["比较（op）", "不低于（>=） / 高于（>） / 不超过（<=） / 低于（<） / 等于（=）", "≠"],
    ],
    ["threshold", "limit=abc", "param_not_number", ["标准值（limit）", "abc"]],
    ["threshold", "else=3", "param_out_of_score", ["未达标得分（else）", "2", "3"]],
    ["threshold", "else=120%", "param_out_of_score", ["未达标得分（else）", "2", "120%"]],
    [
      "threshold",
      "colour=red",
      "param_unknown",
      ["colour", "比较、标准值、未达标得分、不适用时、无法计算时", "op, limit, else, na, undefined", ""],
    ],
    ["threshold", "limit=50%; 标准值=60%", "param_repeated", ["标准值（limit）"]],
    ["threshold", ">=50%: 2", "bands_not_taken", [">=50%: 2"]],
    ["threshold", "whatever", "param_unreadable", ["whatever"]],
    ["deduct_per_point", "dir=up", "param_not_allowed", ["方向（dir）", "高于（above） / 低于（below）", "up"]],
    [
      "deduct_per_point",
      "partial=round",
      "param_not_allowed",
      ["不足一点（partial）", "按比例（prorate） / 进位（ceil） / 舍去（floor）", "round"],
    ],
    ["deduct_per_point", "deduct=-1", "param_negative", ["每点扣分（deduct）", "-1"]],
    ["step_per_block", "block=0", "param_not_positive", ["每段（block）", "0"]],
    [
      "step_per_block",
      "partial=prorate",
      "param_not_allowed",
      ["不足一段（partial）", "进位（ceil） / 舍去（floor）", "prorate"],
    ],
    ["proportional", "target=0", "param_not_positive", ["目标值（target）", "0"]],
    ["checklist", "deduct=x", "param_not_number", ["每项扣分（deduct）", "x"]],
    ["per_event", "deduct=-0.5", "param_negative", ["每次扣分（deduct）", "-0.5"]],
    ["manual", "step=0", "param_not_positive", ["步长（step）", "0"]],
    ["manual", "na=-1", "param_out_of_score", ["不适用时（na）", "2", "-1"]],
    ["bands", "<0: 0; >=0: 2; undefined=5", "param_out_of_score", ["无法计算时（undefined）", "2", "5"]],
  ])("%s %j → %s %j", (kind, params, key, detail) => {
    const c = compileRule(kind, params, new Decimal(2));
    expect(c.ok).toBe(false);
    expect(!c.ok && c.problems).toContainEqual({ code: "rule_invalid", problem: { problem: key, detail } });
  });

  it("a required parameter that is not given is missing", () => {
    const schema = { limit: numberParam("percent", { zh: "标准值", default: null, note: "" }) };
    const r = compileParams(schema, "", new Decimal(2));
    expect(r).toEqual({
      ok: false,
      problems: [{ code: "rule_invalid", problem: { problem: "param_missing", detail: ["标准值（limit）"] } }],
    });
  });

  it("accepts ; ； and new lines as separators and ignores empty items", () => {
    const c = compileRule("deduct_per_point", "limit=100%；\n deduct=0.2;;\r\npartial=ceil", new Decimal(2));
    expect(c.ok).toBe(true);
  });

  it("every kind compiles with its defaults except bands, which needs its bands", () => {
    for (const d of Object.values(RULES)) expect(compileRule(d.id, "", new Decimal(2)).ok).toBe(d.id !== "bands");
  });
});
