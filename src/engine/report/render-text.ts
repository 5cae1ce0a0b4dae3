/** The report as plain text: one paragraph per line, numbered 一、（一）1.（1）. */
import { reportLineTexts } from "./layout";
import type { ReportTree } from "./tree";

/** Render the report tree as plain text (for the pane's copy button and the golden files). */
export function renderText(tree: ReportTree): string {
  return `${reportLineTexts(tree).join("\n")}\n`;
}
