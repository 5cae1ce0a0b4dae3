import { HostError } from "../common";
import type { HostErrorCode } from "../common";

/** Office.js error codes (OfficeExtension.Error.code) we turn into a HostError the pane can explain. */
const CODE_MAP: Readonly<Record<string, HostErrorCode>> = {
  InvalidOperationInCellEditMode: "cell_edit_mode",
  AccessDenied: "sheet_protected",
  ItemNotFound: "sheet_missing",
  ApiNotFound: "api_unsupported",
  NotImplemented: "api_unsupported",
  UnsupportedOperation: "api_unsupported",
  ItemAlreadyExists: "sheets_exist",
  ActivityLimitReached: "busy",
  Conflict: "busy",
};

/** The messages shown in the pane for each code (zh-CN; the pane may translate by `code`). */
export const HOST_ERROR_MESSAGES: Readonly<Record<HostErrorCode, string>> = {
  api_unsupported: "当前 Excel 版本不支持此功能，请升级到 Microsoft 365 或 Excel 2021 及以上版本。",
  cell_edit_mode: "Excel 正处于单元格编辑状态。请先按 Enter 或 Esc 结束编辑，再重试。",
  sheet_protected: "工作表受保护，无法写入。请在“审阅 > 撤消工作表保护”后重试。",
  sheet_missing: "找不到需要的工作表或单元格（可能已被重命名或删除）。请重新校验后再试。",
  sheets_exist: "工作簿中已有同名工作表，未做任何修改。请在新的空白工作簿中创建模板。",
  file_unreadable: "无法读取文件。",
  not_xlsx: "这不是 .xlsx 工作簿。",
  busy: "Excel 正忙，请稍后重试。",
  unknown: "Excel 操作失败，未做任何修改。",
};

/** Office errors that need their own words although they share a code. */
const SPECIFIC_MESSAGES: Readonly<Record<string, string>> = {
  RequestPayloadSizeLimitExceeded:
    "工作簿内容过大，Excel 网页版无法一次处理（单次上限约 5 MB），未做任何修改。请删去不需要的工作表，或改用桌面版 Excel。",
  ResponsePayloadSizeLimitExceeded:
    "工作簿内容过大，Excel 网页版无法一次读取（单次上限约 5 MB）。请删去不需要的工作表，或改用桌面版 Excel。",
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
  const code = CODE_MAP[officeCode] ?? "unknown";
  const detail = [officeCode, typeof e.message === "string" ? e.message : String(error)].filter(Boolean).join(": ");
  return new HostError(code, SPECIFIC_MESSAGES[officeCode] ?? HOST_ERROR_MESSAGES[code], detail);
}

/** Build a HostError with the standard message, optionally followed by specifics (e.g. which sheets). */
export function hostError(code: HostErrorCode, specifics?: string, detail?: string): HostError {
  const message = specifics ? `${HOST_ERROR_MESSAGES[code]}（${specifics}）` : HOST_ERROR_MESSAGES[code];
  return new HostError(code, message, detail);
}
