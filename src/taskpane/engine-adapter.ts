import { runReport, runScoring, runValidation } from "../engine";
import { renderDiagnostic } from "../engine/diagnostics/render";
import type { EnginePort, ScoreOptions } from "./engine-port";
import { localIsoNow } from "./local-time";

function nowOf(options: ScoreOptions | undefined): string {
  return options?.now ?? localIsoNow();
}

/** The real engine behind the pane's port. The .docx renderer is imported only when 导出 Word is pressed. */
export function createEngineAdapter(): EnginePort {
  return {
    validate: (snapshot) => runValidation(snapshot),
    score: (snapshot, options) => runScoring(snapshot, { now: nowOf(options) }),
    report: (snapshot, lang, options) => {
      const outcome = runReport(snapshot, { lang, now: nowOf(options) });
      const tree = outcome.report;
      return {
        ...outcome,
        docx: async () => {
          if (!tree) throw new Error("report_unavailable");
          const { renderDocx } = await import("../hosts/docx/render-docx");
          return renderDocx(tree);
        },
      };
    },
    renderDiagnostic: (d, lang) => renderDiagnostic(d, lang),
  };
}
