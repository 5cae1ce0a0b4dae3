import type { Diagnostic } from "./diagnostics/types";
import type { WritePlan } from "./model/write-plan";
import type { TemplateInfo } from "./template/types";
import type { ScoreSheet } from "./scoring/result-types";

/** What 校验 returns: the template (if recognised) and every problem found. */
export interface ValidationOutcome {
  readonly template: TemplateInfo | null;
  readonly diagnostics: readonly Diagnostic[];
}

/** What 评分 returns: validation plus scores (null when errors block scoring) and the outputs to write. */
export interface ScoringOutcome extends ValidationOutcome {
  readonly scores: ScoreSheet | null;
  readonly writePlan: WritePlan;
}
