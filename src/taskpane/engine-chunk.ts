// Everything of the engine the pane uses, as one lazily loaded chunk (engine-adapter.ts imports it with import()).
export { renderDiagnostic, runReport, runScoring, runValidation } from "../engine";
export { KNOWN_TEMPLATES } from "../templates";
