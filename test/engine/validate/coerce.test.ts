import { describe, expect, it } from "vitest";
import Decimal from "decimal.js";
import { readTemplate } from "../../../src/engine/compile/read/read";
import { coerceInputs, validateInputs } from "../../../src/engine/validate";
import type { WorkbookSnapshot } from "../../../src/engine/model/snapshot";
import { err, templateSnapshot, withCell, withValue } from "../../fixtures";
import { MINI } from "../../fixtures";

const read = (s: WorkbookSnapshot) => {
  const r = readTemplate(s);
  expect(r.diagnostics).toEqual([]);
  return r.template!;
};
const run = (s: WorkbookSnapshot) => coerceInputs(read(s), s);

describe("coerceInputs", () => {
  it("types every input field and table cell; outputs are not read", () => {
    const s = withValue(templateSnapshot(MINI), "result_total", 94);
    const { values, diagnostics } = run(s);
    expect(diagnostics).toEqual([]);
    expect(values.fields.get("unit_name")).toBe("万州区外事办");
    expect((values.fields.get("expend_total") as Decimal).equals(new Decimal("226.75"))).toBe(true);
    expect(values.fields.get("is_new")).toBe(false);
    expect(values.fields.has("result_total")).toBe(false);
    const tasks = values.tables.get("tasks")!;
    expect(tasks.map((r) => r.row)).toEqual([1, 2]);
    expect(tasks[1]!.values.get("name")).toBe("因公出国管理");
    expect((tasks[1]!.values.get("completion") as Decimal).toFixed()).toBe("0.5");
    expect(tasks[1]!.values.has("score")).toBe(false);
  });

  it("locates each problem with sheet, address, name and label", () => {
    let s = withValue(templateSnapshot(MINI), "staff_quota", "七");
    s = withCell(s, "表_tasks", "C3", 97);
    s = withCell(s, "表_tasks", "B2", err("#REF!"));
    const { diagnostics } = run(s);
    expect(diagnostics.map((d) => [d.code, d.location])).toEqual([
      ["not_a_number", { sheet: "输入", address: "B3", name: "staff_quota", label: "编制数（人）" }],
      ["excel_error", { sheet: "表_tasks", address: "B2", name: "tasks.weight", label: "分值" }],
      ["out_of_range", { sheet: "表_tasks", address: "C3", name: "tasks.completion", label: "完成率" }],
    ]);
    expect(diagnostics[2]!.code === "out_of_range" && diagnostics[2]!.params.suggestion).toBe("97%");
  });

  it("a required column left blank in a data row → required_missing at that cell", () => {
    const s = templateSnapshot({ ...MINI, tables: { tasks: [["外事接待", null, 1]] } });
    expect(run(s).diagnostics).toMatchObject([
      {
        code: "required_missing",
        location: { sheet: "表_tasks", address: "B2", name: "tasks.weight" },
        params: { label: "分值" },
      },
    ]);
  });

  it("a table with required columns and no rows → table_empty (warning) at its header", () => {
    const s = templateSnapshot({ ...MINI, tables: {} });
    const { diagnostics, values } = run(s);
    expect(diagnostics).toEqual([
      {
        code: "table_empty",
        severity: "warning",
        location: { sheet: "表_tasks", address: "A1:D1", name: "tbl_tasks", label: "表_tasks" },
        params: { table: "表_tasks" },
      },
    ]);
    expect(values.tables.get("tasks")).toEqual([]);
  });

  it("an optional-only table may stay empty", () => {
    const s = templateSnapshot({
      fields: [{ name: "problems.text", label: "存在的问题", type: "文本", required: "否" }],
      tables: {},
    });
    expect(run(s).diagnostics).toEqual([]);
  });

  it.each([
    ["满分", "not_a_number"],
    [true, "wrong_type"],
    [err("#N/A"), "excel_error"],
    ["１", "read_as"],
  ])("a rubric 自评得分 %j → %s at the rubric cell", (value, code) => {
    const s = withCell(templateSnapshot(MINI), "指标体系", "J4", value);
    const ds = run(s).diagnostics;
    expect(ds).toMatchObject([
      { code, location: { sheet: "指标体系", address: "J4", name: "1.1.1", label: "人员控制率" } },
    ]);
  });

  it("validateInputs = coerceInputs + checks", () => {
    const s = withValue(templateSnapshot(MINI), "expend_total", 226.86);
    const t = read(s);
    expect(coerceInputs(t, s).diagnostics).toEqual([]);
    expect(validateInputs(t, s).diagnostics.map((d) => d.code)).toEqual(["sum_mismatch"]);
  });
});
