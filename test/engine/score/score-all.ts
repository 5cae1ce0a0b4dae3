import type { Diagnostic } from "../../../src/engine/diagnostics/types";
import type { Template } from "../../../src/engine/compile/read/types";
import type { InputValues } from "../../../src/engine/model/values";
import { FRESH_PARSERS } from "../../../src/engine/compile/parsers";
import { planScoring } from "../../../src/engine/compile/scoring-plan";
import type { ScoreOptions } from "../../../src/engine/score/score";
import { scoreWorkbook } from "../../../src/engine/score/score";
import type { ScoreSheet } from "../../../src/engine/score/result-types";

/** Plan and score as the engine session does: the plan's diagnostics, then (if nothing blocks) the scores'. */
export function scoreAll(
  template: Template,
  values: InputValues,
  options: ScoreOptions = {},
): { scores: ScoreSheet | null; diagnostics: Diagnostic[] } {
  const planned = planScoring(template, values, FRESH_PARSERS);
  if (!planned.plan) return { scores: null, diagnostics: planned.diagnostics };
  const scored = scoreWorkbook(template, values, planned.plan, options);
  const diagnostics = [...planned.diagnostics, ...scored.diagnostics];
  return { scores: diagnostics.some((d) => d.severity === "error") ? null : scored.scores, diagnostics };
}
