import type { Diagnostic } from "../../engine/diagnostics/types";
import type { CellValue } from "../../engine/model/cell";
import { parseRange, toA1 } from "../../engine/model/cell";
import type { WorkbookSnapshot } from "../../engine/model/snapshot";
import { findSheet } from "../../engine/model/snapshot";

/** The hidden sheet where the add-in remembers which cells it marked and their fill before marking. */
export const MARKS_SHEET = "_marks";
/** Prefix of the notes the add-in writes, so it deletes only its own notes. */
export const NOTE_PREFIX = "【绩效评价助手】";
/** Fill colours of marks (Excel's "Bad" red and "Neutral" amber). */
export const MARK_COLORS = { error: "#FFC7CE", warning: "#FFEB9C" } as const;
/** Most cells one run marks: a template with hundreds of problems gets its first ones marked, not a huge batch. */
export const MAX_MARKS = 500;
/** Most cells one diagnostic's range expands to (a table header, say). */
const MAX_CELLS_PER_DIAGNOSTIC = 40;

/** One remembered mark: a cell, its fill before the add-in marked it ("" = none), the mark colour, and a note flag. */
export interface MarkRecord {
  readonly sheet: string;
  readonly address: string;
  readonly originalColor: string;
  readonly markColor: string;
  readonly note: boolean;
}

/** A cell to mark this run. */
export interface MarkTarget {
  readonly sheet: string;
  readonly address: string;
  readonly color: string;
  readonly text: string;
}

const textOf = (cell: CellValue | undefined): string =>
  cell && (cell.t === "s" || cell.t === "d" || cell.t === "e")
    ? cell.v
    : cell && cell.t !== "empty"
      ? String(cell.v)
      : "";

/** The `_marks` sheet's rows (as read in the snapshot) → records; malformed rows are ignored. */
export function readMarkRecords(snapshot: WorkbookSnapshot | null): MarkRecord[] {
  const sheet = snapshot ? findSheet(snapshot, MARKS_SHEET) : undefined;
  if (!sheet) return [];
  const out: MarkRecord[] = [];
  for (const row of sheet.cells) {
    const [s, a, o, m, n] = [0, 1, 2, 3, 4].map((i) => textOf(row[i]));
    if (s && a && m && parseRange(a!)) {
      out.push({ sheet: s, address: a!, originalColor: o ?? "", markColor: m, note: n === "note" });
    }
  }
  return out;
}

/** Records → the rows written to `_marks` (A: sheet, B: address, C: original fill, D: mark fill, E: "note"). */
export function markRows(records: readonly MarkRecord[]): string[][] {
  return records.map((r) => [r.sheet, r.address, r.originalColor, r.markColor, r.note ? "note" : ""]);
}

/**
 * Diagnostics → the cells to mark: errors and warnings with a location, ranges expanded to cells, one target
 * per cell (the most severe diagnostic wins; texts of several diagnostics on one cell are joined).
 */
export function markTargets(
  diagnostics: readonly Diagnostic[],
  describe: (d: Diagnostic) => string,
): MarkTarget[] {
  const byCell = new Map<string, { sheet: string; address: string; color: string; texts: string[] }>();
  for (const d of diagnostics) {
    if (!d.location || d.severity === "info") continue;
    const range = parseRange(d.location.address);
    if (!range) continue;
    const color = d.severity === "error" ? MARK_COLORS.error : MARK_COLORS.warning;
    let n = 0;
    for (let r = range.start.row; r <= range.end.row && n < MAX_CELLS_PER_DIAGNOSTIC; r++) {
      for (let c = range.start.col; c <= range.end.col && n < MAX_CELLS_PER_DIAGNOSTIC; c++, n++) {
        const address = toA1({ row: r, col: c });
        const key = `${d.location.sheet}\u0000${address}`;
        const seen = byCell.get(key);
        if (seen) {
          if (color === MARK_COLORS.error) seen.color = color;
          seen.texts.push(describe(d));
        } else {
          if (byCell.size >= MAX_MARKS) continue;
          byCell.set(key, { sheet: d.location.sheet, address, color, texts: [describe(d)] });
        }
      }
    }
  }
  return [...byCell.values()].map((t) => ({
    sheet: t.sheet,
    address: t.address,
    color: t.color,
    text: t.texts.join("\n"),
  }));
}

/** Normalise an Office.js fill colour for comparison ("#ffc7ce" → "#FFC7CE"; null/undefined → ""). */
export function normColor(color: unknown): string {
  return typeof color === "string" ? color.toUpperCase() : "";
}
