/** The read: one snapshot of the workbook, which also gathers what the next marking run needs. */
import type { SheetSnapshot, WorkbookSnapshot } from "../../engine";
import type { MarkRecord } from "../common";
import { MARKS_SHEET, isOwnNote, markRecordsFromRows, readMarkRecords } from "../common";
import { toDefinedNames, toSnapshotRows, topLeftOf } from "./normalize";
import type { NamedItemData } from "./normalize";
import type { FillGrid } from "./marks";
import { probeStates, queueProbes } from "./mark-run";
import type { OfficeSession } from "./session";

/** Rows and columns past a sheet's values whose fills the read also gathers (problem cells beyond = a probe). */
const GRID_MARGIN: Margin = { rows: 20, cols: 4 };
/** No margin: a sheet whose values reach the grid's last rows or columns cannot be resized past them. */
const NO_MARGIN: Margin = { rows: 0, cols: 0 };

interface Margin {
  readonly rows: number;
  readonly cols: number;
}

interface SheetBatch {
  readonly name: string;
  readonly used: Excel.Range;
  readonly protection: Excel.WorksheetProtection;
  /** The sheet's formatted area and its fills (ExcelApi 1.9), for marking without another read. */
  readonly formatted: Excel.Range | null;
  readonly fills: OfficeExtension.ClientResult<Excel.CellProperties[][]> | null;
}

function queueSheet(session: OfficeSession, sheet: Excel.Worksheet, name: string, margin: Margin): SheetBatch {
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("address,values,valueTypes,numberFormat");
  const protection = sheet.protection;
  protection.load("protected");
  // Fills of A1 through the values area plus a margin (where problem cells lie: inputs left empty), so
  // marking needs no read of its own. Bounded by the values read anyway, never by how far formatting
  // reaches. System sheets (`_meta`, `_marks`) are never marked.
  let formatted: Excel.Range | null = null;
  let fills: SheetBatch["fills"] = null;
  if (session.supports("1.9") && !name.startsWith("_")) {
    formatted = sheet.getRange("A1").getBoundingRect(sheet.getUsedRange(true));
    if (margin.rows > 0 || margin.cols > 0) formatted = formatted.getResizedRange(margin.rows, margin.cols);
    formatted.load("address");
    fills = formatted.getCellProperties({ format: { fill: { color: true } } });
  }
  return { name, used, protection, formatted, fills };
}

function sheetSnapshot(batch: SheetBatch, visible: boolean): SheetSnapshot {
  const used = batch.used;
  if (used.isNullObject) return { name: batch.name, cells: [], visible };
  const start = topLeftOf(used.address) ?? { row: 0, col: 0 };
  const cells = toSnapshotRows(used.values, used.valueTypes, used.numberFormat, start.row, start.col);
  return { name: batch.name, cells, visible };
}

function fillGrid(batch: SheetBatch): FillGrid | null {
  if (!batch.formatted || !batch.fills) return null;
  const start = topLeftOf(batch.formatted.address);
  const props = batch.fills.value as Excel.CellProperties[][] | null | undefined;
  if (!start || !Array.isArray(props)) return null;
  const colors = props.map((row) =>
    row.map((p) => (typeof p.format?.fill?.color === "string" ? p.format.fill.color : null)),
  );
  return { row0: start.row, col0: start.col, colors };
}

/** The sheet list, the names, the note count — and, cold, the `_marks` rows: the head of every read. */
function queueHead(session: OfficeSession, wb: Excel.Workbook, cold: boolean) {
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

function queueBody(
  session: OfficeSession,
  wb: Excel.Workbook,
  list: Excel.WorksheetCollection,
  sheets: readonly string[],
  marks: readonly MarkRecord[],
  margin: Margin,
) {
  const present = new Set(sheets);
  return {
    sheets: sheets.map((n) => queueSheet(session, list.getItem(n), n, margin)),
    probes: queueProbes(
      session,
      wb,
      marks.filter((r) => present.has(r.sheet)),
    ),
  };
}

/**
 * One read, which also gathers what the next marking run needs (fills and notes of the cells marked before,
 * each sheet's fills), so 校验/评分 write their marks in their one write sync. Sheet names are unknown until a
 * sync returns, so a cold read takes 2 syncs (list + names + `_marks` rows, then every used range, fill and
 * probe in one batch). The sheet list seen last is queued speculatively with the list, so a warm read whose
 * sheets did not change takes 1 sync. Worst case (a sheet deleted since): 3. Never a loop.
 */
export async function readWorkbook(session: OfficeSession): Promise<WorkbookSnapshot> {
  if (!session.supports("1.9")) return readOnce(session, NO_MARGIN);
  try {
    return await readOnce(session, GRID_MARGIN);
  } catch {
    // The fill grid's margin may reach past the grid's last row or column (a value in row 1,048,576 or column
    // XFD): resizing there fails the batch (documented for getOffsetRange; the code Excel gives is not, so
    // any failure is retried once). Without the margin, problem cells beyond the values cost a probe.
    return readOnce(session, NO_MARGIN);
  }
}

async function readOnce(session: OfficeSession, margin: Margin): Promise<WorkbookSnapshot> {
  return session.excel.run(async (context) => {
    const wb = context.workbook;
    const guess = session.knownSheets;
    let head = queueHead(session, wb, !guess);
    let body = guess ? queueBody(session, wb, head.list, guess, session.lastMarks ?? [], margin) : null;
    try {
      await context.sync();
    } catch (e) {
      if (!body || (e as { code?: unknown }).code !== "ItemNotFound") throw e;
      // A guessed sheet is gone: read the list again, cold.
      body = null;
      head = queueHead(session, wb, true);
      await context.sync();
    }
    const actual = head.list.items.map((s) => ({ name: s.name, visible: s.visibility === "Visible" }));
    const sameList = !!guess && guess.length === actual.length && guess.every((n, i) => n === actual[i]!.name);
    if (!body || !sameList) {
      const rows = head.marksRows && !head.marksRows.isNullObject ? head.marksRows.values : [];
      const marks = head.marksRows ? markRecordsFromRows(rows) : (session.lastMarks ?? []);
      body = queueBody(
        session,
        wb,
        head.list,
        actual.map((s) => s.name),
        marks,
        margin,
      );
      await context.sync();
    }
    const done = body;
    const snapshot: WorkbookSnapshot = {
      sheets: done.sheets.map((b, i) => sheetSnapshot(b, actual[i]!.visible)),
      names: toDefinedNames(head.names.items as unknown as NamedItemData[]),
    };
    session.knownSheets = actual.map((s) => s.name);
    session.structureProtected = head.protection.protected === true;
    session.hiddenSheets = new Set(head.list.items.filter((s) => s.visibility === "Hidden").map((s) => s.name));
    session.protectedSheets = new Set(done.sheets.filter((b) => b.protection.protected).map((b) => b.name));
    session.lastMarks = readMarkRecords(snapshot);
    const cells = probeStates(done.probes);
    const grids = new Map<string, FillGrid>();
    for (const b of done.sheets) {
      const grid = fillGrid(b);
      if (grid) grids.set(b.name, grid);
    }
    let userNotes: boolean | null = null;
    if (head.noteCount) {
      const own = [...cells.values()].filter((c) => isOwnNote(c.note)).length;
      userNotes = head.noteCount.value > own;
    }
    session.markView = { cells, grids, userNotes };
    return snapshot;
  });
}
