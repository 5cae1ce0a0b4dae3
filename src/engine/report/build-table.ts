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

function subtotalRow(label: string, level: LevelResult | undefined, members: readonly IndicatorResult[]): TableRow {
  // The level's own subtotal when scoring reported it; else the sum of its indicators (exact, in decimals).
  const sum = (f: (i: IndicatorResult) => number) =>
    members.reduce((t, i) => t.plus(new Decimal(String(f(i)))), new Decimal(0)).toNumber();
  const weight = level ? level.weight : sum((i) => i.weight);
  const score = level ? level.score : sum((i) => i.score);
  return {
    role: "subtotal",
    cells: [cell(label), [], [], [numOf(weight, "score")], [], [numOf(score, "score")], []],
  };
}

/** Items grouped by a key, groups in order of first appearance (one pass). */
function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const g = out.get(k);
    if (g) g.push(it);
    else out.set(k, [it]);
  }
  return out;
}

/** The indicator score table of the scores, grouped by their first two levels in rubric order. */
export function buildScoreTable(ctx: ReportContext): Table {
  const p = ctx.phrases.scoreTable;
  const c = p.columns;
  const s = ctx.scores;
  const rows: TableRow[] = [];
  // The first level of each name, as a find over the levels would give it.
  const levels = new Map<string, LevelResult>();
  for (const l of s.levels) if (!levels.has(`${l.depth}:${l.name}`)) levels.set(`${l.depth}:${l.name}`, l);
  for (const [l1, in1] of groupBy(s.indicators, (i) => i.path[0] ?? "")) {
    let first2 = true;
    for (const [l2, in2] of groupBy(in1, (i) => i.path[1] ?? "")) {
      in2.forEach((ind, k) => rows.push(indicatorRow(ind, first2 && k === 0, k === 0)));
      first2 = false;
      rows.push(subtotalRow(p.subtotal(l2), levels.get(`2:${l2}`), in2));
    }
    rows.push(subtotalRow(p.subtotal(l1), levels.get(`1:${l1}`), in1));
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
