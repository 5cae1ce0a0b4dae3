import type { Diagnostic } from "../../engine";
import { hostFailure } from "../common";
import type { CellState, MarkRecord } from "../common";
import { toHostError } from "./errors";
import type { FillGrid } from "./marks";
import type { AssetName, ExcelApi, OfficeApi, OfficeCapabilities, OfficeHostOptions } from "./types";

/** Events arriving this long after our own write are taken to be its echo when Excel cannot say (pre-1.14). */
const ECHO_WINDOW_MS = 800;

/** What the last read learned for the next marking run, so that run needs only its write sync. */
export interface MarkView {
  /** Fills and notes of the cells marked before, by cellKey. */
  readonly cells: Map<string, CellState>;
  readonly grids: Map<string, FillGrid>;
  /** Could a cell carry a note the add-in did not write? null: unknown (or no notes API). */
  readonly userNotes: boolean | null;
}

/**
 * One Office host's state, shared by its modules (read, write, marks, template, events): the injected APIs,
 * what the last read saw of the workbook — the write plan and the marks are checked against it before anything
 * is written — and the guards that keep one operation at a time and tell our own writes from the user's.
 */
export class OfficeSession {
  readonly excel: ExcelApi;
  readonly office: OfficeApi;
  readonly capabilities: OfficeCapabilities;
  readonly describe: (d: Diagnostic) => string;
  readonly loadAsset: (name: AssetName) => Promise<Uint8Array>;

  /** Sheet names in workbook order as the last read saw them; null before the first read (or after 创建模板). */
  knownSheets: string[] | null = null;
  protectedSheets = new Set<string>();
  /**
   * Protected sheets that 发布 protected (their configuration is in the _meta record): their input and output cells
   * are unlocked and formatting is allowed, so the plan's writes there go ahead; any other protected sheet is refused
   * before anything is written.
   */
  publishedSheets = new Set<string>();
  hiddenSheets = new Set<string>();
  /** The workbook proved too large to read in one batch (./read-chunked.ts): read it in chunks from now on. */
  readInChunks = false;
  /** Workbook structure protection (no sheet can be added or hidden), as the last read saw it. */
  structureProtected = false;
  /** The `_marks` records as the last read or write left them. */
  lastMarks: MarkRecord[] | null = null;
  /** Cell states gathered by the last read for marking; dropped after any write (they may be stale then). */
  markView: MarkView | null = null;

  private writing = 0;
  private echoUntil = 0;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: OfficeHostOptions) {
    this.excel = options.excel ?? (globalThis as unknown as { Excel: ExcelApi }).Excel;
    this.office = options.office ?? (globalThis as unknown as { Office: OfficeApi }).Office;
    this.capabilities = {
      notes: this.supports("1.18"),
      // insertWorksheetsFromBase64 is "only supported for Office on Windows, Mac, and the web" (index.d.ts),
      // although Excel on iPad reports ExcelApi 1.13.
      insertWorksheets: this.supports("1.13") && this.office.context.platform !== "iOS",
      createWorkbook: this.supports("1.8") && typeof this.excel.createWorkbook === "function",
      changeEvents: this.supports("1.9"),
    };
    this.describe = options.describeDiagnostic ?? ((d: Diagnostic) => d.code);
    this.loadAsset = options.loadAsset ?? fetchAsset;
  }

  /** Is ExcelApi `version` supported? (false when Office cannot say) */
  supports(version: string): boolean {
    try {
      return this.office.context.requirements.isSetSupported("ExcelApi", version);
    } catch {
      return false;
    }
  }

  /** One host operation at a time; every failure leaves as a HostError. */
  serial<T>(op: () => Promise<T>): Promise<T> {
    const next = this.queue.then(op, op).catch((e: unknown) => {
      throw toHostError(e);
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Run a writing batch with the change-event guard up. */
  async writeRun<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    this.writing++;
    try {
      return await this.excel.run(batch);
    } finally {
      this.writing--;
      this.echoUntil = Date.now() + ECHO_WINDOW_MS;
    }
  }

  /** Is a change event now likely the echo of our own write (a write running, or one just finished)? */
  isOwnWriteEcho(): boolean {
    return this.writing > 0 || Date.now() < this.echoUntil;
  }
}

async function fetchAsset(name: AssetName): Promise<Uint8Array> {
  const response = await fetch(new URL(`assets/${name}`, document.baseURI).href);
  if (!response.ok) throw hostFailure("asset_unavailable", { name }, `HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}
