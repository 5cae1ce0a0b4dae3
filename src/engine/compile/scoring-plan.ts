/**
 * Everything about scoring that is known before any formula is evaluated: the rubric tree (expanded over
 * the tables' rows), the grade bands, the total adjustments and the manual scores, with every problem in
 * them. 校验 reports these; 评分 evaluates the plan only when none of them is an error.
 */
import type { Diagnostic } from "../diagnostics/types";
import type { InputValues } from "../model/values";
import type { CompiledAdjustment } from "./adjustments";
import { compileAdjustments } from "./adjustments";
import { checkGrades } from "./grades";
import { checkManualScores } from "./manual-scores";
import type { Parsers } from "./parsers";
import type { Template } from "./read/types";
import type { RowRule, Rubric } from "./rubric";
import { buildRubric, declaredFullScore } from "./rubric";

export interface ScoringPlan {
  readonly rubric: Rubric;
  readonly adjustments: readonly CompiledAdjustment[];
}

/** The scoring plan of a template for these input values; null when an error in the rubric blocks scoring. */
export function planScoring(
  template: Template,
  values: InputValues,
  parsers: Parsers,
): { plan: ScoringPlan | null; diagnostics: Diagnostic[]; rules: readonly RowRule[] } {
  const built = buildRubric(template, values, parsers);
  const rules = built.rules;
  const diagnostics: Diagnostic[] = [...built.diagnostics, ...checkGrades(template.grades, declaredFullScore(values))];
  const rubric = built.rubric;
  if (!rubric) return { plan: null, diagnostics, rules };
  const adj = compileAdjustments(template, rubric.fullScore, parsers);
  diagnostics.push(...adj.diagnostics, ...checkManualScores(rubric.leaves));
  const blocked = diagnostics.some((d) => d.severity === "error");
  return { plan: blocked ? null : { rubric, adjustments: adj.adjustments }, diagnostics, rules };
}
