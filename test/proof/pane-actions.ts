/** The task pane's three actions as src/taskpane/state/use-pane.ts performs them, on any WorkbookHost. */
import { runReport, runScoring, runValidation } from "../../src/engine";
import type { WorkbookHost } from "../../src/hosts/common/types";

export type PaneAction = "校验" | "评分" | "报告";

export const PANE_NOW = "2021-03-01T09:00:00";

/** Read, ask the engine, write (报告 includes writing the 报告 sheet). Returns a short note of what was written. */
export async function paneAction(host: WorkbookHost, action: PaneAction): Promise<string> {
  const snapshot = await host.readSnapshot();
  if (action === "校验") {
    const v = runValidation(snapshot);
    await host.markDiagnostics(v.diagnostics);
    return `${v.diagnostics.length} diagnostics`;
  }
  if (action === "评分") {
    const r = runScoring(snapshot, { now: PANE_NOW });
    if (!r.scores) {
      await host.markDiagnostics(r.diagnostics);
      return "blocked";
    }
    const s = host.applyAndMark
      ? await host.applyAndMark(r.writePlan, r.diagnostics)
      : await host.applyWritePlan(r.writePlan).then(async (x) => (await host.markDiagnostics(r.diagnostics), x));
    return `${Object.values(s.cellsBySheet).reduce((x, y) => x + y, 0)} cells, total ${r.scores.total}`;
  }
  const r = runReport(snapshot, { now: PANE_NOW });
  if (!r.report) return "blocked";
  const s = await host.applyWritePlan(r.writePlan);
  return `${Object.values(s.cellsBySheet).reduce((x, y) => x + y, 0)} cells`;
}
