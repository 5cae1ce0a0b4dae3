/**
 * Marks on problem cells, host-independent: which cells a run of 校验/评分 marks, and how the next run undoes
 * only the host's own marks (fills restored where the cell still shows the mark colour, only its own notes
 * deleted). The Office host (office/office-host.ts) and the .xlsx host (xlsx/marks.ts) both plan with this.
 */
import type { Catalogs, Diagnostic, CellValue, Lang, WorkbookSnapshot } from "../../engine";
import { catalogIn, defineCatalogs, parseRange, toA1, findSheet } from "../../engine";

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

/** Raw `_marks` values (as Office.js returns them) → records; malformed rows are ignored. */
export function markRecordsFromRows(rows: readonly (readonly unknown[])[]): MarkRecord[] {
  const text = (v: unknown): string => (v === null || v === undefined ? "" : String(v));
  const out: MarkRecord[] = [];
  for (const row of rows) {
    const [s, a, o, m, n] = [0, 1, 2, 3, 4].map((i) => text(row[i]));
    if (s && a && m && parseRange(a)) {
      out.push({ sheet: s, address: a, originalColor: o ?? "", markColor: m, note: n === "note" });
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
export function markTargets(diagnostics: readonly Diagnostic[], describe: (d: Diagnostic) => string): MarkTarget[] {
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

/** Normalise a fill colour ("#RRGGBB" as Office.js gives it) for comparison ("#ffc7ce" → "#FFC7CE"; null/undefined → ""). */
export function normColor(color: unknown): string {
  return typeof color === "string" ? color.toUpperCase() : "";
}

/** Map key of one cell. */
export function cellKey(sheet: string, address: string): string {
  return `${sheet}\u0000${address}`;
}

/** What the host knows about a cell before marking it: its fill and its note's text (null = no note). */
export interface CellState {
  readonly fill: string;
  readonly note: string | null;
}

/** True when a note's text is one the add-in wrote. */
export function isOwnNote(note: string | null): boolean {
  return note !== null && note.startsWith(NOTE_PREFIX);
}

/** What one marking run writes: fills to restore, notes to delete, cells to mark, the new `_marks` rows. */
export interface MarkPlan {
  /** Old marks to undo: `fill` "" = clear the fill, null = leave it (the user recoloured the cell). */
  readonly restore: readonly { sheet: string; address: string; fill: string | null; deleteNote: boolean }[];
  /** Cells to mark: `note` is the note text to add, or null for fill only. */
  readonly marks: readonly { sheet: string; address: string; color: string; note: string | null }[];
  readonly records: readonly MarkRecord[];
}

/**
 * Old marks + new targets + what each cell looks like now → the writes of one marking run. Pure: the host
 * gathers `state` for every cell of `old` and `targets` before calling this (see office-host.ts).
 */
export function planMarks(
  old: readonly MarkRecord[],
  targets: readonly MarkTarget[],
  state: (sheet: string, address: string) => CellState,
  /** Whether a mark may carry a note: for every sheet, or per sheet (none on a protected sheet). */
  notes: boolean | ((sheet: string) => boolean),
): MarkPlan {
  const notesOn = typeof notes === "function" ? notes : () => notes;
  const oldByKey = new Map(old.map((r) => [cellKey(r.sheet, r.address), r]));
  const restore = old.map((r) => {
    const now = state(r.sheet, r.address);
    // Undo only where the cell still shows our colour: a colour the user set since is kept.
    const ours = normColor(now.fill) === normColor(r.markColor);
    const back = r.originalColor === "" || normColor(r.originalColor) === "#FFFFFF" ? "" : r.originalColor;
    return {
      sheet: r.sheet,
      address: r.address,
      fill: ours ? back : null,
      deleteNote: r.note && isOwnNote(now.note),
    };
  });
  const marks: MarkPlan["marks"][number][] = [];
  const records: MarkRecord[] = [];
  for (const t of targets) {
    const now = state(t.sheet, t.address);
    const prev = oldByKey.get(cellKey(t.sheet, t.address));
    const current = normColor(now.fill);
    const original = prev && current === normColor(prev.markColor) ? prev.originalColor : current;
    const free = now.note === null || (prev?.note === true && isOwnNote(now.note));
    const withNote = notesOn(t.sheet) && free;
    marks.push({
      sheet: t.sheet,
      address: t.address,
      color: t.color,
      note: withNote ? `${NOTE_PREFIX}${t.text}` : null,
    });
    records.push({
      sheet: t.sheet,
      address: t.address,
      originalColor: original,
      markColor: t.color,
      note: withNote,
    });
  }
  return { restore, marks, records };
}

/** The label the pane puts before a diagnostic's fix (src/taskpane/i18n: validate.fix). */
const FIX_LABEL: Catalogs<string> = defineCatalogs("处理：", "What to do: ");

/**
 * A mark's note, worded as the pane's problem card: the diagnostic's message and, on a second line, what to
 * do when the catalog says. Every host (Excel, the .xlsx files of the CLI and the page) writes this text.
 */
export function noteText(rendered: { readonly message: string; readonly fix?: string }, lang: Lang): string {
  return rendered.fix ? `${rendered.message}\n${catalogIn(FIX_LABEL, lang)}${rendered.fix}` : rendered.message;
}
