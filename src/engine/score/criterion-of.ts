/**
 * The 评分标准 of a rubric row as every surface shows it (the sheet's 评分标准 column, the pane, the report):
 * generated from its compiled rule, its limits written in the kind of value its formula yields.
 */
import type { Expr } from "../formula/types";
import type { Template } from "../compile/read/types";
import type { CompiledRule } from "../compile/rule-types";
import type { Criterion } from "./criteria";
import { renderCriterion } from "./criteria";
import { valueFormat } from "./units";
import type { RowRule } from "../compile/rubric";
import type { Lang } from "../i18n/catalog";
import type { WriteOp } from "../model/write-plan";
import { OutputColumns } from "./outputs";

export function ruleCriterion(
  template: Template,
  rule: CompiledRule,
  formula: Expr | null,
  description: string,
): Criterion {
  return rule.criterion({ format: formula ? valueFormat(formula, template) : "number", description });
}

/**
 * The rubric's 评分标准 cells (an optional output column): each row whose rule compiled, an expanded row's once for
 * all its table rows. Written with the scores, and by the template generator so a blank template shows them.
 */
export function criteriaWritePlan(template: Template, rules: readonly RowRule[], lang: Lang): WriteOp[] {
  const out = new OutputColumns();
  for (const { row, rule, formula } of rules)
    out.rubric(row, "outCriterion", renderCriterion(lang, ruleCriterion(template, rule, formula, row.description)));
  return out.ops();
}
