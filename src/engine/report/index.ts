/** The report module's public surface: build the tree once, render it at the edges. */
import type { Diagnostic } from "../diagnostics/types";
import type { WriteOp } from "../model/write-plan";
import { buildReport, type BuildReportInput } from "./build";
import { reportWritePlan } from "./render-sheet";
import { renderText } from "./render-text";
import type { ReportTree } from "./tree";

export { buildReport, reportPhrases, type BuildReportInput } from "./build";
export { renderText } from "./render-text";
export { reportWritePlan, REPORT_SHEET_ROWS, REPORT_COLUMN_WIDTH } from "./render-sheet";
export { layoutReport, lineText, type ReportLine } from "./layout";
export { defaultIndicatorPhrase, defaultExpandPhrase, DEFAULT_PHRASES } from "./default-phrases";
export type { ReportTree, ReportLang, Run, Paragraph, Section, Block, TitleBlock } from "./tree";

/** Everything the pane, the CLI and the end-to-end test need from one call: tree, text, 报告 sheet ops, warnings. */
export function generateReport(
  input: BuildReportInput,
  sheetName = "报告",
): { tree: ReportTree; text: string; writeOps: WriteOp[]; diagnostics: Diagnostic[] } {
  const { tree, diagnostics } = buildReport(input);
  return { tree, text: renderText(tree), writeOps: reportWritePlan(tree, sheetName), diagnostics };
}
