/**
 * The checks buildRubric makes of one rubric row or node: rule problems as diagnostics at the 评分方法/评分参数
 * cells, children's weights against the parent's, a leaf's formula against the template's names, and the
 * expansion of a leaf over its table's rows.
 */
import Decimal from "decimal.js";
import type { Diagnostic, DiagnosticParamsByCode } from "../diagnostics/types";
import type { FormulaProblem } from "../diagnostics/problems";
import { chineseRunAt, closestNames } from "./field-names";
import { diag } from "../diagnostics/types";
import { makeProblem } from "../diagnostics/problems";
import type { InputValues } from "../model/values";
import type { RubricRowDef, Template } from "./read/types";
import type { ColumnRef, Expr, ParseResult } from "../formula/types";
import { formatScore } from "../model/decimal";
import type { CompiledRule, CompileResult, RuleProblem } from "./compile-rule";
import { rowName, rubricCell, tableCell } from "./locate";
import type { RubricLeaf } from "./rubric";

export function ruleDiagnostics(
  problems: readonly RuleProblem[],
  row: RubricRowDef,
  indicator: string,
  kind: string,
): Diagnostic[] {
  return problems.map((p) => {
    switch (p.code) {
      case "rule_unknown":
        return diag("rule_unknown", "error", rubricCell(row, "ruleKind", indicator), { indicator, kind: p.kind });
      case "rule_invalid":
        return diag("rule_invalid", "error", rubricCell(row, "ruleParams", indicator), {
          indicator,
          kind,
          ...p.problem,
        });
      case "rule_bands_overlap":
        return diag("rule_bands_overlap", "error", rubricCell(row, "ruleParams", indicator), {
          indicator,
          first: p.first,
          second: p.second,
        });
      case "rule_bands_gap":
        return diag("rule_bands_gap", "error", rubricCell(row, "ruleParams", indicator), {
          indicator,
          from: p.from,
          to: p.to,
        });
    }
  });
}

export function sumMismatch(parent: RubricRowDef, name: string, expected: Decimal, actual: Decimal): Diagnostic[] {
  if (expected.eq(actual)) return [];
  return [
    diag("rubric_weight_sum_mismatch", "error", rubricCell(parent, "weight", name), {
      parent: name,
      expected: formatScore(expected),
      actual: formatScore(actual),
    }),
  ];
}

/** formula_invalid's parameters, with the 字段定义 names for a label typed in the formula (「年」). */
export function formulaInvalid(
  template: Template,
  indicator: string,
  formula: string,
  problem: FormulaProblem,
): DiagnosticParamsByCode["formula_invalid"] {
  const [char, at] = problem.detail;
  const label = problem.problem === "unexpected_character" ? chineseRunAt(formula, Number(at)) : "";
  const names = label !== "" && char !== undefined ? closestNames(template, label) : "";
  return names ? { indicator, formula, ...problem, names } : { indicator, formula, ...problem };
}

/** formula_unknown_field's parameters, with the closest 字段定义 names. */
export function unknownField(
  template: Template,
  indicator: string,
  field: string,
): DiagnosticParamsByCode["formula_unknown_field"] {
  const names = closestNames(template, field);
  return names ? { indicator, field, names } : { indicator, field };
}

export type RuleCompiler = (kind: string, paramsText: string, weight: Decimal) => CompileResult;

/** Parse a leaf's formula and check every name it uses against the template. */
export function checkFormula(
  template: Template,
  row: RubricRowDef,
  indicator: string,
  parse: (text: string) => ParseResult,
  out: Diagnostic[],
): { expr: Expr; fields: readonly string[]; columns: readonly ColumnRef[] } | null {
  const text = row.formula.trim();
  const at = rubricCell(row, "formula", indicator);
  const parsed = parse(text);
  if (!parsed.ok) {
    out.push(diag("formula_invalid", "error", at, formulaInvalid(template, indicator, text, parsed.problem)));
    return null;
  }
  let known = true;
  for (const f of parsed.fields) {
    if (!template.fields.has(f)) {
      out.push(diag("formula_unknown_field", "error", at, unknownField(template, indicator, f)));
      known = false;
    }
  }
  for (const c of parsed.columns) {
    if (!template.tables.get(c.table)?.columns.some((col) => col.key === c.key)) {
      out.push(diag("formula_unknown_field", "error", at, unknownField(template, indicator, `${c.table}.${c.key}`)));
      known = false;
    }
  }
  return known ? { expr: parsed.expr, fields: parsed.fields, columns: parsed.columns } : null;
}

/** Expand one leaf over its table's rows: name, weight and rule per row; weights must add up to the leaf's. */
export function expandLeaf(
  template: Template,
  values: InputValues,
  row: RubricRowDef,
  base: Omit<RubricLeaf, "id" | "name" | "weight" | "rule" | "ref" | "path">,
  path: readonly [string, string],
  weight: Decimal,
  kind: string,
  compile: RuleCompiler,
  out: Diagnostic[],
): RubricLeaf[] {
  const indicator = rowName(row);
  const table = template.tables.get(row.expand.trim());
  if (!table) {
    out.push(
      diag(
        "rubric_structure",
        "error",
        rubricCell(row, "expand", indicator),
        makeProblem("expand_table_unknown", row.expand.trim()),
      ),
    );
    return [];
  }
  if (!table.columns.some((c) => c.key === "weight")) {
    const columns = table.columns.map((c) => c.label).join("、");
    out.push(
      diag(
        "rubric_structure",
        "error",
        rubricCell(row, "expand", indicator),
        makeProblem("expand_table_no_weight", table.label, columns),
      ),
    );
    return [];
  }
  const rows = values.tables.get(table.id) ?? [];
  const formula = base.formula ? currentRowInMinMax(base.formula, table.id) : null;
  const leaves: RubricLeaf[] = [];
  let sum = new Decimal(0);
  rows.forEach((tableRow, i) => {
    const rawName = tableRow.values.get("name");
    const name = typeof rawName === "string" && rawName.trim() !== "" ? rawName.trim() : `${indicator} ${i + 1}`;
    const w = tableRow.values.get("weight");
    if (!(w instanceof Decimal) || w.isNegative()) {
      out.push(
        diag("rubric_weight_invalid", "error", tableCell(table, tableRow.row, "weight", name), {
          indicator: name,
          text: w === null || w === undefined ? "" : String(w),
        }),
      );
      return;
    }
    sum = sum.plus(w);
    const compiled = compile(kind, row.ruleParams, w);
    if (!compiled.ok) {
      out.push(...ruleDiagnostics(compiled.problems, row, name, kind));
      return;
    }
    leaves.push({
      formulaText: base.formulaText,
      formula,
      fields: base.fields,
      columns: base.columns,
      row: base.row,
      id: `${row.id.trim()}.${i + 1}`,
      name,
      weight: w,
      rule: compiled.rule,
      path: [path[0], path[1], name],
      ref: tableCell(table, tableRow.row, "name"),
      expanded: { table: table.id, tableRow },
    });
  });
  out.push(...sumMismatch(row, indicator, weight, sum));
  return leaves;
}

/**
 * Inside an indicator expanded over `table`, a column of that table means the current row's cell in every
 * function but the aggregates (sum, count, count_if, weighted): `min(tasks.completion, 100%)` caps this row's
 * completion. The evaluator reads a bare column argument of min()/max() as the whole column, so such an
 * argument is wrapped as −(−column), which reads the current row and keeps the column's value format.
 */
export function currentRowInMinMax(expr: Expr, table: string): Expr {
  switch (expr.k) {
    case "neg":
      return { ...expr, e: currentRowInMinMax(expr.e, table) };
    case "bin":
      return { ...expr, l: currentRowInMinMax(expr.l, table), r: currentRowInMinMax(expr.r, table) };
    case "call": {
      const perRow = expr.fn === "min" || expr.fn === "max";
      const args = expr.args.map((a): Expr => {
        if (perRow && a.k === "col" && a.table === table)
          return { k: "neg", e: { k: "neg", e: a, pos: a.pos }, pos: a.pos };
        return currentRowInMinMax(a, table);
      });
      return { ...expr, args };
    }
    default:
      return expr;
  }
}

/** A figure a 评分标准 or 指标说明 quotes: a rate or percentage points (「100%」「1 个百分点」) or points (「扣 0.2 分」). */
const FIGURE = /(?:扣|得)?\s*(\d+(?:\.\d+)?)\s*(%|％|个百分点|百分点|分)/g;

/** The figures of a text by kind: percent numbers (a rate's % and percentage points alike) and points. */
function figures(text: string): { pct: Set<string>; pts: Set<string>; quoted: Map<string, string> } {
  const pct = new Set<string>();
  const pts = new Set<string>();
  const quoted = new Map<string, string>();
  for (const m of text.matchAll(FIGURE)) {
    const n = new Decimal(m[1]!).toString();
    const key = `${m[2] === "分" ? "pts" : "pct"}:${n}`;
    (m[2] === "分" ? pts : pct).add(n);
    if (!quoted.has(key)) quoted.set(key, m[0].trim());
  }
  return { pct, pts, quoted };
}

/**
 * 指标说明 is free text a bureau writes beside the 评分标准 the rule generates (score/criteria.ts). A figure it
 * quotes (a rate, percentage points, points) that the 评分标准 does not — nor the weight — disagrees with the
 * parameters: a warning at the 指标说明 cell, since scoring follows the parameters. Manual rows have no
 * parameters to disagree with (their 评分标准 is the 指标说明).
 */
export function checkDescription(
  row: RubricRowDef,
  indicator: string,
  rule: CompiledRule,
  criterionOf: () => string,
): Diagnostic[] {
  // Most 指标说明 quote no figure at all (no digit): nothing to compare, and no 评分标准 to word.
  if (rule.def.input === "manual" || !/\d/.test(row.description)) return [];
  const criterionText = criterionOf();
  // The first figure the words say and the rule does not, worked out once per rule and wording.
  const quoted = rule.memo(`description\u0000${criterionText}\u0000${row.description}`, () =>
    firstUnsaid(row.description, criterionText, rule.weight.toString()),
  );
  if (quoted === null) return [];
  return [
    diag("description_mismatch", "warning", rubricCell(row, "description", indicator), {
      indicator,
      quoted,
      param: `“${criterionText}”`,
    }),
  ];
}

function firstUnsaid(description: string, criterionText: string, weight: string): string | null {
  const said = figures(description);
  if (said.quoted.size === 0) return null;
  const rules = figures(criterionText);
  rules.pts.add(weight);
  for (const [key, quoted] of said.quoted) {
    const [kind, n] = key.split(":") as ["pct" | "pts", string];
    if (!(kind === "pct" ? rules.pct : rules.pts).has(n)) return quoted;
  }
  return null;
}
