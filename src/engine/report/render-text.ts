/** The report as plain text: one paragraph per line, numbered 一、（一）1.（1）. */
import { layoutReport, reportLineTexts, type LaidOutLine } from "./layout";
import type { ReportTree } from "./tree";

/** Render the report tree as plain text (for the pane's copy button and the golden files). */
export function renderText(tree: ReportTree, lines: readonly LaidOutLine[] = layoutReport(tree)): string {
  return `${reportLineTexts(tree, lines).join("\n")}\n`;
}
