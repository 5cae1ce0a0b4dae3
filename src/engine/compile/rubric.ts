/**
 * buildRubric: the rubric table (指标体系) as a tree — level-1 → level-2 → leaves, expanded leaves
 * turned into one indicator per table row — with every structural, weight, formula and rule problem.
 */
import Decimal from "decimal.js";
import type { CellRef } from "../model/cell";
import type { Diagnostic } from "../diagnostics/types";
import { diag } from "../diagnostics/types";
import { makeProblem } from "../diagnostics/problems";
import type { InputValues, TableRowValues } from "../model/values";
import type { RubricRowDef, Template } from "./read/types";
import type { ColumnRef, Expr, ParseResult } from "../formula/types";
import { formatScore } from "../model/decimal";
import type { Parsers } from "./parsers";
import type { CompiledRule, CompileResult, RuleProblem } from "./compile-rule";
import { rowName, rubricCell, tableCell } from "./locate";

/** One scorable indicator: a rubric leaf, or one row of a leaf expanded over a table. */
export interface RubricLeaf {
  readonly id: string;
  readonly path: readonly [string, string, string];
  readonly name: string;
  readonly weight: Decimal;
  readonly formulaText: string;
  /** Null for manual indicators. */
  readonly formula: Expr | null;
  readonly fields: readonly string[];
  readonly columns: readonly ColumnRef[];
  readonly rule: CompiledRule;
  readonly row: RubricRowDef;
  readonly ref: CellRef;
  /** Set for the rows of an expanded leaf. */
  readonly expanded?: { readonly table: string; readonly tableRow: TableRowValues };
}

/** A level-2 node and its indicators (expanded rows flattened in). */
export interface RubricLevel2 {
  readonly id: string;
  readonly name: string;
  readonly weight: Decimal;
  readonly row: RubricRowDef;
  readonly leaves: readonly RubricLeaf[];
}

export interface RubricLevel1 {
  readonly id: string;
  readonly name: string;
  readonly weight: Decimal;
  readonly row: RubricRowDef;
  readonly children: readonly RubricLevel2[];
}

/** A leaf expanded over a table: its rubric row gets the sum of its rows' scores. */
export interface ExpandedGroup {
  readonly row: RubricRowDef;
  readonly table: string;
  readonly leafIds: readonly string[];
  /** The level-2 node it sits under. */
  readonly parentId: string;
}

export interface Rubric {
  readonly levels: readonly RubricLevel1[];
  readonly leaves: readonly RubricLeaf[];
  readonly expanded: readonly ExpandedGroup[];
  readonly fullScore: Decimal;
}

interface MutableL2 {
  id: string;
  name: string;
  weight: Decimal;
  row: RubricRowDef;
  leaves: RubricLeaf[];
  /** Weights of leaves dropped for their own errors, so the parent's sum check does not cascade. */
  failed: Decimal[];
}
interface MutableL1 {
  id: string;
  name: string;
  weight: Decimal;
  row: RubricRowDef;
  children: MutableL2[];
}

function ruleDiagnostics(
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

function sumMismatch(parent: RubricRowDef, name: string, expected: Decimal, actual: Decimal): Diagnostic[] {
  if (expected.eq(actual)) return [];
  return [
    diag("rubric_weight_sum_mismatch", "error", rubricCell(parent, "weight", name), {
      parent: name,
      expected: formatScore(expected),
      actual: formatScore(actual),
    }),
  ];
}

type RuleCompiler = (kind: string, paramsText: string, weight: Decimal) => CompileResult;

/** Parse a leaf's formula and check every name it uses against the template. */
function checkFormula(
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
    out.push(diag("formula_invalid", "error", at, { indicator, formula: text, ...parsed.problem }));
    return null;
  }
  let known = true;
  for (const f of parsed.fields) {
    if (!template.fields.has(f)) {
      out.push(diag("formula_unknown_field", "error", at, { indicator, field: f }));
      known = false;
    }
  }
  for (const c of parsed.columns) {
    if (!template.tables.get(c.table)?.columns.some((col) => col.key === c.key)) {
      out.push(diag("formula_unknown_field", "error", at, { indicator, field: `${c.table}.${c.key}` }));
      known = false;
    }
  }
  return known ? { expr: parsed.expr, fields: parsed.fields, columns: parsed.columns } : null;
}

/** Expand one leaf over its table's rows: name, weight and rule per row; weights must add up to the leaf's. */
function expandLeaf(
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
  const rows = values.tables.get(table.id) ?? [];
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
      formula: base.formula,
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
 * Build the rubric tree from the template's rubric rows and the input values (for expanded leaves).
 * `rubric` is null when a problem makes the tree unusable; every problem is a diagnostic at its cell.
 */
export function buildRubric(
  template: Template,
  values: InputValues,
  parsers: Parsers,
): { rubric: Rubric | null; diagnostics: Diagnostic[] } {
  const compile: RuleCompiler = parsers.rule;
  const out: Diagnostic[] = [];
  const levels: MutableL1[] = [];
  const expanded: ExpandedGroup[] = [];
  const seen = new Set<string>();
  let l1: MutableL1 | null = null;
  let l2: MutableL2 | null = null;

  for (const row of template.rubric) {
    const name = rowName(row);
    const id = row.id.trim() || `R${row.row + 1}`;
    if (seen.has(id)) out.push(diag("rubric_duplicate_id", "error", rubricCell(row, "id", name), { id }));
    seen.add(id);
    if (name === "") {
      out.push(
        diag(
          "rubric_structure",
          "error",
          rubricCell(row, "level1"),
          makeProblem("row_without_name", String(row.row + 1)),
        ),
      );
      continue;
    }
    if (row.weight === null || !Number.isFinite(row.weight) || row.weight < 0) {
      out.push(
        diag("rubric_weight_invalid", "error", rubricCell(row, "weight", name), {
          indicator: name,
          text: row.weight === null ? "" : String(row.weight),
        }),
      );
      continue;
    }
    const weight = new Decimal(row.weight);
    // The row itself when its 编号 is as written (a spread per row is slow, and this runs per workbook).
    const fixed = id === row.id ? row : { ...row, id };

    if (row.level3.trim() === "" && row.level2.trim() === "") {
      l1 = { id, name, weight, row: fixed, children: [] };
      l2 = null;
      levels.push(l1);
      continue;
    }
    if (row.level3.trim() === "") {
      if (!l1) {
        out.push(
          diag(
            "rubric_structure",
            "error",
            rubricCell(row, "level2", name),
            makeProblem("level2_without_level1", name),
          ),
        );
        continue;
      }
      l2 = { id, name, weight, row: fixed, leaves: [], failed: [] };
      l1.children.push(l2);
      continue;
    }
    if (!l1 || !l2) {
      out.push(
        diag("rubric_structure", "error", rubricCell(row, "level3", name), makeProblem("level3_without_level2", name)),
      );
      continue;
    }

    const kind = row.ruleKind.trim();
    const compiled = compile(kind, row.ruleParams, weight);
    if (!compiled.ok) {
      out.push(...ruleDiagnostics(compiled.problems, row, name, kind));
      l2.failed.push(weight);
      continue;
    }
    const manual = compiled.rule.def.input === "manual";
    const expand = row.expand.trim() !== "";
    if (manual && expand) {
      out.push(
        diag("rule_invalid", "error", rubricCell(row, "ruleKind", name), {
          indicator: name,
          kind,
          ...makeProblem("manual_expanded"),
        }),
      );
      l2.failed.push(weight);
      continue;
    }
    const formula = manual ? null : checkFormula(template, row, name, parsers.expression, out);
    if (!manual && !formula) {
      l2.failed.push(weight);
      continue;
    }
    const base = {
      formulaText: row.formula.trim(),
      formula: formula?.expr ?? null,
      fields: formula?.fields ?? [],
      columns: formula?.columns ?? [],
      row: fixed,
    };
    if (expand) {
      const rows = expandLeaf(template, values, fixed, base, [l1.name, l2.name], weight, kind, compile, out);
      l2.leaves.push(...rows);
      expanded.push({ row: fixed, table: row.expand.trim(), leafIds: rows.map((r) => r.id), parentId: l2.id });
    } else {
      const ref = rubricCell(row, "level3");
      l2.leaves.push({
        formulaText: base.formulaText,
        formula: base.formula,
        fields: base.fields,
        columns: base.columns,
        row: base.row,
        id,
        name,
        weight,
        rule: compiled.rule,
        path: [l1.name, l2.name, name],
        ref: { sheet: ref.sheet, address: ref.address },
      });
    }
  }

  if (levels.length === 0 && out.length === 0)
    out.push(diag("rubric_structure", "error", null, makeProblem("rubric_empty")));
  for (const a of levels) {
    if (a.children.length === 0)
      out.push(
        diag(
          "rubric_structure",
          "error",
          rubricCell(a.row, "level1", a.name),
          makeProblem("level1_without_level2", a.name),
        ),
      );
    else out.push(...sumMismatch(a.row, a.name, a.weight, Decimal.sum(...a.children.map((c) => c.weight))));
    for (const b of a.children) {
      const leafWeights = rubricLeafWeights(b, expanded);
      if (leafWeights.length === 0)
        out.push(
          diag(
            "rubric_structure",
            "error",
            rubricCell(b.row, "level2", b.name),
            makeProblem("level2_without_level3", b.name),
          ),
        );
      else out.push(...sumMismatch(b.row, b.name, b.weight, Decimal.sum(...leafWeights)));
    }
  }

  const blocking = out.some((d) => d.severity === "error");
  const leaves = levels.flatMap((a) => a.children.flatMap((b) => b.leaves));
  const fullScore = levels.reduce((s, a) => s.plus(a.weight), new Decimal(0));
  return { rubric: blocking ? null : { levels, leaves, expanded, fullScore }, diagnostics: out };
}

/** A level-2 node's child weights as written: an expanded leaf counts with its rubric 分值, not its rows. */
function rubricLeafWeights(b: MutableL2, expanded: readonly ExpandedGroup[]): Decimal[] {
  const groups = expanded.filter((g) => g.parentId === b.id);
  const inGroup = new Set(groups.flatMap((g) => g.leafIds));
  return [
    ...b.leaves.filter((l) => !inGroup.has(l.id)).map((l) => l.weight),
    ...groups.map((g) => new Decimal(g.row.weight ?? 0)),
    ...b.failed,
  ];
}
