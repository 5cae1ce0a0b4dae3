import type { Diagnostic, Severity, CellRef, WorkbookSnapshot, WritePlan } from "../../engine";
import { severityRank, parseRange, toA1 } from "../../engine";
import type { PublishRequest, WorkbookHost, WriteSummary } from "../common";
import { HostError } from "../common";
import type { CellEdit } from "./cell-edits";
import { editOps, planEdits, withEdits } from "./cell-edits";
import type {
  BrowserHostDeps,
  BundledAsset,
  BrowserWorkbookState,
  CodecMarks,
  CodecProtect,
  ConfirmReplace,
  EditResult,
  XlsxCodec,
} from "./browser-types";
import { ActionCancelled, XLSX_MIME } from "./browser-types";
import {
  defaultDownload,
  defaultFetchAsset,
  defaultLang,
  defaultLoadCodec,
  localTimeOfDay,
  markKey,
} from "./browser-defaults";

export * from "./browser-types";
export { assetUrl, localTimeOfDay, markKey } from "./browser-defaults";

// A table header may be a range; marking is capped so a stray whole-column range cannot flood the grid.
const MAX_MARKED_CELLS_PER_DIAGNOSTIC = 200;

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
    inputs: new Map(),
    written: false,
    scored: false,
    unsaved: false,
    downloadedAt: null,
    opening: null,
  };
  private confirmReplace: ConfirmReplace | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly editListeners = new Set<(sheet: string, address: string) => void>();
  // One use of the file's bytes at a time, in the order asked (评分's write, marks, the download).
  private queue: Promise<void> = Promise.resolve();
  // Edits shown in the snapshot and not yet in the bytes: written in one go when the bytes are next used (typing
  // costs no .xlsx round trip), and a snapshot read back from the bytes meanwhile keeps them.
  private pendingEdits: { sheet: string; edits: readonly CellEdit[] }[] = [];
  // The marks of the last 校验, shown in the grid and not yet in the bytes (written with the next use of the file).
  private pendingMarks: readonly Diagnostic[] | null = null;
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
    this.set({ opening: fileName });
    let snapshot: WorkbookSnapshot;
    let inputs: BrowserWorkbookState["inputs"];
    try {
      snapshot = await this.readBytes(bytes);
      const codec = await this.loadCodec();
      inputs = codec.inputCells ? await codec.inputCells(bytes, snapshot).catch(() => new Map()) : new Map();
    } finally {
      this.set({ opening: null });
    }
    this.bytes = bytes;
    this.pendingEdits = [];
    this.pendingMarks = null;
    const first = snapshot.sheets.find((s) => s.visible !== false) ?? snapshot.sheets[0];
    this.set({
      fileName,
      snapshot,
      marks: new Map(),
      selected: null,
      activeSheet: first?.name ?? null,
      inputs,
      written: false,
      scored: false,
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

  /** Download the in-memory workbook with everything written so far (named 已评分 only when its scores are current). */
  async downloadWorkbook(): Promise<void> {
    const bytes = await this.serial(async () => {
      await this.flushEdits();
      await this.flushMarks();
      return this.bytes;
    });
    if (!bytes || !this.state.fileName) throw new HostError("file_unreadable", "no workbook is open");
    const base = this.state.fileName.replace(/\.xlsx$/i, "");
    await this.saveFile(this.state.scored ? `${base}-已评分.xlsx` : `${base}.xlsx`, bytes, XLSX_MIME);
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
    this.set({ scored: true });
    return summary;
  }

  /**
   * Type a block of texts into the grid with its top-left at `address` (one cell, or a block pasted from Excel or
   * WPS). Only input cells change; the others in the block are left alone and counted. The grid shows the values at
   * once; the file's bytes take them when next used (评分, marks, the download), all pending edits in one write.
   */
  editCells(sheet: string, address: string, block: readonly (readonly string[])[]): EditResult {
    const snapshot = this.state.snapshot;
    if (!snapshot || !this.bytes) return { changed: 0, skipped: 0 };
    const { edits, skipped } = planEdits(this.state.inputs, sheet, address, block);
    if (edits.length === 0) return { changed: 0, skipped };
    this.pendingEdits.push({ sheet, edits });
    this.set({ snapshot: withEdits(snapshot, sheet, edits), written: true, unsaved: true, scored: false });
    for (const l of this.editListeners) l(sheet, edits[0]!.address);
    return { changed: edits.length, skipped };
  }

  /** The pane's stale results: called on every edit typed into the grid (as the Office host's onUserEdit is). */
  async onUserEdit(listener: (sheet: string, address: string) => void): Promise<() => Promise<void>> {
    this.editListeners.add(listener);
    return async () => {
      this.editListeners.delete(listener);
    };
  }

  // One use of the bytes at a time (edits, 评分's write, marks, the download), in the order asked.
  private serial<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job);
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /**
   * The edits typed since the bytes were last used, written into them (inside a serial job). One that cannot be
   * written fails this use of the file, which would otherwise lack it; the edits stay pending for the next try.
   */
  private async flushEdits(): Promise<void> {
    if (this.pendingEdits.length === 0 || !this.bytes) return;
    const batch = this.pendingEdits;
    this.pendingEdits = [];
    const before = this.bytes;
    try {
      const codec = await this.loadCodec();
      const ops = batch.flatMap((p) => editOps(p.sheet, p.edits));
      const written = (await codec.applyWritePlan(before, { ops })).bytes;
      // A workbook opened meanwhile keeps its own bytes.
      if (this.bytes === before) this.bytes = written;
    } catch (e) {
      if (this.bytes === before) this.pendingEdits = [...batch, ...this.pendingEdits];
      throw e instanceof HostError ? e : new HostError("unknown", e instanceof Error ? e.message : String(e));
    }
  }

  /** 发布 on the page's copy: the record and the sheets' protection in one open and save; the download carries them. */
  publish(request: PublishRequest): Promise<WriteSummary> {
    const protect = { sheets: request.protect, unlock: request.unlock, password: request.password };
    return this.write(request.writePlan, null, protect);
  }

  private write(
    plan: WritePlan,
    diagnostics: readonly Diagnostic[] | null,
    protect?: CodecProtect,
  ): Promise<WriteSummary> {
    return this.serial(async () => {
      if (!this.bytes) throw new HostError("sheet_missing", "no workbook is open");
      await this.flushEdits();
      const codec = await this.loadCodec();
      // 评分's own marks replace the last 校验's; a write without marks (the 报告 sheet) carries those along.
      const marks = diagnostics ?? this.pendingMarks;
      const applied = await codec.applyWritePlan(this.bytes, plan, {
        ...(marks ? { marks: this.marksFor(codec, marks) } : {}),
        ...(protect ? { protect, recalculate: false } : {}),
      });
      this.pendingMarks = null;
      const read = await this.readBytes(applied.bytes);
      this.bytes = applied.bytes;
      const snapshot = this.pendingEdits.reduce((snap, p) => withEdits(snap, p.sheet, p.edits), read);
      this.set({ snapshot, written: true, unsaved: true });
      return applied.summary;
    });
  }

  private marksFor(codec: XlsxCodec, diagnostics: readonly Diagnostic[]): CodecMarks {
    return { diagnostics, describe: codec.markText ? codec.markText(this.deps.lang()) : (d) => d.code };
  }

  /**
   * Mark the problem cells on the page's grid at once, and in the workbook the page downloads (the same fills, notes
   * and `_marks` sheet as Excel's add-in and the CLI) when its bytes are next used: 校验 again after every pause in
   * typing costs no .xlsx round trip. Values are unchanged, so the snapshot is not read again.
   */
  async markDiagnostics(diagnostics: readonly Diagnostic[]): Promise<void> {
    this.showMarks(diagnostics);
    this.pendingMarks = diagnostics;
  }

  /** The marks of the last 校验, written into the bytes (inside a serial job, after the edits). */
  private async flushMarks(): Promise<void> {
    const diagnostics = this.pendingMarks;
    if (!diagnostics || !this.bytes) return;
    const before = this.bytes;
    try {
      const codec = await this.loadCodec();
      const applied = await codec.applyWritePlan(before, { ops: [] }, { marks: this.marksFor(codec, diagnostics) });
      // A workbook opened meanwhile keeps its own bytes; newer marks asked for meanwhile stay pending.
      if (this.bytes === before) this.bytes = applied.bytes;
      if (this.pendingMarks === diagnostics) this.pendingMarks = null;
    } catch (e) {
      throw e instanceof HostError ? e : new HostError("unknown", e instanceof Error ? e.message : String(e));
    }
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

  /**
   * After a 校验 the person asked for: when the sheet the grid shows has no problem, it turns to the sheet of the
   * worst one, so the marks are in view (the focus stays where it was; the quiet 校验 after typing never turns it).
   */
  revealProblems(diagnostics: readonly Diagnostic[]): void {
    const visible = new Set(this.state.snapshot?.sheets.filter((s) => s.visible !== false).map((s) => s.name));
    const located = diagnostics.filter((d) => d.location && visible.has(d.location.sheet));
    if (located.length === 0 || located.some((d) => d.location!.sheet === this.state.activeSheet)) return;
    const worst = located.reduce((a, b) => (severityRank(b.severity) < severityRank(a.severity) ? b : a));
    this.set({ activeSheet: worst.location!.sheet });
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
