/**
 * The 评分标准 of a rubric row as every surface shows it (the sheet's 评分标准 column, the pane, the report):
 * generated from its compiled rule, its limits written in the kind of value its formula yields.
 */
import type { Expr } from "../formula/types";
import type { Template } from "../compile/read/types";
import type { CompiledRule } from "../compile/rule-types";
import { renderCriterion } from "./criteria";
import { valueFormat } from "./units";
import type { ValueFormat } from "../model/format";
import type { RowRule } from "../compile/rubric";
import type { Lang } from "../i18n/catalog";
import type { WriteOp } from "../model/write-plan";
import { OutputColumns } from "./outputs";

/** A rule's 评分标准 in words for a value of this format and the row's 指标说明, worked out once per rule. */
export function criterionText(rule: CompiledRule, format: ValueFormat, description: string, lang: Lang): string {
  return rule.memo(`criterion\u0000${lang}\u0000${format}\u0000${description}`, () =>
    renderCriterion(lang, rule.criterion({ format, description })),
  );
}

/** The same for a rubric row: the format its formula yields (a manual row's: a plain number). */
export function rowCriterionText(
  template: Template,
  rule: CompiledRule,
  formula: Expr | null,
  description: string,
  lang: Lang,
): string {
  return criterionText(rule, formula ? valueFormat(formula, template) : "number", description, lang);
}

/**
 * The rubric's 评分标准 cells (an optional output column): each row whose rule compiled, an expanded row's once for
 * all its table rows. Written with the scores, and by the template generator so a blank template shows them.
 */
export function criteriaWritePlan(template: Template, rules: readonly RowRule[], lang: Lang): WriteOp[] {
  const out = new OutputColumns();
  for (const { row, rule, formula } of rules)
    out.rubric(row, "outCriterion", rowCriterionText(template, rule, formula, row.description, lang));
  return out.ops();
}
