import type { CellRef, SheetSnapshot, WorkbookSnapshot, WritePlan, WriteOp, Diagnostic } from "../../engine";
import { parseRange, columnLetters } from "../../engine";
import type { WorkbookHost, WriteSummary, CellState, MarkRecord, MarkTarget } from "../common";
import { hostError, toHostError } from "./errors";
import { toDefinedNames, toSnapshotRows, topLeftOf, quoteSheet } from "./normalize";
import type { NamedItemData } from "./normalize";
import { countCells, toExcelBlock } from "./write-values";
import {
  MARKS_SHEET,
  cellKey,
  isOwnNote,
  markRecordsFromRows,
  markRows,
  markTargets,
  planMarks,
  readMarkRecords,
} from "../common";
import { gridFill } from "./marks";
import type { FillGrid } from "./marks";
import { readTemplateFileInfo, toBase64 } from "./template-file";
import { saveWithDownload } from "./save-file";

/** The part of the global `Excel` namespace the host uses (injectable for tests). */
export interface ExcelApi {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  createWorkbook?(base64?: string): Promise<void>;
}

/** The part of the global `Office` namespace the host uses (injectable for tests). */
export interface OfficeApi {
  readonly context: {
    readonly requirements: { isSetSupported(name: string, minVersion?: string): boolean };
    /** "PC" | "Mac" | "OfficeOnline" | … (Office.PlatformType as a string). */
    readonly platform?: string | null;
  };
}

/** The bundled workbooks the host can load. */
export type AssetName = "standard-template.xlsx" | "example-wanzhou-2020.xlsx";

export interface OfficeHostOptions {
  readonly excel?: ExcelApi;
  readonly office?: OfficeApi;
  /** Load a bundled workbook; default: fetch `assets/<name>` next to the task pane page. */
  readonly loadAsset?: (name: AssetName) => Promise<Uint8Array>;
  /** The text of the note written on a marked cell; default: the diagnostic code. The pane passes its catalog. */
  readonly describeDiagnostic?: (d: Diagnostic) => string;
  /** Hand a file to the user; default: a download link in the pane (see docs/deploy.md for Excel for Mac). */
  readonly saveFile?: (fileName: string, bytes: Uint8Array, mimeType: string) => Promise<void>;
}

/** Optional Excel API sets the host uses when present. */
export interface OfficeCapabilities {
  /** ExcelApi 1.18: notes on marked cells. */
  readonly notes: boolean;
  /** ExcelApi 1.13: insertWorksheetsFromBase64 (创建模板). */
  readonly insertWorksheets: boolean;
  /** ExcelApi 1.8: Excel.createWorkbook (打开示例). */
  readonly createWorkbook: boolean;
  /** ExcelApi 1.9: workbook-wide change events. */
  readonly changeEvents: boolean;
}

/** The Office host: a WorkbookHost plus what only Excel has. */
export interface OfficeHost extends WorkbookHost {
  readonly kind: "office";
  readonly capabilities: OfficeCapabilities;
  applyAndMark(plan: WritePlan, diagnostics: readonly Diagnostic[]): Promise<WriteSummary>;
  /**
   * Call `listener` when the user edits a cell — never for the host's own writes. Resolves to an unsubscribe
   * function. Without ExcelApi 1.9 it registers nothing and resolves to a no-op.
   */
  onUserEdit(listener: (sheet: string, address: string) => void): Promise<() => Promise<void>>;
}

/** The lowest ExcelApi set the core (read, write, mark, select) needs; declared in manifest.xml too. */
export const CORE_EXCEL_API = "1.7";

/** Events arriving this long after our own write are taken to be its echo when Excel cannot say (pre-1.14). */
const ECHO_WINDOW_MS = 800;

/** Rows and columns past a sheet's values whose fills the read also gathers (problem cells beyond = a probe). */
const GRID_MARGIN = { rows: 20, cols: 4 } as const;

interface SheetBatch {
  readonly name: string;
  readonly used: Excel.Range;
  readonly protection: Excel.WorksheetProtection;
  /** The sheet's formatted area and its fills (ExcelApi 1.9), for marking without another read. */
  readonly formatted: Excel.Range | null;
  readonly fills: OfficeExtension.ClientResult<Excel.CellProperties[][]> | null;
}

/** A cell's fill and note, queued for loading. */
interface CellProbe {
  readonly sheet: string;
  readonly address: string;
  readonly fill: Excel.RangeFill;
  readonly note: Excel.Note | null;
}

/** What the last read learned for the next marking run, so that run needs only its write sync. */
interface MarkView {
  /** Fills and notes of the cells marked before, by cellKey. */
  readonly cells: Map<string, CellState>;
  readonly grids: Map<string, FillGrid>;
  /** Could a cell carry a note the add-in did not write? null: unknown (or no notes API). */
  readonly userNotes: boolean | null;
}

/** Create the Office.js host. Call inside `Office.onReady`. */
export function createOfficeHost(options: OfficeHostOptions = {}): OfficeHost {
  const excel: ExcelApi = options.excel ?? (globalThis as unknown as { Excel: ExcelApi }).Excel;
  const office: OfficeApi = options.office ?? (globalThis as unknown as { Office: OfficeApi }).Office;
  const supports = (version: string): boolean => {
    try {
      return office.context.requirements.isSetSupported("ExcelApi", version);
    } catch {
      return false;
    }
  };
  const capabilities: OfficeCapabilities = {
    notes: supports("1.18"),
    insertWorksheets: supports("1.13"),
    createWorkbook: supports("1.8") && typeof excel.createWorkbook === "function",
    changeEvents: supports("1.9"),
  };
  const describe = options.describeDiagnostic ?? ((d: Diagnostic) => d.code);
  const loadAsset = options.loadAsset ?? fetchAsset;

  // What the last read saw: the write plan and the marks are checked against it before anything is written.
  let knownSheets: string[] | null = null;
  let protectedSheets = new Set<string>();
  let hiddenSheets = new Set<string>();
  let lastMarks: MarkRecord[] | null = null;
  // Cell states gathered by the last read for marking; dropped after any write (they may be stale then).
  let markView: MarkView | null = null;
  let writing = 0;
  let echoUntil = 0;
  let queue: Promise<unknown> = Promise.resolve();

  /** One host operation at a time; every failure leaves as a HostError. */
  function serial<T>(op: () => Promise<T>): Promise<T> {
    const next = queue.then(op, op).catch((e: unknown) => {
      throw toHostError(e);
    });
    queue = next.catch(() => undefined);
    return next;
  }

  /** Run a writing batch with the change-event guard up. */
  async function writeRun<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    writing++;
    try {
      return await excel.run(batch);
    } finally {
      writing--;
      echoUntil = Date.now() + ECHO_WINDOW_MS;
    }
  }

  const gridsSupported = (): boolean => supports("1.9");

  function queueSheet(sheet: Excel.Worksheet, name: string): SheetBatch {
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("address,values,valueTypes,numberFormat");
    const protection = sheet.protection;
    protection.load("protected");
    // Fills of A1 through the values area plus a margin (where problem cells lie: inputs left empty), so
    // marking needs no read of its own. Bounded by the values read anyway, never by how far formatting
    // reaches. System sheets (`_meta`, `_marks`) are never marked.
    let formatted: Excel.Range | null = null;
    let fills: SheetBatch["fills"] = null;
    if (gridsSupported() && !name.startsWith("_")) {
      formatted = sheet
        .getRange("A1")
        .getBoundingRect(sheet.getUsedRange(true))
        .getResizedRange(GRID_MARGIN.rows, GRID_MARGIN.cols);
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

  /** Queue the fill and note of each cell (one batch, however many cells). */
  function queueProbes(
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
      if (capabilities.notes) {
        note = wb.notes.getItemOrNullObject(`${quoteSheet(c.sheet)}!${c.address}`);
        note.load("content");
      }
      out.set(k, { sheet: c.sheet, address: c.address, fill, note });
    }
    return out;
  }

  function probeStates(probes: Map<string, CellProbe>): Map<string, CellState> {
    const out = new Map<string, CellState>();
    for (const [k, p] of probes) {
      const note = p.note && !p.note.isNullObject && typeof p.note.content === "string" ? p.note.content : null;
      out.set(k, { fill: typeof p.fill.color === "string" ? p.fill.color : "", note });
    }
    return out;
  }

  /** The sheet list, the names, the note count — and, cold, the `_marks` rows: the head of every read. */
  function queueHead(wb: Excel.Workbook, cold: boolean) {
    const list = wb.worksheets;
    list.load("items/name,items/visibility");
    const names = wb.names;
    names.load("items/name,items/type,items/formula");
    const noteCount = capabilities.notes ? wb.notes.getCount() : null;
    let marksRows: Excel.Range | null = null;
    if (cold) {
      // Cold, the marked cells are known only from `_marks`: read its rows with the list, probe them next.
      marksRows = wb.worksheets.getItemOrNullObject(MARKS_SHEET).getUsedRangeOrNullObject(true);
      marksRows.load("values");
    }
    return { list, names, noteCount, marksRows };
  }

  function queueBody(
    wb: Excel.Workbook,
    list: Excel.WorksheetCollection,
    sheets: readonly string[],
    marks: readonly MarkRecord[],
  ) {
    const present = new Set(sheets);
    return {
      sheets: sheets.map((n) => queueSheet(list.getItem(n), n)),
      probes: queueProbes(
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
  async function read(): Promise<WorkbookSnapshot> {
    return excel.run(async (context) => {
      const wb = context.workbook;
      const guess = knownSheets;
      let head = queueHead(wb, !guess);
      let body = guess ? queueBody(wb, head.list, guess, lastMarks ?? []) : null;
      try {
        await context.sync();
      } catch (e) {
        if (!body || (e as { code?: unknown }).code !== "ItemNotFound") throw e;
        // A guessed sheet is gone: read the list again, cold.
        body = null;
        head = queueHead(wb, true);
        await context.sync();
      }
      const actual = head.list.items.map((s) => ({ name: s.name, visible: s.visibility === "Visible" }));
      const sameList = !!guess && guess.length === actual.length && guess.every((n, i) => n === actual[i]!.name);
      if (!body || !sameList) {
        const rows = head.marksRows && !head.marksRows.isNullObject ? head.marksRows.values : [];
        const marks = head.marksRows ? markRecordsFromRows(rows) : (lastMarks ?? []);
        body = queueBody(
          wb,
          head.list,
          actual.map((s) => s.name),
          marks,
        );
        await context.sync();
      }
      const done = body;
      const snapshot: WorkbookSnapshot = {
        sheets: done.sheets.map((b, i) => sheetSnapshot(b, actual[i]!.visible)),
        names: toDefinedNames(head.names.items as unknown as NamedItemData[]),
      };
      knownSheets = actual.map((s) => s.name);
      hiddenSheets = new Set(head.list.items.filter((s) => s.visibility === "Hidden").map((s) => s.name));
      protectedSheets = new Set(done.sheets.filter((b) => b.protection.protected).map((b) => b.name));
      lastMarks = readMarkRecords(snapshot);
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
      markView = { cells, grids, userNotes };
      return snapshot;
    });
  }

  /** Check a plan against the last read; throws before anything is queued. */
  function checkPlan(plan: WritePlan): void {
    const sheets = new Set(knownSheets ?? []);
    for (const op of plan.ops) {
      if (op.kind === "ensureSheet") {
        sheets.add(op.sheet);
        continue;
      }
      if (!sheets.has(op.sheet)) throw hostError("sheet_missing", op.sheet);
      if (protectedSheets.has(op.sheet)) throw hostError("sheet_protected", op.sheet);
      const address = op.kind === "values" ? op.address : op.range;
      if (!parseRange(address)) throw hostError("unknown", `${op.sheet}!${address}`);
    }
  }

  function queueOp(wb: Excel.Workbook, op: WriteOp, sheets: Map<string, Excel.Worksheet>, summary: Summary): void {
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

  /** The marking run for these diagnostics, or null when it has nothing to do. */
  function prepareMarks(diagnostics: readonly Diagnostic[]): PreparedMarks | null {
    const present = new Set(knownSheets ?? []);
    const old = (lastMarks ?? []).filter((r) => present.has(r.sheet) && !protectedSheets.has(r.sheet));
    const targets = markTargets(diagnostics, describe).filter(
      (t) => present.has(t.sheet) && !protectedSheets.has(t.sheet),
    );
    if (old.length === 0 && targets.length === 0 && !present.has(MARKS_SHEET)) return null;
    return { old, targets, marksSheetExists: present.has(MARKS_SHEET) };
  }

  /** What the last read could not say about these cells (so they need a probe sync), given the view. */
  function unknownCells(prepared: PreparedMarks, view: MarkView | null): { sheet: string; address: string }[] {
    const known = (c: { sheet: string; address: string }): boolean => {
      if (!view) return false;
      if (view.cells.has(cellKey(c.sheet, c.address))) return true;
      const grid = view.grids.get(c.sheet);
      if (!grid || gridFill(grid, c.address) === undefined) return false;
      return !capabilities.notes || view.userNotes === false;
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
  function queueMarks(wb: Excel.Workbook, prepared: PreparedMarks, probed: Map<string, CellState>): MarkRecord[] {
    const plan = planMarks(prepared.old, prepared.targets, stateFrom(markView, probed), capabilities.notes);
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
  function afterWrite(records: MarkRecord[] | null, prepared: PreparedMarks | null): void {
    markView = null;
    if (!records || !prepared) return;
    lastMarks = records;
    if (!prepared.marksSheetExists) knownSheets = [...(knownSheets ?? []), MARKS_SHEET];
  }

  /**
   * Apply a plan and/or (re)set marks in ONE write sync (plus the probe sync only when the last read could
   * not tell a cell's fill or note). Everything is checked before anything is queued.
   */
  async function write(plan: WritePlan, diagnostics: readonly Diagnostic[] | null): Promise<WriteSummary> {
    if (knownSheets === null) await read();
    checkPlan(plan);
    const existing = new Set(knownSheets ?? []);
    const summary: Summary = { cells: new Map(), created: [] };
    const prepared = diagnostics ? prepareMarks(diagnostics) : null;
    if (plan.ops.length === 0 && !prepared) return { cellsBySheet: {}, createdSheets: [] };
    const unknown = prepared ? unknownCells(prepared, markView) : [];
    let records: MarkRecord[] | null = null;
    try {
      await writeRun(async (context) => {
        const wb = context.workbook;
        let probed = new Map<string, CellState>();
        if (unknown.length > 0) {
          // The fallback probe sync, before anything is queued for writing.
          const probes = queueProbes(wb, unknown);
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
        // Likewise `_marks`: if the user deleted it meanwhile, we fail before writing any value or fill.
        if (prepared?.marksSheetExists) wb.worksheets.getItem(MARKS_SHEET).load("name");
        if (plan.ops.length > 0 && supports("1.6")) context.application.suspendApiCalculationUntilNextSync();
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
        if (prepared) records = queueMarks(wb, prepared, probed);
        await context.sync();
      });
    } finally {
      if (summary.created.length > 0) knownSheets = [...(knownSheets ?? []), ...summary.created];
    }
    afterWrite(records, prepared);
    return { cellsBySheet: Object.fromEntries(summary.cells), createdSheets: summary.created };
  }

  async function select(ref: CellRef): Promise<void> {
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(ref.sheet);
      // The template hides its configuration sheets (字段定义, 校验规则); a problem there is shown by
      // unhiding the sheet (as the last read saw it): Excel does not activate a hidden sheet.
      if (hiddenSheets.has(ref.sheet)) {
        ws.visibility = "Visible";
        hiddenSheets.delete(ref.sheet);
      }
      ws.activate();
      ws.getRange(ref.address).select();
      await context.sync();
    });
  }

  async function createTemplate(): Promise<void> {
    if (!capabilities.insertWorksheets) {
      throw hostError(
        "api_unsupported",
        "此版本的 Excel 不能向当前工作簿插入模板（需要 ExcelApi 1.13）。请直接打开模板文件 standard-template.xlsx",
      );
    }
    const bytes = await loadAsset("standard-template.xlsx");
    const info = await readTemplateFileInfo(bytes);
    await writeRun(async (context) => {
      const wb = context.workbook;
      wb.worksheets.load("items/name");
      wb.names.load("items/name");
      await context.sync();
      const have = new Set(wb.worksheets.items.map((s) => s.name.toLowerCase()));
      const clash = info.sheets.filter((s) => have.has(s.toLowerCase()));
      if (clash.length > 0) throw hostError("sheets_exist", clash.join("、"));
      const haveNames = new Set(wb.names.items.map((n) => n.name.toLowerCase()));
      const nameClash = info.names.filter((n) => haveNames.has(n.name.toLowerCase())).map((n) => n.name);
      if (nameClash.length > 0) throw hostError("sheets_exist", nameClash.join("、"));

      wb.insertWorksheetsFromBase64(toBase64(bytes), { positionType: "End" });
      wb.names.load("items/name,items/formula");
      await context.sync();
      // insertWorksheetsFromBase64 may drop workbook names or leave them as #REF!: (re)create each one.
      const after = new Map(wb.names.items.map((n) => [n.name.toLowerCase(), n]));
      let repaired = false;
      for (const n of info.names) {
        const target = `=${quoteSheet(n.sheet)}!${absolute(n.address)}`;
        const item = after.get(n.name.toLowerCase());
        if (item && typeof item.formula === "string" && item.formula.replace(/\$/g, "") === target.replace(/\$/g, ""))
          continue;
        if (item) item.delete();
        wb.names.add(n.name, target);
        repaired = true;
      }
      if (repaired) await context.sync();
    });
    knownSheets = null;
    markView = null;
  }

  async function openExample(): Promise<void> {
    if (!capabilities.createWorkbook || !excel.createWorkbook) {
      throw hostError("api_unsupported", "此版本的 Excel 不能新建工作簿（需要 ExcelApi 1.8）。请直接打开示例文件");
    }
    const bytes = await loadAsset("example-wanzhou-2020.xlsx");
    await excel.createWorkbook(toBase64(bytes));
  }

  async function onUserEdit(listener: (sheet: string, address: string) => void): Promise<() => Promise<void>> {
    if (!capabilities.changeEvents) return async () => undefined;
    const handler = async (event: Excel.WorksheetChangedEventArgs): Promise<void> => {
      const trigger = (event as { triggerSource?: string }).triggerSource;
      if (trigger === "ThisLocalAddin" || writing > 0 || Date.now() < echoUntil) return;
      listener(sheetNameOf(event), event.address);
    };
    const names = new Map<string, string>();
    const sheetNameOf = (event: Excel.WorksheetChangedEventArgs): string =>
      names.get(event.worksheetId) ?? event.worksheetId;
    const registration = await excel.run(async (context) => {
      const list = context.workbook.worksheets;
      list.load("items/id,items/name");
      const result = list.onChanged.add(handler);
      await context.sync();
      for (const s of list.items) names.set(s.id, s.name);
      return result;
    });
    return async () => {
      await excel.run(async (context) => {
        registration.remove();
        await context.sync();
      });
    };
  }

  return {
    kind: "office",
    capabilities,
    readSnapshot: () => serial(read),
    applyWritePlan: (plan) => serial(() => write(plan, null)),
    markDiagnostics: (diagnostics) => serial(async () => void (await write({ ops: [] }, diagnostics))),
    applyAndMark: (plan, diagnostics) => serial(() => write(plan, diagnostics)),
    selectCell: (ref) => serial(() => select(ref)),
    createTemplate: () => serial(createTemplate),
    openExample: () => serial(openExample),
    saveFile: (fileName, bytes, mimeType) =>
      serial(() => (options.saveFile ?? saveWithDownload(office))(fileName, bytes, mimeType)),
    onUserEdit,
  };
}

interface PreparedMarks {
  readonly old: readonly MarkRecord[];
  readonly targets: readonly MarkTarget[];
  readonly marksSheetExists: boolean;
}

interface Summary {
  cells: Map<string, number>;
  created: string[];
}

function absolute(address: string): string {
  return address
    .split(":")
    .map((a) => a.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2"))
    .join(":");
}

function writeMarksSheet(wb: Excel.Workbook, exists: boolean, records: readonly MarkRecord[]): void {
  const ws = exists ? wb.worksheets.getItem(MARKS_SHEET) : wb.worksheets.add(MARKS_SHEET);
  if (!exists) ws.visibility = "VeryHidden";
  ws.getRange("A:E").clear("Contents");
  if (records.length > 0) ws.getRange(`A1:E${records.length}`).values = markRows(records);
}

async function fetchAsset(name: AssetName): Promise<Uint8Array> {
  const response = await fetch(new URL(`assets/${name}`, document.baseURI).href);
  if (!response.ok) throw hostError("file_unreadable", name, `HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}
