import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import type { RuleSubject } from "../../../src/engine/compile/compile-rule";
import { applyRule, compileRule, COMMON_SCHEMA, defineRule } from "../../../src/engine/compile/compile-rule";
import { RULES } from "../../../src/engine/compile/registry";
import { numberParam } from "../../../src/engine/compile/param-schema";
import { ADJUSTMENT_SCHEMAS } from "../../../src/engine/compile/adjustments";
import { diag } from "../../../src/engine/diagnostics/types";
import { renderDiagnostic } from "../../../src/engine/diagnostics/render";
import { criterion } from "../../../src/engine/score/criteria";
import { phrase } from "../../../src/engine/score/phrases";
import type { Lang } from "../../../src/engine/i18n/catalog";

const W = new Decimal(2);
const RATE: RuleSubject = { name: null, format: "percent" };

function scoreOf(kind: string, params: string, value: number | string): string {
  const c = compileRule(kind, params, W);
  if (!c.ok) throw new Error(JSON.stringify(c.problems));
  return applyRule(c.rule, { t: "number", v: new Decimal(value) }, RATE).score.toString();
}

/** The rendered rule_invalid messages of a parameter text. */
function messages(kind: string, params: string, lang: Lang = "zh-CN"): string[] {
  const c = compileRule(kind, params, W);
  if (c.ok) return [];
  return c.problems.flatMap((p) =>
    p.code === "rule_invalid"
      ? [
          renderDiagnostic(diag("rule_invalid", "error", null, { indicator: "人员控制率", kind, ...p.problem }), lang)
            .message,
        ]
      : [],
  );
}

describe("typed parameters per rule kind", () => {
  it("a kind's score function reads a typed object: a misspelt key is a type error, not a silent 0", () => {
    const kind = defineRule({
      id: "threshold",
      zh: "达标",
      input: "formula",
      params: { limit: numberParam("percent", { zh: "标准值", default: "50%", note: "" }) },
      example: "",
      score(value, p, weight) {
        // @ts-expect-error -- `limt` is not a parameter of this schema
        void p.v.limt;
        const limit: Decimal = p.v.limit;
        return { score: value.gte(limit) ? weight : new Decimal(0), explain: phrase("items_none", {}) };
      },
      criterion: () => criterion("checklist", { deduct: "1" }),
    });
    const c = kind.compile("limit=60%", W);
    expect(c.ok && c.rule.score(new Decimal("0.59"), RATE).score.toString()).toBe("0");
    expect(c.ok && c.rule.score(new Decimal("0.6"), RATE).score.toString()).toBe("2");
  });

  it("every kind has a Chinese key, a note and a default for each parameter, and an example that compiles", () => {
    for (const d of Object.values(RULES)) {
      for (const [key, spec] of Object.entries({ ...d.params, ...COMMON_SCHEMA })) {
        expect(spec.zh, `${d.id}.${key}`).toMatch(/[\u4e00-\u9fff]/);
        expect(spec.note, `${d.id}.${key}`).not.toBe("");
      }
      expect(d.example).toMatch(/[\u4e00-\u9fff]|:/);
      expect(compileRule(d.id, d.example, new Decimal(10)).ok, `${d.id}: ${d.example}`).toBe(true);
    }
  });

  it.each(
    Object.values(RULES).flatMap((d) =>
      Object.entries({ ...d.params, ...COMMON_SCHEMA })
        .filter(([, s]) => s.default !== null)
        .map(([key, s]) => [d.id, key, s.zh, s.default] as const),
    ),
  )("%s: %s and its Chinese key %s read the same", (kind, key, zh, value) => {
    const en = compileRule(kind, `${key}=${value}${kind === "bands" ? "; <0: 0; >=0: 2" : ""}`, W);
    const cn = compileRule(kind, `${zh}=${value}${kind === "bands" ? "; <0: 0; >=0: 2" : ""}`, W);
    expect(en.ok && cn.ok).toBe(true);
    expect(cn.ok && cn.rule.params.raw).toEqual(en.ok && en.rule.params.raw);
  });

  it("adjustment kinds have Chinese keys too", () => {
    for (const schema of Object.values(ADJUSTMENT_SCHEMAS))
      for (const spec of Object.values(schema)) expect(spec.zh).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe("评分参数 in the accountant's words", () => {
  it.each([
    // 超限扣分 at 105%: 5 points over, 0.2 each → 1 of 2
    ["deduct_per_point", "limit=100%; dir=above; deduct=0.2", 1.05, "1"],
    ["deduct_per_point", "限值=100%; 方向=高于; 每点扣分=0.2", 1.05, "1"],
    ["deduct_per_point", "限值=100%、方向=高于、扣分=0.2", 1.05, "1"],
    ["deduct_per_point", "限值＝100％，方向＝高于，扣分＝0.2", 1.05, "1"],
    ["deduct_per_point", "限值：100%；扣分：0.2", 1.05, "1"],
    ["deduct_per_point", "限值=100%; 每百分点扣分=0.2; 不足一点=舍去", 1.055, "1"],
    ["deduct_per_point", "限值=100%; 每点扣分=0.2; 不足一点=进位", 1.041, "1"],
    ["deduct_per_point", "限值=90%; 方向=低于; 每点扣分=0.1", 0.8, "1"],
    ["step_per_block", "限值=100%; 方向=低于; 每段=5%; 每段扣分=0.5; 不足一段=舍去", 0.89, "1"],
    ["threshold", "比较=不低于; 标准值=50%; 未达标得分=50%", 0.4, "1"],
    ["threshold", "比较=低于; 标准值=10%", 0.1, "0"],
    ["proportional", "目标值=80%", 0.4, "1"],
    ["checklist", "每项扣分=0.5", 2, "1"],
    ["per_event", "每次扣分=1", 1, "1"],
    ["bands", "允许间断=是; >=90%: 2; [60%,90%): 1", 0.7, "1"],
    ["proportional", "不适用时=50%", 0.5, "1"],
  ])("%s %j at %s → %s", (kind, params, value, expected) => {
    expect(scoreOf(kind, params, value)).toBe(expected);
  });

  it("a misspelt key names the valid keys and the one meant", () => {
    expect(messages("deduct_per_point", "限额=100%")).toEqual([
      "指标「人员控制率」的评分参数有误（deduct_per_point）：没有名为“限额”的参数，是否应为“限值”？（可填写的参数：限值、方向、每点扣分、不足一点、不适用时、无法计算时；也可用英文 limit, dir, deduct, partial, na, undefined）。",
    ]);
    expect(messages("deduct_per_point", "limt=100%", "en")).toEqual([
      'The scoring parameters of "人员控制率" (deduct_per_point) are invalid: there is no parameter "limt" (did you mean "limit"?); the parameters are limit, dir, deduct, partial, na, undefined (in Chinese 限值、方向、每点扣分、不足一点、不适用时、无法计算时).',
    ]);
  });

  it("a key far from every valid one gets the list without a guess", () => {
    const [m] = messages("proportional", "颜色=红");
    expect(m).toContain(
      "没有名为“颜色”的参数（可填写的参数：目标值、不适用时、无法计算时；也可用英文 target, na, undefined）",
    );
  });

  it("a wrong enum word lists the words in Chinese with the English values", () => {
    expect(messages("deduct_per_point", "方向=向上")).toEqual([
      "指标「人员控制率」的评分参数有误（deduct_per_point）：参数 方向（dir） 只能填写 高于（above） / 低于（below）（填的是“向上”）。",
    ]);
  });
});
