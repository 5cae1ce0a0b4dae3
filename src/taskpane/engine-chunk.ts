// Everything of the engine the pane uses, as one lazily loaded chunk (engine-adapter.ts imports it with import()).
import { createEngine, layoutReport } from "../engine";
import type { EngineSession, ReportTree } from "../engine";
import type { PreviewLine } from "./engine-port";
import { KNOWN_TEMPLATES } from "../templates";

export { renderDiagnostic } from "../engine";

/** The report as the pane previews it: the laid-out lines, as plain text and a table's cell texts. */
export function previewLines(tree: ReportTree): PreviewLine[] {
  return layoutReport(tree).map((l) => ({
    kind: l.kind,
    depth: l.depth,
    text: l.text,
    ...(l.cells ? { cells: l.cells } : {}),
  }));
}

/** The pane's engine session: it compiles the open template once and reuses it while the template is the same. */
export function createPaneEngine(): EngineSession {
  return createEngine({ knownTemplates: KNOWN_TEMPLATES });
}
