import { HostError, hostFailure } from "../common";
import type { HostErrorCode, HostReason } from "../common";

/**
 * Office.js error codes (OfficeExtension.Error.code) → the reason the host gives (host-messages.ts words it in
 * zh-CN and en; its code is what the pane branches on). Codes not listed are `excel_failed` (code `unknown`).
 */
const REASON_OF: Readonly<Record<string, HostReason & `${"excel" | "payload"}_${string}`>> = {
  InvalidOperationInCellEditMode: "excel_cell_edit",
  AccessDenied: "excel_access_denied",
  ItemNotFound: "excel_not_found",
  ApiNotFound: "excel_unsupported",
  NotImplemented: "excel_unsupported",
  UnsupportedOperation: "excel_unsupported",
  ItemAlreadyExists: "excel_exists",
  ActivityLimitReached: "excel_busy",
  Conflict: "excel_busy",
  // Excel on the web's 5 MB per request and response: their own words, although they share a code.
  RequestPayloadSizeLimitExceeded: "payload_request_too_large",
  ResponsePayloadSizeLimitExceeded: "payload_response_too_large",
};

interface OfficeLikeError {
  readonly code?: unknown;
  readonly message?: unknown;
}

/** Any error thrown by Excel.run / context.sync → HostError (a HostError passes through unchanged). */
export function toHostError(error: unknown): HostError {
  if (error instanceof HostError) return error;
  const e = (typeof error === "object" && error !== null ? error : {}) as OfficeLikeError;
  const officeCode = typeof e.code === "string" ? e.code : "";
  const detail = [officeCode, typeof e.message === "string" ? e.message : String(error)].filter(Boolean).join(": ");
  return hostFailure(REASON_OF[officeCode] ?? "excel_failed", {}, detail);
}

/** The reason for a code when no sheet is named (what Excel itself would have said for it). */
const REASON_OF_CODE: Readonly<Partial<Record<HostErrorCode, HostReason & `excel_${string}`>>> = {
  api_unsupported: "excel_unsupported",
  cell_edit_mode: "excel_cell_edit",
  sheet_protected: "excel_access_denied",
  sheet_missing: "excel_not_found",
  sheets_exist: "excel_exists",
  busy: "excel_busy",
};

/**
 * A failure about named sheets (「评价结果」, 「指标体系、评价结果」) by its code, or by its code alone: the
 * zh-CN words name the sheets in a trailing （…）, which the pane reads (taskpane/host-error.ts namedSheets).
 */
export function hostError(
  code: "sheet_protected" | "sheet_missing" | "sheets_exist" | "api_unsupported" | "cell_edit_mode" | "busy",
  sheets?: string,
  detail?: string,
): HostError {
  if (sheets && code === "sheet_protected") return hostFailure("sheets_protected", { sheets }, detail);
  if (sheets && code === "sheet_missing") return hostFailure("sheets_missing", { sheets }, detail);
  if (sheets && code === "sheets_exist") return hostFailure("template_sheets_exist", { sheets }, detail);
  return hostFailure(REASON_OF_CODE[code] ?? "excel_failed", {}, detail);
}
