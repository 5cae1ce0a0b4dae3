/** .xlsx bytes → WorkbookSnapshot. Works in Node and in the browser (no node: imports). */
import type { WorkbookSnapshot } from "../../engine/model/snapshot";
import { definedNamesFromXml, openWorkbook } from "./open-workbook";
import { snapshotFromWorkbook } from "./snapshot-from-workbook";

/**
 * Reads every sheet's values (normalised CellValues) and the workbook-level defined names.
 * Throws HostError `not_xlsx` / `file_unreadable` for files that are not a readable .xlsx.
 */
export async function readSnapshot(bytes: Uint8Array | ArrayBuffer): Promise<WorkbookSnapshot> {
  const { workbook, workbookXml } = await openWorkbook(bytes);
  // Names come from the XML itself: exceljs merges sheet-scoped names into workbook scope.
  return snapshotFromWorkbook(workbook, definedNamesFromXml(workbookXml));
}
