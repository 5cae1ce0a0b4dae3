/**
 * scoringWritePlan: where scores go — the rubric's 指标值/得分/评分说明 cells, the expanded table's
 * `score` column, the result_* fields and the `levels` table. Only cells the template marks as outputs.
 */
import { parseA1, toA1 } from "../model/cell";
import type { OutputValue, WriteOp } from "../model/write-plan";
import { roundScore, toNumber } from "../model/decimal";
import Decimal from "decimal.js";
import type { RubricRowDef, TableDef, Template } from "../compile/read/types";
import type { RubricOutputKey } from "../compile/read/labels";
import type { Lang } from "../i18n/catalog";
import { phrase, renderPhrase } from "./phrases";
import type { IndicatorResult, ScoreSheet } from "./result-types";
import { EXCEL_VALUE_FORMATS } from "../model/format";

/**
 * Every number the engine writes carries its format, so a cell never keeps a format from before (a rate
 * format left on a score cell shows 94 as 9400.00%): indicator values by their format (EXCEL_VALUE_FORMATS:
 * rates 0.00%, amounts 0.00, counts 0), scores, weights and subtotals General.
 */
const SCORE_FORMAT = EXCEL_VALUE_FORMATS.number;

interface Cell {
  readonly row: number;
  readonly value: OutputValue;
  readonly format: string | null;
}

/** One op per run of consecutive rows in a column (a constant number of ops, not one per cell). */
function columnOps(sheet: string, col: number, cells: readonly Cell[]): WriteOp[] {
  // Cells arrive in rubric (row) order; sort only when they do not.
  const sorted = isSortedByRow(cells) ? cells : [...cells].sort((a, b) => a.row - b.row);
  const ops: WriteOp[] = [];
  let start = 0;
  for (let i = 1; i <= sorted.length; i++) {
    const c = sorted[i];
    const last = sorted[i - 1]!;
    // A run shares one number format per column, so a format change starts a new run.
    if (c && c.row === last.row + 1 && c.format === last.format) continue;
    ops.push(runOp(sheet, col, sorted, start, i));
    start = i;
  }
  return ops;
}

function isSortedByRow(cells: readonly Cell[]): boolean {
  for (let i = 1; i < cells.length; i++) if (cells[i]!.row < cells[i - 1]!.row) return false;
  return true;
}

/** The op writing cells[from, to) — consecutive rows with one number format — from the first row down. */
function runOp(sheet: string, col: number, cells: readonly Cell[], from: number, to: number): WriteOp {
  const values: OutputValue[][] = [];
  for (let i = from; i < to; i++) values.push([cells[i]!.value]);
  const first = cells[from]!;
  const address = toA1({ row: first.row, col });
  return first.format === null
    ? { kind: "values", sheet, address, values }
    : { kind: "values", sheet, address, values, numberFormats: [first.format] };
}

/** Output cells gathered by sheet and column. */
export class OutputColumns {
  private readonly sheets = new Map<string, Map<number, Cell[]>>();

  put(sheet: string, col: number | undefined, row: number, value: OutputValue, format: string | null = null): void {
    if (col === undefined) return;
    let cols = this.sheets.get(sheet);
    if (!cols) this.sheets.set(sheet, (cols = new Map()));
    const list = cols.get(col);
    if (list) list.push({ row, value, format });
    else cols.set(col, [{ row, value, format }]);
  }

  rubric(row: RubricRowDef, key: RubricOutputKey, value: OutputValue, format: string | null = null): void {
    this.put(row.sheet, row.cols?.[key], row.row, value, format);
  }

  ops(): WriteOp[] {
    const ops: WriteOp[] = [];
    for (const [sheet, cols] of this.sheets) for (const [col, cells] of cols) ops.push(...columnOps(sheet, col, cells));
    return ops;
  }
}

function valueCell(ind: IndicatorResult): { value: OutputValue; format: string | null } {
  switch (ind.value.t) {
    case "number":
      return {
        value: ind.value.v,
        format: EXCEL_VALUE_FORMATS[ind.valueFormat ?? "number"],
      };
    case "na":
    case "undefined":
      return { value: ind.valueText, format: null };
    case "none":
      return { value: null, format: null };
  }
}

/**
 * The writes of a scoring run. Rubric rows without a column map get no rubric writes (their output cells
 * are unknown); tables without a `score` column and absent result fields are skipped.
 */
export function scoringWritePlan(template: Template, scores: ScoreSheet, options: { lang?: Lang } = {}): WriteOp[] {
  const lang = options.lang ?? "zh-CN";
  const out = new OutputColumns();

  const indicators = new Map(scores.indicators.map((i) => [i.id, i]));
  const levels = new Map(scores.levels.map((l) => [l.id, l]));
  for (const row of template.rubric) {
    const id = row.id.trim() || `R${row.row + 1}`;
    const level = levels.get(id);
    const ind = indicators.get(id);
    if (level) {
      out.rubric(row, "outScore", level.score, SCORE_FORMAT);
    } else if (ind) {
      const v = valueCell(ind);
      out.rubric(row, "outValue", v.value, v.format);
      out.rubric(row, "outScore", ind.score, SCORE_FORMAT);
      out.rubric(row, "outExplain", ind.explanation);
    } else if (row.expand.trim() !== "") {
      const rows = scores.indicators.filter(
        (i) => i.id.startsWith(`${id}.`) && i.id.slice(id.length + 1).match(/^\d+$/),
      );
      const sum = toNumber(roundScore(Decimal.sum(0, ...rows.map((r) => r.score))));
      out.rubric(row, "outValue", null);
      out.rubric(row, "outScore", sum, SCORE_FORMAT);
      out.rubric(
        row,
        "outExplain",
        renderPhrase(lang, phrase("expanded_summary", { count: String(rows.length), score: String(sum) })),
      );
      const table = template.tables.get(row.expand.trim());
      const scoreCol = table?.columns.find((c) => c.key === "score" && c.output);
      if (table && scoreCol) {
        for (const r of rows) {
          const at = parseA1(r.ref.address);
          if (r.ref.sheet === table.sheet && at) out.put(table.sheet, scoreCol.col, at.row, r.score, SCORE_FORMAT);
        }
      }
    }
  }

  const ops = out.ops();

  const result = (name: string, value: OutputValue) => {
    const f = template.fields.get(name);
    if (!f?.output) return;
    const formats = typeof value === "number" ? { numberFormats: [SCORE_FORMAT] } : {};
    ops.push({ kind: "values", sheet: f.ref.sheet, address: f.ref.address, values: [[value]], ...formats });
  };
  result("result_total", scores.total);
  result("result_grade", scores.grade);
  result("result_raw_total", scores.rawTotal);
  // The rubric's 合计 row: what its level-1 rows add up to.
  const top = scores.levels.filter((l) => l.depth === 1);
  result("result_rubric_weight", toNumber(Decimal.sum(0, ...top.map((l) => l.weight))));
  result("result_rubric_score", toNumber(roundScore(Decimal.sum(0, ...top.map((l) => l.score)))));

  const levelsTable = template.tables.get("levels");
  if (levelsTable) ops.push(...levelsOps(levelsTable, scores, lang));
  return ops;
}

/** Clear the levels table's old rows, then write 层级/指标/分值/得分 per level-1 and level-2 node. */
function levelsOps(table: TableDef, scores: ScoreSheet, lang: Lang): WriteOp[] {
  const outCols = table.columns.filter((c) => c.output);
  if (outCols.length === 0 || table.lastRowLimit <= table.headerRow) return [];
  const first = table.headerRow + 1;
  const minCol = Math.min(...outCols.map((c) => c.col));
  const maxCol = Math.max(...outCols.map((c) => c.col));
  const ops: WriteOp[] = [];
  // Clear only when the output columns are contiguous, so the clear never touches a non-output cell.
  if (maxCol - minCol + 1 === outCols.length) {
    ops.push({
      kind: "clear",
      sheet: table.sheet,
      range: `${toA1({ row: first, col: minCol })}:${toA1({ row: table.lastRowLimit, col: maxCol })}`,
    });
  }
  const rows = scores.levels.slice(0, table.lastRowLimit - first + 1);
  const cellsFor = (key: string, value: (l: (typeof rows)[number]) => OutputValue, format?: string) => {
    const col = outCols.find((c) => c.key === key)?.col;
    if (col === undefined || rows.length === 0) return;
    const formats = format ? { numberFormats: [format] } : {};
    ops.push({
      kind: "values",
      sheet: table.sheet,
      address: toA1({ row: first, col }),
      values: rows.map((l) => [value(l)]),
      ...formats,
    });
  };
  cellsFor("level", (l) => renderPhrase(lang, phrase(l.depth === 1 ? "level_1" : "level_2", {})));
  cellsFor("name", (l) => l.name);
  cellsFor("weight", (l) => l.weight, SCORE_FORMAT);
  cellsFor("score", (l) => l.score, SCORE_FORMAT);
  return ops;
}
