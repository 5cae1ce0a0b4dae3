/** Writes a template description (or its layout) as an .xlsx workbook with exceljs. */
import ExcelJS from "exceljs";
import type { DataValidation, Worksheet } from "exceljs";
import { layoutTemplate } from "../../templates";
import type { LayoutCell, LayoutSheet, ValidationSpec, WorkbookLayout, TemplateDescription } from "../../templates";
import { columnLetters } from "../../engine";
import { ROLE_STYLES } from "./cell-style";
import { absoluteRef } from "../../engine";
import { printOnA4 } from "./print-setup";
import { compactValidations } from "./validations";

export interface BuildTemplateOptions {
  /** Written as the workbook's creator and last modifier. */
  readonly creator?: string;
  /** Created/modified date; fixed by default so two builds have the same content. */
  readonly date?: Date;
}

/** Fixed so that generated assets only change when their content does. */
export const DEFAULT_BUILD_DATE = new Date(Date.UTC(2021, 0, 1));
export const DEFAULT_CREATOR = "绩效评价助手";

function toDataValidation(v: ValidationSpec): DataValidation {
  if (v.kind === "formula") {
    return {
      type: "custom",
      allowBlank: true,
      formulae: [v.formula],
      showErrorMessage: true,
      errorStyle: v.strict === false ? "warning" : "stop",
      errorTitle: v.strict === false ? "提示" : "输入有误",
      error: v.message,
    };
  }
  if (v.kind === "list") {
    return {
      type: "list",
      allowBlank: true,
      formulae: [`"${v.items.join(",")}"`],
      showErrorMessage: true,
      errorStyle: v.strict ? "stop" : "warning",
      errorTitle: v.strict ? "输入有误" : "提示",
      error: v.message,
    };
  }
  const common = {
    type: v.kind,
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: "输入有误",
    error: v.message,
  } as const;
  if (v.min !== null && v.max !== null) return { ...common, operator: "between", formulae: [v.min, v.max] };
  if (v.min !== null) return { ...common, operator: "greaterThanOrEqual", formulae: [v.min] };
  if (v.max !== null) return { ...common, operator: "lessThanOrEqual", formulae: [v.max] };
  return { ...common, operator: "greaterThanOrEqual", formulae: [-1e15] };
}

function writeCell(ws: Worksheet, c: LayoutCell): void {
  const cell = ws.getCell(c.row + 1, c.col + 1);
  if (c.value !== null) cell.value = c.value;
  const style = ROLE_STYLES[c.role];
  if (style.font) cell.font = style.font;
  if (style.fill) cell.fill = style.fill;
  if (style.border) cell.border = style.border;
  // A fresh alignment object per cell: exceljs would otherwise share (and later mutate) one.
  // Table cells align to the top, so a number sits level with the first line of wrapped text beside it.
  const top = c.wrap || c.role === "input" || c.role === "output" || c.role === "config" || c.role === "label";
  const alignment = {
    ...style.alignment,
    ...(top ? { vertical: "top" as const } : {}),
    ...(c.wrap ? { wrapText: true } : {}),
  };
  if (Object.keys(alignment).length > 0) cell.alignment = alignment;
  if (style.unlocked) cell.protection = { locked: false };
  if (c.numFmt) cell.numFmt = c.numFmt;
  if (c.validation) cell.dataValidation = toDataValidation(c.validation);
}

/**
 * A4, one page wide (printOnA4); the table header repeated on every page; the print area without
 * configuration columns; panes frozen below the header.
 */
export function applySheetView(ws: Worksheet, sheet: LayoutSheet): void {
  const v = sheet.view;
  const lastCol = columnLetters(Math.max(1, v.printColumns) - 1);
  printOnA4(ws, {
    landscape: v.landscape,
    // exceljs prefixes each end with "$" only before the column: "A$1" becomes the absolute $A$1 that
    // LibreOffice needs (it ignores a print area written $A1:$K41). A hidden sheet gets none: LibreOffice
    // prints a hidden sheet that has one.
    ...(sheet.hidden ? {} : { printArea: `A$1:${lastCol}$${Math.max(1, v.printRows)}` }),
    ...(v.titleRow !== null ? { titleRows: `${v.titleRow + 1}:${v.titleRow + 1}` } : {}),
  });
  if (v.freezeRows > 0 || v.freezeColumns > 0) {
    ws.views = [
      {
        state: "frozen",
        xSplit: v.freezeColumns,
        ySplit: v.freezeRows,
        topLeftCell: `${columnLetters(v.freezeColumns)}${v.freezeRows + 1}`,
      },
    ];
  }
}

/** An exceljs workbook holding the layout: sheets, cells, styles, validations, defined names. */
export function layoutToWorkbook(layout: WorkbookLayout, options: BuildTemplateOptions = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const date = options.date ?? DEFAULT_BUILD_DATE;
  wb.creator = options.creator ?? DEFAULT_CREATOR;
  wb.lastModifiedBy = wb.creator;
  wb.created = date;
  wb.modified = date;
  wb.title = layout.info.title;
  for (const sheet of layout.sheets) {
    const ws = wb.addWorksheet(sheet.name, { state: sheet.hidden ? "hidden" : "visible" });
    sheet.columnWidths.forEach((w, i) => {
      ws.getColumn(i + 1).width = w;
    });
    for (const c of sheet.cells) writeCell(ws, c);
    for (const h of sheet.rowHeights) ws.getRow(h.row + 1).height = h.height;
    for (const r of sheet.spannedRows) ws.mergeCells(r + 1, 1, r + 1, sheet.columnWidths.length);
    applySheetView(ws, sheet);
    compactValidations(ws);
  }
  for (const n of layout.names) wb.definedNames.add(absoluteRef(n.sheet, n.address), n.name);
  return wb;
}

/** Builds the .xlsx bytes of a template description (the standard template or the filled example). */
export async function buildTemplateWorkbook(
  description: TemplateDescription,
  options: BuildTemplateOptions = {},
): Promise<Uint8Array> {
  const wb = layoutToWorkbook(layoutTemplate(description), options);
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
