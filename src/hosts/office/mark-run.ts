/** The marking run of a write: what to restore and mark, which cells need a probe, and the `_marks` record. */
import type { Diagnostic } from "../../engine";
import type { CellState, MarkPlan, MarkRecord, MarkTarget } from "../common";
import { MARKS_SHEET, MARK_COLORS, cellKey, markRows, markTargets, normColor, planMarks } from "../common";
import { quoteSheet } from "./normalize";
import { gridFill } from "./marks";
import { toExcelInput } from "./write-values";
import type { MarkView, OfficeSession } from "./session";

/** Rows of Excel's grid (index.d.ts: getOffsetRange "outside the bounds of the worksheet grid"). */
const GRID_ROWS = 1_048_576;

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
  // A sheet that 发布 protected allows formatting (its fills can be marked); any other protected sheet is left alone.
  const usable = (sheet: string): boolean =>
    present.has(sheet) && (!session.protectedSheets.has(sheet) || session.publishedSheets.has(sheet));
  // One record per cell: an interrupted run may have left a cell's record twice (queueMarksSheet).
  const seen = new Set<string>();
  const old = (session.lastMarks ?? []).filter((r) => {
    const k = cellKey(r.sheet, r.address);
    if (seen.has(k) || !usable(r.sheet)) return false;
    seen.add(k);
    return true;
  });
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

/** One marking run as planned from the cells' states: what to undo and mark, and the `_marks` rows. */
export function planMarkRun(session: OfficeSession, prepared: PreparedMarks, probed: Map<string, CellState>): MarkPlan {
  const state = stateFrom(session.markView, probed);
  // A run interrupted between undoing a mark and re-marking the cell in the other colour leaves it showing a
  // mark colour its record does not name: it is still ours (the record says so), so it is undone all the same.
  const old = prepared.old.map((r) => {
    const now = normColor(state(r.sheet, r.address).fill);
    return MARK_FILLS.has(now) && now !== normColor(r.markColor) ? { ...r, markColor: now } : r;
  });
  // No note on a protected sheet: a note is an object there, and 发布 does not allow editing objects.
  const notes = (sheet: string): boolean => session.capabilities.notes && !session.protectedSheets.has(sheet);
  return planMarks(old, prepared.targets, state, notes);
}

const MARK_FILLS: ReadonlySet<string> = new Set(Object.values(MARK_COLORS).map(normColor));

/**
 * True when the run would leave every cell and the record as they are: the same cells marked in the same
 * colours, each already showing its mark and its note (or no note, as recorded). Then nothing is written — a
 * write marks the workbook modified and, on desktop before ExcelApi 1.19, clears the user's undo stack.
 */
export function changesNothing(
  session: OfficeSession,
  prepared: PreparedMarks,
  probed: Map<string, CellState>,
  plan: MarkPlan,
): boolean {
  if (plan.records.length !== prepared.old.length) return false;
  const state = stateFrom(session.markView, probed);
  const old = new Map(prepared.old.map((r) => [cellKey(r.sheet, r.address), r]));
  const notes = new Map(plan.marks.map((m) => [cellKey(m.sheet, m.address), m.note]));
  return plan.records.every((r) => {
    const k = cellKey(r.sheet, r.address);
    const before = old.get(k);
    const now = state(r.sheet, r.address);
    if (!before || normColor(now.fill) !== normColor(r.markColor)) return false;
    if (normColor(before.markColor) !== normColor(r.markColor) || before.note !== r.note) return false;
    if (normColor(before.originalColor) !== normColor(r.originalColor)) return false;
    return !r.note || now.note === notes.get(k);
  });
}

/**
 * The records to write BEFORE any fill or note: the old marks (not undone yet) and the new ones. An Office.js
 * batch is not transactional (a failing action leaves the earlier ones applied), so whatever part of the run
 * gets applied, every cell it may have touched is on record and the next run can restore it. Restoring a cell
 * that was never marked is harmless: only a cell still showing the mark colour gets its fill back, only the
 * add-in's own note is deleted (planMarks).
 */
export function provisionalRecords(prepared: PreparedMarks, plan: MarkPlan): MarkRecord[] {
  const out = [...prepared.old];
  const seen = new Set(out.map((r) => cellKey(r.sheet, r.address)));
  for (const r of plan.records) if (!seen.has(cellKey(r.sheet, r.address))) out.push(r);
  return out;
}

/** Queue the undoing of old marks and the new fills and notes. */
export function queueMarkCells(wb: Excel.Workbook, plan: MarkPlan): void {
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
}

/** After a write: remember the new marks; the cell states read before are stale now. */
export function afterMarks(session: OfficeSession, records: MarkRecord[] | null, prepared: PreparedMarks | null): void {
  session.markView = null;
  if (!records || !prepared) return;
  session.lastMarks = records;
  if (!prepared.marksSheetExists) session.knownSheets = [...(session.knownSheets ?? []), MARKS_SHEET];
}

/**
 * Queue (creating and hiding `_marks` when it does not exist yet) the rows of these records. The rows are
 * written over the old ones in one action and only then the rows below them cleared, so a batch failing in
 * between never leaves `_marks` empty: it keeps either the old rows or the new ones (plus stale rows below).
 */
export function queueMarksSheet(wb: Excel.Workbook, exists: boolean, records: readonly MarkRecord[]): void {
  const ws = exists ? wb.worksheets.getItem(MARKS_SHEET) : wb.worksheets.add(MARKS_SHEET);
  if (!exists) ws.visibility = "VeryHidden";
  // Escaped like every value the host writes: a sheet named 2020-01, 1.10, TRUE or -附表 stays text.
  const rows = markRows(records).map((row) => row.map(toExcelInput));
  if (records.length > 0) ws.getRange(`A1:E${records.length}`).values = rows as unknown as string[][];
  ws.getRange(records.length > 0 ? `A${records.length + 1}:E${GRID_ROWS}` : "A:E").clear("Contents");
}
