/** The marking run of a write: what to restore and mark, which cells need a probe, and the `_marks` record. */
import type { Diagnostic } from "../../engine";
import type { CellState, MarkRecord, MarkTarget } from "../common";
import { MARKS_SHEET, cellKey, markRows, markTargets, planMarks } from "../common";
import { quoteSheet } from "./normalize";
import { gridFill } from "./marks";
import type { MarkView, OfficeSession } from "./session";

export interface PreparedMarks {
  readonly old: readonly MarkRecord[];
  readonly targets: readonly MarkTarget[];
  readonly marksSheetExists: boolean;
}

/** A cell's fill and note, queued for loading. */
export interface CellProbe {
  readonly sheet: string;
  readonly address: string;
  readonly fill: Excel.RangeFill;
  readonly note: Excel.Note | null;
}

/** Queue the fill and note of each cell (one batch, however many cells). */
export function queueProbes(
  session: OfficeSession,
  wb: Excel.Workbook,
  cells: readonly { sheet: string; address: string }[],
): Map<string, CellProbe> {
  const out = new Map<string, CellProbe>();
  for (const c of cells) {
    const k = cellKey(c.sheet, c.address);
    if (out.has(k)) continue;
    const fill = wb.worksheets.getItem(c.sheet).getRange(c.address).format.fill;
    fill.load("color");
    let note: Excel.Note | null = null;
    if (session.capabilities.notes) {
      note = wb.notes.getItemOrNullObject(`${quoteSheet(c.sheet)}!${c.address}`);
      note.load("content");
    }
    out.set(k, { sheet: c.sheet, address: c.address, fill, note });
  }
  return out;
}

export function probeStates(probes: Map<string, CellProbe>): Map<string, CellState> {
  const out = new Map<string, CellState>();
  for (const [k, p] of probes) {
    const note = p.note && !p.note.isNullObject && typeof p.note.content === "string" ? p.note.content : null;
    out.set(k, { fill: typeof p.fill.color === "string" ? p.fill.color : "", note });
  }
  return out;
}

/** The marking run for these diagnostics, or null when it has nothing to do. */
export function prepareMarks(session: OfficeSession, diagnostics: readonly Diagnostic[]): PreparedMarks | null {
  const present = new Set(session.knownSheets ?? []);
  const usable = (sheet: string): boolean => present.has(sheet) && !session.protectedSheets.has(sheet);
  const old = (session.lastMarks ?? []).filter((r) => usable(r.sheet));
  const targets = markTargets(diagnostics, session.describe).filter((t) => usable(t.sheet));
  if (old.length === 0 && targets.length === 0 && !present.has(MARKS_SHEET)) return null;
  return { old, targets, marksSheetExists: present.has(MARKS_SHEET) };
}

/** What the last read could not say about these cells (so they need a probe sync), given the view. */
export function unknownCells(
  session: OfficeSession,
  prepared: PreparedMarks,
  view: MarkView | null,
): { sheet: string; address: string }[] {
  const known = (c: { sheet: string; address: string }): boolean => {
    if (!view) return false;
    if (view.cells.has(cellKey(c.sheet, c.address))) return true;
    const grid = view.grids.get(c.sheet);
    if (!grid || gridFill(grid, c.address) === undefined) return false;
    return !session.capabilities.notes || view.userNotes === false;
  };
  return [...prepared.old, ...prepared.targets].filter((c) => !known(c));
}

function stateFrom(view: MarkView | null, probed: Map<string, CellState>) {
  return (sheet: string, address: string): CellState => {
    const k = cellKey(sheet, address);
    const hit = probed.get(k) ?? view?.cells.get(k);
    if (hit) return hit;
    const grid = view?.grids.get(sheet);
    // Reached only for cells unknownCells() judged known: a grid fill and no user notes anywhere.
    return { fill: (grid && gridFill(grid, address)) ?? "", note: null };
  };
}

/**
 * Queue a marking run into a write batch. If the last read could not tell every cell's fill or note (no
 * ExcelApi 1.9, notes the add-in did not write, or no read since the last write), one probe sync comes first.
 */
export function queueMarks(
  session: OfficeSession,
  wb: Excel.Workbook,
  prepared: PreparedMarks,
  probed: Map<string, CellState>,
): MarkRecord[] {
  const notes = session.capabilities.notes;
  const plan = planMarks(prepared.old, prepared.targets, stateFrom(session.markView, probed), notes);
  for (const r of plan.restore) {
    const range = wb.worksheets.getItem(r.sheet).getRange(r.address);
    if (r.fill === "") range.format.fill.clear();
    else if (r.fill !== null) range.format.fill.color = r.fill;
    if (r.deleteNote) wb.notes.getItem(`${quoteSheet(r.sheet)}!${r.address}`).delete();
  }
  for (const m of plan.marks) {
    wb.worksheets.getItem(m.sheet).getRange(m.address).format.fill.color = m.color;
    if (m.note !== null) wb.notes.add(`${quoteSheet(m.sheet)}!${m.address}`, m.note);
  }
  writeMarksSheet(wb, prepared.marksSheetExists, plan.records);
  return [...plan.records];
}

/** After a write: remember the new marks; the cell states read before are stale now. */
export function afterMarks(session: OfficeSession, records: MarkRecord[] | null, prepared: PreparedMarks | null): void {
  session.markView = null;
  if (!records || !prepared) return;
  session.lastMarks = records;
  if (!prepared.marksSheetExists) session.knownSheets = [...(session.knownSheets ?? []), MARKS_SHEET];
}

function writeMarksSheet(wb: Excel.Workbook, exists: boolean, records: readonly MarkRecord[]): void {
  const ws = exists ? wb.worksheets.getItem(MARKS_SHEET) : wb.worksheets.add(MARKS_SHEET);
  if (!exists) ws.visibility = "VeryHidden";
  ws.getRange("A:E").clear("Contents");
  if (records.length > 0) ws.getRange(`A1:E${records.length}`).values = markRows(records);
}
