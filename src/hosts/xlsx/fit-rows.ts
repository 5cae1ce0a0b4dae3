/**
 * What makes written text readable in an office suite: rows tall enough for their wrapped text (neither
 * Excel nor LibreOffice grows a row on open), and a sheet the product creates (报告) set up to print on A4.
 */
import type { Cell, Worksheet } from "exceljs";
import { rowHeightFor } from "../../engine/template/standard";

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

/** A sheet the product adds (the 报告 sheet): A4 portrait, one page wide, page numbers in the footer. */
export function setUpCreatedSheet(ws: Worksheet): void {
  ws.pageSetup = { ...ws.pageSetup, paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  ws.headerFooter = { ...ws.headerFooter, oddFooter: PAGE_FOOTER };
}

/** A text cell of a created sheet wraps at the top of its row. */
export function wrapCreatedCell(cell: Cell): void {
  cell.style = { ...cell.style, alignment: { ...cell.style.alignment, wrapText: true, vertical: "top" } };
}
