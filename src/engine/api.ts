import type { Diagnostic } from "./diagnostics/types";
import type { WritePlan } from "./model/write-plan";
import type { TemplateInfo } from "./compile/read/types";
import type { ScoreSheet } from "./score/result-types";

/** What 校验 returns: the template (if recognised) and every problem found. */
export interface ValidationOutcome {
  readonly template: TemplateInfo | null;
  readonly diagnostics: readonly Diagnostic[];
  /** The unit and year as entered (fields unit_name and eval_year), for status lines and summaries. */
  readonly unit: { readonly name: string; readonly year: string } | null;
}

/** Validation plus scores (null when errors block scoring): what a summary of many workbooks needs. */
export interface ScoresOutcome extends ValidationOutcome {
  readonly scores: ScoreSheet | null;
}

/** What 评分 returns: the scores and the outputs to write. */
export interface ScoringOutcome extends ScoresOutcome {
  readonly writePlan: WritePlan;
}
