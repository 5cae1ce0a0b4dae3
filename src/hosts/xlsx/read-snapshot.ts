/** .xlsx bytes → WorkbookSnapshot. Works in Node and in the browser (no node: imports). */
import type { CellRef, WorkbookSnapshot } from "../../engine";
import { hostFailure, type HostError } from "../common";
import { definedNamesFromXml, openWorkbook } from "./open-workbook";
import { snapshotFromWorkbook } from "./snapshot-from-workbook";

/** How many cells the message about formulas without a result names before "等 N 个单元格". */
const LISTED_CELLS = 10;

function cellName(ref: CellRef): string {
  const sheet = /^[\p{L}\p{N}_]+$/u.test(ref.sheet) ? ref.sheet : `'${ref.sheet.replace(/'/g, "''")}'`;
  return `${sheet}!${ref.address}`;
}

/**
 * The error for formula cells saved without a result (a file written by a program, not by Excel/WPS):
 * their values are unknown, and reading them as empty would score wrong numbers without a word.
 */
export function formulasWithoutValueError(cells: readonly CellRef[]): HostError {
  const listed = cells.slice(0, LISTED_CELLS).map(cellName).join("、");
  const more = cells.length > LISTED_CELLS ? cells.length : 0;
  return hostFailure(
    "formulas_without_value",
    { cells: listed, more },
    `formulas without a cached value: ${cells.map(cellName).join(", ")}`,
  );
}

/**
 * Reads every sheet's values (normalised CellValues) and the workbook-level defined names.
 * Throws HostError `not_xlsx` / `file_unreadable` for files that are not a readable .xlsx, and
 * `file_unreadable` naming the cells when a visible sheet has formulas saved without a result.
 */
export async function readSnapshot(bytes: Uint8Array | ArrayBuffer): Promise<WorkbookSnapshot> {
  const { workbook, workbookXml, formulasWithoutValue } = await openWorkbook(bytes, { valuesOnly: true });
  if (formulasWithoutValue.length > 0) throw formulasWithoutValueError(formulasWithoutValue);
  // Names come from the XML itself: exceljs merges sheet-scoped names into workbook scope.
  return snapshotFromWorkbook(workbook, definedNamesFromXml(workbookXml));
}
