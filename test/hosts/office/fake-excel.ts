/**
 * A small in-memory Excel for the Office host's tests. Objects the host *reads* (used ranges, sheet
 * protection, fills, notes) are Microsoft's `OfficeMockObject`s, so a property read without `load` + `sync`
 * gives the mock's "not loaded" error value and the test fails. Writes are queued as actions and applied in
 * order at `context.sync()`, like Excel: a failing action aborts the rest of the batch but not what ran before.
 * Every `context.sync()` is counted.
 */
import { OfficeMockObject } from "office-addin-mock";
import { parseA1, parseRange, toA1 } from "../../../src/engine/model/cell";
import type { ExcelApi, OfficeApi } from "../../../src/hosts/office/office-host";

export type FakeValue = string | number | boolean;

export interface FakeCell {
  /** The value Excel shows; formulas keep their text in `formula`. */
  value: FakeValue;
  /** "String" | "Double" | "Boolean" | "Error" … as Office.js valueTypes reports it. */
  type?: string;
  format?: string;
  fill?: string;
  formula?: string;
  /** format.protection.locked; every cell is locked unless unlocked (Excel's default). */
  locked?: boolean;
}

export interface FakeSheet {
  name: string;
  cells: Map<string, FakeCell>;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  protected: boolean;
  /** WorksheetProtectionOptions.allowFormatCells of a protected sheet. */
  allowFormatCells?: boolean;
  /** The password protect() was given (ExcelApi 1.7), which unprotect() must repeat. */
  password?: string;
}

export interface FakeName {
  name: string;
  type: string;
  formula: string;
}

export type FakeProfile = "windows-365" | "windows-2019-volume" | "mac-365" | "web" | "ipad";

const PROFILES: Readonly<Record<FakeProfile, readonly [platform: string, apiMinor: number]>> = {
  "windows-365": ["PC", 20],
  "windows-2019-volume": ["PC", 7],
  "mac-365": ["Mac", 20],
  web: ["OfficeOnline", 20],
  ipad: ["iOS", 13],
};

export class OfficeError extends Error {
  constructor(
    readonly code: string,
    message = code,
  ) {
    super(message);
  }
}

type Action = () => void;

const WHITE = "#FFFFFF";

/**
 * Excel on the web refuses a request or a response over 5 MB (RequestPayloadSizeLimitExceeded /
 * ResponsePayloadSizeLimitExceeded; https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins,
 * https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling). The fake
 * measures the JSON of what a sync sends and returns; Excel's own encoding may differ somewhat.
 */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

function payloadBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? "", "utf8");
}

/**
 * A 2-D array written to a range must have the range's rows and columns: Excel fails the action with
 * InvalidArgument, "The number of rows or columns in the input array doesn't match the size or dimensions of
 * the range." (Range.values and numberFormat are `any[][]` in index.d.ts).
 */
function checkShape(block: unknown, address: string): void {
  const range = parseRange(address)!;
  const rows = range.end.row - range.start.row + 1;
  const cols = range.end.col - range.start.col + 1;
  const ok = Array.isArray(block) && block.length === rows && block.every((r) => Array.isArray(r) && r.length === cols);
  if (!ok) {
    throw new OfficeError(
      "InvalidArgument",
      "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
    );
  }
}

/** Excel's grid: 1,048,576 rows × 16,384 columns (XFD). */
export const GRID = { rows: 1_048_576, cols: 16_384 } as const;

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  names: FakeName[] = [];
  /** Notes by "Sheet!A1" (unquoted sheet name). */
  notes = new Map<string, string>();
  syncs = 0;
  /**
   * Actions that changed the workbook (values, formats, fills, notes, names, sheets). Any of them marks the
   * workbook modified and, on Windows and Mac before ExcelApi 1.19, clears the user's undo stack
   * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities), so an action that
   * only reads must leave this unchanged. Selecting and activating are not counted.
   */
  writes = 0;
  /** The largest request and response payloads of a sync that ran, in JSON bytes (see PAYLOAD_LIMIT). */
  largestRequest = 0;
  largestResponse = 0;
  /** Syncs refused for their payload size. */
  refusedPayloads = 0;
  /** Cells whose properties getCellProperties returned, so tests can bound a read's size. */
  cellPropertyCells = 0;
  /** Throw this Office error at the next sync (before any action runs). */
  failNextSync: OfficeError | null = null;
  /**
   * The user is typing in a cell: every batch fails before any action runs. "When false [the default], if the
   * user is in cell edit when the batch request is processed by the host, the batch automatically fails"
   * (https://learn.microsoft.com/javascript/api/excel/excel.runoptions#excel-excel-runoptions-delayforcelledit-member).
   */
  cellEditMode = false;
  /**
   * Fail the next sync that queues more than `after` actions: the first `after` run, then `error` is thrown and
   * the rest do not run. A batch is not a transaction — Excel "doesn't undo" what ran before the failing action
   * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-error-handling#api-errors and
   * https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling).
   */
  failAfterActions: { after: number; error: OfficeError } | null = null;
  /**
   * Reject the next sync that queues any action AFTER all of them ran, as Excel on the web does for
   * insertWorksheetsFromBase64 (OfficeDev/office-js#3179): the caller cannot tell what was applied.
   */
  rejectAfterRun: OfficeError | null = null;
  /**
   * Workbook structure protection (Excel.WorkbookProtection.protected, ExcelApi 1.7, index.d.ts "class
   * WorkbookProtection"): sheets cannot be added, deleted or hidden/unhidden. The error code Excel gives is not
   * documented; "AccessDenied" here is an assumption.
   */
  structureProtected = false;
  /** The highest ExcelApi minor version this fake "supports" (1.x). */
  apiVersion = 18;
  platform = "PC";
  selected: string | null = null;
  inserted: string[] = [];
  createdWorkbooks: string[] = [];
  calcSuspended = 0;
  /** Handlers registered with worksheets.onChanged. */
  changeHandlers: ((event: unknown) => Promise<void>)[] = [];
  /** The sheets insertWorksheetsFromBase64 inserts (the fake does not parse the file). */
  insertSheets: FakeSheet[] = [];
  /**
   * The workbook names it brings along; none by default (Excel may drop them). "ref" brings each as `=#REF!…`
   * (OfficeDev/office-js#3583); "unquoted" drops the quotes around a sheet name (=基本情况!$B$3), as Excel
   * may write CJK sheet names (unverified).
   */
  insertNames: FakeName[] = [];
  insertNamesAs: "kept" | "ref" | "unquoted" = "kept";
  /**
   * Excel on the web can insert the sheets and still reject the sync with an internal error
   * (OfficeDev/office-js#3179, GeneralException in #6142): the next insert's sync does so.
   */
  insertRejectsAfterInsert = false;

  /**
   * A workbook as one platform's Excel shows it: `isSetSupported` and `platform`, after the requirement-set
   * table (https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets):
   * volume-licensed Office 2019 stops at ExcelApi 1.7 (and runs task panes in IE11), iPad reports 1.13 from
   * 16.50, Microsoft 365 on Windows, Mac and the web have the newest sets.
   */
  static on(profile: FakeProfile): FakeWorkbook {
    const wb = new FakeWorkbook();
    const [platform, api] = PROFILES[profile];
    wb.platform = platform;
    wb.apiVersion = api;
    return wb;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  addSheet(
    name: string,
    rows: (FakeValue | null)[][] = [],
    options: Partial<Omit<FakeSheet, "name" | "cells">> = {},
  ): FakeSheet {
    const sheet: FakeSheet = {
      name,
      cells: new Map(),
      visibility: options.visibility ?? "Visible",
      protected: options.protected ?? false,
      allowFormatCells: options.allowFormatCells ?? false,
    };
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null) sheet.cells.set(toA1({ row: r, col: c }), { value: v, type: typeOf(v) });
      }),
    );
    this.sheets.push(sheet);
    return sheet;
  }

  setCell(sheet: string, address: string, cell: FakeCell): void {
    this.sheet(sheet)!.cells.set(address, cell);
  }

  cell(sheet: string, address: string): FakeCell | undefined {
    return this.sheet(sheet)?.cells.get(address);
  }

  get excel(): ExcelApi {
    return {
      // Excel.run(batch) makes a new context; Excel.run(context, batch) reuses one, as the events doc removes a
      // handler: `Excel.run(eventResult.context, …)` (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events).
      run: (async <T>(
        first: FakeContext | ((context: Excel.RequestContext) => Promise<T>),
        second?: (context: Excel.RequestContext) => Promise<T>,
      ): Promise<T> => {
        if (typeof first === "function") return first(new FakeContext(this) as unknown as Excel.RequestContext);
        if (!(first instanceof FakeContext)) throw new OfficeError("InvalidArgument", "Excel.run(context, batch)");
        return second!(first as unknown as Excel.RequestContext);
      }) as ExcelApi["run"],
      createWorkbook: async (base64?: string) => {
        this.createdWorkbooks.push(base64 ?? "");
      },
    };
  }

  get office(): OfficeApi {
    return {
      context: {
        platform: this.platform,
        requirements: {
          isSetSupported: (name: string, version?: string) =>
            name === "ExcelApi" && Number((version ?? "1.1").split(".")[1]) <= this.apiVersion,
        },
      },
    };
  }
}

function typeOf(v: FakeValue): string {
  if (typeof v === "boolean") return "Boolean";
  if (typeof v === "number") return Number.isInteger(v) ? "Integer" : "Double";
  if (v === "") return "Empty";
  if (/^#(DIV\/0!|N\/A|VALUE!|REF!|NAME\?|NUM!|NULL!)$/.test(v)) return "Error";
  return "String";
}

/** Excel's serial number of a date (days since 1899-12-30). */
function dateSerial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** Date-like text as Excel takes it when typed (zh-CN/en-US order): 2020-01-31, 2020/1/31, 2020-01, 1-2, 1/2. */
function parseDate(text: string): number | null {
  let m = /^(\d{4})[-/](\d{1,2})(?:[-/](\d{1,2}))?$/.exec(text);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return dateSerial(Number(m[1]), Number(m[2]), Number(m[3] ?? 1));
  m = /^(\d{1,2})[-/](\d{1,2})$/.exec(text);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12 && Number(m[2]) >= 1 && Number(m[2]) <= 31) {
    return dateSerial(2026, Number(m[1]), Number(m[2]));
  }
  return null;
}

/**
 * What Excel does with a string assigned through Range.values: it is taken like typed input. Text starting
 * with "=", "+" or "-" becomes a formula ("If the returned value starts with a plus ("+"), minus ("-"), or
 * equal sign ("="), Excel interprets this value as a formula", index.d.ts Range.values); numbers, booleans,
 * percents and dates are converted (index.d.ts Range.values: a locale-neutral "ISO (YYYY-MM-DD)" string
 * is stored as a date; "a1.values = '2018-12-31'" gives a date with number format m/d/yyyy, OfficeDev/office-js#229); a leading apostrophe keeps the rest as text (OfficeDev/office-js#6687).
 */
function excelParse(input: unknown): FakeCell | null {
  if (input === null || input === undefined) return null;
  if (typeof input === "number" || typeof input === "boolean") return { value: input, type: typeOf(input) };
  const text = String(input);
  if (text === "") return { value: "", type: "Empty" };
  if (text.startsWith("'")) return { value: text.slice(1), type: "String" };
  if (/^[=+\-@]/.test(text) && text.length > 1 && !/^[+-]?\d+(\.\d+)?%?$/.test(text) && parseDate(text) === null) {
    return { value: 0, type: "Double", formula: text };
  }
  if (/^[+-]?\d+(\.\d+)?$/.test(text)) return { value: Number(text), type: "Double" };
  if (/^[+-]?\d+(\.\d+)?%$/.test(text)) return { value: Number(text.slice(0, -1)) / 100, type: "Double", format: "0%" };
  const date = parseDate(text);
  if (date !== null) return { value: date, type: "Double", format: "m/d/yyyy" };
  if (/^(true|false)$/i.test(text)) return { value: text.toLowerCase() === "true", type: "Boolean" };
  return { value: text, type: "String" };
}

interface Bounds {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

const A1_BOUNDS: Bounds = { r0: 0, c0: 0, r1: 0, c1: 0 };

/** The used area of a sheet: cells with a value, or (valuesOnly false) also with a fill or number format. */
function usedBounds(sheet: FakeSheet, valuesOnly: boolean): { r0: number; c0: number; r1: number; c1: number } | null {
  const used = [...sheet.cells.entries()].filter(
    ([, c]) =>
      (c.type !== "Empty" && c.value !== "") || (!valuesOnly && (c.fill !== undefined || c.format !== undefined)),
  );
  if (used.length === 0) return null;
  const b = { r0: Infinity, c0: Infinity, r1: -1, c1: -1 };
  for (const [a] of used) {
    const p = parseA1(a)!;
    b.r0 = Math.min(b.r0, p.row);
    b.c0 = Math.min(b.c0, p.col);
    b.r1 = Math.max(b.r1, p.row);
    b.c1 = Math.max(b.c1, p.col);
  }
  return b;
}

function cellsOf(address: string): string[] {
  const range = parseRange(address);
  if (!range) throw new OfficeError("InvalidArgument", address);
  const out: string[] = [];
  for (let r = range.start.row; r <= range.end.row; r++) {
    for (let c = range.start.col; c <= range.end.col; c++) out.push(toA1({ row: r, col: c }));
  }
  return out;
}

function stripSheet(address: string): { sheet: string | null; local: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: null, local: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1).replace(/\$/g, "") };
}

/** Column-only addresses ("A:E") → the whole columns, rows 1 to 1,048,576. */
function boundedAddress(address: string): string {
  const m = /^([A-Z]+):([A-Z]+)$/.exec(address);
  return m ? `${m[1]}1:${m[2]}1048576` : address;
}

export class FakeContext {
  readonly workbook: unknown;
  readonly application: { suspendApiCalculationUntilNextSync: () => void };
  private actions: Action[] = [];
  /** JSON bytes of what the queued writes send and what the loaded properties return (payload limits). */
  private requestBytes = 0;
  private responseBytes = 0;
  /** Mock objects whose loaded properties resolve at the next sync. */
  private loaders: (() => void)[] = [];

  constructor(private readonly wb: FakeWorkbook) {
    this.application = {
      suspendApiCalculationUntilNextSync: () => this.actions.push(() => void this.wb.calcSuspended++),
    };
    this.workbook = this.makeWorkbook();
  }

  async sync(): Promise<void> {
    this.wb.syncs++;
    const actions = this.actions;
    const loaders = this.loaders;
    this.actions = [];
    this.loaders = [];
    if (this.wb.failNextSync) {
      const e = this.wb.failNextSync;
      this.wb.failNextSync = null;
      throw e;
    }
    if (this.wb.cellEditMode) throw new OfficeError("InvalidOperationInCellEditMode");
    const web = this.wb.platform === "OfficeOnline";
    const request = this.requestBytes;
    this.requestBytes = 0;
    this.wb.largestRequest = Math.max(this.wb.largestRequest, request);
    if (web && request > PAYLOAD_LIMIT) {
      this.wb.refusedPayloads++;
      throw new OfficeError("RequestPayloadSizeLimitExceeded");
    }
    const fail = this.wb.failAfterActions;
    if (fail && actions.length > fail.after) {
      this.wb.failAfterActions = null;
      actions.slice(0, fail.after).forEach((action) => action());
      throw fail.error;
    }
    for (const action of actions) action();
    const late = this.wb.rejectAfterRun;
    if (late && actions.length > 0) {
      this.wb.rejectAfterRun = null;
      throw late;
    }
    this.responseBytes = 0;
    for (const load of loaders) load();
    if (web && this.responseBytes > PAYLOAD_LIMIT) {
      this.wb.refusedPayloads++;
      throw new OfficeError("ResponsePayloadSizeLimitExceeded");
    }
    this.wb.largestResponse = Math.max(this.wb.largestResponse, this.responseBytes);
    // Let the mock objects' own sync settle (it resolves loaded properties in microtasks).
    await new Promise((r) => setTimeout(r, 0));
  }

  /** Queue an action that changes the workbook (counted in FakeWorkbook.writes once it ran). */
  write(action: Action): void {
    this.actions.push(() => {
      action();
      this.wb.writes++;
    });
  }

  structureGuard(): void {
    if (this.wb.structureProtected) throw new OfficeError("AccessDenied", "the workbook structure is protected");
  }

  private requireSheet(name: string): FakeSheet {
    const sheet = this.wb.sheet(name);
    if (!sheet) throw new OfficeError("ItemNotFound", `sheet ${name}`);
    return sheet;
  }

  private makeWorkbook(): unknown {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- getters/setters below cannot be arrow functions
    const ctx = this;
    const wb = this.wb;
    const worksheets = {
      _items: null as unknown[] | null,
      get items(): unknown[] {
        if (!this._items) throw new Error("worksheets.items read before load + sync");
        return this._items;
      },
      load(_props: string) {
        ctx.loaders.push(() => {
          worksheets._items = wb.sheets.map((s, i) => ({
            id: `id${i}`,
            name: s.name,
            visibility: s.visibility,
          }));
        });
        return worksheets;
      },
      getItem: (name: string) => ctx.makeSheet(() => ctx.requireSheet(name), name),
      getItemOrNullObject: (name: string) => ({
        getUsedRangeOrNullObject: (_valuesOnly?: boolean) => ctx.makeUsedRange(() => wb.sheet(name), true),
      }),
      add: (name: string) => {
        ctx.write(() => {
          ctx.structureGuard();
          if (wb.sheet(name)) throw new OfficeError("ItemAlreadyExists", name);
          wb.addSheet(name);
        });
        return ctx.makeSheet(() => ctx.requireSheet(name), name);
      },
      onChanged: {
        // An EventHandlerResult belongs to the context it was added on (index.d.ts class EventHandlerResult:
        // "The request context associated with the object"); add and remove are queued on that context and take
        // effect when it syncs. Events carry `source` ("Local" | "Remote" for a co-author's edit, index.d.ts
        // WorksheetChangedEventArgs) and, from ExcelApi 1.14, `triggerSource`.
        add: (handler: (event: unknown) => Promise<void>) => {
          ctx.actions.push(() => void wb.changeHandlers.push(handler));
          return {
            context: ctx,
            remove: () =>
              ctx.actions.push(() => void (wb.changeHandlers = wb.changeHandlers.filter((h) => h !== handler))),
          };
        },
      },
    };
    const names = {
      _items: null as unknown[] | null,
      get items(): unknown[] {
        if (!this._items) throw new Error("names.items read before load + sync");
        return this._items;
      },
      load(_props: string) {
        ctx.loaders.push(() => {
          names._items = wb.names.map((n) => ({
            ...n,
            delete: () => ctx.write(() => (wb.names = wb.names.filter((x) => x.name !== n.name))),
          }));
        });
        return names;
      },
      add: (name: string, formula: string) => {
        ctx.write(() => {
          if (wb.names.some((n) => n.name.toLowerCase() === name.toLowerCase()))
            throw new OfficeError("ItemAlreadyExists", name);
          wb.names.push({ name, type: "Range", formula });
        });
      },
    };
    const notes = {
      getCount: () => ctx.result(() => wb.notes.size),
      getItem: (address: string) => {
        const { sheet, local } = stripSheet(address);
        const key = `${sheet}!${local}`;
        return {
          delete: () =>
            ctx.write(() => {
              if (!wb.notes.has(key)) throw new OfficeError("ItemNotFound", `note ${key}`);
              wb.notes.delete(key);
            }),
        };
      },
      add: (address: string, content: string) => {
        ctx.write(() => {
          const { sheet, local } = stripSheet(address);
          ctx.requireSheet(sheet ?? "");
          wb.notes.set(`${sheet}!${local}`, content);
        });
      },
      getItemOrNullObject: (address: string) => {
        const { sheet, local } = stripSheet(address);
        const key = `${sheet}!${local}`;
        const mock = new OfficeMockObject({
          content: "",
          delete: () => ctx.write(() => void wb.notes.delete(key)),
        }) as unknown as OfficeMockObject & Record<string, unknown>;
        this.onLoad(mock, () => ({ content: wb.notes.get(key) ?? "", isNullObject: !wb.notes.has(key) }));
        return mock;
      },
    };
    const protection = new OfficeMockObject({ protected: false }) as unknown as OfficeMockObject &
      Record<string, unknown>;
    this.onLoad(protection, () => ({ protected: wb.structureProtected }));
    return {
      worksheets,
      names,
      notes,
      protection,
      insertWorksheetsFromBase64: (base64: string) => {
        ctx.write(() => {
          // "This API is currently only supported for Office on Windows, Mac, and the web" (index.d.ts,
          // Workbook.insertWorksheetsFromBase64), although iPad reports ExcelApi 1.13. The code is assumed.
          if (wb.platform === "iOS") throw new OfficeError("NotImplemented", "insertWorksheetsFromBase64");
          wb.inserted.push(base64);
          for (const s of wb.insertSheets) {
            if (wb.sheet(s.name)) throw new OfficeError("ItemAlreadyExists", s.name);
            wb.sheets.push({ ...s, cells: new Map(s.cells) });
          }
          for (const n of wb.insertNames) {
            const formula =
              wb.insertNamesAs === "ref"
                ? n.formula.replace(/^=.*!/, "=#REF!")
                : wb.insertNamesAs === "unquoted"
                  ? n.formula.replace(/^='([^']+)'!/, "=$1!")
                  : n.formula;
            wb.names.push({ ...n, formula });
          }
          if (wb.insertRejectsAfterInsert) {
            wb.insertRejectsAfterInsert = false;
            throw new OfficeError("GeneralException", "An internal error has occurred.");
          }
        });
        return { value: [] };
      },
    };
  }

  /**
   * A mock whose listed properties become the values `read()` returns at the next sync, if loaded.
   * The mock's own `load` marks them loaded; its `sync` resolves them.
   */
  private onLoad(mock: OfficeMockObject & Record<string, unknown>, read: () => Record<string, unknown>): void {
    this.loaders.push(() => {
      const fresh = read();
      const props = (mock as unknown as { _properties: Map<string, { _valueBeforeLoaded: unknown }> })._properties;
      for (const [k, v] of Object.entries(fresh)) {
        const p = props.get(k);
        if (p && (p as unknown as { _loaded: boolean })._loaded) this.responseBytes += payloadBytes(v);
        if (p) p._valueBeforeLoaded = v;
        // Like Office.js, isNullObject is readable after any sync without a load.
        else if (k === "isNullObject") mock.isNullObject = v;
      }
      void mock.sync();
    });
  }

  private makeSheet(resolve: () => FakeSheet, name: string): unknown {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- getters/setters below cannot be arrow functions
    const ctx = this;
    const protection = new OfficeMockObject({ protected: false }) as unknown as OfficeMockObject &
      Record<string, unknown>;
    this.onLoad(protection, () => ({ protected: resolve().protected }));
    /**
     * Excel.WorksheetProtection (index.d.ts): protect(options, password) "Protects a worksheet. Fails if the worksheet
     * has already been protected" [ExcelApi 1.2 for options; 1.7 for password]; unprotect(password) [1.7 for
     * password] — with a wrong or missing password Excel refuses (AccessDenied here, the code Excel gives for a
     * protected sheet).
     */
    const protectionFacade = Object.assign(protection, {
      protect: (options?: Excel.WorksheetProtectionOptions, password?: string) =>
        ctx.write(() => {
          const sheet = resolve();
          if (sheet.protected) throw new OfficeError("InvalidOperation", `${sheet.name} is already protected`);
          sheet.protected = true;
          sheet.allowFormatCells = options?.allowFormatCells === true;
          sheet.password = password ?? "";
        }),
      unprotect: (password?: string) =>
        ctx.write(() => {
          const sheet = resolve();
          if (!sheet.protected) return;
          if ((sheet.password ?? "") !== (password ?? ""))
            throw new OfficeError("AccessDenied", `${sheet.name}: wrong password`);
          sheet.protected = false;
          sheet.password = "";
        }),
    });
    return {
      protection: protectionFacade,
      set visibility(v: FakeSheet["visibility"]) {
        ctx.write(() => {
          const sheet = resolve();
          ctx.structureGuard();
          sheet.visibility = v;
        });
      },
      load: (_props: string) => {
        // A probe: resolving the sheet fails the batch here, in order, when it no longer exists.
        ctx.actions.push(() => void resolve());
      },
      activate: () => ctx.actions.push(() => void resolve()),
      getUsedRangeOrNullObject: (valuesOnly?: boolean) => ctx.makeUsedRange(resolve, valuesOnly === true),
      getUsedRange: (valuesOnly?: boolean) =>
        ctx.makeComputedRange(resolve, () => usedBounds(resolve(), valuesOnly === true) ?? A1_BOUNDS),
      getRange: (address: string) => ctx.makeRange(resolve, boundedAddress(address), name),
    };
  }

  /** A value read when the next sync runs, like OfficeExtension.ClientResult. */
  result<T>(read: () => T): { readonly value: T } {
    let value: { v: T } | null = null;
    this.loaders.push(() => {
      value = { v: read() };
      this.responseBytes += payloadBytes(value.v);
    });
    return {
      get value(): T {
        if (!value) throw new Error("ClientResult.value read before sync");
        return value.v;
      },
    };
  }

  /**
   * A range whose bounds are computed at sync: `getUsedRange(valuesOnly)` (never null: a blank sheet gives A1),
   * `getResizedRange`, `getBoundingRect`. Loads `address`; `getCellProperties` gives each cell's fill.
   */
  private makeComputedRange(resolve: () => FakeSheet, bounds: () => Bounds): unknown {
    const mock = new OfficeMockObject({ address: "" }) as unknown as OfficeMockObject & Record<string, unknown>;
    this.actions.push(() => void resolve());
    this.onLoad(mock, () => {
      const b = bounds();
      return {
        address: `'${resolve().name}'!${toA1({ row: b.r0, col: b.c0 })}:${toA1({ row: b.r1, col: b.c1 })}`,
      };
    });
    return Object.assign(mock, {
      _bounds: bounds,
      getResizedRange: (dr: number, dc: number) => {
        const resized = (): Bounds => {
          const b = bounds();
          return { ...b, r1: b.r1 + dr, c1: b.c1 + dc };
        };
        // Past the grid's last row or column the batch fails. Documented for getOffsetRange ("If the resulting
        // range is forced outside the bounds of the worksheet grid, an error will be thrown", index.d.ts);
        // assumed alike for getResizedRange (its doc is silent), as is the code.
        this.actions.push(() => {
          const b = resized();
          if (b.r1 >= GRID.rows || b.c1 >= GRID.cols) throw new OfficeError("InvalidArgument", "outside the grid");
        });
        return this.makeComputedRange(resolve, resized);
      },
      getCellProperties: (_options: unknown) => {
        return this.result(() => {
          const sheet = resolve();
          const b = bounds();
          const rows: unknown[][] = [];
          for (let r = b.r0; r <= b.r1; r++) {
            const row: unknown[] = [];
            for (let c = b.c0; c <= b.c1; c++) {
              const fill = sheet.cells.get(toA1({ row: r, col: c }))?.fill ?? WHITE;
              row.push({ format: { fill: { color: fill } } });
            }
            rows.push(row);
          }
          this.wb.cellPropertyCells += rows.length * (rows[0]?.length ?? 0);
          return rows;
        });
      },
    });
  }

  private makeUsedRange(resolve: () => FakeSheet | undefined, valuesOnly: boolean): unknown {
    const mock = new OfficeMockObject({
      address: "",
      values: [],
      valueTypes: [],
      numberFormat: [],
    }) as unknown as OfficeMockObject & Record<string, unknown>;
    this.actions.push(() => void resolve());
    this.onLoad(mock, () => {
      const sheet = resolve();
      const b = sheet ? usedBounds(sheet, valuesOnly) : null;
      if (!sheet || !b) return { isNullObject: true };
      const { r0, c0, r1, c1 } = b;
      const values: unknown[][] = [];
      const types: string[][] = [];
      const formats: string[][] = [];
      for (let r = r0; r <= r1; r++) {
        values.push([]);
        types.push([]);
        formats.push([]);
        for (let c = c0; c <= c1; c++) {
          const cell = sheet.cells.get(toA1({ row: r, col: c }));
          values[r - r0]!.push(cell?.value ?? "");
          types[r - r0]!.push(cell ? (cell.type ?? typeOf(cell.value)) : "Empty");
          formats[r - r0]!.push(cell?.format ?? "General");
        }
      }
      const tl = toA1({ row: r0, col: c0 });
      const br = toA1({ row: r1, col: c1 });
      return {
        address: `'${sheet.name}'!${tl}:${br}`,
        values,
        valueTypes: types,
        numberFormat: formats,
        isNullObject: false,
      };
    });
    return mock;
  }

  private makeRange(resolve: () => FakeSheet, address: string, sheetName: string): unknown {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- getters/setters below cannot be arrow functions
    const ctx = this;
    const wb = this.wb;
    /**
     * A protected sheet (Excel's "Protect Sheet", support.microsoft.com "Lock or unlock specific areas of a protected
     * worksheet"): its locked cells cannot be changed, its unlocked cells can; formatting any cell needs the sheet's
     * "Format cells" permission (Excel.WorksheetProtectionOptions.allowFormatCells, ExcelApi 1.2). A refused action
     * fails the batch with AccessDenied, as Excel does.
     */
    const writeGuard = (sheet: FakeSheet, what: "values" | "format" = "values"): void => {
      if (!sheet.protected) return;
      if (what === "format" && sheet.allowFormatCells) return;
      if (what === "values" && cellsOf(address).every((a) => sheet.cells.get(a)?.locked === false)) return;
      throw new OfficeError("AccessDenied", `${sheet.name} is protected`);
    };
    const fill = new OfficeMockObject({ color: WHITE }) as unknown as OfficeMockObject & Record<string, unknown>;
    // The host sees a facade: reads and loads go to the mock (kept honest), writes are queued as actions.
    const fillFacade = {
      load: (props: string) => {
        this.onLoad(fill, () => {
          const sheet = resolve();
          const colors = new Set(cellsOf(address).map((a) => sheet.cells.get(a)?.fill ?? WHITE));
          return { color: colors.size === 1 ? [...colors][0] : null };
        });
        return fill.load(props);
      },
      get color(): unknown {
        return fill.color;
      },
      set color(value: unknown) {
        ctx.write(() => {
          const sheet = resolve();
          writeGuard(sheet, "format");
          for (const a of cellsOf(address)) {
            const cell = sheet.cells.get(a) ?? { value: "", type: "Empty" };
            sheet.cells.set(a, { ...cell, fill: String(value).toUpperCase() });
          }
        });
      },
      clear: () =>
        ctx.write(() => {
          const sheet = resolve();
          writeGuard(sheet, "format");
          for (const a of cellsOf(address)) {
            const cell = sheet.cells.get(a);
            if (cell) sheet.cells.set(a, { ...cell, fill: undefined });
          }
        }),
    };
    const format = {
      fill: fillFacade,
      set columnWidth(_w: number) {
        ctx.write(() => void resolve());
      },
      /** Excel.FormatProtection.locked [ExcelApi 1.2]: a format change, refused on a protected sheet without allowFormatCells. */
      protection: {
        set locked(value: boolean) {
          ctx.write(() => {
            const sheet = resolve();
            if (sheet.protected) throw new OfficeError("AccessDenied", `${sheet.name} is protected`);
            for (const a of cellsOf(address)) {
              const cell = sheet.cells.get(a) ?? { value: "", type: "Empty" };
              sheet.cells.set(a, { ...cell, locked: value });
            }
          });
        },
      },
    };
    // Loaded values of the range (values, valueTypes, numberFormat), honest through the mock like the used range.
    const data = new OfficeMockObject({ values: [], valueTypes: [], numberFormat: [] }) as unknown as OfficeMockObject &
      Record<string, unknown>;
    return {
      format,
      load: (props: string) => {
        this.onLoad(data, () => {
          const sheet = resolve();
          const range = parseRange(address)!;
          const values: unknown[][] = [];
          const types: string[][] = [];
          const formats: string[][] = [];
          for (let r = range.start.row; r <= range.end.row; r++) {
            const i = values.push([]) - 1;
            types.push([]);
            formats.push([]);
            for (let c = range.start.col; c <= range.end.col; c++) {
              const cell = sheet.cells.get(toA1({ row: r, col: c }));
              values[i]!.push(cell?.value ?? "");
              types[i]!.push(cell ? (cell.type ?? typeOf(cell.value)) : "Empty");
              formats[i]!.push(cell?.format ?? "General");
            }
          }
          return { values, valueTypes: types, numberFormat: formats };
        });
        data.load(props);
      },
      get values(): unknown {
        return data.values;
      },
      get valueTypes(): unknown {
        return data.valueTypes;
      },
      get numberFormat(): unknown {
        return data.numberFormat;
      },
      set values(block: unknown[][]) {
        ctx.requestBytes += payloadBytes(block);
        ctx.write(() => {
          checkShape(block, address);
          const sheet = resolve();
          writeGuard(sheet);
          const start = parseRange(address)!.start;
          block.forEach((row, r) =>
            row.forEach((v, c) => {
              const parsed = excelParse(v);
              if (!parsed) return;
              const a = toA1({ row: start.row + r, col: start.col + c });
              const old = sheet.cells.get(a);
              sheet.cells.set(a, { ...old, ...parsed, fill: old?.fill, format: parsed.format ?? old?.format });
            }),
          );
        });
      },
      set numberFormat(block: (string | null)[][]) {
        ctx.requestBytes += payloadBytes(block);
        ctx.write(() => {
          checkShape(block, address);
          const sheet = resolve();
          writeGuard(sheet, "format");
          const start = parseRange(address)!.start;
          block.forEach((row, r) =>
            row.forEach((f, c) => {
              if (f === null) return;
              const a = toA1({ row: start.row + r, col: start.col + c });
              const old = sheet.cells.get(a) ?? { value: "", type: "Empty" };
              sheet.cells.set(a, { ...old, format: f });
            }),
          );
        });
      },
      clear: (_what: string) =>
        ctx.write(() => {
          const sheet = resolve();
          writeGuard(sheet);
          const range = parseRange(address)!;
          for (const [a, cell] of sheet.cells) {
            const p = parseA1(a)!;
            if (p.row < range.start.row || p.row > range.end.row || p.col < range.start.col || p.col > range.end.col)
              continue;
            sheet.cells.set(a, { ...cell, value: "", type: "Empty", formula: undefined });
          }
        }),
      getBoundingRect: (other: { _bounds: () => Bounds }) =>
        ctx.makeComputedRange(resolve, () => {
          const own = parseRange(address)!;
          const b = other._bounds();
          return {
            r0: Math.min(own.start.row, b.r0),
            c0: Math.min(own.start.col, b.c0),
            r1: Math.max(own.end.row, b.r1),
            c1: Math.max(own.end.col, b.c1),
          };
        }),
      select: () => ctx.actions.push(() => void (resolve(), (wb.selected = `${sheetName}!${address}`))),
    };
  }
}
