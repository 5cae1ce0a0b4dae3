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
import type { ColumnRef, Expr } from "../formula/types";
import type { Parsers } from "./parsers";
import { formatScore } from "../model/decimal";
import { paramsWithFields } from "./param-fields";
import { FULL_SCORE_FIELD } from "./read/labels";
import type { CompiledRule } from "./compile-rule";
import { rowName, rubricCell } from "./locate";
import type { RuleCompiler } from "./rubric-checks";
import { rowCriterionText } from "../score/criterion-of";
import { checkDescription, checkFormula, expandLeaf, ruleDiagnostics, sumMismatch } from "./rubric-checks";

/** The rubric's full score (满分): the grade bands (优 90, 良 80, 中 60) are set against it. */
export const FULL_SCORE: Decimal = new Decimal(100);

/** The rubric's declared 满分: the template's setting when it holds a positive number, else 100. */
export function declaredFullScore(values: InputValues): Decimal {
  const v = values.fields.get(FULL_SCORE_FIELD);
  return v !== null && v !== undefined && Decimal.isDecimal(v) && v.gt(0) ? v : FULL_SCORE;
}

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
  /** The rubric row's rule and formula (for its 评分标准, which holds for every table row). */
  readonly rule: CompiledRule;
  readonly formula: Expr | null;
  readonly table: string;
  readonly leafIds: readonly string[];
  /** The level-2 node it sits under. */
  readonly parentId: string;
}

/** A rubric row whose rule compiled, for its 评分标准 (known even when another row's error blocks scoring). */
export interface RowRule {
  readonly row: RubricRowDef;
  readonly rule: CompiledRule;
  readonly formula: Expr | null;
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

/**
 * Build the rubric tree from the template's rubric rows and the input values (for expanded leaves).
 * `rubric` is null when a problem makes the tree unusable; every problem is a diagnostic at its cell.
 */
export function buildRubric(
  template: Template,
  values: InputValues,
  parsers: Parsers,
): { rubric: Rubric | null; diagnostics: Diagnostic[]; rules: RowRule[] } {
  const compile: RuleCompiler = parsers.rule;
  const rules: RowRule[] = [];
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
          text: row.weightText ?? (row.weight === null ? "" : String(row.weight)),
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
    const params = paramsWithFields(row.ruleParams, template, values);
    if (params.blank.length > 0) {
      for (const f of params.blank)
        out.push(
          diag("rule_invalid", "error", rubricCell(row, "ruleParams", name), {
            indicator: name,
            kind,
            ...makeProblem("param_field_blank", template.fields.get(f)?.label ?? f, f),
          }),
        );
      l2.failed.push(weight);
      continue;
    }
    const compiled = compile(kind, params.text, weight);
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
    rules.push({ row: fixed, rule: compiled.rule, formula: base.formula });
    if (expand) {
      const rows = expandLeaf(template, values, fixed, base, [l1.name, l2.name], weight, kind, compile, out);
      l2.leaves.push(...rows);
      expanded.push({
        row: fixed,
        rule: compiled.rule,
        formula: base.formula,
        table: row.expand.trim(),
        leafIds: rows.map((r) => r.id),
        parentId: l2.id,
      });
    } else {
      const criterion = () => rowCriterionText(template, compiled.rule, base.formula, row.description, "zh-CN");
      out.push(...checkDescription(row, name, compiled.rule, criterion));
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

  const fullScore = levels.reduce((s, a) => s.plus(a.weight), new Decimal(0));
  const declared = declaredFullScore(values);
  if (levels.length > 0 && !fullScore.eq(declared))
    out.push(
      diag("rubric_full_score_mismatch", "error", rubricCell(levels[0]!.row, "weight", levels[0]!.name), {
        expected: formatScore(declared),
        actual: formatScore(fullScore),
        levels: levels.map((a) => `${a.name} ${formatScore(a.weight)}`).join(" + "),
      }),
    );
  const blocking = out.some((d) => d.severity === "error");
  const leaves = levels.flatMap((a) => a.children.flatMap((b) => b.leaves));
  return { rubric: blocking ? null : { levels, leaves, expanded, fullScore }, diagnostics: out, rules };
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
