/**
 * Sheet protection for a published template (exceljs): the configuration sheets are protected so that a
 * department cannot change the rubric, 字段定义 or 校验规则 by accident, with the cells it fills (and the cells the
 * add-in writes) unlocked. A password is optional; without one, protection is a guard against slips, not a lock
 * (Excel and WPS lift it from 审阅 → 撤销工作表保护).
 */
import type { Workbook } from "exceljs";
import { parseRange } from "../../engine";
import { hostFailure } from "../common";

export interface ProtectOptions {
  readonly sheets: readonly string[];
  /** Ranges on those sheets that stay editable. */
  readonly unlock: readonly { readonly sheet: string; readonly range: string }[];
  readonly password?: string;
}

/**
 * What a protected sheet still allows: selecting, widening columns and rows, and formatting cells — the add-in sets
 * the number format of the outputs it writes, and Excel refuses any formatting on a protected sheet without this
 * (Excel.WorksheetProtectionOptions.allowFormatCells). Never inserting or deleting rows or columns.
 */
const ALLOWED = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatCells: true,
  formatColumns: true,
  formatRows: true,
} as const;

export async function protectSheets(wb: Workbook, options: ProtectOptions): Promise<void> {
  for (const { sheet, range } of options.unlock) {
    const ws = wb.getWorksheet(sheet);
    const r = parseRange(range);
    if (!ws || !r) throw hostFailure("write_address_invalid", { address: `${sheet}!${range}` }, range);
    for (let row = r.start.row; row <= r.end.row; row++)
      for (let col = r.start.col; col <= r.end.col; col++) {
        const cell = ws.getCell(row + 1, col + 1);
        // exceljs shares style objects between cells: the cell gets its own copy (see setNumberFormat).
        cell.style = { ...cell.style, protection: { locked: false } };
      }
  }
  for (const name of options.sheets) {
    const ws = wb.getWorksheet(name);
    if (!ws) throw hostFailure("write_sheet_missing", { sheet: name }, name);
    await ws.protect(options.password ?? "", { ...ALLOWED });
  }
}
