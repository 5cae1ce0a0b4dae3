/**
 * 附表 部门整体支出绩效评价指标得分表: every indicator with its level path, 分值, 指标值, 得分 and 扣分原因,
 * a subtotal row after each second- and first-level indicator, then the total and the grade — the table real
 * 自评报告 carry. Values are printed as everywhere else (IndicatorResult.valueText, model/format.ts).
 */
import Decimal from "decimal.js";
import type { IndicatorResult, LevelResult } from "../score/result-types";
import type { ReportContext } from "./build-context";
import { numOf, text } from "./runs";
import type { Run, Table, TableRow } from "./tree";

const cell = (s: string): Run[] => (s === "" ? [] : [text(s)]);

function indicatorRow(ind: IndicatorResult, first1: boolean, first2: boolean): TableRow {
  const [l1 = "", l2 = "", l3 = ind.name] = ind.path;
  return {
    cells: [
      cell(first1 ? l1 : ""),
      cell(first2 ? l2 : ""),
      cell(l3),
      [numOf(ind.weight, "score")],
      cell(ind.valueText),
      [numOf(ind.score, "score")],
      cell(ind.score < ind.weight ? ind.reason.trim() : ""),
    ],
  };
}

function subtotalRow(label: string, level: LevelResult | undefined, weight: number, score: number): TableRow {
  return {
    role: "subtotal",
    cells: [
      cell(label),
      [],
      [],
      [numOf(level?.weight ?? weight, "score")],
      [],
      [numOf(level?.score ?? score, "score")],
      [],
    ],
  };
}

/** The indicator score table of the scores, grouped by their first two levels in rubric order. */
export function buildScoreTable(ctx: ReportContext): Table {
  const p = ctx.phrases.scoreTable;
  const c = p.columns;
  const s = ctx.scores;
  const rows: TableRow[] = [];
  const sum = (xs: readonly IndicatorResult[], f: (i: IndicatorResult) => number) =>
    xs.reduce((t, i) => t.plus(new Decimal(String(f(i)))), new Decimal(0)).toNumber();
  const level = (name: string, depth: 1 | 2) => s.levels.find((l) => l.depth === depth && l.name === name);
  const firstLevels = [...new Set(s.indicators.map((i) => i.path[0] ?? ""))];
  for (const l1 of firstLevels) {
    const in1 = s.indicators.filter((i) => (i.path[0] ?? "") === l1);
    const secondLevels = [...new Set(in1.map((i) => i.path[1] ?? ""))];
    secondLevels.forEach((l2, k2) => {
      const in2 = in1.filter((i) => (i.path[1] ?? "") === l2);
      in2.forEach((ind, k) => rows.push(indicatorRow(ind, k2 === 0 && k === 0, k === 0)));
      rows.push(
        subtotalRow(
          p.subtotal(l2),
          level(l2, 2),
          sum(in2, (i) => i.weight),
          sum(in2, (i) => i.score),
        ),
      );
    });
    rows.push(
      subtotalRow(
        p.subtotal(l1),
        level(l1, 1),
        sum(in1, (i) => i.weight),
        sum(in1, (i) => i.score),
      ),
    );
  }
  rows.push({
    role: "total",
    cells: [cell(p.total), [], [], [numOf(s.fullScore, "score")], [], [numOf(s.total, "score")], []],
  });
  rows.push({ role: "total", cells: [cell(p.grade), [], [], [], [], cell(s.grade), []] });
  return {
    kind: "table",
    key: "score-table",
    pageBreak: true,
    labelSpan: 3,
    caption: [text(p.caption)],
    columns: [
      { title: c.level1, width: 11 },
      { title: c.level2, width: 11 },
      { title: c.level3, width: 24 },
      { title: c.weight, width: 7, align: "center" },
      { title: c.value, width: 13, align: "center" },
      { title: c.score, width: 7, align: "center" },
      { title: c.reason, width: 27 },
    ],
    rows,
  };
}

/** 收支情况表 (section 二): income, expenditure and carry-over with their shares, as the paragraphs state them. */
export function buildFinanceTable(ctx: ReportContext): Table {
  const p = ctx.phrases.financeTable;
  const r = p.rows;
  const b = p.bases;
  const row = (label: string, field: string, of?: [string, string]): TableRow => ({
    cells: [cell(label), ctx.field(field), of ? ctx.share(field, of[0]) : [], of ? cell(of[1]) : []],
  });
  return {
    kind: "table",
    key: "finance-table",
    caption: p.caption(ctx.year()),
    columns: [
      { title: p.columns.item, width: 40 },
      { title: p.columns.amount, width: 22, align: "center" },
      { title: p.columns.share, width: 18, align: "center" },
      { title: p.columns.base, width: 20, align: "center" },
    ],
    rows: [
      row(r.carryPrev, "carryover_prev"),
      { ...row(r.income, "income_total"), role: "subtotal" },
      row(r.fiscal, "income_fiscal", ["income_total", b.income]),
      { ...row(r.expend, "expend_total"), role: "subtotal" },
      row(r.basic, "expend_basic", ["expend_total", b.expend]),
      row(r.personnel, "expend_personnel", ["expend_basic", b.basic]),
      row(r.publicCost, "expend_public", ["expend_basic", b.basic]),
      row(r.project, "expend_project", ["expend_total", b.expend]),
      row(r.carryEnd, "carryover_end", ["expend_total", b.expend]),
    ],
  };
}
