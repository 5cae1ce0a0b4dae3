/**
 * Shared mechanics of every table in a template: find the header row through its `tbl_<id>` defined
 * name, match header cells to column labels, and walk the data rows below it.
 */
import type { RangePos } from "../../model/cell";
import { parseRange } from "../../model/cell";
import type { DefinedName, SheetSnapshot, WorkbookSnapshot } from "../../model/snapshot";
import { cellAt, derivedOf, findName, findSheet } from "../../model/snapshot";
import { isBlank } from "../../model/cell";
import { cellText, normaliseLabel } from "./cells";
import { TABLE_NAME_PREFIX } from "./labels";

/** Rows the engine may use below a header even when the used range ends earlier. */
export const TABLE_ROW_ALLOWANCE = 200;

/** Where a table's header is, when its defined name resolves to one row of an existing sheet. */
export interface HeaderPlace {
  readonly name: DefinedName;
  readonly sheet: SheetSnapshot;
  readonly range: RangePos;
  readonly row: number;
}

/** Why a header could not be placed: no such name, its sheet is missing, or its address is not a range on one row. */
export type HeaderLookup =
  | { readonly ok: true; readonly place: HeaderPlace }
  | { readonly ok: false; readonly reason: "no_name" }
  | { readonly ok: false; readonly reason: "no_sheet" | "bad_address"; readonly name: DefinedName };

/** Resolve the defined name that marks a table's header row. */
export function locateHeader(snapshot: WorkbookSnapshot, definedName: string): HeaderLookup {
  const name = findName(snapshot, definedName);
  if (!name) return { ok: false, reason: "no_name" };
  const sheet = findSheet(snapshot, name.sheet);
  if (!sheet) return { ok: false, reason: "no_sheet", name };
  const range = parseRange(name.address);
  if (!range || range.start.row !== range.end.row) return { ok: false, reason: "bad_address", name };
  return { ok: true, place: { name, sheet, range, row: range.start.row } };
}

/**
 * Match header labels to columns of the header row (the whole row, so reordered or moved columns are found).
 * Returns key → 0-based column for the labels found; the first match wins.
 */
export function matchColumns<K extends string>(
  sheet: SheetSnapshot,
  row: number,
  labels: Readonly<Record<K, string>>,
): Map<K, number> {
  const byLabel = new Map<string, number>();
  const cells = sheet.cells[row] ?? [];
  for (let c = 0; c < cells.length; c++) {
    const text = normaliseLabel(cellText(cells[c]));
    if (text !== "" && !byLabel.has(text)) byLabel.set(text, c);
  }
  const found = new Map<K, number>();
  for (const key of Object.keys(labels) as K[]) {
    const col = byLabel.get(normaliseLabel(labels[key]));
    if (col !== undefined) found.set(key, col);
  }
  return found;
}

/** 0-based header rows of every `tbl_*` name on a sheet, so one table's rows stop at the next table's header. */
export function headerRowsOn(snapshot: WorkbookSnapshot, sheetName: string): readonly number[] {
  return derivedOf(snapshot, HEADER_ROWS, headerRowsBySheet).get(sheetName) ?? [];
}

// Header rows of every sheet, gathered in one pass over the names (each table asks for its sheet's), once
// per action's indexed snapshot.
const HEADER_ROWS = Symbol("header rows by sheet");

function headerRowsBySheet(snapshot: WorkbookSnapshot): ReadonlyMap<string, readonly number[]> {
  const bySheet = new Map<string, number[]>();
  for (const n of snapshot.names) {
    if (!n.name.toLowerCase().startsWith(TABLE_NAME_PREFIX)) continue;
    const range = parseRange(n.address);
    if (!range) continue;
    const rows = bySheet.get(n.sheet);
    if (rows) rows.push(range.start.row);
    else bySheet.set(n.sheet, [range.start.row]);
  }
  for (const rows of bySheet.values()) rows.sort((a, b) => a - b);
  return bySheet;
}

/** The last row a table may use: the used range or header + allowance, but never into the next table's header. */
export function lastRowLimitFor(snapshot: WorkbookSnapshot, sheet: SheetSnapshot, headerRow: number): number {
  const next = headerRowsOn(snapshot, sheet.name).find((r) => r > headerRow);
  const bound = Math.max(sheet.cells.length - 1, headerRow + TABLE_ROW_ALLOWANCE);
  return next === undefined ? bound : Math.min(bound, next - 1);
}

/**
 * Data rows under a header: from the next row until the first row whose `cols` are all blank,
 * the end of the used range, or `limit` (inclusive).
 */
export function dataRows(sheet: SheetSnapshot, headerRow: number, cols: readonly number[], limit: number): number[] {
  const rows: number[] = [];
  if (cols.length === 0) return rows;
  const end = Math.min(sheet.cells.length - 1, limit);
  for (let r = headerRow + 1; r <= end; r++) {
    if (cols.every((c) => isBlank(cellAt(sheet, { row: r, col: c })))) break;
    rows.push(r);
  }
  return rows;
}
