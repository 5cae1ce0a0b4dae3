import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { CellValue } from "../../../src/engine/model/cell";
import type { WorkbookSnapshot } from "../../../src/engine/model/snapshot";
import { readTemplate } from "../../../src/engine/compile/read/read";
import { validateInputs } from "../../../src/engine/validate";
import { renderDiagnostic } from "../../../src/engine/diagnostics/render";
import { templateSnapshot } from "../../fixtures";
import { MINI } from "../../fixtures";
import { FIELDS_MD_TEMPLATE } from "./fields-md";

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant<CellValue>({ t: "empty" }),
  fc.double().map((v): CellValue => ({ t: "n", v })),
  fc.integer({ min: -5, max: 3000 }).map((v): CellValue => ({ t: "n", v })),
  fc
    .oneof(
      fc.string(),
      fc.constantFrom(
        "是",
        "否",
        "73.19%",
        "226.86万元",
        "１２",
        "1,234.5",
        "名称",
        "类型",
        "tbl_",
        "1.0.0",
        "2.0",
        "标签",
        "文本",
        "比率",
        "=",
        "blank(",
        "∞",
      ),
    )
    .map((v): CellValue => ({ t: "s", v })),
  fc.boolean().map((v): CellValue => ({ t: "b", v })),
  fc.constantFrom<CellValue>({ t: "e", v: "#DIV/0!" }, { t: "e", v: "#REF!" }, { t: "d", v: "2020-01-01" }),
);

/** Overwrite random cells of random sheets (possibly beyond the used range). */
function scramble(
  base: WorkbookSnapshot,
  edits: readonly { sheet: number; row: number; col: number; v: CellValue }[],
): WorkbookSnapshot {
  const sheets = base.sheets.map((s) => ({ ...s, cells: s.cells.map((r) => [...r]) }));
  for (const e of edits) {
    const sheet = sheets[e.sheet % sheets.length]!;
    while (sheet.cells.length <= e.row) sheet.cells.push([]);
    const row = sheet.cells[e.row]!;
    while (row.length <= e.col) row.push({ t: "empty" });
    row[e.col] = e.v;
  }
  return { ...base, sheets };
}

const edit = fc.record({
  sheet: fc.nat(20),
  row: fc.nat(40),
  col: fc.nat(18),
  v: cellValue,
});

describe("never throws", () => {
  it.each([
    ["the mini template", templateSnapshot(MINI)],
    ["the fields.md template", templateSnapshot(FIELDS_MD_TEMPLATE)],
  ])("random cells in %s: readTemplate, validateInputs and rendering never throw", (_n, base) => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 30 }), (edits) => {
        const s = scramble(base, edits);
        const r = readTemplate(s);
        const all = [...r.diagnostics];
        if (r.template) all.push(...validateInputs(r.template, s).diagnostics);
        for (const d of all) {
          expect(renderDiagnostic(d, "zh-CN").message.length).toBeGreaterThan(0);
          expect(renderDiagnostic(d, "en").message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("random defined names (dangling, multi-cell, garbage) never make readTemplate throw", () => {
    const base = templateSnapshot(MINI);
    const nameArb = fc.record({
      name: fc.constantFrom(
        "staff_quota",
        "tbl_tasks",
        "tbl_fields",
        "tbl_rubric",
        "tbl_grades",
        "tbl_checks",
        "perfeval_template_version",
        "unit_name",
      ),
      sheet: fc.constantFrom("输入", "表_tasks", "字段定义", "指标体系", "_meta", "无此表", ""),
      address: fc.oneof(fc.constantFrom("A1", "B2:C9", "ZZZ", "#REF!", "", "A1:A1", "XFD1048576"), fc.string()),
    });
    fc.assert(
      fc.property(fc.array(nameArb, { maxLength: 6 }), (extra) => {
        const names = [...base.names.filter((n) => !extra.some((e) => e.name === n.name)), ...extra];
        const s = { ...base, names };
        const r = readTemplate(s);
        if (r.template) validateInputs(r.template, s);
      }),
      { numRuns: 300 },
    );
  });
});
