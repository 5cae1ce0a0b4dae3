/** The report module's public surface: build the tree once, render it at the edges. */
export { buildReport, REPORT_PHRASES, type BuildReportInput } from "./build";
export { renderText } from "./render-text";
export { reportWritePlan, REPORT_SHEET_ROWS, REPORT_COLUMN_WIDTH } from "./render-sheet";
export { layoutReport, lineText, type ReportLine } from "./layout";
export { defaultIndicatorPhrase, defaultExpandPhrase, DEFAULT_PHRASES } from "./default-phrases";
export type { ReportTree, Run, Paragraph, Section, Block, TitleBlock } from "./tree";
