/** The report as write operations for the 报告 sheet: one paragraph per row in column A. */
import type { WriteOp } from "../model/write-plan";
import { layoutReport, tableCellTexts, type LaidOutLine } from "./layout";
import type { ReportTree } from "./tree";

/** Rows the report may occupy; the whole block is cleared first so a shorter report leaves no tail. */
export const REPORT_SHEET_ROWS = 2000;
/** Column A's width in characters: one A4 page wide unscaled (the host wraps the text). */
export const REPORT_COLUMN_WIDTH = 80;

/**
 * Write plan for the 报告 sheet: create it if missing, clear A1:A2000, write one paragraph per row.
 * Only the report sheet is touched. Lines beyond REPORT_SHEET_ROWS are joined into the last row.
 */
export function reportWritePlan(
  tree: ReportTree,
  sheetName = "报告",
  lines: readonly LaidOutLine[] = layoutReport(tree),
): WriteOp[] {
  // A table's rows in a proportional font cannot be aligned with spaces: one row per line, cells set off by ｜.
  let texts = lines.flatMap((line) => {
    if (!line.table) return [line.text];
    const row = (cells: readonly string[]) => cells.join("｜").replace(/｜+$/, "");
    return ["", line.text, ...tableCellTexts(line).map(row)];
  });
  if (texts.length > REPORT_SHEET_ROWS) {
    texts = [...texts.slice(0, REPORT_SHEET_ROWS - 1), texts.slice(REPORT_SHEET_ROWS - 1).join("\n")];
  }
  return [
    { kind: "ensureSheet", sheet: sheetName, columnWidths: [REPORT_COLUMN_WIDTH] },
    { kind: "clear", sheet: sheetName, range: `A1:A${REPORT_SHEET_ROWS}` },
    {
      kind: "values",
      sheet: sheetName,
      address: "A1",
      // Hosts write strings as text, so a user's text starting with "=" stays text; generated lines never do.
      values: texts.map((t) => [t]),
    },
  ];
}
