import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  STANDARD_CHECKS,
  STANDARD_GRADES,
  STANDARD_RUBRIC,
  standardTemplateDescription,
} from "../../../src/templates/standard";
import type { RubricRowSpec } from "../../../src/templates/standard";
import Decimal from "decimal.js";
import { compileRule } from "../../../src/engine/compile/compile-rule";
import { STRUCTURE_TABLE_NAMES } from "../../../src/engine/compile/read/labels";
import { SUPPORTED_TEMPLATE_VERSION } from "../../../src/engine/compile/read/recognize";
import seed from "../../../assets/examples/wanzhou-2020.json";

// The public interface of field names is docs/fields.md; the template must match it exactly.
const fieldsMd = readFileSync(path.resolve(__dirname, "../../../docs/fields.md"), "utf8");

interface MdField {
  name: string;
  label: string;
  type: string;
  rule: string;
}

const mdFields: MdField[] = fieldsMd
  .split("\n")
  .filter((l) => /^\| [a-z_]+\s*\|/.test(l))
  .map((l) => {
    const [name, label, type, rule] = l
      .split("|")
      .slice(1, -1)
      .map((c) => c.trim());
    return { name: name!, label: label!, type: type!, rule: rule ?? "" };
  });

const desc = standardTemplateDescription();
// A department's inputs; the bureau's settings (满分) are not fields.md's.
const inputs = desc.fields.filter((f) => !f.output && !f.config);

describe("standard template fields", () => {
  it("reads all 36 rows of fields.md", () => {
    expect(mdFields).toHaveLength(36);
  });

  it("has exactly the input fields of fields.md, each once, in the same order", () => {
    expect(inputs.map((f) => f.name)).toEqual(mdFields.map((f) => f.name));
  });

  it.each(mdFields)("$name has the label, type and bounds of fields.md", (md) => {
    const f = inputs.find((x) => x.name === md.name)!;
    expect(f.label).toBe(md.label);
    expect(f.type).toBe(md.type);
    expect(f.required).toBe(md.rule.includes("required"));
    if (md.rule.includes("≥ 0")) expect(f.min).toBe(0);
    const range = /(\d{4})–(\d{4})/.exec(md.rule);
    if (range) expect([f.min, f.max]).toEqual([Number(range[1]), Number(range[2])]);
    expect(f.output).toBe(false);
  });

  it("has the four result outputs and the rubric's 合计 pair", () => {
    expect(desc.fields.filter((f) => f.output).map((f) => f.name)).toEqual([
      "result_total",
      "result_grade",
      "result_raw_total",
      "result_scored_at",
      "result_rubric_weight",
      "result_rubric_score",
    ]);
  });

  it("places every single-value field on exactly one sheet", () => {
    const placed = desc.sheets.flatMap((s) =>
      s.blocks.flatMap((b) => (b.kind === "fields" ? b.names : b.kind === "rubricTotal" ? [b.weight, b.score] : [])),
    );
    expect([...placed].sort()).toEqual(desc.fields.map((f) => f.name).sort());
  });
});

describe("standard template tables", () => {
  const expectedColumns: Record<string, string[]> = {
    duties: ["职能职责"],
    org: ["机构设置"],
    basis: ["评价依据"],
    sangong_reasons: ["“三公”经费变动原因"],
    goals: ["绩效目标", "完成情况"],
    tasks: ["任务名称", "分值", "完成率", "未完成原因", "得分"],
    satisfaction: ["调查对象", "问卷数", "满意度", "权重"],
    benefits: ["类别", "内容", "是否完成"],
    problems: ["存在的问题"],
    measures: ["改进措施"],
    levels: ["层级", "指标", "分值", "得分"],
  };

  it.each(Object.entries(expectedColumns))("%s has the column labels of docs/template-format.md", (id, labels) => {
    const t = desc.tables.find((x) => x.id === id);
    expect(t?.columns.map((c) => c.label)).toEqual(labels);
    expect(t?.blankRows).toBeGreaterThan(0);
  });

  it("keeps 评价依据 optional: an empty basis table is no gap", () => {
    const basis = desc.tables.find((x) => x.id === "basis");
    expect(basis?.columns.map((c) => [c.key, c.type, c.required])).toEqual([["text", "text", false]]);
    const sheet = desc.sheets.find((s) => s.blocks.some((b) => b.kind === "table" && b.id === "basis"));
    expect(sheet?.name).toBe("基本情况");
  });

  it("marks only tasks.score and the levels columns as outputs", () => {
    const outputs = desc.tables.flatMap((t) => t.columns.filter((c) => c.output).map((c) => `${t.id}.${c.key}`));
    expect(outputs).toEqual(["tasks.score", "levels.level", "levels.name", "levels.weight", "levels.score"]);
  });

  it("lays out every data table and every structural table once", () => {
    const blocks = desc.sheets.flatMap((s) => s.blocks);
    const tables = blocks.flatMap((b) => (b.kind === "table" ? [b.id] : []));
    const structures = blocks.flatMap((b) => (b.kind === "structure" ? [b.id] : []));
    expect([...tables].sort()).toEqual(Object.keys(expectedColumns).sort());
    expect([...structures].sort()).toEqual(Object.keys(STRUCTURE_TABLE_NAMES).sort());
  });
});

describe("standard checks", () => {
  it.each([
    ["expend_basic + expend_project = expend_total", 0.005],
    ["expend_personnel + expend_public = expend_basic", 0.005],
    ["carryover_prev + income_total - expend_total = carryover_end", 0.005],
    [
      "sangong_abroad + sangong_vehicle_purchase + sangong_vehicle_operation + sangong_reception + sangong_foreign_reception = sangong_total",
      0.005,
    ],
    ["income_fiscal <= income_total", null],
    ["fixed_assets_in_use <= fixed_assets_total", null],
    ["project_funds_paid <= project_funds_due", null],
    ["unit_founded_year <= eval_year", null],
    ["sum(satisfaction.weight) = 1", 0.0001],
  ])("has %s (tolerance %s)", (rule, tolerance) => {
    const c = STANDARD_CHECKS.find((x) => x.rule === rule);
    expect(c?.tolerance).toBe(tolerance);
    expect(c?.condition).toBe("");
  });

  it("checks sangong_prev is blank for a unit founded in the evaluation year", () => {
    const c = STANDARD_CHECKS.find((x) => x.condition !== "");
    expect(c).toMatchObject({
      condition: "unit_founded_year = eval_year",
      rule: "blank(sangong_prev)",
      severity: "warning",
    });
  });

  it("has unique ids", () => {
    expect(new Set(STANDARD_CHECKS.map((c) => c.id)).size).toBe(STANDARD_CHECKS.length);
  });
});

describe("standard rubric", () => {
  const level = (r: RubricRowSpec) => (r.level3 ? 3 : r.level2 ? 2 : 1);
  const leaves = STANDARD_RUBRIC.filter((r) => level(r) === 3);

  it("has level-1 weights 投入 5, 过程 25, 产出 50, 效果 20 (total 100)", () => {
    const l1 = STANDARD_RUBRIC.filter((r) => level(r) === 1).map((r) => [r.level1, r.weight]);
    expect(l1).toEqual([
      ["投入", 5],
      ["过程", 25],
      ["产出", 50],
      ["效果", 20],
    ]);
  });

  it("has children whose weights add up to their parent's", () => {
    // Walk the rows in order: each level-1/level-2 row owns the rows below it until the next row of its level.
    for (const [i, r] of STANDARD_RUBRIC.entries()) {
      const d = level(r);
      if (d === 3) continue;
      let sum = 0;
      for (const c of STANDARD_RUBRIC.slice(i + 1)) {
        if (level(c) <= d) break;
        if (level(c) === d + 1) sum += c.weight;
      }
      expect(sum, r.level1 || r.level2).toBeCloseTo(r.weight, 10);
    }
  });

  it("names every scored indicator of the seed", () => {
    const names = leaves.map((r) => r.level3);
    for (const n of Object.keys(seed.expected.indicator_scores)) expect(names).toContain(n);
  });

  it.each([
    [
      "财政供养人员控制率",
      "ratio(staff_actual, staff_quota)",
      "deduct_per_point",
      "限值=100%；方向=高于；每点扣分=0.2",
    ],
    [
      "预算调整率",
      "abs(change(budget_final, budget_initial))",
      "bands",
      "<=0: 100%；(0,10%]: 80%；(10%,20%]: 50%；(20%,30%]: 20%；>30%: 0",
    ],
    [
      "“三公”经费控制率",
      "ratio(sangong_actual_budget_scope, sangong_budget)",
      "deduct_per_point",
      "限值=100%；方向=高于；每点扣分=0.2",
    ],
    ["公务卡刷卡率", "ratio(card_settlement, card_settlement + cash_settlement)", "proportional", "目标值=50%"],
    [
      "社会公众或服务对象满意度",
      "weighted(satisfaction.rate, satisfaction.weight)",
      "bands",
      ">=90%: 100%；[80%,90%): 80%；[60%,80%): 60%；<60%: 0",
    ],
  ])("%s: %s, %s, %s", (name, formula, kind, params) => {
    expect(leaves.find((r) => r.level3 === name)).toMatchObject({ formula, kind, params });
  });

  it("treats a government procurement budget of 0 as full marks", () => {
    const r = leaves.find((x) => x.level3 === "政府采购执行率")!;
    expect(r.kind).toBe("proportional");
    expect(r.params).toContain("无法计算时=100%");
  });

  it("expands one leaf of weight 50 over the tasks table", () => {
    const expanded = leaves.filter((r) => r.expand !== "");
    expect(expanded).toHaveLength(1);
    expect(expanded[0]).toMatchObject({
      expand: "tasks",
      formula: "tasks.completion",
      kind: "proportional",
      weight: 50,
    });
  });

  it("scores the seed's qualitative indicators by hand in steps of 0.5", () => {
    const manual = leaves.filter((r) => r.kind === "manual");
    expect(manual.map((r) => [r.level3, r.weight])).toEqual(seed.manual_scores.map((m) => [m.indicator, m.weight]));
    for (const r of manual) expect(r.params).toBe("步长=0.5");
  });

  // What each shipped 评分参数 means, written with the English keys a developer reads; the Chinese text the
  // bureau sees must compile to exactly the same parameters.
  const ENGLISH: Readonly<Record<string, string>> = {
    财政供养人员控制率: "limit=100%; dir=above; deduct=0.2",
    "“三公”经费变动率": "limit=0; dir=above; deduct=0.3; undefined=100%",
    预算调整率: "<=0: 100%; (0,10%]: 80%; (10%,20%]: 50%; (20%,30%]: 20%; >30%: 0",
    支付进度: "target=100%",
    指标或资金收回: "deduct=1",
    "“三公”经费控制率": "limit=100%; dir=above; deduct=0.2",
    政府采购执行率: "target=100%; undefined=100%",
    公务卡刷卡率: "target=50%",
    固定资产利用率: "target=100%",
    重点工作完成情况: "target=100%",
    社会公众或服务对象满意度: ">=90%: 100%; [80%,90%): 80%; [60%,80%): 60%; <60%: 0",
  };

  it.each(leaves.filter((r) => r.kind !== "manual").map((r) => [r.level3, r] as const))(
    "%s: its Chinese 评分参数 compile to the English ones' parameters, with no problem",
    (name, r) => {
      expect(r.params).not.toMatch(/[A-Za-z]{2,}/);
      const zh = compileRule(r.kind, r.params, new Decimal(r.weight));
      const en = compileRule(r.kind, ENGLISH[name]!, new Decimal(r.weight));
      expect(zh.ok, JSON.stringify(zh)).toBe(true);
      expect(en.ok).toBe(true);
      if (!zh.ok || !en.ok) return;
      // Same scores and the same words for every kind of value, at and around each limit.
      const subject = { name, format: "percent" } as const;
      for (const v of ["-0.5", "0", "0.05", "0.1", "0.3", "0.5", "0.9", "0.995", "1", "1.05", "1.2", "3", "7"]) {
        const a = zh.rule.score(new Decimal(v), subject);
        const b = en.rule.score(new Decimal(v), subject);
        expect([a.score.toString(), a.explain, a.deduction], v).toEqual([b.score.toString(), b.explain, b.deduction]);
      }
      expect([zh.rule.naScore.toString(), zh.rule.undefinedScore.toString()]).toEqual([
        en.rule.naScore.toString(),
        en.rule.undefinedScore.toString(),
      ]);
    },
  );

  it("writes the manual rows' step in Chinese, read as step=0.5", () => {
    const zh = compileRule("manual", "步长=0.5", new Decimal(2));
    const en = compileRule("manual", "step=0.5", new Decimal(2));
    expect(zh.ok && en.ok && [zh.rule.step?.toString(), en.rule.step?.toString()]).toEqual(["0.5", "0.5"]);
  });

  it("gives every leaf a rule and every level row none; phrases are left blank", () => {
    for (const r of STANDARD_RUBRIC) {
      expect(r.kind === "", r.id).toBe(level(r) !== 3);
      expect(r.phrase ?? "").toBe("");
    }
    expect(new Set(STANDARD_RUBRIC.map((r) => r.id)).size).toBe(STANDARD_RUBRIC.length);
  });

  it("has the grade bands 优 90 / 良 80 / 中 60 / 差 0 and no adjustments", () => {
    expect(STANDARD_GRADES.map((g) => [g.grade, g.min])).toEqual([
      ["优", 90],
      ["良", 80],
      ["中", 60],
      ["差", 0],
    ]);
    expect(desc.adjustments).toEqual([]);
  });

  it("identifies itself as cn.perfeval.dept-overall 1.2.0, the format version the engine reads", () => {
    expect(desc.info).toEqual({ id: "cn.perfeval.dept-overall", version: "1.2.0", title: "部门整体支出绩效评价" });
    expect(desc.info.version).toBe(SUPPORTED_TEMPLATE_VERSION);
  });
});
