// Everything of the engine the pane uses, as one lazily loaded chunk (engine-adapter.ts imports it with import()).
import { createEngine } from "../engine";
import type { EngineSession } from "../engine";
import { KNOWN_TEMPLATES } from "../templates";

export { renderDiagnostic } from "../engine";

/** The pane's engine session: it compiles the open template once and reuses it while the template is the same. */
export function createPaneEngine(): EngineSession {
  return createEngine({ knownTemplates: KNOWN_TEMPLATES });
}
