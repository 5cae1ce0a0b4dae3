import { renderDiagnostic } from "../engine/diagnostics/render";
import type { EnginePort, ScoreOptions } from "./engine-port";
import { localIsoNow } from "./local-time";

function nowOf(options: ScoreOptions | undefined): string {
  return options?.now ?? localIsoNow();
}

// The engine (scoring, report, decimal arithmetic) loads on first use so the pane's first render stays small.
let engine: Promise<typeof import("../engine")> | null = null;
const loadEngine = () => (engine ??= import(/* webpackChunkName: "engine" */ "../engine"));

/** The real engine behind the pane's port. The .docx renderer is imported only when 导出 Word is pressed. */
export function createEngineAdapter(): EnginePort {
  return {
    validate: async (snapshot) => (await loadEngine()).runValidation(snapshot),
    score: async (snapshot, options) => (await loadEngine()).runScoring(snapshot, { now: nowOf(options) }),
    report: async (snapshot, lang, options) => {
      const outcome = (await loadEngine()).runReport(snapshot, { lang, now: nowOf(options) });
      const tree = outcome.report;
      return {
        ...outcome,
        docx: async () => {
          if (!tree) throw new Error("report_unavailable");
          const { renderDocx } = await import(/* webpackChunkName: "docx-report" */ "../hosts/docx/render-docx");
          return renderDocx(tree);
        },
      };
    },
    renderDiagnostic: (d, lang) => renderDiagnostic(d, lang),
  };
}
