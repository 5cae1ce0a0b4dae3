import ExcelJS from "exceljs";

/** One workbook's line in a batch summary. */
export interface SummaryRow {
  readonly file: string;
  readonly unit: string;
  readonly year: string;
  readonly levels: readonly { readonly name: string; readonly score: number }[];
  readonly total: number | null;
  readonly grade: string | null;
  readonly errors: number;
  readonly warnings: number;
  readonly note: string;
}

/**
 * The batch summary workbook: one row per file, one column per level-1 indicator (the union of all files'
 * levels, in first-seen order). Every text is written as a string cell, so a unit name like "=1+1" stays text.
 */
export async function writeSummaryWorkbook(
  rows: readonly SummaryRow[],
  options: { headers: readonly string[]; sheetName?: string },
): Promise<Uint8Array> {
  const [hFile, hUnit, hYear, , hTotal, hGrade, hErrors, hWarnings, hNote] = options.headers;
  const levelNames: string[] = [];
  for (const r of rows) for (const l of r.levels) if (!levelNames.includes(l.name)) levelNames.push(l.name);

  const wb = new ExcelJS.Workbook();
  wb.creator = "绩效评价助手";
  const ws = wb.addWorksheet(options.sheetName ?? "汇总");
  const header = [hFile, hUnit, hYear, ...levelNames, hTotal, hGrade, hErrors, hWarnings, hNote].map((h) => h ?? "");
  ws.addRow(header).font = { bold: true };
  for (const r of rows) {
    const levels = levelNames.map((n) => r.levels.find((l) => l.name === n)?.score ?? null);
    ws.addRow([r.file, r.unit, r.year, ...levels, r.total, r.grade ?? "", r.errors, r.warnings, r.note]);
  }
  ws.views = [{ state: "frozen", ySplit: 1 }];
  ws.columns.forEach((c, i) => {
    c.width = i === 0 || i === 1 || i === header.length - 1 ? 28 : 10;
  });
  const scoreCols = levelNames.length + 1;
  for (let c = 4; c < 4 + scoreCols; c++) ws.getColumn(c).numFmt = "0.00";
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
