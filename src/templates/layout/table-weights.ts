/**
 * Excel's own data validation on the weights of a table that a rubric leaf is expanded over (重点工作's 分值): each
 * cell warns when the column's sum goes above that leaf's 分值 — read from the rubric's cell, so a bureau that
 * changes the weight changes the bound with it (issue: a fixed maximum kept refusing valid entries). A warning, not
 * a stop: while a department rebalances the weights, one of them is briefly too high. Done after every sheet is
 * laid out, since the rubric's sheet comes after the tables'.
 */
import type { DefinedName } from "../../engine";
import { TABLE_NAME_PREFIX, parseRange, toA1 } from "../../engine";
import type { LayoutCell, LayoutSheet } from "./model";
import { rubricCol } from "./rubric";
import { absoluteA1 } from "./validation";
import type { TableSpec } from "./types";

/** A cell on a sheet as Excel writes it in a formula: '指标体系'!$E$26. */
const onSheet = (sheet: string, row: number, col: number): string =>
  `'${sheet.replace(/'/g, "''")}'!${absoluteA1(row, col)}`;

export function withTableWeightValidations(
  sheets: readonly LayoutSheet[],
  tables: readonly TableSpec[],
  rubricSheet: string,
  names: readonly DefinedName[],
): LayoutSheet[] {
  const rubric = sheets.find((s) => s.name === rubricSheet);
  if (!rubric) return [...sheets];
  // The leaf expanded over each table: its 分值 cell.
  const leafWeight = new Map<string, { ref: string; shown: string; name: string }>();
  for (const c of rubric.cells)
    if (c.col === rubricCol("expand") && typeof c.value === "string" && c.value.trim() !== "") {
      const name = rubric.cells.find((d) => d.row === c.row && d.col === rubricCol("level3"))?.value;
      leafWeight.set(c.value.trim(), {
        ref: onSheet(rubric.name, c.row, rubricCol("weight")),
        shown: `${rubric.name}!${toA1({ row: c.row, col: rubricCol("weight") })}`,
        name: typeof name === "string" ? name : "",
      });
    }
  return sheets.map((sheet) => {
    let cells: LayoutCell[] | null = null;
    for (const t of tables) {
      const limit = leafWeight.get(t.id);
      const col = t.columns.findIndex((c) => c.key === "weight");
      if (!limit || col < 0) continue;
      // The table's header row, from its tbl_<id> name.
      const name = names.find((n) => n.name === `${TABLE_NAME_PREFIX}${t.id}` && n.sheet === sheet.name);
      const header = name ? parseRange(name.address)?.start.row : undefined;
      if (header === undefined) continue;
      const rows = sheet.cells.filter((c) => c.col === col && c.row > header && c.role === "input").map((c) => c.row);
      if (rows.length === 0) continue;
      const first = Math.min(...rows);
      const last = Math.max(...rows);
      const column = toA1({ row: 0, col }).replace(/\d+$/, "");
      const sum = `SUM($${column}$${first + 1}:$${column}$${last + 1})`;
      cells = (cells ?? [...sheet.cells]).map((c) =>
        c.col === col && c.row >= first && c.row <= last && c.role === "input"
          ? {
              ...c,
              validation: {
                kind: "formula",
                strict: false,
                formula: `AND(ISNUMBER(${column}${c.row + 1}),${column}${c.row + 1}>=0,${sum}<=${limit.ref})`,
                message: `各行分值之和不应超过指标体系中“${limit.name}”的分值（${limit.shown}）；请调整各行分值`,
              },
            }
          : c,
      );
    }
    return cells ? { ...sheet, cells } : sheet;
  });
}
