import type { Diagnostic, WritePlan } from "../../engine";
import type { WorkbookHost, WriteSummary } from "../common";

/** The part of the global `Excel` namespace the host uses (injectable for tests). */
export interface ExcelApi {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** A batch on an existing context (an event registration is removed on its own context). */
  run<T>(
    context: OfficeExtension.ClientRequestContext,
    batch: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T>;
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
