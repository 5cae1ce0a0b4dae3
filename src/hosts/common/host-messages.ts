/**
 * What a host failure says, in each language, by the reason the host found: one catalog for every host, so
 * the command line's `--lang en` is English and the pane can word a specific failure (a file too large, a
 * sheet that went missing) instead of only its code. Hosts throw `hostFailure(reason, params)`; the words are
 * chosen where they are shown (`hostErrorText`).
 */
import type { Catalog, Catalogs, Lang } from "../../engine";
import { catalogIn, defineCatalogs, translate } from "../../engine";
import type { HostErrorCode } from "./types";
import { HostError } from "./types";

/** Every reason a host gives, with the parameters its words need. */
export interface HostReasons {
  readonly empty_file: Record<string, never>;
  readonly encrypted_or_xls: Record<string, never>;
  readonly not_zip: Record<string, never>;
  readonly corrupt_zip: Record<string, never>;
  readonly too_large_unpacked: { readonly mb: number; readonly limitMb: number };
  readonly zip_not_workbook: Record<string, never>;
  readonly unreadable_content: Record<string, never>;
  readonly formulas_without_value: { readonly cells: string; readonly more: number };
  readonly write_sheet_missing: { readonly sheet: string };
  readonly write_address_invalid: { readonly address: string };
  readonly save_failed: Record<string, never>;
  // The Office host: what Excel refused (by its error code), and what the host refused before writing.
  readonly excel_unsupported: Record<string, never>;
  readonly excel_cell_edit: Record<string, never>;
  readonly excel_access_denied: Record<string, never>;
  readonly excel_not_found: Record<string, never>;
  readonly excel_exists: Record<string, never>;
  readonly excel_busy: Record<string, never>;
  readonly excel_failed: Record<string, never>;
  readonly payload_request_too_large: Record<string, never>;
  readonly payload_response_too_large: Record<string, never>;
  /** Sheets the plan writes to that are not there (named in a trailing （…）, which the pane reads). */
  readonly sheets_missing: { readonly sheets: string };
  /** Sheets the plan writes to that are protected (named in a trailing （…）). */
  readonly sheets_protected: { readonly sheets: string };
  readonly structure_protected: { readonly sheets: string };
  /** Template sheets already in the workbook (named in a trailing （…）). */
  readonly template_sheets_exist: { readonly sheets: string };
  readonly template_names_exist: { readonly names: string };
  readonly template_insert_unsupported: Record<string, never>;
  readonly template_insert_ipad: Record<string, never>;
  readonly example_unsupported: Record<string, never>;
  readonly download_mac: Record<string, never>;
  readonly download_unsupported: Record<string, never>;
  readonly asset_unavailable: { readonly name: string };
}

export type HostReason = keyof HostReasons;

/** The code each reason reports under (what the pane and scripts branch on). */
const CODE_OF: Readonly<Record<HostReason, HostErrorCode>> = {
  empty_file: "file_unreadable",
  encrypted_or_xls: "file_unreadable",
  not_zip: "not_xlsx",
  corrupt_zip: "file_unreadable",
  too_large_unpacked: "file_unreadable",
  zip_not_workbook: "not_xlsx",
  unreadable_content: "file_unreadable",
  formulas_without_value: "file_unreadable",
  write_sheet_missing: "sheet_missing",
  write_address_invalid: "unknown",
  save_failed: "unknown",
  excel_unsupported: "api_unsupported",
  excel_cell_edit: "cell_edit_mode",
  excel_access_denied: "sheet_protected",
  excel_not_found: "sheet_missing",
  excel_exists: "sheets_exist",
  excel_busy: "busy",
  excel_failed: "unknown",
  payload_request_too_large: "unknown",
  payload_response_too_large: "unknown",
  sheets_missing: "sheet_missing",
  sheets_protected: "sheet_protected",
  structure_protected: "sheet_protected",
  template_sheets_exist: "sheets_exist",
  template_names_exist: "sheets_exist",
  template_insert_unsupported: "api_unsupported",
  template_insert_ipad: "api_unsupported",
  example_unsupported: "api_unsupported",
  download_mac: "api_unsupported",
  download_unsupported: "api_unsupported",
  asset_unavailable: "file_unreadable",
};

const ZH: Catalog<HostReasons> = {
  empty_file: () => "文件是空的（0 字节），请重新选择 .xlsx 文件。",
  encrypted_or_xls: () =>
    "无法读取：文件设置了打开密码（已加密），或是旧版 .xls 格式。请在 Excel 中取消密码或另存为 .xlsx 后再打开。",
  not_zip: () => "这不是 Excel 工作簿（.xlsx）文件，请选择 .xlsx 文件。",
  corrupt_zip: () => "文件已损坏或不完整，无法打开。请重新保存或重新下载该文件。",
  too_large_unpacked: (p) =>
    `文件解压后约 ${p.mb} MB，远大于绩效评价工作簿（上限 ${p.limitMb} MB），为防止耗尽内存未打开。请确认选择的是正确的文件。`,
  zip_not_workbook: () => "这是压缩文件，但不是 Excel 工作簿（.xlsx），请选择 .xlsx 文件。",
  unreadable_content: () => "文件已损坏，Excel 工作簿的内容无法读取。请在 Excel 中打开并重新保存后再试。",
  formulas_without_value: (p) =>
    `以下单元格的公式没有计算结果：${p.cells}${p.more > 0 ? ` 等 ${p.more} 个单元格` : ""}。请在 Excel 或 WPS 中打开，重新计算（F9）并保存后再试。`,
  write_sheet_missing: (p) => `工作表“${p.sheet}”不存在，无法写入结果。`,
  write_address_invalid: (p) => `写入位置无效：${p.address}`,
  save_failed: () => "保存工作簿时出错。",
  excel_unsupported: () => "当前 Excel 版本不支持此功能，请升级到 Microsoft 365 或 Excel 2021 及以上版本。",
  excel_cell_edit: () => "Excel 正处于单元格编辑状态。请先按 Enter 或 Esc 结束编辑，再重试。",
  excel_access_denied: () => "工作表受保护，无法写入。请在“审阅 > 撤消工作表保护”后重试。",
  excel_not_found: () => "找不到需要的工作表或单元格（可能已被重命名或删除）。请重新校验后再试。",
  excel_exists: () => "工作簿中已有同名工作表，未做任何修改。请在新的空白工作簿中创建模板。",
  excel_busy: () => "Excel 正忙，请稍后重试。",
  excel_failed: () => "Excel 操作失败，未做任何修改。",
  payload_request_too_large: () =>
    "工作簿内容过大，Excel 网页版无法一次处理（单次上限约 5 MB），未做任何修改。请删去不需要的工作表，或改用桌面版 Excel。",
  payload_response_too_large: () =>
    "工作簿内容过大，Excel 网页版无法一次读取（单次上限约 5 MB）。请删去不需要的工作表，或改用桌面版 Excel。",
  sheets_missing: (p) => `找不到需要的工作表或单元格（可能已被重命名或删除）。请重新校验后再试。（${p.sheets}）`,
  sheets_protected: (p) => `工作表受保护，无法写入。请在“审阅 > 撤消工作表保护”后重试。（${p.sheets}）`,
  structure_protected: (p) =>
    `工作簿结构受保护，不能新建工作表 ${p.sheets}，未做任何修改。请在“审阅 > 保护工作簿”中取消保护后重试。`,
  template_sheets_exist: (p) => `工作簿中已有同名工作表，未做任何修改。请在新的空白工作簿中创建模板。（${p.sheets}）`,
  template_names_exist: (p) => `工作簿中已有与模板同名的名称 ${p.names}，未做任何修改。请在新的空白工作簿中创建模板。`,
  template_insert_unsupported: () =>
    "此版本的 Excel 不能向当前工作簿插入模板（需要 ExcelApi 1.13）。请直接打开模板文件 standard-template.xlsx。",
  template_insert_ipad: () => "iPad 版 Excel 不能向当前工作簿插入模板。请直接打开模板文件 standard-template.xlsx。",
  example_unsupported: () =>
    "此版本的 Excel 不能新建工作簿（需要 ExcelApi 1.8）。请直接打开示例文件 example-wanzhou-2020.xlsx。",
  download_mac: () =>
    "Excel for Mac 的任务窗格不能下载文件。请在 Excel 网页版或 Windows 版中生成，或用命令行 perfeval report 生成 .docx。",
  download_unsupported: () => "此环境不能下载文件。",
  asset_unavailable: (p) => `无法从加载项的服务器读取 ${p.name}，未做任何修改。请检查网络连接后重试。`,
};

const EN: Catalog<HostReasons> = {
  empty_file: () => "The file is empty (0 bytes); choose the .xlsx file again.",
  encrypted_or_xls: () =>
    "Cannot read it: the file has an open password (it is encrypted) or is an old .xls file. Remove the password or save it as .xlsx in Excel, then open it again.",
  not_zip: () => "This is not an Excel workbook (.xlsx); choose an .xlsx file.",
  corrupt_zip: () => "The file is damaged or incomplete and cannot be opened; save or download it again.",
  too_large_unpacked: (p) =>
    `Unpacked, the file is about ${p.mb} MB, far more than an evaluation workbook (limit ${p.limitMb} MB); it was not opened, so memory is not exhausted. Check that this is the right file.`,
  zip_not_workbook: () => "This is a zip archive but not an Excel workbook (.xlsx); choose an .xlsx file.",
  unreadable_content: () =>
    "The file is damaged: the workbook's contents cannot be read. Open it in Excel, save it again and retry.",
  formulas_without_value: (p) =>
    `These cells have formulas saved without a result: ${p.cells}${p.more > 0 ? ` and ${p.more} more` : ""}. Open the file in Excel or WPS, recalculate (F9), save it and try again.`,
  write_sheet_missing: (p) => `The sheet "${p.sheet}" does not exist, so the results cannot be written.`,
  write_address_invalid: (p) => `Invalid place to write: ${p.address}`,
  save_failed: () => "Saving the workbook failed.",
  excel_unsupported: () =>
    "This version of Excel does not support this feature; use Microsoft 365 or Excel 2021 or later.",
  excel_cell_edit: () => "Excel is editing a cell. Press Enter or Esc to finish, then retry.",
  excel_access_denied: () =>
    "The sheet is protected and cannot be written. Unprotect it (Review > Unprotect Sheet) and retry.",
  excel_not_found: () =>
    "A sheet or cell the template needs is missing (renamed or deleted?). Validate again and retry.",
  excel_exists: () =>
    "The workbook already has sheets of these names; nothing was changed. Create the template in a new, blank workbook.",
  excel_busy: () => "Excel is busy; try again shortly.",
  excel_failed: () => "The Excel operation failed; nothing was changed.",
  payload_request_too_large: () =>
    "The workbook is too large for Excel on the web to handle at once (about 5 MB per request); nothing was changed. Delete the sheets you do not need, or use Excel on the desktop.",
  payload_response_too_large: () =>
    "The workbook is too large for Excel on the web to read at once (about 5 MB per response). Delete the sheets you do not need, or use Excel on the desktop.",
  sheets_missing: (p) =>
    `A sheet or cell the template needs is missing (renamed or deleted?): ${p.sheets}. Validate again and retry.`,
  sheets_protected: (p) =>
    `The sheet ${p.sheets} is protected and cannot be written. Unprotect it (Review > Unprotect Sheet) and retry.`,
  structure_protected: (p) =>
    `The workbook's structure is protected, so the sheets ${p.sheets} cannot be added; nothing was changed. Unprotect the workbook (Review > Protect Workbook) and retry.`,
  template_sheets_exist: (p) =>
    `The workbook already has sheets named as the template's (${p.sheets}); nothing was changed. Create the template in a new, blank workbook.`,
  template_names_exist: (p) =>
    `The workbook already has names the template defines (${p.names}); nothing was changed. Create the template in a new, blank workbook.`,
  template_insert_unsupported: () =>
    "This version of Excel cannot insert the template into the open workbook (it needs ExcelApi 1.13). Open the template file standard-template.xlsx instead.",
  template_insert_ipad: () =>
    "Excel on iPad cannot insert the template into the open workbook. Open the template file standard-template.xlsx instead.",
  example_unsupported: () =>
    "This version of Excel cannot create a workbook (it needs ExcelApi 1.8). Open the example file example-wanzhou-2020.xlsx instead.",
  download_mac: () =>
    "The task pane of Excel for Mac cannot download files. Generate it in Excel on the web or on Windows, or run perfeval report on the command line for the .docx.",
  download_unsupported: () => "Files cannot be downloaded here.",
  asset_unavailable: (p) =>
    `${p.name} could not be read from the add-in's server; nothing was changed. Check the network connection and retry.`,
};

/** What each reason says, in every language. */
export const HOST_MESSAGES: Catalogs<Catalog<HostReasons>> = defineCatalogs(ZH, EN);

/** What a failure of each code says, and what to do about it. */
export interface HostCodeText {
  readonly message: string;
  readonly fix: string;
}

/** The words for a code (any host, any language): the message when no reason was given, and the fix. */
export const HOST_CODE_MESSAGES: Catalogs<Readonly<Record<HostErrorCode, HostCodeText>>> = defineCatalogs(
  {
    api_unsupported: {
      message: "这个版本的 Excel 不支持此操作。",
      fix: "请改用 Microsoft 365 或 Excel 网页版，或使用浏览器页面处理 .xlsx 文件。",
    },
    cell_edit_mode: {
      message: "Excel 正在编辑某个单元格，暂时无法读写。",
      fix: "请按 Enter 或 Esc 结束单元格编辑，然后再试一次。",
    },
    sheet_protected: {
      message: "要写入的工作表受保护。",
      fix: "请在「审阅」中撤销工作表保护，然后再试一次。",
    },
    sheet_missing: {
      message: "找不到需要的工作表。",
      fix: "请不要删除或重命名模板中的工作表；可以新建标准模板后把数据复制过去。",
    },
    sheets_exist: {
      message: "工作簿中已有同名的模板工作表。",
      fix: "请在空白工作簿中新建标准模板，或先重命名现有的工作表。",
    },
    file_unreadable: {
      message: "无法读取这个文件。",
      fix: "请确认文件没有损坏，并在 Excel 中另存为 .xlsx 后再打开。",
    },
    not_xlsx: {
      message: "这不是 .xlsx 格式的工作簿。",
      fix: "请在 Excel 或 WPS 中另存为「Excel 工作簿 (.xlsx)」后再打开。",
    },
    busy: {
      message: "Excel 正忙，暂时无法完成操作。",
      fix: "请稍候片刻再试一次。",
    },
    unknown: {
      message: "操作没有完成，出现了意外的问题。",
      fix: "请再试一次；如果仍然失败，请保存工作簿后重新打开。",
    },
  },
  {
    api_unsupported: {
      message: "This version of Excel does not support this action.",
      fix: "Use Microsoft 365 or Excel on the web, or the browser page for .xlsx files.",
    },
    cell_edit_mode: {
      message: "Excel is editing a cell and cannot read or write now.",
      fix: "Press Enter or Esc to finish editing the cell, then try again.",
    },
    sheet_protected: {
      message: "The sheet to write is protected.",
      fix: "Unprotect the sheet under Review, then try again.",
    },
    sheet_missing: {
      message: "A sheet the template needs is missing.",
      fix: "Do not delete or rename the template's sheets; create a new standard template and copy your data into it.",
    },
    sheets_exist: {
      message: "The workbook already has sheets with the template's names.",
      fix: "Create the template in a blank workbook, or rename the existing sheets first.",
    },
    file_unreadable: {
      message: "The file cannot be read.",
      fix: "Check that the file is not damaged, save it again as .xlsx in Excel and reopen it.",
    },
    not_xlsx: {
      message: "This is not an .xlsx workbook.",
      fix: 'Save it as "Excel Workbook (.xlsx)" in Excel or WPS and open it again.',
    },
    busy: {
      message: "Excel is busy and cannot finish the action now.",
      fix: "Wait a moment and try again.",
    },
    unknown: {
      message: "The action did not finish because of an unexpected problem.",
      fix: "Try again; if it still fails, save the workbook and reopen it.",
    },
  },
);

/** A HostError for this reason: the code it reports under, its Chinese words as the message, the reason kept. */
export function hostFailure<K extends HostReason>(reason: K, params: HostReasons[K], detail?: string): HostError {
  return new HostError(CODE_OF[reason], translate(HOST_MESSAGES, "zh-CN", reason, params), detail, { reason, params });
}

/** What a host failure says in `lang`: its reason's words, else its code's. */
export function hostErrorText(error: HostError, lang: Lang): string {
  const why = error.reason;
  if (why) return translate(HOST_MESSAGES, lang, why.reason, why.params);
  return lang === "zh-CN" && error.message ? error.message : catalogIn(HOST_CODE_MESSAGES, lang)[error.code].message;
}
