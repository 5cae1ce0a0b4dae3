import type { CellRef, WorkbookSnapshot, WritePlan, Diagnostic } from "../../engine";
import type { HostReason, HostReasons } from "./host-messages";

/** What a host reports after applying a write plan: how many cells it wrote, per sheet. */
export interface WriteSummary {
  readonly cellsBySheet: Readonly<Record<string, number>>;
  readonly createdSheets: readonly string[];
}

/** Why a host operation failed, in one shape for every host. The pane shows `code` through its catalog. */
export type HostErrorCode =
  | "api_unsupported"
  | "cell_edit_mode"
  | "sheet_protected"
  | "sheet_missing"
  | "sheets_exist"
  | "file_unreadable"
  | "not_xlsx"
  | "busy"
  | "unknown";

export class HostError extends Error {
  override readonly name = "HostError";
  constructor(
    readonly code: HostErrorCode,
    message: string,
    readonly detail?: string,
    /** The host's reason and its parameters (host-messages.ts words it in any language), when it gave one. */
    readonly reason?: { readonly reason: HostReason; readonly params: HostReasons[HostReason] },
  ) {
    super(message);
  }
}

/**
 * 发布 as a host carries it out: the engine's record of the configuration (writes to _meta), the sheets to protect
 * and the ranges on them left editable (the department's cells and the add-in's outputs), and an optional password.
 */
export interface PublishRequest {
  readonly writePlan: WritePlan;
  readonly protect: readonly string[];
  readonly unlock: readonly { readonly sheet: string; readonly range: string }[];
  readonly password?: string;
}

/**
 * The one interface the task pane talks to. Implemented by the Office.js host (inside Excel)
 * and by the browser host (an .xlsx file opened in a plain web page).
 */
export interface WorkbookHost {
  readonly kind: "office" | "browser";
  /** Read every sheet's values and the defined names in one round trip. */
  readSnapshot(): Promise<WorkbookSnapshot>;
  /** Write the plan's values in one batch; never touches any other cell. */
  applyWritePlan(plan: WritePlan): Promise<WriteSummary>;
  /** Mark the cells of these diagnostics (clearing the host's earlier marks, not the user's formatting). */
  markDiagnostics(diagnostics: readonly Diagnostic[]): Promise<void>;
  /**
   * Optional: `applyWritePlan` and `markDiagnostics` in one write batch (the Office host: one sync). Hosts
   * without it get the two calls.
   */
  applyAndMark?(plan: WritePlan, diagnostics: readonly Diagnostic[]): Promise<WriteSummary>;
  /** Select (and scroll to) a cell. */
  selectCell(ref: CellRef): Promise<void>;
  /** Insert the standard template's sheets into the current workbook (never overwrites existing sheets). */
  createTemplate(): Promise<void>;
  /** Open the filled seed example (a new workbook in Excel, or the bundled file in the browser). */
  openExample(): Promise<void>;
  /** Hand a generated file (e.g. the .docx report) to the user. */
  saveFile(fileName: string, bytes: Uint8Array, mimeType: string): Promise<void>;
  /** Optional: 发布 — write the record and protect the configuration sheets (hosts without it offer no 发布). */
  publish?(request: PublishRequest): Promise<WriteSummary>;
}
