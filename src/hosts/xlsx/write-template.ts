/** Writes a template description (or its layout) as an .xlsx workbook with exceljs. */
import ExcelJS from "exceljs";
import type { DataValidation, Worksheet } from "exceljs";
import { layoutTemplate } from "../../engine/template/standard/layout";
import type { LayoutCell, ValidationSpec, WorkbookLayout } from "../../engine/template/standard/layout";
import type { TemplateDescription } from "../../engine/template/standard/types";
import { ROLE_STYLES } from "./cell-style";
import { absoluteRef } from "./refs";

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
  if (style.alignment) cell.alignment = style.alignment;
  if (style.unlocked) cell.protection = { locked: false };
  if (c.numFmt) cell.numFmt = c.numFmt;
  if (c.validation) cell.dataValidation = toDataValidation(c.validation);
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
