/**
 * How the product's sheets print and read: A4 one page wide (the template, the 报告 sheet, the batch
 * summary), and rows tall enough for their wrapped text (neither Excel nor LibreOffice grows a row on open).
 */
import type { Cell, Worksheet } from "exceljs";
import { rowHeightFor } from "../../templates";

/** Excel's default row height in points. */
const DEFAULT_ROW_HEIGHT = 15;
/** Excel's default column width in characters. */
const DEFAULT_COLUMN_WIDTH = 9;

function wraps(cell: Cell): boolean {
  return cell.alignment?.wrapText === true;
}

/** Raises a row's height so every wrapped text in it shows; never lowers a height someone set. */
export function fitRowHeight(ws: Worksheet, rowNumber: number): void {
  const row = ws.getRow(rowNumber);
  const texts: { text: string; width: number }[] = [];
  row.eachCell((cell, col) => {
    if (typeof cell.value === "string" && cell.value !== "" && wraps(cell)) {
      texts.push({ text: cell.value, width: ws.getColumn(col).width ?? DEFAULT_COLUMN_WIDTH });
    }
  });
  const needed = rowHeightFor(texts);
  if (needed !== null && needed > (row.height ?? DEFAULT_ROW_HEIGHT)) row.height = needed;
}

/** The footer of every printed page: the sheet's name, 第 n 页 共 m 页. */
export const PAGE_FOOTER = "&L&A&R第 &P 页 共 &N 页";

/** How a sheet prints, besides A4 one page wide: see printOnA4. */
export interface PrintOptions {
  readonly landscape: boolean;
  /** Rows repeated on every page, e.g. "3:3". */
  readonly titleRows?: string;
  /** The print area, with absolute rows ("A$1:K$41": exceljs adds the column's "$"). */
  readonly printArea?: string;
  /** Excel's header/footer codes; default PAGE_FOOTER. */
  readonly footer?: string;
}

/**
 * Every sheet the product writes prints this way: A4, one page wide (fitToPage switched on: without it Excel
 * and LibreOffice ignore fitToWidth), as many pages tall as needed, page numbers in the footer.
 */
export function printOnA4(ws: Worksheet, o: PrintOptions): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: o.landscape ? "landscape" : "portrait",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(o.printArea ? { printArea: o.printArea } : {}),
    ...(o.titleRows ? { printTitlesRow: o.titleRows } : {}),
  };
  ws.headerFooter = { ...ws.headerFooter, oddFooter: o.footer ?? PAGE_FOOTER };
}

/** A sheet the product adds (the 报告 sheet): portrait. */
export function setUpCreatedSheet(ws: Worksheet): void {
  printOnA4(ws, { landscape: false });
}

/** A text cell of a created sheet wraps at the top of its row. */
export function wrapCreatedCell(cell: Cell): void {
  cell.style = { ...cell.style, alignment: { ...cell.style.alignment, wrapText: true, vertical: "top" } };
}
