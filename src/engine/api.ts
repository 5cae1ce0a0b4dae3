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

/** What 发布 returns: the _meta rows recording the configuration (none when errors stand) and the sheets to protect. */
export interface PublishOutcome extends ValidationOutcome {
  readonly writePlan: WritePlan;
  /** "sha256:…" of the recorded configuration; null when nothing was published. */
  readonly fingerprint: string | null;
  /** How many configuration cells were recorded. */
  readonly cells: number;
  /** The sheets that hold the configuration, to protect. */
  readonly protect: readonly string[];
  /** Ranges on those sheets that stay editable: the department's inputs and the engine's outputs. */
  readonly unlock: readonly { readonly sheet: string; readonly range: string }[];
}
