/**
 * Generality (issue #17, item 5): a third, small template family written purely as data — its own id, fields,
 * 校验规则, rubric with a 满分 of 10 and its own grades — through the same generic writer, read back from a real
 * .xlsx and scored by the unchanged engine. The arithmetic is stated row by row below.
 */
import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/engine";
import type { FieldSpec, RubricRowSpec, TemplateDescription } from "../../src/templates/layout";
import { buildTemplateWorkbook } from "../../src/hosts/xlsx/write-template";
import { readSnapshot } from "../../src/hosts/xlsx/read-snapshot";
import { applyWritePlan } from "../../src/hosts/xlsx/apply-plan";
import { officeSuite, shownSheets } from "../office-suite/libreoffice";

const field = (
  name: string,
  label: string,
  type: FieldSpec["type"],
  note: string,
  min: number | null = 0,
): FieldSpec => ({
  name,
  label,
  type,
  required: true,
  min,
  max: null,
  output: false,
  note,
});

const ROW = { level1: "", level2: "", level3: "", formula: "", kind: "", params: "", expand: "" } as const;
const rubricRow = (r: Partial<RubricRowSpec> & Pick<RubricRowSpec, "id" | "weight">): RubricRowSpec => ({
  ...ROW,
  manualScore: null,
  manualReason: "",
  description: "",
  ...r,
});

/** 项目资金使用评价（测试）: one project, its budget and what was spent, how many site checks were made. */
function miniFamily(values: TemplateDescription["values"], manualScore: number | null): TemplateDescription {
  return {
    info: { id: "test.perfeval.project-mini", version: "1.0.0", title: "项目资金使用评价（测试）" },
    fields: [
      field("unit_name", "单位名称", "text", "全称", null),
      field("project_budget", "项目预算数", "amount", "万元"),
      field("project_spent", "项目支出数", "amount", "万元，不大于预算数"),
      field("site_checks", "现场检查次数", "integer", "次"),
      { ...field("result_total", "总得分", "number", "评分后填写", null), required: false, output: true },
      { ...field("result_grade", "评价等级", "text", "评分后填写", null), required: false, output: true },
      {
        ...field("rubric_full_score", "满分", "number", "一级指标分值合计应等于满分", 1),
        required: false,
        config: true,
      },
    ],
    tables: [],
    checks: [
      {
        id: "P01",
        condition: "",
        rule: "project_spent <= project_budget",
        tolerance: null,
        materiality: "",
        severity: "error",
        description: "项目支出数不大于预算数",
      },
    ],
    rubric: [
      rubricRow({ id: "1", level1: "项目实施", weight: 10 }),
      rubricRow({ id: "1.1", level2: "资金与管理", weight: 10 }),
      rubricRow({
        id: "1.1.1",
        level3: "预算执行率",
        weight: 6,
        formula: "ratio(project_spent, project_budget)",
        kind: "proportional",
        params: "目标值=100%",
      }),
      rubricRow({
        id: "1.1.2",
        level3: "现场检查",
        weight: 2,
        formula: "site_checks",
        kind: "threshold",
        params: "比较=不低于；标准值=4；未达标得分=0",
      }),
      rubricRow({
        id: "1.1.3",
        level3: "档案管理",
        weight: 2,
        kind: "manual",
        params: "步长=0.5",
        description: "项目档案是否齐全",
        manualScore,
        manualReason: manualScore !== null && manualScore < 2 ? "验收资料缺页" : "",
      }),
    ],
    grades: [
      { grade: "好", min: 9 },
      { grade: "较好", min: 7 },
      { grade: "一般", min: 5 },
      { grade: "差", min: 0 },
    ],
    adjustments: [],
    sheets: [
      {
        name: "项目信息",
        columnWidths: [20, 14, 24],
        blocks: [
          { kind: "title", text: "项目资金使用评价" },
          { kind: "fields", names: ["unit_name", "project_budget", "project_spent", "site_checks"], header: true },
          { kind: "gap" },
          { kind: "fields", names: ["result_total", "result_grade"] },
        ],
      },
      {
        name: "评分表",
        columnWidths: [5, 6, 8, 14, 5, 24, 6, 14, 8, 6, 20, 16, 20, 10, 24, 30, 10, 20],
        landscape: true,
        blocks: [
          { kind: "title", text: "评分表" },
          { kind: "structure", id: "rubric" },
          { kind: "gap" },
          { kind: "fields", names: ["rubric_full_score"] },
          { kind: "structure", id: "grades" },
        ],
      },
      {
        name: "字段定义",
        hidden: true,
        columnWidths: [20, 20, 8, 6, 8, 8, 6, 20],
        blocks: [{ kind: "structure", id: "fields" }],
      },
      {
        name: "校验规则",
        hidden: true,
        columnWidths: [6, 20, 40, 8, 10, 6, 20],
        blocks: [{ kind: "structure", id: "checks" }],
      },
    ],
    values: { rubric_full_score: 10, ...values },
  };
}

const FIGURES = { unit_name: "某区测试单位", project_budget: 250, project_spent: 190, site_checks: 5 };

async function scored(values: TemplateDescription["values"], manualScore: number | null) {
  const snapshot = await readSnapshot(await buildTemplateWorkbook(miniFamily(values, manualScore)));
  return createEngine().score(snapshot, { now: "2026-12-05T09:00:00" });
}

describe("a third template family, purely as data", () => {
  it("is recognised by its own id and scored by the unchanged engine, with its own 满分 and grades", async () => {
    const r = await scored(FIGURES, 1.5);
    expect(r.template).toEqual({
      id: "test.perfeval.project-mini",
      version: "1.0.0",
      title: "项目资金使用评价（测试）",
    });
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const by = new Map(r.scores!.indicators.map((i) => [i.id, i]));
    // 预算执行率 = 190 ÷ 250 = 76%, below the 100% target: 6 × 0.76 = 4.56.
    expect([by.get("1.1.1")!.valueText, by.get("1.1.1")!.score]).toEqual(["76.00%", 4.56]);
    // 现场检查 5 次, not below the standard of 4: the full 2.
    expect(by.get("1.1.2")!.score).toBe(2);
    // 档案管理 scored by hand: 1.5 of 2, with its reason.
    expect([by.get("1.1.3")!.score, by.get("1.1.3")!.reason]).toEqual([1.5, "验收资料缺页"]);
    // 4.56 + 2 + 1.5 = 8.06 of 10: at least 7 and below 9, so 较好.
    expect([r.scores!.total, r.scores!.grade, r.scores!.fullScore]).toEqual([8.06, "较好", 10]);
    // Its 评分标准 generated from its own rules, as for the standard family.
    expect(by.get("1.1.2")!.criterion).toBe("不低于4得满分，否则得0分");
    // The outputs go to its own named cells.
    const total = r.writePlan.ops.find(
      (o) => o.kind === "values" && o.sheet === "项目信息" && o.values[0]?.[0] === 8.06,
    );
    expect(total).toBeDefined();
  });

  it("its own 校验规则 blocks scoring when the project spent more than its budget", async () => {
    const r = await scored({ ...FIGURES, project_spent: 260 }, 2);
    expect(r.scores).toBeNull();
    expect(r.diagnostics.some((d) => d.severity === "error" && d.location?.sheet === "项目信息")).toBe(true);
  });

  it("its own 满分 is checked: a rubric adding up to 12 against 满分 10 is an error at the rubric", async () => {
    const desc = miniFamily(FIGURES, 2);
    const rubric = desc.rubric.map((row) =>
      row.id === "1" || row.id === "1.1" ? { ...row, weight: 12 } : row.id === "1.1.1" ? { ...row, weight: 8 } : row,
    );
    const snapshot = await readSnapshot(await buildTemplateWorkbook({ ...desc, rubric }));
    const r = createEngine().score(snapshot, {});
    expect(r.scores).toBeNull();
    expect(r.diagnostics.map((d) => d.code)).toContain("rubric_full_score_mismatch");
  });
});

officeSuite.assertAvailableInCi();

describe.skipIf(!officeSuite.available)("in LibreOffice: the third family scored", () => {
  it("shows 总得分 8.06 and 较好 as LibreOffice displays them, and each row's 评分标准", async () => {
    const bytes = await buildTemplateWorkbook(miniFamily(FIGURES, 1.5));
    const r = createEngine().score(await readSnapshot(bytes), { now: "2026-12-05T09:00:00" });
    const shown = shownSheets((await applyWritePlan(bytes, r.writePlan)).bytes);
    const info = shown.get("项目信息")!;
    const row = (label: string) => info.rows.find((x) => x[0] === label)!;
    expect([row("总得分")[1], row("评价等级")[1]]).toEqual(["8.06", "较好"]);
    const rubric = shown.get("评分表")!;
    const criterion = rubric.columnBelow("评分标准");
    expect(criterion).toContain("达到100%得满分，未达到的按比例得分（指标值÷100%×分值）");
    expect(criterion).toContain("项目档案是否齐全；人工评分，以0.5分为单位");
  }, 120_000);
});
