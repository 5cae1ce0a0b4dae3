export { applyWritePlan } from "./apply-plan";
export { markText } from "./marks";
export { readSnapshot } from "./read-snapshot";
export { buildStandardTemplate, shippedPublished } from "./standard";
export { buildTemplateWorkbook } from "./write-template";
export { publishWorkbook } from "./publish";
export type { PublishedWorkbook } from "./publish";
export { writeSummaryWorkbook } from "./write-summary";
export type { SummaryHeaders, SummaryIssue, SummaryLabels, SummaryRow } from "./write-summary";
