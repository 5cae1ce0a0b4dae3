/** The report as plain text: one paragraph per line, numbered 一、（一）1.（1）. */
import { layoutReport, lineText } from "./layout";
import type { ReportTree } from "./tree";

/** Render the report tree as plain text (for the pane's copy button and the golden files). */
export function renderText(tree: ReportTree): string {
  return `${layoutReport(tree).map(lineText).join("\n")}\n`;
}
