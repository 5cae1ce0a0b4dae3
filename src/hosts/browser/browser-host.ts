import type { Diagnostic, Severity, DiagnosticLang, CellRef, WorkbookSnapshot, WritePlan } from "../../engine";
import { severityRank, parseRange, toA1 } from "../../engine";
import type { WorkbookHost, WriteSummary } from "../common";
import { HostError } from "../common";

/** Marks for the file: the diagnostics of 校验/评分 and their wording (src/hosts/xlsx/marks.ts). */
export interface CodecMarks {
  readonly diagnostics: readonly Diagnostic[];
  readonly describe: (d: Diagnostic) => string;
}

/** The .xlsx host's operations the page needs (loaded on demand: they pull in exceljs). */
export interface XlsxCodec {
  readSnapshot(bytes: Uint8Array): Promise<WorkbookSnapshot>;
  /** With `marks`, the problem cells are also marked in the file (fill + note, remembered in `_marks`). */
  applyWritePlan(
    bytes: Uint8Array,
    plan: WritePlan,
    options?: { readonly marks?: CodecMarks },
  ): Promise<{ bytes: Uint8Array; summary: WriteSummary }>;
  /** The notes' wording, as the pane and the CLI word a diagnostic; absent, the code stands in. */
  markText?(lang: DiagnosticLang): (d: Diagnostic) => string;
}

export type BundledAsset = "standard-template.xlsx" | "example-wanzhou-2020.xlsx";

export interface BrowserHostDeps {
  readonly loadCodec?: () => Promise<XlsxCodec>;
  /** Same-origin bundled workbooks; default fetch("../assets/<name>") (the page is web/index.html, assets/ is beside web/). */
  readonly fetchAsset?: (name: BundledAsset) => Promise<Uint8Array>;
  /** Hand bytes to the user; default an <a download> with a blob URL. */
  readonly download?: (fileName: string, bytes: Uint8Array, mimeType: string) => void;
  /** Language of the notes on marked cells; default the page's (<html lang>, set from pickBrowserLang). */
  readonly lang?: () => DiagnosticLang;
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
  /** True once outputs were written into the in-memory workbook. */
  readonly written: boolean;
  /** Written since it was opened or last downloaded: the results exist only in this page. */
  readonly unsaved: boolean;
  /** When the workbook was last downloaded (local "HH:MM"), or null. */
  readonly downloadedAt: string | null;
}

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// A table header may be a range; marking is capped so a stray whole-column range cannot flood the grid.
const MAX_MARKED_CELLS_PER_DIAGNOSTIC = 200;

/** "sheet!A1" key of a marked cell. */
export function markKey(sheet: string, address: string): string {
  return `${sheet}!${address}`;
}

async function defaultLoadCodec(): Promise<XlsxCodec> {
  const xlsx = await import("../xlsx");
  return { readSnapshot: xlsx.readSnapshot, applyWritePlan: xlsx.applyWritePlan, markText: xlsx.markText };
}

function defaultLang(): DiagnosticLang {
  return typeof document !== "undefined" && document.documentElement.lang === "en" ? "en" : "zh-CN";
}

/** Where a bundled workbook is served: dist/assets/, one level above the page at dist/web/index.html. */
export function assetUrl(name: BundledAsset, pageUrl: string): string {
  return new URL(`../assets/${name}`, pageUrl).href;
}

async function defaultFetchAsset(name: BundledAsset): Promise<Uint8Array> {
  const res = await fetch(assetUrl(name, document.baseURI));
  if (!res.ok) throw new HostError("file_unreadable", `cannot load ${name}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

function defaultDownload(fileName: string, bytes: Uint8Array, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mimeType }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: some browsers start the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** "14:05" in local time. */
export function localTimeOfDay(d: Date): string {
  return `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
}

const EMPTY: WorkbookSnapshot = { sheets: [], names: [] };

/**
 * A WorkbookHost over an .xlsx file held in memory: the file never leaves the browser. The page's grid
 * view subscribes to its state to show marks and the selected cell.
 */
export class BrowserHost implements WorkbookHost {
  readonly kind = "browser" as const;
  private bytes: Uint8Array | null = null;
  private state: BrowserWorkbookState = {
    fileName: null,
    snapshot: null,
    marks: new Map(),
    selected: null,
    selectSeq: 0,
    activeSheet: null,
    generation: 0,
    written: false,
    unsaved: false,
    downloadedAt: null,
  };
  private confirmReplace: ConfirmReplace | null = null;
  private readonly listeners = new Set<() => void>();
  private codec: Promise<XlsxCodec> | null = null;
  private readonly deps: Required<BrowserHostDeps>;

  constructor(deps: BrowserHostDeps = {}) {
    this.deps = {
      loadCodec: deps.loadCodec ?? defaultLoadCodec,
      fetchAsset: deps.fetchAsset ?? defaultFetchAsset,
      download: deps.download ?? defaultDownload,
      lang: deps.lang ?? defaultLang,
      now: deps.now ?? (() => new Date()),
    };
  }

  /** For useSyncExternalStore. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): BrowserWorkbookState => this.state;

  private set(patch: Partial<BrowserWorkbookState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  private loadCodec(): Promise<XlsxCodec> {
    this.codec ??= this.deps.loadCodec().catch((e: unknown) => {
      this.codec = null;
      throw e;
    });
    return this.codec;
  }

  // Any failure while reading a file becomes a HostError the pane can word.
  private async readBytes(bytes: Uint8Array): Promise<WorkbookSnapshot> {
    const codec = await this.loadCodec();
    try {
      return await codec.readSnapshot(bytes);
    } catch (e) {
      if (e instanceof HostError) throw e;
      throw new HostError("file_unreadable", e instanceof Error ? e.message : String(e));
    }
  }

  /** The page's question before unsaved results are replaced (opening a file, 新建标准模板, 打开示例); null: none. */
  setConfirmReplace(confirm: ConfirmReplace | null): void {
    this.confirmReplace = confirm;
  }

  // Asked before anything is fetched or read, so keeping the workbook changes nothing at all.
  private async mayReplace(): Promise<void> {
    if (!this.state.unsaved || !this.confirmReplace || !this.state.fileName) return;
    if (!(await this.confirmReplace(this.state.fileName))) throw new ActionCancelled();
  }

  private async load(fileName: string, bytes: Uint8Array, fromPage: boolean): Promise<void> {
    const snapshot = await this.readBytes(bytes);
    this.bytes = bytes;
    const first = snapshot.sheets.find((s) => s.visible !== false) ?? snapshot.sheets[0];
    this.set({
      fileName,
      snapshot,
      marks: new Map(),
      selected: null,
      activeSheet: first?.name ?? null,
      written: false,
      unsaved: false,
      downloadedAt: null,
      generation: fromPage ? this.state.generation + 1 : this.state.generation,
    });
  }

  /** Open a file the user picked or dropped. */
  async openFile(file: Pick<File, "name" | "arrayBuffer">): Promise<void> {
    if (!/\.xlsx$/i.test(file.name)) throw new HostError("not_xlsx", `not an .xlsx file: ${file.name}`);
    await this.mayReplace();
    await this.load(file.name, new Uint8Array(await file.arrayBuffer()), true);
  }

  /** Open the bundled example on the page's behalf (?example=1): the pane starts afresh on it. */
  async openExampleFromPage(): Promise<void> {
    await this.load("example-wanzhou-2020.xlsx", await this.fetch("example-wanzhou-2020.xlsx"), true);
  }

  private async fetch(name: BundledAsset): Promise<Uint8Array> {
    try {
      return await this.deps.fetchAsset(name);
    } catch (e) {
      if (e instanceof HostError) throw e;
      throw new HostError("file_unreadable", e instanceof Error ? e.message : String(e));
    }
  }

  /** Switch the grid to another sheet. */
  showSheet(sheet: string): void {
    this.set({ activeSheet: sheet });
  }

  /** Download the in-memory workbook with everything written so far. */
  async downloadWorkbook(): Promise<void> {
    if (!this.bytes || !this.state.fileName) throw new HostError("file_unreadable", "no workbook is open");
    const base = this.state.fileName.replace(/\.xlsx$/i, "");
    await this.saveFile(`${base}-已评分.xlsx`, this.bytes, XLSX_MIME);
    this.set({ unsaved: false, downloadedAt: localTimeOfDay(this.deps.now()) });
  }

  async readSnapshot(): Promise<WorkbookSnapshot> {
    return this.state.snapshot ?? EMPTY;
  }

  async applyWritePlan(plan: WritePlan): Promise<WriteSummary> {
    return this.write(plan, null);
  }

  /** The scores and the marks in one open and save of the in-memory workbook; the grid shows the marks too. */
  async applyAndMark(plan: WritePlan, diagnostics: readonly Diagnostic[]): Promise<WriteSummary> {
    const summary = await this.write(plan, diagnostics);
    this.showMarks(diagnostics);
    return summary;
  }

  private async write(plan: WritePlan, diagnostics: readonly Diagnostic[] | null): Promise<WriteSummary> {
    if (!this.bytes) throw new HostError("sheet_missing", "no workbook is open");
    const codec = await this.loadCodec();
    const applied = await codec.applyWritePlan(
      this.bytes,
      plan,
      diagnostics ? { marks: this.marksFor(codec, diagnostics) } : undefined,
    );
    const snapshot = await this.readBytes(applied.bytes);
    this.bytes = applied.bytes;
    this.set({ snapshot, written: true, unsaved: true });
    return applied.summary;
  }

  private marksFor(codec: XlsxCodec, diagnostics: readonly Diagnostic[]): CodecMarks {
    return { diagnostics, describe: codec.markText ? codec.markText(this.deps.lang()) : (d) => d.code };
  }

  /**
   * Mark the problem cells on the page's grid and in the workbook the page downloads (the same fills, notes and
   * `_marks` sheet as Excel's add-in and the CLI). Values are unchanged, so the snapshot is not read again.
   */
  async markDiagnostics(diagnostics: readonly Diagnostic[]): Promise<void> {
    this.showMarks(diagnostics);
    if (!this.bytes) return;
    const codec = await this.loadCodec();
    const before = this.bytes;
    let applied: { bytes: Uint8Array };
    try {
      applied = await codec.applyWritePlan(before, { ops: [] }, { marks: this.marksFor(codec, diagnostics) });
    } catch (e) {
      if (e instanceof HostError) throw e;
      throw new HostError("unknown", e instanceof Error ? e.message : String(e));
    }
    // A workbook opened meanwhile keeps its own bytes.
    if (this.bytes === before) this.bytes = applied.bytes;
  }

  /** The grid's marks: every cell of each diagnostic's range, with the worst severity found there. */
  private showMarks(diagnostics: readonly Diagnostic[]): void {
    const marks = new Map<string, Severity>();
    for (const d of diagnostics) {
      const loc = d.location;
      const range = loc ? parseRange(loc.address) : null;
      if (!loc || !range) continue;
      let n = 0;
      for (let row = range.start.row; row <= range.end.row && n < MAX_MARKED_CELLS_PER_DIAGNOSTIC; row++) {
        for (let col = range.start.col; col <= range.end.col && n < MAX_MARKED_CELLS_PER_DIAGNOSTIC; col++, n++) {
          const key = markKey(loc.sheet, toA1({ row, col }));
          const prev = marks.get(key);
          if (!prev || severityRank(d.severity) < severityRank(prev)) marks.set(key, d.severity);
        }
      }
    }
    this.set({ marks });
  }

  async selectCell(ref: CellRef): Promise<void> {
    if (this.state.snapshot && !this.state.snapshot.sheets.some((s) => s.name === ref.sheet)) {
      throw new HostError("sheet_missing", `no sheet ${ref.sheet}`);
    }
    this.set({ selected: ref, activeSheet: ref.sheet, selectSeq: this.state.selectSeq + 1 });
  }

  async createTemplate(): Promise<void> {
    await this.mayReplace();
    await this.load("绩效评价模板.xlsx", await this.fetch("standard-template.xlsx"), false);
  }

  async openExample(): Promise<void> {
    await this.mayReplace();
    await this.load("example-wanzhou-2020.xlsx", await this.fetch("example-wanzhou-2020.xlsx"), false);
  }

  async saveFile(fileName: string, bytes: Uint8Array, mimeType: string): Promise<void> {
    this.deps.download(fileName, bytes, mimeType);
  }
}
