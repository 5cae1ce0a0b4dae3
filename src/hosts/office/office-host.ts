import type { CellRef } from "../../engine/model/cell";
import { parseRange, columnLetters } from "../../engine/model/cell";
import type { SheetSnapshot, WorkbookSnapshot } from "../../engine/model/snapshot";
import type { WritePlan, WriteOp } from "../../engine/model/write-plan";
import type { Diagnostic } from "../../engine/diagnostics/types";
import type { WorkbookHost, WriteSummary } from "../types";
import { hostError, toHostError } from "./errors";
import { toDefinedNames, toSnapshotRows, topLeftOf, quoteSheet } from "./normalize";
import type { NamedItemData } from "./normalize";
import { countCells, toExcelBlock } from "./write-values";
import { MARKS_SHEET, NOTE_PREFIX, markRows, markTargets, normColor, readMarkRecords } from "./marks";
import type { MarkRecord } from "./marks";
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

interface SheetBatch {
  readonly name: string;
  readonly used: Excel.Range;
  readonly protection: Excel.WorksheetProtection;
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
  let lastMarks: MarkRecord[] | null = null;
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

  function queueSheet(sheet: Excel.Worksheet, name: string): SheetBatch {
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("address,values,valueTypes,numberFormat");
    const protection = sheet.protection;
    protection.load("protected");
    return { name, used, protection };
  }

  function sheetSnapshot(batch: SheetBatch, visible: boolean): SheetSnapshot {
    const used = batch.used;
    if (used.isNullObject) return { name: batch.name, cells: [], visible };
    const start = topLeftOf(used.address) ?? { row: 0, col: 0 };
    const cells = toSnapshotRows(used.values, used.valueTypes, used.numberFormat, start.row, start.col);
    return { name: batch.name, cells, visible };
  }

  /**
   * One read. Sheet names are unknown until a sync returns, so a cold read takes 2 syncs (list + names,
   * then every used range in one batch). The sheet list seen last is queued speculatively with the list, so
   * a warm read whose sheets did not change takes 1 sync. Worst case (a sheet deleted since): 3. Never a loop.
   */
  async function read(): Promise<WorkbookSnapshot> {
    return excel.run(async (context) => {
      const wb = context.workbook;
      const list = wb.worksheets;
      list.load("items/name,items/visibility");
      const names = wb.names;
      names.load("items/name,items/type,items/formula");
      const guess = knownSheets;
      let batches: SheetBatch[] | null = guess ? guess.map((n) => queueSheet(list.getItem(n), n)) : null;
      try {
        await context.sync();
      } catch (e) {
        if (!batches || (e as { code?: unknown }).code !== "ItemNotFound") throw e;
        // A guessed sheet is gone: read the list again, cold.
        batches = null;
        list.load("items/name,items/visibility");
        names.load("items/name,items/type,items/formula");
        await context.sync();
      }
      const actual = list.items.map((s) => ({ name: s.name, visible: s.visibility === "Visible" }));
      const sameList =
        !!guess && guess.length === actual.length && guess.every((n, i) => n === actual[i]!.name);
      if (!batches || !sameList) {
        batches = actual.map((s) => queueSheet(list.getItem(s.name), s.name));
        await context.sync();
      }
      const snapshot: WorkbookSnapshot = {
        sheets: batches.map((b, i) => sheetSnapshot(b, actual[i]!.visible)),
        names: toDefinedNames(names.items as unknown as NamedItemData[]),
      };
      knownSheets = actual.map((s) => s.name);
      protectedSheets = new Set(batches.filter((b) => b.protection.protected).map((b) => b.name));
      lastMarks = readMarkRecords(snapshot);
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

  function queueOp(
    wb: Excel.Workbook,
    op: WriteOp,
    sheets: Map<string, Excel.Worksheet>,
    summary: Summary,
  ): void {
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
    const target = ws.getRange(
      `${columnLetters(start.col)}${start.row + 1}:${columnLetters(end.col)}${end.row + 1}`,
    );
    if (op.numberFormats) {
      const formats = Array.from({ length: width }, (_, c) => op.numberFormats?.[c] ?? null);
      target.numberFormat = block.map(() => formats) as unknown as string[][];
    }
    target.values = block as unknown as string[][];
    summary.cells.set(op.sheet, (summary.cells.get(op.sheet) ?? 0) + countCells(op.values));
  }

  async function apply(plan: WritePlan): Promise<WriteSummary> {
    if (knownSheets === null) await read();
    checkPlan(plan);
    const existing = new Set(knownSheets ?? []);
    const summary: Summary = { cells: new Map(), created: [] };
    if (plan.ops.length === 0) return { cellsBySheet: {}, createdSheets: [] };
    await writeRun(async (context) => {
      const wb = context.workbook;
      const sheets = new Map<string, Excel.Worksheet>();
      // Probe every target sheet first: a sheet renamed since the read fails the batch before any write.
      for (const name of new Set(plan.ops.filter((o) => o.kind !== "ensureSheet").map((o) => o.sheet))) {
        if (!existing.has(name)) continue;
        const ws = wb.worksheets.getItem(name);
        ws.load("name");
        sheets.set(name, ws);
      }
      if (supports("1.6")) context.application.suspendApiCalculationUntilNextSync();
      for (const op of plan.ops) {
        if (op.kind !== "ensureSheet" || existing.has(op.sheet) || sheets.has(op.sheet)) continue;
        const ws = wb.worksheets.add(op.sheet);
        op.columnWidths?.forEach((chars, c) => {
          ws.getRange(`${columnLetters(c)}:${columnLetters(c)}`).format.columnWidth = Math.round(
            chars * 5.6 + 5,
          );
        });
        sheets.set(op.sheet, ws);
        summary.created.push(op.sheet);
      }
      for (const op of plan.ops) queueOp(wb, op, sheets, summary);
      await context.sync();
    });
    knownSheets = [...(knownSheets ?? []), ...summary.created];
    return { cellsBySheet: Object.fromEntries(summary.cells), createdSheets: summary.created };
  }

  /** Marks: 1 sync to read current fills (and notes), 1 sync to restore the old marks and set the new ones. */
  async function mark(diagnostics: readonly Diagnostic[]): Promise<void> {
    if (lastMarks === null) await read();
    const old = lastMarks ?? [];
    const targets = markTargets(diagnostics, describe).filter((t) => knownSheets?.includes(t.sheet));
    const present = new Set(knownSheets ?? []);
    const oldLive = old.filter((r) => present.has(r.sheet) && !protectedSheets.has(r.sheet));
    const targetsLive = targets.filter((t) => !protectedSheets.has(t.sheet));
    if (oldLive.length === 0 && targetsLive.length === 0 && !present.has(MARKS_SHEET)) return;
    const notes = capabilities.notes;
    await writeRun(async (context) => {
      const wb = context.workbook;
      const key = (s: string, a: string): string => `${s}\u0000${a}`;
      const cells = new Map<string, { range: Excel.Range; note: Excel.Note | null }>();
      for (const c of [...oldLive, ...targetsLive]) {
        const k = key(c.sheet, c.address);
        if (cells.has(k)) continue;
        const range = wb.worksheets.getItem(c.sheet).getRange(c.address);
        range.format.fill.load("color");
        let note: Excel.Note | null = null;
        if (notes) {
          note = wb.notes.getItemOrNullObject(`${quoteSheet(c.sheet)}!${c.address}`);
          note.load("content");
        }
        cells.set(k, { range, note });
      }
      // Probe `_marks` in the read batch: if the user deleted it meanwhile, we fail before writing any fill.
      if (present.has(MARKS_SHEET)) wb.worksheets.getItem(MARKS_SHEET).load("name");
      await context.sync();

      const oldByKey = new Map(oldLive.map((r) => [key(r.sheet, r.address), r]));
      // Undo the previous run: only where the cell still shows our colour (the user may have refilled it).
      const ourNote = (n: Excel.Note | null): boolean =>
        !!n && !n.isNullObject && typeof n.content === "string" && n.content.startsWith(NOTE_PREFIX);
      for (const r of oldLive) {
        const cell = cells.get(key(r.sheet, r.address))!;
        if (normColor(cell.range.format.fill.color) === normColor(r.markColor)) {
          if (r.originalColor === "" || normColor(r.originalColor) === "#FFFFFF")
            cell.range.format.fill.clear();
          else cell.range.format.fill.color = r.originalColor;
        }
        if (r.note && ourNote(cell.note)) cell.note!.delete();
      }
      const records: MarkRecord[] = [];
      for (const t of targetsLive) {
        const k = key(t.sheet, t.address);
        const cell = cells.get(k)!;
        const current = normColor(cell.range.format.fill.color);
        const prev = oldByKey.get(k);
        const original = prev && current === normColor(prev.markColor) ? prev.originalColor : current;
        cell.range.format.fill.color = t.color;
        const free = !cell.note || cell.note.isNullObject || (prev?.note === true && ourNote(cell.note));
        const withNote = notes && free;
        if (withNote) wb.notes.add(`${quoteSheet(t.sheet)}!${t.address}`, `${NOTE_PREFIX}${t.text}`);
        records.push({
          sheet: t.sheet,
          address: t.address,
          originalColor: original,
          markColor: t.color,
          note: withNote,
        });
      }
      writeMarksSheet(wb, present.has(MARKS_SHEET), records);
      await context.sync();
      // Remember the marks so the next run restores them without reading `_marks` again.
      lastMarks = records;
    });
    if (!present.has(MARKS_SHEET)) knownSheets = [...(knownSheets ?? []), MARKS_SHEET];
  }

  async function select(ref: CellRef): Promise<void> {
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(ref.sheet);
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
        if (
          item &&
          typeof item.formula === "string" &&
          item.formula.replace(/\$/g, "") === target.replace(/\$/g, "")
        )
          continue;
        if (item) item.delete();
        wb.names.add(n.name, target);
        repaired = true;
      }
      if (repaired) await context.sync();
    });
    knownSheets = null;
  }

  async function openExample(): Promise<void> {
    if (!capabilities.createWorkbook || !excel.createWorkbook) {
      throw hostError(
        "api_unsupported",
        "此版本的 Excel 不能新建工作簿（需要 ExcelApi 1.8）。请直接打开示例文件",
      );
    }
    const bytes = await loadAsset("example-wanzhou-2020.xlsx");
    await excel.createWorkbook(toBase64(bytes));
  }

  async function onUserEdit(
    listener: (sheet: string, address: string) => void,
  ): Promise<() => Promise<void>> {
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
    applyWritePlan: (plan) => serial(() => apply(plan)),
    markDiagnostics: (diagnostics) => serial(() => mark(diagnostics)),
    selectCell: (ref) => serial(() => select(ref)),
    createTemplate: () => serial(createTemplate),
    openExample: () => serial(openExample),
    saveFile: (fileName, bytes, mimeType) =>
      serial(() => (options.saveFile ?? saveWithDownload(office))(fileName, bytes, mimeType)),
    onUserEdit,
  };
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
