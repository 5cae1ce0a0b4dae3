import { toA1 } from "../model/cell";
import type { CellRef } from "../model/cell";
import type { Location } from "../diagnostics/types";
import { RUBRIC_COLUMNS } from "./read/labels";
import type { RubricColumnKey } from "./read/labels";
import type { RubricRowDef, TableDef } from "./read/types";

// The standard column order, used when a rubric row carries no column map.
const STANDARD_INDEX: Readonly<Record<string, number>> = Object.fromEntries(
  Object.keys(RUBRIC_COLUMNS).map((k, i) => [k, i]),
);

/** The 0-based column of a rubric column on this row: its own map first, the standard order otherwise. */
export function rubricCol(row: RubricRowDef, key: RubricColumnKey): number {
  return row.cols?.[key] ?? STANDARD_INDEX[key] ?? 0;
}

/** The cell of a rubric row's column, as a diagnostic location. */
export function rubricCell(row: RubricRowDef, key: RubricColumnKey, label?: string): Location {
  const address = toA1({ row: row.row, col: rubricCol(row, key) });
  // Literal objects, not spreads: this runs for every indicator and spreading is markedly slower.
  return label ? { sheet: row.sheet, address, label } : { sheet: row.sheet, address };
}

/** The cell of a table row's column (or the row's first column when the table lacks that column). */
export function tableCell(table: TableDef, row: number, key: string, label?: string): Location & CellRef {
  const col = table.columns.find((c) => c.key === key)?.col ?? Math.min(...table.columns.map((c) => c.col), 0);
  const address = toA1({ row, col });
  return label ? { sheet: table.sheet, address, label } : { sheet: table.sheet, address };
}

/** The name shown for a rubric row: its deepest level name. */
export function rowName(row: RubricRowDef): string {
  return row.level3.trim() || row.level2.trim() || row.level1.trim();
}
