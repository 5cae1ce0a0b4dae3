export { applyWritePlan } from "./apply-plan";
export { markText } from "./marks";
export { readSnapshot } from "./read-snapshot";
export { buildStandardTemplate } from "./standard";
export { writeSummaryWorkbook } from "./write-summary";
export type { SummaryHeaders, SummaryIssue, SummaryLabels, SummaryRow } from "./write-summary";
