/** The write: a plan's values and/or a marking run in one write sync, checked against the last read first. */
import type { Diagnostic, WriteOp, WritePlan } from "../../engine";
import { columnLetters, parseRange } from "../../engine";
import type { CellState, MarkRecord, WriteSummary } from "../common";
import { hostFailure, MARKS_SHEET } from "../common";
import { countCells, toExcelBlock } from "./write-values";
import {
  afterMarks,
  changesNothing,
  planMarkRun,
  prepareMarks,
  probeStates,
  provisionalRecords,
  queueMarkCells,
  queueMarksSheet,
  queueProbes,
  unknownCells,
} from "./mark-run";
import type { PreparedMarks } from "./mark-run";
import { readWorkbook } from "./read";
import type { OfficeSession } from "./session";

interface Summary {
  cells: Map<string, number>;
  created: string[];
}

/** Check a plan against the last read; throws before anything is queued. */
function checkPlan(session: OfficeSession, plan: WritePlan): void {
  const sheets = new Set(session.knownSheets ?? []);
  for (const op of plan.ops) {
    if (op.kind === "ensureSheet") {
      sheets.add(op.sheet);
      continue;
    }
    if (!sheets.has(op.sheet)) throw hostFailure("sheets_missing", { sheets: op.sheet });
    if (session.protectedSheets.has(op.sheet) && !session.publishedSheets.has(op.sheet))
      throw hostFailure("sheets_protected", { sheets: op.sheet });
    const address = op.kind === "values" ? op.address : op.range;
    if (!parseRange(address)) throw hostFailure("write_address_invalid", { address: `${op.sheet}!${address}` });
  }
}

export function queueOp(wb: Excel.Workbook, op: WriteOp, sheets: Map<string, Excel.Worksheet>, summary: Summary): void {
  const ws = sheets.get(op.sheet) ?? wb.worksheets.getItem(op.sheet);
  if (op.kind === "ensureSheet") return;
  if (op.kind === "clear") {
    ws.getRange(op.range).clear("Contents");
    return;
  }
  const start = parseRange(op.address)!.start;
  const block = toExcelBlock(op.values);
  const width = block[0]?.length ?? 1;
  const end = { row: start.row + Math.max(block.length, 1) - 1, col: start.col + width - 1 };
  const target = ws.getRange(`${columnLetters(start.col)}${start.row + 1}:${columnLetters(end.col)}${end.row + 1}`);
  if (op.numberFormats) {
    const formats = Array.from({ length: width }, (_, c) => op.numberFormats?.[c] ?? null);
    target.numberFormat = block.map(() => formats) as unknown as string[][];
  }
  target.values = block as unknown as string[][];
  summary.cells.set(op.sheet, (summary.cells.get(op.sheet) ?? 0) + countCells(op.values));
}

/** Refuse, before anything is queued, what workbook-structure protection would fail half-way. */
function checkStructure(session: OfficeSession, plan: WritePlan, prepared: PreparedMarks | null): void {
  if (!session.structureProtected) return;
  const existing = new Set(session.knownSheets ?? []);
  const added = plan.ops.filter((o) => o.kind === "ensureSheet" && !existing.has(o.sheet)).map((o) => o.sheet);
  // Creating (and hiding) `_marks` is a structure change too; a run with no record would leave unrestorable marks.
  if (prepared && !prepared.marksSheetExists && prepared.targets.length > 0) added.push(MARKS_SHEET);
  if (added.length > 0) {
    // Worded in full, with no sheet list in the trailing （…） the pane reads as the protected sheets' names.
    throw hostFailure("structure_protected", { sheets: added.join("、") }, "workbook structure protected");
  }
}

/**
 * Apply a plan and/or (re)set marks in ONE write sync (plus the probe sync only when the last read could
 * not tell a cell's fill or note). Everything is checked before anything is queued. Office.js batches are not
 * transactional, so the batch is ordered for a failure at any action: sheets are probed first, the marks record
 * (old and new marks) is written before any value, fill or note, its final rows last. After any failure the
 * session forgets what it saw, so the next action reads the workbook again (a retry then works).
 */
export async function writeWorkbook(
  session: OfficeSession,
  plan: WritePlan,
  diagnostics: readonly Diagnostic[] | null,
): Promise<WriteSummary> {
  if (session.knownSheets === null) await readWorkbook(session);
  checkPlan(session, plan);
  const existing = new Set(session.knownSheets ?? []);
  const summary: Summary = { cells: new Map(), created: [] };
  const prepared = diagnostics ? prepareMarks(session, diagnostics) : null;
  if (plan.ops.length === 0 && !prepared) return { cellsBySheet: {}, createdSheets: [] };
  checkStructure(session, plan, prepared);
  const unknown = prepared ? unknownCells(session, prepared, session.markView) : [];
  let records: MarkRecord[] | null = null;
  let unchanged = false;
  try {
    await session.writeRun(async (context) => {
      const wb = context.workbook;
      let probed = new Map<string, CellState>();
      if (unknown.length > 0) {
        // The fallback probe sync, before anything is queued for writing.
        const probes = queueProbes(session, wb, unknown);
        await context.sync();
        probed = probeStates(probes);
      }
      const sheets = new Map<string, Excel.Worksheet>();
      // Probe every target sheet first: a sheet renamed since the read fails the batch before any write.
      for (const name of new Set(plan.ops.filter((o) => o.kind !== "ensureSheet").map((o) => o.sheet))) {
        if (!existing.has(name)) continue;
        const ws = wb.worksheets.getItem(name);
        ws.load("name");
        sheets.set(name, ws);
      }
      const markPlan = prepared ? planMarkRun(session, prepared, probed) : null;
      // Nothing to mark or unmark (校验 again, nothing fixed): no write at all, not even of `_marks`.
      if (plan.ops.length === 0 && prepared && markPlan && changesNothing(session, prepared, probed, markPlan)) {
        unchanged = true;
        return;
      }
      // The record first (this also fails the batch before any write if the user deleted `_marks` meanwhile).
      const provisional = prepared && markPlan ? provisionalRecords(prepared, markPlan) : null;
      if (prepared && provisional) queueMarksSheet(wb, prepared.marksSheetExists, provisional);
      if (plan.ops.length > 0 && session.supports("1.6")) context.application.suspendApiCalculationUntilNextSync();
      for (const op of plan.ops) {
        if (op.kind !== "ensureSheet" || existing.has(op.sheet) || sheets.has(op.sheet)) continue;
        const ws = wb.worksheets.add(op.sheet);
        op.columnWidths?.forEach((chars, c) => {
          ws.getRange(`${columnLetters(c)}:${columnLetters(c)}`).format.columnWidth = Math.round(chars * 5.6 + 5);
        });
        sheets.set(op.sheet, ws);
        summary.created.push(op.sheet);
      }
      for (const op of plan.ops) queueOp(wb, op, sheets, summary);
      if (markPlan && provisional) {
        queueMarkCells(wb, markPlan);
        if (!sameRecords(provisional, markPlan.records)) queueMarksSheet(wb, true, markPlan.records);
        records = [...markPlan.records];
      }
      await context.sync();
    });
  } catch (e) {
    // Some, all or none of the batch ran: what the last read saw may be wrong now (a sheet created or not).
    forgetView(session);
    throw e;
  }
  // Nothing written: what the last read saw (and gathered for marking) still holds.
  if (unchanged) return { cellsBySheet: {}, createdSheets: [] };
  // In the order Excel now has them: `_marks` (when created) was added before the plan's sheets.
  afterMarks(session, records, prepared);
  if (summary.created.length > 0) session.knownSheets = [...(session.knownSheets ?? []), ...summary.created];
  return { cellsBySheet: Object.fromEntries(summary.cells), createdSheets: summary.created };
}

function sameRecords(a: readonly MarkRecord[], b: readonly MarkRecord[]): boolean {
  return a.length === b.length && a.every((r, i) => JSON.stringify(r) === JSON.stringify(b[i]));
}

/** Drop what the last read saw; the next action reads the workbook first. */
export function forgetView(session: OfficeSession): void {
  session.knownSheets = null;
  session.lastMarks = null;
  session.markView = null;
}
