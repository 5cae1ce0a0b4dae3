/**
 * scoreWorkbook: the whole scoring pipeline — rubric tree, rules, manual scores, subtotals,
 * adjustments and grade — returning the ScoreSheet (null when an error blocks scoring) and diagnostics.
 */
import Decimal from "decimal.js";
import type { Diagnostic } from "../diagnostics/types";
import { diag } from "../diagnostics/types";
import { evaluateExpression } from "../formula/evaluate";
import type { Expr, FormulaEnv, FormulaValue } from "../formula/types";
import { clamp, formatScore, roundScore, toNumber, ZERO } from "../model/decimal";
import type { InputValues, TypedValue } from "../model/values";
import type { Template } from "../compile/read/types";
import { aggregate, applyAdjustments } from "./aggregate";
import type { RuleOutcome } from "../compile/compile-rule";
import { applyRule } from "../compile/compile-rule";
import { gradeFor } from "./grade";
import { rubricCell, tableCell } from "../compile/locate";
import type { Lang } from "../i18n/catalog";
import { phrase, renderPhrase } from "./phrases";
import type { IndicatorResult, IndicatorValue, ScoreSheet } from "./result-types";
import type { RubricLeaf } from "../compile/rubric";
import type { ScoringPlan } from "../compile/scoring-plan";
import { manualScoreOf } from "../compile/manual-scores";
import { valueFormat } from "./units";
import { criterionText } from "./criterion-of";
import { noValueFacts, subjectName } from "./no-value";
import { formatValue } from "../model/format";
import { RowEnv, valuesEnv } from "../validate/values-env";
import type { ValueFormat } from "./units";

export interface ScoreOptions {
  /** Language of explanations and reasons written by the engine (default zh-CN). */
  readonly lang?: Lang;
}

function typedNumber(v: TypedValue | undefined): number | null {
  return v instanceof Decimal ? toNumber(v) : null;
}

function textOf(v: TypedValue | undefined): string {
  return typeof v === "string" ? v.trim() : "";
}

/** Score a manual leaf from 自评得分 (its problems were reported by the plan: checkManualScores). */
function scoreManual(leaf: RubricLeaf): RuleOutcome {
  const m = manualScoreOf(leaf);
  if (m === null) return { status: "scored", score: new Decimal(0), explain: phrase("manual_missing", {}) };
  const r = leaf.rule.score(m, { name: leaf.name, format: "number" });
  return { status: "scored", score: clamp(r.score, ZERO, leaf.weight), explain: r.explain };
}

function toIndicatorValue(v: FormulaValue | null): IndicatorValue {
  if (v === null) return { t: "none" };
  if (v.t === "number") return { t: "number", v: toNumber(v.v) };
  if (v.t === "na") return { t: "na", why: v.why };
  if (v.t === "undefined") return { t: "undefined", why: v.why };
  return { t: "undefined", why: "not_a_number" };
}

/** An indicator value as every surface shows it (model/format.ts), or the words for why there is none. */
export function valueText(v: IndicatorValue, format: ValueFormat, lang: Lang): string {
  switch (v.t) {
    case "number":
      return formatValue(v.v, format);
    case "na":
      return renderPhrase(lang, phrase("value_na", {}));
    case "undefined":
      return renderPhrase(lang, phrase("value_undefined", {}));
    case "none":
      return "";
  }
}

/** Score one leaf: its value, outcome, reason and the diagnostics it raises. */
function scoreLeaf(
  template: Template,
  values: InputValues,
  base: FormulaEnv,
  leaf: RubricLeaf,
  lang: Lang,
  formats: (expr: Expr) => ValueFormat,
  fieldNumber: (name: string) => number | null,
  out: Diagnostic[],
): { result: IndicatorResult; exact: Decimal } {
  const currentRow = leaf.expanded ? { table: leaf.expanded.table, values: leaf.expanded.tableRow.values } : undefined;
  const env = currentRow ? new RowEnv(base, currentRow) : base;
  let value: FormulaValue | null = null;
  let outcome: RuleOutcome;
  const format = leaf.formula ? formats(leaf.formula) : undefined;
  if (leaf.formula === null) outcome = scoreManual(leaf);
  else {
    value = evaluateExpression(leaf.formula, env);
    // The explanation names the indicator and writes its value as the 指标值 cell does (the formula's format).
    const subject = { name: subjectName(template, leaf), format: format ?? "number" };
    const facts = value.t === "number" ? undefined : noValueFacts(template, leaf, env);
    outcome = applyRule(leaf.rule, value, subject, facts);
    if (outcome.status !== "scored") {
      // An expanded row's note points at its table row (leaf.ref), not at the shared formula cell.
      const at = leaf.expanded ? { ...leaf.ref, label: leaf.name } : rubricCell(leaf.row, "formula", leaf.name);
      const why = outcome.why ? renderPhrase(lang, phrase(outcome.why, {})) : "";
      const indicator = leaf.name;
      if (outcome.status === "na") out.push(diag("not_applicable", "info", at, { indicator, why }));
      if (outcome.status === "undefined")
        out.push(diag("value_undefined", "info", at, { indicator, why, score: formatScore(outcome.score) }));
    }
  }

  let reason = "";
  const lost = outcome.score.lt(leaf.weight);
  if (leaf.formula === null) reason = lost ? leaf.row.manualReason.trim() : "";
  else if (leaf.expanded) {
    reason = lost ? textOf(leaf.expanded.tableRow.values.get("reason")) : "";
    const table = template.tables.get(leaf.expanded.table);
    if (table && lost && reason === "") {
      const column = table.columns.find((c) => c.key === "reason");
      const at = tableCell(table, leaf.expanded.tableRow.row, column ? "reason" : "score", leaf.name);
      const params = { indicator: leaf.name, score: formatScore(outcome.score), weight: formatScore(leaf.weight) };
      // Named by the column's own title (未完成原因, 偏差原因), the words the user sees on the sheet.
      out.push(diag("reason_missing", "warning", at, column ? { ...params, column: column.label } : params));
    }
    if (reason === "" && outcome.deduction) reason = renderPhrase(lang, outcome.deduction);
  } else if (outcome.deduction) reason = renderPhrase(lang, outcome.deduction);

  const inputs: Record<string, number | null> = {};
  for (const f of leaf.fields) inputs[f] = fieldNumber(f);
  if (currentRow)
    for (const c of leaf.columns)
      if (c.table === currentRow.table) inputs[`${c.table}.${c.key}`] = typedNumber(currentRow.values.get(c.key));

  const shown = toIndicatorValue(value);
  const result: IndicatorResult = {
    id: leaf.id,
    path: leaf.path,
    name: leaf.name,
    weight: toNumber(leaf.weight),
    ruleKind: leaf.rule.def.id,
    formula: leaf.formulaText,
    value: shown,
    valueText: valueText(shown, format ?? "number", lang),
    score: toNumber(roundScore(outcome.score)),
    reason,
    explanation: renderPhrase(lang, outcome.explain),
    criterion: criterionText(leaf.rule, format ?? "number", leaf.row.description, lang),
    ref: leaf.ref,
    inputs,
  };
  // Assigned, not spread in: spreading into a literal is markedly slower, and this runs for every indicator.
  if (format) (result as { valueFormat?: ValueFormat }).valueFormat = format;
  return { result, exact: outcome.score };
}

/**
 * Score a workbook: rubric + rules + manual scores → indicator scores, subtotals, adjustments, total and
 * grade (from the unrounded total). `scores` is null when any error diagnostic blocks scoring.
 */
export function scoreWorkbook(
  template: Template,
  values: InputValues,
  plan: ScoringPlan,
  options: ScoreOptions = {},
): { scores: ScoreSheet | null; diagnostics: Diagnostic[] } {
  const lang = options.lang ?? "zh-CN";
  const { rubric, adjustments } = plan;
  const diagnostics: Diagnostic[] = [];
  const indicators: IndicatorResult[] = [];
  const exact = new Map<string, Decimal>();
  // Leaves with the same formula share its parse, so the value format is inferred once per formula.
  const formatOf = new Map<Expr, ValueFormat>();
  const formats = (expr: Expr): ValueFormat => {
    let f = formatOf.get(expr);
    if (f === undefined) formatOf.set(expr, (f = valueFormat(expr, template)));
    return f;
  };
  // The inputs an indicator shows, as numbers: converted once per field, however many indicators use it.
  const fieldNumbers = new Map<string, number | null>();
  const fieldNumber = (name: string): number | null => {
    let n = fieldNumbers.get(name);
    if (n === undefined) fieldNumbers.set(name, (n = typedNumber(values.fields.get(name))));
    return n;
  };
  const env = valuesEnv(template, values);
  for (const leaf of rubric.leaves) {
    const r = scoreLeaf(template, values, env, leaf, lang, formats, fieldNumber, diagnostics);
    indicators.push(r.result);
    exact.set(leaf.id, r.exact);
  }
  const totals = aggregate(rubric, exact);
  const applied = applyAdjustments(totals.rawTotal, adjustments, env, lang);
  diagnostics.push(...applied.diagnostics);
  if (diagnostics.some((d) => d.severity === "error")) return { scores: null, diagnostics };

  return {
    scores: {
      indicators,
      levels: totals.levels,
      adjustments: applied.results,
      rawTotal: toNumber(roundScore(totals.rawTotal)),
      total: toNumber(roundScore(applied.total)),
      totalExact: applied.total.toString(),
      grade: gradeFor(applied.total, template.grades),
      fullScore: toNumber(rubric.fullScore),
    },
    diagnostics,
  };
}
