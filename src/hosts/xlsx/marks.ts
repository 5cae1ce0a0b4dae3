/**
 * Marks in .xlsx files: the contract of the Office host (../office/office-host.ts) on an exceljs workbook.
 * Each problem cell of 校验/评分 gets a fill (error #FFC7CE, warning #FFEB9C) and a note prefixed
 * 【绩效评价助手】; the hidden sheet `_marks` remembers what was changed, so the next run clears only its own
 * marks: the original fill comes back where the cell still shows the mark colour (a colour set since is kept),
 * only its own notes are deleted, the user's fills and notes are never touched. Planning is shared with the
 * Office host (../marks.ts); this file only reads and writes exceljs cells. No node: imports (runs in the page).
 */
import type { Cell, Fill, Workbook, Worksheet } from "exceljs";
import type JSZip from "jszip";
import type { Diagnostic, Lang } from "../../engine";
import { DEFAULT_LANG, renderDiagnostic, parseRange } from "../../engine";
import type { CellState, MarkRecord } from "../common";
import { MARKS_SHEET, cellKey, markRecordsFromRows, markRows, markTargets, noteText, planMarks } from "../common";
import { decodeXml, sheetParts } from "./normalize-parts";

/** What marking needs: the diagnostics of the run and their wording (see markText). */
export interface MarkOptions {
  readonly diagnostics: readonly Diagnostic[];
  readonly describe: (d: Diagnostic) => string;
}

/** What one marking run did. */
export interface MarkSummary {
  /** Cells marked now. */
  readonly marked: number;
  /** Old marks undone (fill restored and/or note deleted). */
  readonly cleared: number;
}

/** Sheets that are never marked. */
const SYSTEM_SHEETS = new Set(["_meta", MARKS_SHEET]);

/**
 * A diagnostic worded as the pane's problem card words it: the engine's message, and on a second line what to
 * do, if the catalog says. The same for the CLI and the page.
 */
export function markText(lang: Lang = DEFAULT_LANG): (d: Diagnostic) => string {
  return (d) => noteText(renderDiagnostic(d, lang), lang);
}

/** Stands for a fill that is not one plain colour (a theme colour, a pattern, a gradient): never a mark colour. */
const OTHER_FILL = "#?";

/** A cell's fill as "#RRGGBB", "" for none, OTHER_FILL when it is not one plain colour. */
export function fillOf(cell: Cell): string {
  const fill = cell.fill as Fill | undefined;
  if (!fill) return "";
  if (fill.type === "pattern" && fill.pattern === "none") return "";
  if (fill.type === "pattern" && fill.pattern === "solid") {
    const argb = fill.fgColor?.argb;
    if (typeof argb === "string" && /^([0-9A-Fa-f]{2})?[0-9A-Fa-f]{6}$/.test(argb)) {
      return `#${argb.slice(-6).toUpperCase()}`;
    }
  }
  return OTHER_FILL;
}

/** A cell's note as text (exceljs: a string, or `{ texts: [{ text }] }`), null when it has none. */
export function noteOf(cell: Cell): string | null {
  const note = cell.note as unknown;
  if (note === undefined || note === null) return null;
  if (typeof note === "string") return note;
  const texts = (note as { texts?: readonly { text?: unknown }[] }).texts;
  if (Array.isArray(texts)) return texts.map((t) => (typeof t?.text === "string" ? t.text : "")).join("");
  return "";
}

/** Sets a solid fill on a COPY of the cell's style: exceljs shares one style object between cells. */
function setFill(cell: Cell, color: string): void {
  const fill: Fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${color.slice(1).toUpperCase()}` } };
  cell.style = { ...cell.style, fill };
}

/** Removes the cell's fill, again on a copy of its style. */
function clearFill(cell: Cell): void {
  const style = { ...cell.style };
  delete style.fill;
  cell.style = style;
}

/**
 * exceljs has no API to remove a note. It lives in the cell's `_comment` (cleared as exceljs's own row
 * splicing does) and, for a cell loaded from a file, also in the value's model the cell was loaded with,
 * which exceljs writes back unless it is removed there too.
 */
function deleteNote(cell: Cell): void {
  const internal = cell as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
  internal._comment = undefined;
  if (internal._value?.model) delete internal._value.model.comment;
}

/** The text of a `_marks` cell as written (always text; numbers, booleans and rich text read back too). */
function rawText(cell: Cell): string {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (typeof v === "object" && Array.isArray((v as { richText?: unknown }).richText)) {
    return (v as { richText: { text?: string }[] }).richText.map((t) => t.text ?? "").join("");
  }
  return cell.text ?? "";
}

/** The records of the `_marks` sheet (A sheet, B address, C original fill, D mark fill, E "note"). */
export function readXlsxMarkRecords(wb: Workbook): MarkRecord[] {
  const ws = wb.getWorksheet(MARKS_SHEET);
  if (!ws) return [];
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    rows.push([1, 2, 3, 4, 5].map((c) => rawText(row.getCell(c))));
  });
  return markRecordsFromRows(rows);
}

function cellAt(ws: Worksheet, address: string): Cell | null {
  const range = parseRange(address);
  return range ? ws.getCell(range.start.row + 1, range.start.col + 1) : null;
}

/** Write the records to `_marks`, every cell as text; created very hidden, as the Office host does. */
function writeMarksSheet(wb: Workbook, records: readonly MarkRecord[]): void {
  let ws = wb.getWorksheet(MARKS_SHEET);
  if (!ws) {
    if (records.length === 0) return;
    ws = wb.addWorksheet(MARKS_SHEET, { state: "veryHidden" });
  }
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      cell.value = null;
    });
  });
  markRows(records).forEach((values, r) => {
    values.forEach((text, c) => {
      // A string value stays a string in exceljs: a sheet named 2020-01, 1.10 or TRUE round-trips.
      ws.getCell(r + 1, c + 1).value = text === "" ? null : String(text);
    });
  });
}

/** A path relative to a part's folder → a package path ("../comments1.xml" from xl/worksheets/ → xl/comments1.xml). */
function resolveFrom(dir: string, target: string): string {
  const out: string[] = [];
  for (const s of (target.startsWith("/") ? target.slice(1) : `${dir}/${target}`).split("/")) {
    if (s === "..") out.pop();
    else if (s !== "." && s !== "") out.push(s);
  }
  return out.join("/");
}

/**
 * Every note of the package, keyed cellKey(sheet, address), read from the comments parts. exceljs drops the
 * note of a cell that holds no value on load (docs/xlsx-round-trip.md); marking reads them here so a user's
 * note on an empty cell is never replaced, and its own notes there are known (and deleted) on the next run.
 */
export async function notesInPackage(zip: JSZip): Promise<Map<string, string>> {
  const text = async (path: string): Promise<string | undefined> => zip.file(path)?.async("string");
  const parts = new Map<string, string>();
  for (const path of ["xl/workbook.xml", "xl/_rels/workbook.xml.rels"]) {
    const t = await text(path);
    if (t !== undefined) parts.set(path, t);
  }
  const out = new Map<string, string>();
  for (const sheet of sheetParts(parts)) {
    const slash = sheet.path.lastIndexOf("/");
    const dir = sheet.path.slice(0, slash);
    const rels = await text(`${dir}/_rels/${sheet.path.slice(slash + 1)}.rels`);
    if (!rels) continue;
    for (const rel of rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*?)\/?>/g)) {
      const attrs = rel[1]!;
      const type = /\sType\s*=\s*"([^"]*)"/.exec(attrs)?.[1] ?? "";
      const target = /\sTarget\s*=\s*"([^"]*)"/.exec(attrs)?.[1];
      if (!/\/comments$/.test(type) || !target) continue;
      const xml = await text(resolveFrom(dir, decodeXml(target)));
      if (!xml) continue;
      for (const c of xml.matchAll(/<(?:\w+:)?comment\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?comment>/g)) {
        const ref = /\sref\s*=\s*"([^"]*)"/.exec(` ${c[1]!}`)?.[1];
        if (!ref) continue;
        // The text's runs, without phonetic guides (<rPh>).
        const body = c[2]!.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "");
        const t = [...body.matchAll(/<(?:\w+:)?t\b[^>]*>([\s\S]*?)<\/(?:\w+:)?t>/g)]
          .map((m) => decodeXml(m[1]!))
          .join("");
        out.set(cellKey(sheet.name, ref.toUpperCase()), t);
      }
    }
  }
  return out;
}

/**
 * Mark the diagnostics in an open workbook (before it is saved): undo the marks of the last run, mark the
 * cells of these diagnostics, rewrite `_marks`. Cells of a missing sheet or a system sheet are left alone.
 * `packageNotes` (notesInPackage) gives back the notes exceljs dropped on load.
 */
export function markWorkbook(
  wb: Workbook,
  options: MarkOptions,
  packageNotes: ReadonlyMap<string, string> = new Map(),
): MarkSummary {
  const markable = (sheet: string): Worksheet | undefined =>
    SYSTEM_SHEETS.has(sheet) ? undefined : wb.getWorksheet(sheet);
  const old = readXlsxMarkRecords(wb).filter((r) => markable(r.sheet));
  const targets = markTargets(options.diagnostics, options.describe).filter((t) => markable(t.sheet));
  if (old.length === 0 && targets.length === 0 && !wb.getWorksheet(MARKS_SHEET)) return { marked: 0, cleared: 0 };
  // Notes exceljs dropped on load come back, so a user's note on an empty cell is kept through marking (and
  // never taken for a free cell), and an own note there is known and deleted.
  for (const [key, text] of packageNotes) {
    const [sheet, address] = key.split("\u0000") as [string, string];
    const ws = sheet === MARKS_SHEET ? undefined : wb.getWorksheet(sheet);
    const cell = ws ? cellAt(ws, address) : null;
    if (cell && noteOf(cell) === null) cell.note = text;
  }
  const state = (sheet: string, address: string): CellState => {
    const ws = markable(sheet);
    const cell = ws ? cellAt(ws, address) : null;
    return cell ? { fill: fillOf(cell), note: noteOf(cell) } : { fill: "", note: null };
  };
  // Fills that are not one plain colour are kept: marked with a note only (the colour could not be restored).
  const other = new Set(
    targets.filter((t) => state(t.sheet, t.address).fill === OTHER_FILL).map((t) => cellKey(t.sheet, t.address)),
  );
  const plan = planMarks(old, targets, state, true);
  let cleared = 0;
  for (const r of plan.restore) {
    const cell = cellAt(markable(r.sheet)!, r.address);
    if (!cell) continue;
    if (r.fill === "") clearFill(cell);
    else if (r.fill !== null) setFill(cell, r.fill);
    if (r.deleteNote) deleteNote(cell);
    if (r.fill !== null || r.deleteNote) cleared++;
  }
  for (const m of plan.marks) {
    const cell = cellAt(markable(m.sheet)!, m.address);
    if (!cell) continue;
    if (!other.has(cellKey(m.sheet, m.address))) setFill(cell, m.color);
    if (m.note !== null) cell.note = m.note;
  }
  // A fill that is not one colour is never written back: "" keeps the Office host from writing "#?" either.
  const records = plan.records.map((r) => (r.originalColor === OTHER_FILL ? { ...r, originalColor: "" } : r));
  writeMarksSheet(wb, records);
  return { marked: plan.marks.length, cleared };
}
