import ExcelJS from "exceljs";
import { rowHeightFor } from "../../templates";
import { printOnA4 } from "./print-setup";

/** One indicator that lost points, for the 扣分明细 sheet. */
export interface SummaryDeduction {
  /** The indicator's names from the top, e.g. ["过程", "预算执行", "支付进度率"]. */
  readonly path: readonly string[];
  readonly weight: number;
  readonly score: number;
  /** The engine's reason text (empty when it gave none). */
  readonly reason: string;
}

/** One diagnostic of a workbook (or a file problem), for the 问题清单 sheet. */
export interface SummaryIssue {
  readonly severity: "error" | "warning" | "info";
  /** `sheet!cell`, or "" for a workbook-wide or file problem. */
  readonly where: string;
  readonly message: string;
  readonly fix: string;
}

/** One workbook's line in a batch summary. */
export interface SummaryRow {
  readonly file: string;
  readonly unit: string;
  readonly year: string;
  /** Level-1 subtotals; `weight` (the level's full marks) goes into the column header when given. */
  readonly levels: readonly { readonly name: string; readonly score: number; readonly weight?: number }[];
  readonly total: number | null;
  /** The total's full marks (100 for the standard template), for the 总分 header. */
  readonly fullScore?: number;
  readonly grade: string | null;
  /** Errors and warnings; null when no count can be given. */
  readonly errors: number | null;
  readonly warnings: number | null;
  /** 是 / 否 / 未发布 (or "" when the file was no template): its configuration against the published record. */
  readonly changed?: string;
  readonly note: string;
  /** Indicators that lost points (扣分明细); absent rows write no detail. */
  readonly deductions?: readonly SummaryDeduction[];
  /** Every diagnostic of the workbook (问题清单). */
  readonly issues?: readonly SummaryIssue[];
}

/** Column names of the 汇总 sheet. */
export interface SummaryHeaders {
  readonly file: string;
  readonly unit: string;
  readonly year: string;
  readonly total: string;
  readonly grade: string;
  readonly errors: string;
  readonly warnings: string;
  readonly deducted: string;
  readonly rank: string;
  /** 指标体系是否被改动: whether the configuration differs from the published record. */
  readonly changed: string;
  readonly note: string;
}

/** Everything else the summary workbook says, in one language. */
export interface SummaryLabels {
  readonly sheets: { readonly summary: string; readonly deductions: string; readonly issues: string };
  /** A score column's header with its full marks: 投入（5分）, Input (5 pts). */
  readonly withMarks: (name: string, marks: number) => string;
  /** The statistics block under the table. */
  readonly stats: { readonly average: string; readonly max: string; readonly min: string; readonly gradeCount: string };
  readonly deductionHeaders: {
    readonly unit: string;
    readonly file: string;
    readonly indicator: string;
    readonly weight: string;
    readonly score: string;
    readonly lost: string;
    readonly reason: string;
  };
  readonly issueHeaders: {
    readonly unit: string;
    readonly file: string;
    readonly severity: string;
    readonly where: string;
    readonly message: string;
    readonly fix: string;
  };
  readonly severity: Readonly<Record<SummaryIssue["severity"], string>>;
  /** The page footer in Excel's header/footer codes, e.g. `&A 第 &P 页 共 &N 页`. */
  readonly footer: string;
}

export interface SummaryOptions {
  /**
   * The 汇总 columns. The older positional list [文件, 单位, 年度, (unused), 总分, 等级, 错误, 警告, 说明] is
   * still accepted (扣分指标数 and 排名 then take their Chinese names).
   */
  readonly headers: SummaryHeaders | readonly string[];
  /** Without labels only the 汇总 table is written: no statistics block, no 扣分明细 or 问题清单 sheet. */
  readonly labels?: SummaryLabels;
  /** Grade names from best to worst (the template's), counted even when no workbook got them. */
  readonly grades?: readonly string[];
  readonly sheetName?: string;
}

function headersOf(h: SummaryOptions["headers"]): SummaryHeaders {
  if (!Array.isArray(h)) return h as SummaryHeaders;
  const a = h as readonly string[];
  const at = (i: number) => a[i] ?? "";
  return {
    file: at(0),
    unit: at(1),
    year: at(2),
    total: at(4),
    grade: at(5),
    errors: at(6),
    warnings: at(7),
    note: at(8),
    deducted: a[9] ?? "扣分指标数",
    rank: a[10] ?? "排名",
    changed: a[11] ?? "指标体系是否被改动",
  };
}

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
const STATS_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin", color: { argb: "FF9E9E9E" } },
  left: { style: "thin", color: { argb: "FF9E9E9E" } },
  bottom: { style: "thin", color: { argb: "FF9E9E9E" } },
  right: { style: "thin", color: { argb: "FF9E9E9E" } },
};
const SCORE_FORMAT = "0.00";

/** A column: header, width, and how its cells look. */
interface Col {
  readonly header: string;
  readonly width: number;
  readonly kind: "text" | "wrap" | "score" | "count";
}

/** Text cells are set as strings one by one, so a value like "=1+1" never becomes a formula. */
function setCell(cell: ExcelJS.Cell, value: string | number | null, col: Col): void {
  if (value === null || value === "") {
    cell.value = null;
  } else if (typeof value === "number") {
    cell.value = value;
    cell.numFmt = col.kind === "score" ? SCORE_FORMAT : "0";
  } else {
    cell.value = value;
  }
  cell.border = THIN;
  cell.alignment =
    col.kind === "wrap"
      ? { vertical: "top", wrapText: true }
      : col.kind === "text"
        ? { vertical: "top" }
        : { vertical: "top", horizontal: "right" };
}

/** A sheet with a styled, filtered, frozen, repeated header row and the print setup every summary sheet shares. */
function tableSheet(
  wb: ExcelJS.Workbook,
  name: string,
  cols: readonly Col[],
  rows: readonly (readonly (string | number | null)[])[],
  opts: { footer: string | undefined; frozenCols: number },
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  cols.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
    const cell = ws.getCell(1, i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  });
  ws.getRow(1).height = Math.max(
    32,
    rowHeight(
      cols.map((c) => c.header),
      cols.map((c) => c.width),
    ),
  );
  rows.forEach((values, r) => {
    cols.forEach((c, i) => setCell(ws.getCell(r + 2, i + 1), values[i] ?? null, c));
    // Rows get an explicit height: LibreOffice and Excel do not grow a wrapped row written without one.
    ws.getRow(r + 2).height = rowHeight(
      values.map((v, i) => (cols[i]?.kind === "wrap" && typeof v === "string" ? v : "")),
      cols.map((c) => c.width),
    );
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: cols.length } };
  ws.views = [
    { state: "frozen", ySplit: 1, xSplit: opts.frozenCols, topLeftCell: ws.getCell(2, opts.frozenCols + 1).address },
  ];
  printOnA4(ws, { landscape: true, titleRows: "1:1", ...(opts.footer ? { footer: opts.footer } : {}) });
  return ws;
}

/** The height (points) a row needs so each wrapped text shows whole in its column width. */
function rowHeight(texts: readonly string[], widths: readonly number[]): number {
  return rowHeightFor(texts.map((text, i) => ({ text, width: widths[i] ?? 10 })).filter((t) => t.text !== "")) ?? 15;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Standard competition ranking by total (90, 90, 80 → 1, 1, 3); rows without a total get no rank. */
export function ranks(totals: readonly (number | null)[]): (number | null)[] {
  return totals.map((t) => (t === null ? null : 1 + totals.filter((o) => o !== null && o > t).length));
}

/**
 * The batch summary workbook. 汇总: one row per file, one column per level-1 indicator (the union of all
 * files' levels, in first-seen order, each header with its full marks), the total, grade, counts, rank and
 * a note; a statistics block below the table. 扣分明细: every indicator that lost points. 问题清单: every
 * diagnostic. Scores are numbers (format 0.00) so they sort; every text is written as a string cell, so a
 * unit name like "=1+1" stays text; nothing is a formula.
 */
export async function writeSummaryWorkbook(rows: readonly SummaryRow[], options: SummaryOptions): Promise<Uint8Array> {
  const h = headersOf(options.headers);
  const labels = options.labels;
  const withMarks = (name: string, marks: number | undefined) =>
    marks !== undefined && labels ? labels.withMarks(name, marks) : name;

  const levelCols: { header: string; name: string; weight: number | undefined }[] = [];
  for (const r of rows) {
    for (const l of r.levels) {
      const header = withMarks(l.name, l.weight);
      if (!levelCols.some((c) => c.header === header)) levelCols.push({ header, name: l.name, weight: l.weight });
    }
  }
  const fullScores = [
    ...new Set(rows.filter((r) => r.total !== null && r.fullScore !== undefined).map((r) => r.fullScore)),
  ];
  const totalHeader = fullScores.length === 1 ? withMarks(h.total, fullScores[0]) : h.total;

  const cols: Col[] = [
    // A4 landscape holds about 118 character widths unscaled (what LibreOffice draws wrapped text right at).
    { header: h.file, width: 12, kind: "wrap" },
    { header: h.unit, width: 16, kind: "wrap" },
    { header: h.year, width: 6, kind: "text" },
    ...levelCols.map((c): Col => ({ header: c.header, width: 7, kind: "score" })),
    { header: totalHeader, width: 8, kind: "score" },
    { header: h.grade, width: 5, kind: "text" },
    { header: h.errors, width: 5, kind: "count" },
    { header: h.warnings, width: 5, kind: "count" },
    { header: h.deducted, width: 6, kind: "count" },
    { header: h.rank, width: 5, kind: "count" },
    { header: h.changed, width: 6, kind: "text" },
    { header: h.note, width: 16, kind: "wrap" },
  ];
  const rank = ranks(rows.map((r) => r.total));
  /** Per row: the level scores in column order, then the total. */
  const scores = rows.map((r) => [
    ...levelCols.map((c) => r.levels.find((x) => withMarks(x.name, x.weight) === c.header)?.score ?? null),
    r.total,
  ]);
  const table = rows.map((r, i) => {
    const deducted = r.total === null ? null : (r.deductions?.length ?? null);
    return [
      r.file,
      r.unit,
      r.year,
      ...scores[i]!,
      r.grade ?? "",
      r.errors,
      r.warnings,
      deducted,
      rank[i] ?? null,
      r.changed ?? "",
      r.note,
    ];
  });
  const wb = new ExcelJS.Workbook();
  wb.creator = "绩效评价助手";
  const ws = tableSheet(wb, labels?.sheets.summary ?? options.sheetName ?? "汇总", cols, table, {
    footer: labels?.footer,
    frozenCols: 2,
  });
  const totalCol = 4 + levelCols.length;
  if (rows.length > 0) {
    ws.addConditionalFormatting({
      ref: `${ws.getColumn(totalCol).letter}2:${ws.getColumn(totalCol).letter}${rows.length + 1}`,
      rules: [
        {
          type: "dataBar",
          priority: 1,
          gradient: false,
          cfvo: [{ type: "num", value: 0 }, { type: "max" }],
          color: { argb: "FF5B9BD5" },
        } as ExcelJS.ConditionalFormattingRule,
      ],
    });
  }

  if (labels) {
    writeStats(ws, rows, scores, { labels, startRow: rows.length + 3, grades: options.grades ?? [] });
    const d = labels.deductionHeaders;
    tableSheet(
      wb,
      labels.sheets.deductions,
      [
        { header: d.unit, width: 18, kind: "wrap" },
        { header: d.file, width: 14, kind: "wrap" },
        { header: d.indicator, width: 26, kind: "wrap" },
        { header: d.weight, width: 6, kind: "score" },
        { header: d.score, width: 6, kind: "score" },
        { header: d.lost, width: 6, kind: "score" },
        { header: d.reason, width: 42, kind: "wrap" },
      ],
      rows.flatMap((r) =>
        (r.deductions ?? []).map((x) => [
          r.unit,
          r.file,
          x.path.join("/"),
          x.weight,
          x.score,
          round2(x.weight - x.score),
          x.reason,
        ]),
      ),
      { footer: labels.footer, frozenCols: 0 },
    );
    const q = labels.issueHeaders;
    tableSheet(
      wb,
      labels.sheets.issues,
      [
        { header: q.unit, width: 16, kind: "wrap" },
        { header: q.file, width: 14, kind: "wrap" },
        { header: q.severity, width: 6, kind: "text" },
        { header: q.where, width: 14, kind: "wrap" },
        { header: q.message, width: 38, kind: "wrap" },
        { header: q.fix, width: 30, kind: "wrap" },
      ],
      rows.flatMap((r) =>
        (r.issues ?? []).map((x) => [r.unit, r.file, labels.severity[x.severity], x.where, x.message, x.fix]),
      ),
      { footer: labels.footer, frozenCols: 0 },
    );
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

/** 平均/最高/最低 of each score column over the scored rows, then how many workbooks got each grade. */
function writeStats(
  ws: ExcelJS.Worksheet,
  rows: readonly SummaryRow[],
  scores: readonly (readonly (number | null)[])[],
  o: { labels: SummaryLabels; startRow: number; grades: readonly string[] },
): void {
  const scored = rows.filter((r) => r.total !== null);
  const scoredScores = scores.filter((_, i) => rows[i]!.total !== null);
  const width = scores[0]?.length ?? 0;
  const columnValues: number[][] = Array.from({ length: width }, (_, c) =>
    scoredScores.map((s) => s[c]).filter((v): v is number => typeof v === "number"),
  );
  const stat = (f: (xs: number[]) => number) => columnValues.map((xs) => (xs.length ? round2(f(xs)) : null));
  const lines: [string, (number | null)[]][] = [
    [o.labels.stats.average, stat((xs) => xs.reduce((a, b) => a + b, 0) / xs.length)],
    [o.labels.stats.max, stat((xs) => Math.max(...xs))],
    [o.labels.stats.min, stat((xs) => Math.min(...xs))],
  ];
  const labelCol: Col = { header: "", width: 0, kind: "text" };
  const scoreCol: Col = { header: "", width: 0, kind: "score" };
  const countCol: Col = { header: "", width: 0, kind: "count" };
  let r = o.startRow;
  for (const [label, values] of lines) {
    const cell = ws.getCell(r, 1);
    setCell(cell, label, labelCol);
    cell.font = { bold: true };
    cell.fill = STATS_FILL;
    values.forEach((v, i) => setCell(ws.getCell(r, 4 + i), v, scoreCol));
    r++;
  }
  r++;
  const grades = [...o.grades];
  for (const row of scored) if (row.grade && !grades.includes(row.grade)) grades.push(row.grade);
  const title = ws.getCell(r, 1);
  setCell(title, o.labels.stats.gradeCount, labelCol);
  title.font = { bold: true };
  title.fill = STATS_FILL;
  r++;
  for (const g of grades) {
    setCell(ws.getCell(r, 1), g, labelCol);
    setCell(ws.getCell(r, 2), scored.filter((x) => x.grade === g).length, countCol);
    r++;
  }
}
