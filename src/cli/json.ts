import type { Diagnostic, Lang, ScoresOutcome } from "../engine";
import { renderDiagnostic } from "../engine";

/** The stable `--json` shape (documented in README). */
export interface JsonResult {
  readonly file: string;
  readonly template: { id: string; version: string } | null;
  readonly diagnostics: readonly {
    severity: Diagnostic["severity"];
    code: string;
    sheet: string | null;
    cell: string | null;
    name: string | null;
    message: string;
  }[];
  readonly indicators: readonly {
    id: string;
    path: readonly string[];
    name: string;
    weight: number;
    value: number | null;
    /** The value as the report and the pane show it ("97.56%", "3"), or the words for 不适用 / 无法计算. */
    valueText: string;
    score: number;
    reason: string;
    /** How the score follows from the value and the rule (评分说明), in the output's language. */
    explanation: string;
    /** The 评分标准 generated from the indicator's rule and parameters. */
    criterion: string;
  }[];
  readonly levels: readonly { name: string; weight: number; score: number }[];
  readonly total: number | null;
  readonly grade: string | null;
}

export function toJson(file: string, outcome: ScoresOutcome, lang: Lang): JsonResult {
  const scores = outcome.scores;
  return {
    file,
    template: outcome.template ? { id: outcome.template.id, version: outcome.template.version } : null,
    diagnostics: outcome.diagnostics.map((d) => ({
      severity: d.severity,
      code: d.code,
      sheet: d.location?.sheet ?? null,
      cell: d.location?.address ?? null,
      name: d.location?.name ?? null,
      message: renderDiagnostic(d, lang).message,
    })),
    indicators: (scores?.indicators ?? []).map((i) => ({
      id: i.id,
      path: i.path,
      name: i.name,
      weight: i.weight,
      value: i.value.t === "number" ? i.value.v : null,
      valueText: i.valueText,
      score: i.score,
      reason: i.reason,
      explanation: i.explanation,
      criterion: i.criterion,
    })),
    levels: (scores?.levels ?? [])
      .filter((l) => l.depth === 1)
      .map((l) => ({ name: l.name, weight: l.weight, score: l.score })),
    total: scores?.total ?? null,
    grade: scores?.grade ?? null,
  };
}
