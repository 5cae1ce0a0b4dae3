import type { Diagnostic, EngineSession } from "../engine";
import type { EnginePort, RenderedDiagnostic, ScoreOptions } from "./engine-port";
import { localIsoNow } from "../hosts/common";

function nowOf(options: ScoreOptions | undefined): string {
  return options?.now ?? localIsoNow();
}

type EngineChunk = typeof import("./engine-chunk");

// The engine (scoring, report, decimal arithmetic, both diagnostic catalogs) loads on first use so the pane's
// first render stays small.
let engine: Promise<EngineChunk> | null = null;
let loaded: EngineChunk | null = null;
const loadEngine = () =>
  (engine ??= import(/* webpackChunkName: "engine" */ "./engine-chunk").then(
    (m) => (loaded = m),
    (error: unknown) => {
      // A chunk that failed to arrive (network) is tried again on the next action.
      engine = null;
      throw error;
    },
  ));

// Diagnostics only ever come out of the engine, so its catalogs are there by the time one is rendered; the
// code alone is the last resort should that ever change.
function renderLoaded(d: Diagnostic, lang: Parameters<EnginePort["renderDiagnostic"]>[1]): RenderedDiagnostic {
  return loaded ? loaded.renderDiagnostic(d, lang) : { message: d.code, fix: "", where: "" };
}

/** The real engine behind the pane's port. The .docx renderer is imported only when 导出 Word is pressed. */
export function createEngineAdapter(): EnginePort {
  // One engine session per adapter (one per pane or page), made when the engine chunk first arrives.
  let session: EngineSession | null = null;
  const engineSession = async (): Promise<EngineSession> => (session ??= (await loadEngine()).createPaneEngine());
  return {
    validate: async (snapshot) => (await engineSession()).validate(snapshot),
    score: async (snapshot, options) => (await engineSession()).score(snapshot, { now: nowOf(options) }),
    publish: async (snapshot, options) => (await engineSession()).publish(snapshot, options),
    report: async (snapshot, lang, options) => {
      const engine = await loadEngine();
      const outcome = (await engineSession()).report(snapshot, { lang, now: nowOf(options) });
      const tree = outcome.report;
      return {
        ...outcome,
        lines: tree ? engine.previewLines(tree) : [],
        docx: async () => {
          if (!tree) throw new Error("report_unavailable");
          const { renderDocx } = await import(/* webpackChunkName: "docx-report" */ "../render");
          return renderDocx(tree);
        },
      };
    },
    renderDiagnostic: renderLoaded,
  };
}
