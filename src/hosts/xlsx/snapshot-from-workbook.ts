/**
 * exceljs workbook (in memory) → WorkbookSnapshot, with every cell value kind normalised the way the
 * engine expects. Also the contract helper: the Office.js host's tests compare their snapshot with this.
 */
import type { Cell, CellValue as XlValue, Workbook, Worksheet } from "exceljs";
import type { CellValue, DefinedName, SheetSnapshot, WorkbookSnapshot } from "../../engine";
import { parseNameRef } from "../../engine";

const EMPTY: CellValue = { t: "empty" };

function isoDate(d: Date): CellValue {
  return Number.isNaN(d.getTime()) ? { t: "e", v: "#VALUE!" } : { t: "d", v: d.toISOString().slice(0, 10) };
}

function richTextOf(v: unknown): string | null {
  if (typeof v === "object" && v !== null && "richText" in v && Array.isArray((v as { richText: unknown }).richText)) {
    return (v as { richText: { text?: unknown }[] }).richText
      .map((r) => (typeof r.text === "string" ? r.text : ""))
      .join("");
  }
  return null;
}

/** Any exceljs cell value → the engine's CellValue (formulas give their cached result, or empty without one). */
export function normalizeCellValue(value: XlValue | undefined): CellValue {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === "number") return Number.isFinite(value) ? { t: "n", v: value } : { t: "e", v: "#NUM!" };
  if (typeof value === "string") return value === "" ? EMPTY : { t: "s", v: value };
  if (typeof value === "boolean") return { t: "b", v: value };
  if (value instanceof Date) return isoDate(value);
  if (typeof value !== "object") return EMPTY;
  if ("error" in value && typeof value.error === "string") return { t: "e", v: value.error };
  const rich = richTextOf(value);
  if (rich !== null) return rich === "" ? EMPTY : { t: "s", v: rich };
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result;
    return normalizeCellValue(result as XlValue | undefined);
  }
  if ("hyperlink" in value && "text" in value) {
    const text: unknown = value.text;
    if (typeof text === "string") return text === "" ? EMPTY : { t: "s", v: text };
    return normalizeCellValue(text as XlValue);
  }
  return EMPTY;
}

function cellValueOf(cell: Cell): CellValue {
  // A merged range's other cells read as the master's value in exceljs; Excel reports them empty.
  if (cell.isMerged && cell.master.address !== cell.address) return EMPTY;
  return normalizeCellValue(cell.value);
}

/** One worksheet's values, rows trimmed after the last non-empty cell, trailing empty rows dropped. */
export function sheetSnapshot(ws: Worksheet): SheetSnapshot {
  const rows: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const v = cellValueOf(cell);
      if (v.t === "empty") return;
      while (values.length < colNumber - 1) values.push(EMPTY);
      values[colNumber - 1] = v;
    });
    if (values.length === 0) return;
    while (rows.length < rowNumber - 1) rows.push([]);
    rows[rowNumber - 1] = values;
  });
  return { name: ws.name, visible: ws.state === "visible" || ws.state === undefined, cells: rows };
}

/** Worksheets in workbook order (exceljs's `worksheets` getter sorts by tab order). */
export function orderedSheets(wb: Workbook): Worksheet[] {
  return wb.worksheets;
}

/** Workbook-level names of an in-memory exceljs workbook (single area only). */
export function namesFromWorkbook(wb: Workbook): DefinedName[] {
  const out: DefinedName[] = [];
  for (const { name, ranges } of wb.definedNames.model) {
    if (ranges.length !== 1 || name.startsWith("_xlnm.")) continue;
    const ref = parseNameRef(ranges[0]!);
    if (ref) out.push({ name, ...ref });
  }
  return out;
}

/** The contract helper: an in-memory exceljs workbook as the engine's snapshot. */
export function snapshotFromWorkbook(
  wb: Workbook,
  names: readonly DefinedName[] = namesFromWorkbook(wb),
): WorkbookSnapshot {
  return { sheets: orderedSheets(wb).map(sheetSnapshot), names };
}
