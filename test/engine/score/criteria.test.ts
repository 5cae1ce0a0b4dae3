/**
 * 评分标准 generated from each rule kind and its parameters: the words, in zh-CN and en, and — the point of
 * generating them — that what they say is what scoring does (the figures quoted are the ones the rule applies).
 */
import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { applyRule, compileRule } from "../../../src/engine/compile/compile-rule";
import type { CompiledRule } from "../../../src/engine/compile/rule-types";
import { renderCriterion } from "../../../src/engine/score/criteria";
import type { ValueFormat } from "../../../src/engine/model/format";
import type { Lang } from "../../../src/engine/i18n/catalog";

function rule(kind: string, params: string, weight: number): CompiledRule {
  const c = compileRule(kind, params, new Decimal(weight));
  if (!c.ok) throw new Error(`${kind} ${params}: ${JSON.stringify(c.problems)}`);
  return c.rule;
}

function says(kind: string, params: string, weight = 2, lang: Lang = "zh-CN", format: ValueFormat = "percent") {
  return renderCriterion(lang, rule(kind, params, weight).criterion({ format, description: "" }));
}

function scoreOf(r: CompiledRule, v: Decimal.Value, format: ValueFormat = "percent"): string {
  return applyRule(r, { t: "number", v: new Decimal(v) }, { name: null, format }).score.toString();
}

describe("the 评分标准 of every rule kind, in Chinese and English", () => {
  it.each([
    [
      "达标",
      "比较=不低于；标准值=50%",
      "不低于50%得满分，否则得0分",
      "at or above 50%: full marks, otherwise 0 points",
    ],
    [
      "达标",
      "比较=不超过；标准值=5%；未达标得分=50%",
      "不超过5%得满分，否则得1分",
      "at or below 5%: full marks, otherwise 1 point",
    ],
    [
      "超限扣分",
      "限值=100%；方向=高于；每点扣分=0.2",
      "不超过100%得满分，每超过1个百分点扣0.2分，扣完为止",
      "at or below 100%: full marks; 0.2 points off per pp above it, down to 0",
    ],
    [
      "超限扣分",
      "限值=90%；方向=低于；每点扣分=0.5；不足一点=舍去",
      "不低于90%得满分，每低于1个百分点扣0.5分，不足1个百分点的部分不计，扣完为止",
      "at or above 90%: full marks; 0.5 points off per pp below it (part of a point is not counted), down to 0",
    ],
    [
      "超限扣分",
      "限值=0；每点扣分=0.3；不足一点=进位；无法计算时=100%",
      "不超过0得满分，每超过1个百分点扣0.3分，不足1个百分点按1个百分点计，扣完为止；无法计算时得满分",
      "at or below 0: full marks; 0.3 points off per pp above it (a started point counts as one), down to 0; cannot be computed: full marks",
    ],
    [
      "分段扣分",
      "限值=100%；方向=低于；每段=5%；每段扣分=0.5",
      "不低于100%得满分，每低于5个百分点扣0.5分，不足一段按一段计，扣完为止",
      "at or above 100%: full marks; 0.5 points off per 5 pp below it (a started block counts as one), down to 0",
    ],
    [
      "分档",
      "=0: 100%；(0,10%]: 80%；(10%,20%]: 50%；>20%: 0",
      "等于0得满分；高于0且不超过10%得1.6分；高于10%且不超过20%得1分；高于20%得0分",
      "equal to 0: full marks; above 0 and at or below 10%: 1.6 points; above 10% and at or below 20%: 1 point; above 20%: 0 points",
    ],
    [
      "按比例",
      "目标值=50%",
      "达到50%得满分，未达到的按比例得分（指标值÷50%×分值）",
      "reaching 50%: full marks; below it in proportion (value ÷ 50% × weight)",
    ],
    ["逐项扣分", "每项扣分=0.5", "每缺一项扣0.5分，扣完为止", "0.5 points off per missing item, down to 0"],
    [
      "按次扣分",
      "每次扣分=1；不适用时=0",
      "每发生一次扣1分，扣完为止；不适用时得0分",
      "1 point off per occurrence, down to 0; not applicable: 0 points",
    ],
  ])("%s %s", (kind, params, zh, en) => {
    expect(says(kind, params)).toBe(zh);
    expect(says(kind, params, 2, "en")).toBe(en);
  });

  it("writes a limit as the value's kind shows it: a rate in %, a count or an amount as the number", () => {
    expect(says("达标", "比较=不低于；标准值=500", 2, "zh-CN", "amount")).toBe("不低于500得满分，否则得0分");
    expect(says("分段扣分", "限值=10；方向=高于；每段=2；每段扣分=1", 3, "zh-CN", "integer")).toBe(
      "不超过10得满分，每超过2扣1分，不足一段按一段计，扣完为止",
    );
  });

  it("a manual indicator's 评分标准 is the bureau's own 指标说明, with its step", () => {
    const r = rule("人工评分", "步长=0.5", 2);
    expect(renderCriterion("zh-CN", r.criterion({ format: "number", description: "制度是否健全。" }))).toBe(
      "制度是否健全；人工评分，以0.5分为单位",
    );
    expect(renderCriterion("zh-CN", r.criterion({ format: "number", description: "" }))).toBe(
      "人工评分，由单位对照指标自评打分，以0.5分为单位",
    );
  });
});

/** The numbers a Chinese 评分标准 quotes, in order: "100%" → 1, "0.2分" → 0.2, "1个百分点" → 0.01. */
function quoted(text: string): Decimal[] {
  return [...text.matchAll(/(\d+(?:\.\d+)?)(%|个百分点|分)/g)].map((m) =>
    m[2] === "分" ? new Decimal(m[1]!) : new Decimal(m[1]!).div(100),
  );
}

describe("what the 评分标准 says is what scoring does", () => {
  // Random parameters (a fixed seed, so a failure repeats): the figures read back from the words score as they say.
  let seed = 20261204;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };

  it("超限扣分: full marks at the quoted limit, the quoted deduction one point beyond it", () => {
    for (let i = 0; i < 200; i++) {
      // From 1%: a limit of 0 is written 「0」, no percent sign to read back (tested in the table above).
      const limit = rand(100) + 1;
      const deduct = new Decimal(rand(20) + 1).div(10);
      const dir = rand(2) === 0 ? "高于" : "低于";
      const weight = 5;
      const r = rule("超限扣分", `限值=${limit}%；方向=${dir}；每点扣分=${deduct}`, weight);
      const [lim, , per] = quoted(renderCriterion("zh-CN", r.criterion({ format: "percent", description: "" })));
      const beyond = dir === "高于" ? lim!.plus(0.01) : lim!.minus(0.01);
      expect(scoreOf(r, lim!)).toBe(String(weight));
      expect(scoreOf(r, beyond)).toBe(new Decimal(weight).minus(per!).toString());
    }
  });

  it("分档: a value inside each quoted band scores the quoted points", () => {
    for (let i = 0; i < 100; i++) {
      const cuts = [...new Set([rand(30) + 1, rand(30) + 31, rand(30) + 61])].sort((a, b) => a - b);
      const weight = 4;
      const shares = [100, 75, 50, 0];
      const text = [
        `<${cuts[0]}%: ${shares[3]}%`,
        `[${cuts[0]}%,${cuts[1]}%): ${shares[2]}%`,
        `[${cuts[1]}%,${cuts[2]}%): ${shares[1]}%`,
        `>=${cuts[2]}%: ${shares[0]}%`,
      ].join("；");
      const r = rule("分档", text, weight);
      const words = renderCriterion("zh-CN", r.criterion({ format: "percent", description: "" }));
      for (const band of words.split("；")) {
        const figures = quoted(band);
        const points = band.endsWith("得满分") ? new Decimal(weight) : figures[figures.length - 1]!;
        const bounds = band.endsWith("得满分") ? figures : figures.slice(0, -1);
        // A value inside the band: just above its lower bound, or just below the only bound of an open band.
        const inside = band.startsWith("低于") ? bounds[0]!.minus(0.001) : bounds[0]!.plus(0.001);
        expect(scoreOf(r, inside), `${band} (${text})`).toBe(points.toString());
      }
    }
  });

  it("达标 and 按比例: the quoted standard is where full marks start", () => {
    for (let i = 0; i < 100; i++) {
      const limit = rand(99) + 1;
      const t = rule("达标", `比较=不低于；标准值=${limit}%；未达标得分=${rand(3)}`, 3);
      const [lim, otherwise] = quoted(renderCriterion("zh-CN", t.criterion({ format: "percent", description: "" })));
      expect(scoreOf(t, lim!)).toBe("3");
      expect(scoreOf(t, lim!.minus(0.0001))).toBe(otherwise!.toString());
      const p = rule("按比例", `目标值=${limit}%`, 3);
      const [target] = quoted(renderCriterion("zh-CN", p.criterion({ format: "percent", description: "" })));
      expect(scoreOf(p, target!)).toBe("3");
      expect(scoreOf(p, target!.div(2))).toBe("1.5");
    }
  });
});
