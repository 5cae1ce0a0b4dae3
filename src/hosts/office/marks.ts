/**
 * The Office host's marks: the shared, host-independent parts live in ../marks.ts (re-exported here); what is
 * left is how the Office host reads fills (ExcelApi 1.9 cell-property grids).
 */
import { parseRange } from "../../engine";

export {
  MARKS_SHEET,
  NOTE_PREFIX,
  MARK_COLORS,
  MAX_MARKS,
  readMarkRecords,
  markRecordsFromRows,
  markRows,
  markTargets,
  normColor,
  cellKey,
  isOwnNote,
  planMarks,
} from "../common";
export type { MarkRecord, MarkTarget, CellState, MarkPlan } from "../common";

/** Fills of a block of a sheet as read with the snapshot (ExcelApi 1.9 getCellProperties). */
export interface FillGrid {
  readonly row0: number;
  readonly col0: number;
  /** null where Excel reports no single colour (a pattern, say): that cell must be probed. */
  readonly colors: readonly (readonly (string | null)[])[];
}

/** The fill of one cell according to a grid; undefined when the grid cannot say (outside it, say). */
export function gridFill(grid: FillGrid, address: string): string | undefined {
  const range = parseRange(address);
  if (!range) return undefined;
  const r = range.start.row - grid.row0;
  const c = range.start.col - grid.col0;
  if (r < 0 || c < 0 || r >= grid.colors.length) return undefined;
  const color = grid.colors[r]![c];
  return color === null || color === undefined ? undefined : color;
}
