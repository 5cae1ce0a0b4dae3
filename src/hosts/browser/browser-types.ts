import type { Diagnostic, Lang, Severity, WorkbookSnapshot, WritePlan, CellRef } from "../../engine";
import type { WriteSummary } from "../common";
import type { InputCells } from "./input-cells";

/** Marks for the file: the diagnostics of 校验/评分 and their wording (src/hosts/xlsx/marks.ts). */
export interface CodecMarks {
  readonly diagnostics: readonly Diagnostic[];
  readonly describe: (d: Diagnostic) => string;
}

/** Sheets to protect and the ranges on them left editable, with an optional password (发布). */
export interface CodecProtect {
  readonly sheets: readonly string[];
  readonly unlock: readonly { readonly sheet: string; readonly range: string }[];
  readonly password?: string;
}

/** The .xlsx host's operations the page needs (loaded on demand: they pull in exceljs). */
export interface XlsxCodec {
  readSnapshot(bytes: Uint8Array): Promise<WorkbookSnapshot>;
  /** With `marks`, the problem cells are also marked in the file (fill + note, remembered in `_marks`). */
  /** With `protect`, those sheets are protected with the listed ranges left editable (发布). */
  applyWritePlan(
    bytes: Uint8Array,
    plan: WritePlan,
    options?: { readonly marks?: CodecMarks; readonly protect?: CodecProtect; readonly recalculate?: boolean },
  ): Promise<{ bytes: Uint8Array; summary: WriteSummary }>;
  /** The notes' wording, as the pane and the CLI word a diagnostic; absent, the code stands in. */
  markText?(lang: Lang): (d: Diagnostic) => string;
  /** The cells a person may type into (the file's unlocked cells); absent, none: the grid is only shown. */
  /** The cells a person fills in; `snapshot` (the same workbook, read) lets the template's outputs be left out. */
  inputCells?(bytes: Uint8Array, snapshot?: WorkbookSnapshot): Promise<InputCells>;
}

/** What typing or pasting into the grid did: input cells changed, other cells of the block left alone. */
export interface EditResult {
  readonly changed: number;
  readonly skipped: number;
}

export type BundledAsset = "standard-template.xlsx" | "example-wanzhou-2020.xlsx";

export interface BrowserHostDeps {
  readonly loadCodec?: () => Promise<XlsxCodec>;
  /** Same-origin bundled workbooks; default fetch("../assets/<name>") (the page is web/index.html, assets/ is beside web/). */
  readonly fetchAsset?: (name: BundledAsset) => Promise<Uint8Array>;
  /** Hand bytes to the user; default an <a download> with a blob URL. */
  readonly download?: (fileName: string, bytes: Uint8Array, mimeType: string) => void;
  /** Language of the notes on marked cells; default the page's (<html lang>, set from pickBrowserLang). */
  readonly lang?: () => Lang;
  /** The clock (for the time of the last download); default new Date(). */
  readonly now?: () => Date;
}

/**
 * Thrown when the user keeps the open workbook instead of replacing it (the page asked first). The pane treats an
 * error named "ActionCancelled" as nothing happened: no message, no change.
 */
export class ActionCancelled extends Error {
  override readonly name = "ActionCancelled";
  constructor() {
    super("the user kept the open workbook");
  }
}

/** Asked before unsaved work is replaced; true to go on. */
export type ConfirmReplace = (openFileName: string) => boolean | Promise<boolean>;

/** What the page shows about the open workbook. Immutable: a new object on every change. */
export interface BrowserWorkbookState {
  readonly fileName: string | null;
  readonly snapshot: WorkbookSnapshot | null;
  /** Marked cells, keyed "sheet!A1", with the worst severity found there. */
  readonly marks: ReadonlyMap<string, Severity>;
  readonly selected: CellRef | null;
  /** Bumped on every selectCell, so selecting the same cell again still scrolls to it. */
  readonly selectSeq: number;
  readonly activeSheet: string | null;
  /** Bumped when the page (not the pane) opens a workbook: the pane starts afresh. */
  readonly generation: number;
  /** The cells the grid lets a person type into (sheet → addresses); every other cell is read-only. */
  readonly inputs: InputCells;
  /** True once outputs were written, or cells edited, in the in-memory workbook: there is something to download. */
  readonly written: boolean;
  /** True when the last write was 评分's and no cell was edited since: the download is the scored workbook. */
  readonly scored: boolean;
  /** Written since it was opened or last downloaded: the results exist only in this page. */
  readonly unsaved: boolean;
  /** When the workbook was last downloaded (local "HH:MM"), or null. */
  readonly downloadedAt: string | null;
  /** The file being read while a workbook opens (a large one takes a second or more), else null. */
  readonly opening: string | null;
}

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
