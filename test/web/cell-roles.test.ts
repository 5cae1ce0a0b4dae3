import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseA1, toA1 } from "../../src/engine/model/cell";
import type { CellValue } from "../../src/engine/model/cell";
import { readSnapshot } from "../../src/hosts/xlsx/read-snapshot";
import { workbookRoles } from "../../src/web/components/SheetGrid/useCellRoles";

const example = await readSnapshot(readFileSync("assets/example-wanzhou-2020.xlsx"));
const roles = workbookRoles(example, new Map());
const rubric = example.sheets.find((s) => s.name === "指标体系")!;
const textOf = (c: CellValue | undefined): string => (c && c.t !== "empty" ? String(c.v) : "");
// The rubric's header row and a column by its title.
const head = rubric.cells.findIndex((r) => r.some((c) => textOf(c) === "指标值公式"));
const col = (title: string): number => rubric.cells[head]!.findIndex((c) => textOf(c) === title);
// The 财政供养人员控制率 row (the first indicator): found by its formula, as the workbook has it.
const row = rubric.cells.findIndex((r) => textOf(r[col("指标值公式")]) === "ratio(staff_actual, staff_quota)");
const cell = (title: string, r = row): string => `指标体系!${toA1({ row: r, col: col(title) })}`;

describe("the page grid's cell roles on the shipped example", () => {
  it("outputs are green, the bureau's settings blue, the header row and the department's columns neither", () => {
    expect(head).toBeGreaterThanOrEqual(0);
    expect(row).toBeGreaterThan(head);
    for (const title of ["指标值", "得分", "评分说明"]) {
      expect(roles.outputs.has(cell(title)), title).toBe(true);
      expect(roles.config.has(cell(title)), title).toBe(false);
    }
    for (const title of ["编号", "分值", "评分方法", "评分参数", "指标值公式"]) {
      expect(roles.config.has(cell(title)), title).toBe(true);
      expect(roles.config.has(cell(title, head)), `${title} header`).toBe(false);
    }
    for (const title of ["自评得分", "扣分原因"]) expect(roles.config.has(cell(title)), title).toBe(false);
  });

  it("reads a rubric formula in the template's labels, through the report's formula display", () => {
    expect(roles.readings.get(cell("指标值公式"))).toBe("年末实有在职人数（人）÷编制数（人）");
    const change = [...roles.readings].find(([k]) => {
      const p = parseA1(k.split("!")[1]!)!;
      return textOf(rubric.cells[p.row]?.[p.col]).startsWith("change(");
    });
    expect(change?.[1]).toMatch(/^（.+－.+）÷.+$/);
  });
});
