/** What every read queues first (the head) and what it leaves in the session (remember). */
import type { WorkbookSnapshot } from "../../engine";
import { readPublished } from "../../engine";
import type { CellState } from "../common";
import { MARKS_SHEET, isOwnNote, readMarkRecords } from "../common";
import type { FillGrid } from "./marks";
import type { OfficeSession } from "./session";

export type ReadHead = ReturnType<typeof queueHead>;

/** The sheet list, the names, the note count — and, cold, the `_marks` rows: the head of every read. */
export function queueHead(session: OfficeSession, wb: Excel.Workbook, cold: boolean) {
  const list = wb.worksheets;
  list.load("items/name,items/visibility");
  const names = wb.names;
  names.load("items/name,items/type,items/formula");
  const noteCount = session.capabilities.notes ? wb.notes.getCount() : null;
  // ExcelApi 1.7: with the structure protected, no sheet (报告, `_marks`) can be added or hidden.
  const protection = wb.protection;
  protection.load("protected");
  let marksRows: Excel.Range | null = null;
  if (cold) {
    // Cold, the marked cells are known only from `_marks`: read its rows with the list, probe them next.
    marksRows = wb.worksheets.getItemOrNullObject(MARKS_SHEET).getUsedRangeOrNullObject(true);
    marksRows.load("values");
  }
  return { list, names, noteCount, marksRows, protection };
}

/** After a read: what it saw, for the writes and marks that follow. */
export function remember(
  session: OfficeSession,
  head: ReadHead,
  snapshot: WorkbookSnapshot,
  protectedSheets: readonly string[],
  cells: Map<string, CellState>,
  grids: Map<string, FillGrid>,
): void {
  session.knownSheets = head.list.items.map((s) => s.name);
  session.structureProtected = head.protection.protected === true;
  session.hiddenSheets = new Set(head.list.items.filter((s) => s.visibility === "Hidden").map((s) => s.name));
  session.protectedSheets = new Set(protectedSheets);
  session.publishedSheets = new Set(readPublished(snapshot)?.cells.map((c) => c.sheet) ?? []);
  session.lastMarks = readMarkRecords(snapshot);
  let userNotes: boolean | null = null;
  if (head.noteCount) {
    const own = [...cells.values()].filter((c) => isOwnNote(c.note)).length;
    userNotes = head.noteCount.value > own;
  }
  session.markView = { cells, grids, userNotes };
}
