/** The read: one snapshot of the workbook, which also gathers what the next marking run needs. */
import type { SheetSnapshot, WorkbookSnapshot } from "../../engine";
import type { MarkRecord } from "../common";
import { markRecordsFromRows } from "../common";
import { toDefinedNames, toSnapshotRows, topLeftOf } from "./normalize";
import type { NamedItemData } from "./normalize";
import type { FillGrid } from "./marks";
import { probeStates, queueProbes } from "./mark-run";
import { isPayloadLimit, readChunked } from "./read-chunked";
import { queueHead, remember } from "./read-head";
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
  // Once a read had to go in chunks, the next ones do too (no refused 5 MB request each time).
  if (session.readInChunks) return readChunked(session);
  let failure: unknown;
  try {
    return await readOnce(session, session.supports("1.9") ? GRID_MARGIN : NO_MARGIN);
  } catch (e) {
    failure = e;
  }
  if (FINAL.has(codeOf(failure))) throw failure;
  if (!isPayloadLimit(failure) && session.supports("1.9")) {
    // The fill grid's margin may reach past the grid's last row or column (a value in row 1,048,576 or column
    // XFD): resizing there fails the batch (documented for getOffsetRange; the code Excel gives is not, so any
    // other failure is retried once). Without the margin, problem cells beyond the values cost a probe.
    try {
      return await readOnce(session, NO_MARGIN);
    } catch (e) {
      failure = e;
    }
  }
  if (FINAL.has(codeOf(failure))) throw failure;
  // Too large for one request (Excel on the web: 5 MB; any platform: 5M cells a range, code undocumented).
  const snapshot = await readChunked(session);
  session.readInChunks = true;
  return snapshot;
}

/** Failures that another way of reading cannot help (the user is typing, Excel is busy, access denied). */
const FINAL: ReadonlySet<string> = new Set([
  "InvalidOperationInCellEditMode",
  "ActivityLimitReached",
  "Conflict",
  "AccessDenied",
]);

const codeOf = (e: unknown): string => {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "";
};

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
    const grids = new Map<string, FillGrid>();
    for (const b of done.sheets) {
      const grid = fillGrid(b);
      if (grid) grids.set(b.name, grid);
    }
    const protectedSheets = done.sheets.filter((b) => b.protection.protected).map((b) => b.name);
    remember(session, head, snapshot, protectedSheets, probeStates(done.probes), grids);
    return snapshot;
  });
}
