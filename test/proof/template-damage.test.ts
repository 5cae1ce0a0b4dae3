import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { DiagnosticCode } from "../../src/engine/diagnostics/types";
import { runReport, runScoring, runValidation } from "../../src/engine";
import { renderDiagnostic } from "../../src/engine/diagnostics/render";
import type { Damage } from "./damage";
import {
  deleteRow,
  deleteSheet,
  find,
  insertRows,
  pointName,
  removeName,
  renameSheetOnly,
  rubricCell,
  setCell,
  taskCell,
} from "./damage";
import { exampleSnapshot } from "../fixtures";
import { checkAllActions } from "./properties";

const BASE = exampleSnapshot(1);
const NOW = "2021-03-01T09:00:00";
const n = (v: number) => ({ t: "n", v }) as const;
const s = (v: string) => ({ t: "s", v }) as const;
const EMPTY = { t: "empty" } as const;

const rubricRow = (indicator: string) => find(BASE, "指标体系", indicator).row;
const taskRow = (i: number) => find(BASE, "重点工作", "任务名称").row + 1 + i;

// Each damage must give an error with one of the expected codes, and no scores, no write plan, no report.
const CASES: readonly (readonly [string, Damage, readonly DiagnosticCode[]])[] = [
  // A missing sheet is one template_sheet_missing (its names are not reported one by one: see SHEET_CASES).
  ["sheet 指标体系 deleted", deleteSheet("指标体系"), ["template_sheet_missing"]],
  ["sheet 收支情况 deleted", deleteSheet("收支情况"), ["template_sheet_missing"]],
  ["sheet 重点工作 deleted", deleteSheet("重点工作"), ["template_sheet_missing"]],
  ["sheet 字段定义 deleted", deleteSheet("字段定义"), ["template_sheet_missing"]],
  ["sheet _meta deleted", deleteSheet("_meta"), ["template_not_recognized"]],
  ["sheet 收支情况 renamed, names left behind", renameSheetOnly("收支情况", "收支"), ["template_sheet_missing"]],
  ["sheet 指标体系 renamed, names left behind", renameSheetOnly("指标体系", "指标"), ["template_sheet_missing"]],
  [
    "a row inserted above the rubric, names left stale",
    insertRows("指标体系", 0, 1, "stale"),
    ["table_header_missing", "table_column_missing", "rubric_structure", "template_name_invalid"],
  ],
  [
    "a row inserted above 收支情况's fields, names left stale",
    insertRows("收支情况", 0, 1, "stale"),
    ["table_header_missing", "not_a_number", "wrong_type"],
  ],
  [
    "a blank row inserted inside the tasks table (later tasks drop out)",
    insertRows("重点工作", taskRow(3)),
    ["rubric_weight_sum_mismatch", "sum_mismatch", "schema_invalid", "rule_invalid"],
  ],
  [
    "a rubric leaf row deleted (weights no longer add up)",
    deleteRow("指标体系", rubricRow("公务卡刷卡率")),
    ["rubric_weight_sum_mismatch"],
  ],
  [
    "a level-1 rubric row deleted",
    deleteRow("指标体系", rubricRow("产出")),
    ["rubric_weight_sum_mismatch", "rubric_structure"],
  ],
  [
    "a task row deleted (task weights no longer add up)",
    deleteRow("重点工作", taskRow(0)),
    ["rubric_weight_sum_mismatch", "sum_mismatch", "rule_invalid"],
  ],
  ["defined name staff_quota removed", removeName("staff_quota"), ["template_name_missing"]],
  ["defined name tbl_rubric removed", removeName("tbl_rubric"), ["template_name_missing", "table_header_missing"]],
  ["defined name tbl_tasks removed", removeName("tbl_tasks"), ["template_name_missing", "table_header_missing"]],
  ["defined name tbl_fields removed", removeName("tbl_fields"), ["template_name_missing", "table_header_missing"]],
  ["staff_quota points at a label", pointName("staff_quota", "基本情况", "A6"), ["not_a_number", "wrong_type"]],
  ["expend_total points at a note", pointName("expend_total", "收支情况", "C10"), ["not_a_number", "wrong_type"]],
  [
    "tbl_rubric points at 基本情况",
    pointName("tbl_rubric", "基本情况", "A2:C2"),
    ["table_header_missing", "table_column_missing", "template_name_invalid"],
  ],
  [
    "tbl_tasks points at the 满意度 header",
    pointName("tbl_tasks", "满意度", "A3:D3"),
    ["table_header_missing", "table_column_missing", "template_name_invalid"],
  ],
  [
    "tbl_grades points at an empty area",
    pointName("tbl_grades", "指标体系", "Z90:AA90"),
    ["table_header_missing", "table_column_missing", "template_name_invalid", "grade_bands_invalid"],
  ],
  [
    "a leaf's 分值 emptied",
    rubricCell("支付进度", "分值", EMPTY),
    ["rubric_weight_invalid", "rubric_weight_sum_mismatch"],
  ],
  [
    "a leaf's 分值 is text",
    rubricCell("支付进度", "分值", s("三分")),
    ["rubric_weight_invalid", "rubric_weight_sum_mismatch"],
  ],
  [
    "a leaf's 分值 is negative",
    rubricCell("支付进度", "分值", n(-3)),
    ["rubric_weight_invalid", "rubric_weight_sum_mismatch"],
  ],
  [
    "a leaf's 分值 raised (weights do not add up)",
    rubricCell("支付进度", "分值", n(4)),
    ["rubric_weight_sum_mismatch"],
  ],
  ["a level-1 分值 changed (total ≠ parts)", rubricCell("过程", "分值", n(30)), ["rubric_weight_sum_mismatch"]],
  [
    "a leaf's 评分方法 emptied",
    rubricCell("支付进度", "评分方法", EMPTY),
    ["rule_unknown", "rule_invalid", "rubric_structure"],
  ],
  ["a leaf's 评分方法 unknown", rubricCell("支付进度", "评分方法", s("掷骰子")), ["rule_unknown"]],
  [
    "a leaf's 评分参数 nonsense",
    rubricCell("财政供养人员控制率", "评分参数", s("limit=abc; deduct=很多")),
    ["rule_invalid"],
  ],
  [
    "overlapping bands",
    rubricCell("预算调整率", "评分参数", s("<=10%: 100%; [5%,30%]: 50%; >30%: 0")),
    ["rule_bands_overlap", "rule_invalid"],
  ],
  [
    "bands with a gap",
    rubricCell("预算调整率", "评分参数", s("<=0: 100%; (10%,30%]: 50%; >30%: 0")),
    ["rule_bands_gap", "rule_invalid"],
  ],
  [
    "a formula that does not parse",
    rubricCell("支付进度", "指标值公式", s("ratio(project_funds_paid, ")),
    ["formula_invalid"],
  ],
  [
    "a formula with an unknown field",
    rubricCell("支付进度", "指标值公式", s("ratio(paid_funds, project_funds_due)")),
    ["formula_unknown_field"],
  ],
  [
    "a formula-like formula (=…)",
    rubricCell("支付进度", "指标值公式", s("=SUM(B1:B9)")),
    ["formula_invalid", "formula_unknown_field"],
  ],
  ["a duplicated 编号", rubricCell("支付进度", "编号", s("2.1.1")), ["rubric_duplicate_id"]],
  [
    "a task weight changed (tasks no longer add up to 50)",
    taskCell(0, "分值", n(60)),
    ["rubric_weight_sum_mismatch", "sum_mismatch", "rule_invalid"],
  ],
  ["grades nonsense", rubricCell("优", "最低分", s("九十")), ["grade_bands_invalid", "schema_invalid"]],
  ["template version 2.0.0", setCell("_meta", 1, 1, s("2.0.0")), ["template_version_unsupported"]],
];

describe("template damage → clear diagnostics, no scores written", () => {
  it.each(CASES)("%s", (_name, damage, codes) => {
    const damaged = damage(BASE);
    const validation = runValidation(damaged);
    const scoring = runScoring(damaged, { now: NOW });
    const report = runReport(damaged, { now: NOW });
    const errors = scoring.diagnostics.filter((d) => d.severity === "error");
    expect(errors.length).toBeGreaterThan(0);
    expect(
      errors.map((d) => d.code).filter((c) => codes.includes(c)).length,
      JSON.stringify(errors.map((d) => d.code)),
    ).toBeGreaterThan(0);
    // 校验 already reports every error 评分 would stop on, rubric damage included.
    expect(validation.diagnostics.filter((d) => d.severity === "error").map((d) => d.code)).toEqual(
      expect.arrayContaining(errors.map((d) => d.code)),
    );
    for (const d of errors) {
      const zh = renderDiagnostic(d, "zh-CN");
      // Clear: a sentence that says what and (mostly) where, not an internal code.
      expect(zh.message).not.toMatch(/^[a-z_]+$/);
      expect(zh.message.length).toBeGreaterThan(4);
    }
    expect(scoring.scores).toBeNull();
    expect(scoring.writePlan.ops).toEqual([]);
    expect(report.report).toBeNull();
    expect(report.writePlan.ops).toEqual([]);
  });

  // One diagnostic per missing sheet, naming it, whatever the sheet held: never one per defined name.
  const SHEET_CASES: readonly (readonly [string, Damage, string])[] = [
    ["指标体系 deleted", deleteSheet("指标体系"), "指标体系"],
    ["收支情况 deleted", deleteSheet("收支情况"), "收支情况"],
    ["重点工作 deleted", deleteSheet("重点工作"), "重点工作"],
    ["字段定义 deleted", deleteSheet("字段定义"), "字段定义"],
    ["收支情况 renamed, names left behind", renameSheetOnly("收支情况", "收支"), "收支情况"],
    ["指标体系 renamed, names left behind", renameSheetOnly("指标体系", "指标"), "指标体系"],
  ];
  it.each(SHEET_CASES)("%s → exactly one error, naming the sheet", (_name, damage, sheet) => {
    const errors = runScoring(damage(BASE), { now: NOW }).diagnostics.filter((d) => d.severity === "error");
    expect(errors).toMatchObject([{ code: "template_sheet_missing", location: null, params: { sheet } }]);
    expect(renderDiagnostic(errors[0]!, "zh-CN").message).toContain(`“${sheet}”`);
  });

  it("the undamaged example scores 94 (the cases above are damage, not a broken baseline)", () => {
    const r = runScoring(BASE, { now: NOW });
    expect(r.scores?.total).toBe(94);
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("an Excel-style row insert above the rubric (names follow) still scores 94", () => {
    const r = runScoring(insertRows("指标体系", 0, 2)(BASE), { now: NOW });
    expect(r.scores?.total).toBe(94);
  });

  it("random combinations of damage never throw (property)", () => {
    const damages = CASES.map((c) => c[1]);
    const sheets = BASE.sheets.map((x) => x.name);
    const randomDamage: fc.Arbitrary<Damage> = fc.oneof(
      fc.constantFrom(...damages),
      fc
        .tuple(
          fc.constantFrom(...sheets),
          fc.nat(60),
          fc.integer({ min: 1, max: 3 }),
          fc.constantFrom("follow", "stale") as fc.Arbitrary<"follow" | "stale">,
        )
        .map(([sh, r, c, m]) => insertRows(sh, r, c, m)),
      fc.tuple(fc.constantFrom(...sheets), fc.nat(60)).map(([sh, r]) => deleteRow(sh, r)),
      fc.constantFrom(...BASE.names.map((x) => x.name)).map((name) => removeName(name)),
      fc
        .tuple(
          fc.constantFrom(...BASE.names.map((x) => x.name)),
          fc.constantFrom(...sheets, "无此表"),
          fc.constantFrom("A1", "B2:F2", "ZZ9999", "A1:XFD1048576"),
        )
        .map(([name, sh, a]) => pointName(name, sh, a)),
      fc.constantFrom(...sheets).map((sh) => deleteSheet(sh)),
    );
    fc.assert(
      fc.property(fc.array(randomDamage, { minLength: 1, maxLength: 4 }), (ds) =>
        checkAllActions(ds.reduce((acc, d) => d(acc), BASE)),
      ),
      { numRuns: 40, seed: 7 },
    );
  });
});
