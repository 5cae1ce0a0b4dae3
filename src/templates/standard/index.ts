/** The standard template (cn.perfeval.dept-overall): description, layout and the filled example. */
export type * from "../layout/types";
export { STANDARD_TEMPLATE_INFO, STANDARD_SHEETS, standardTemplateDescription } from "./description";
export { STANDARD_FIELDS, INPUT_FIELDS, RESULT_FIELDS } from "./fields";
export { STANDARD_TABLES, BENEFIT_CATEGORIES } from "./tables";
export { STANDARD_CHECKS, AMOUNT_TOLERANCE } from "./checks";
export { STANDARD_RUBRIC, STANDARD_GRADES, RULE_KIND_NAMES } from "./rubric";
export { buildExampleDescription } from "./example";
export type { SeedData } from "./example";
export {
  layoutTemplate,
  layoutToSnapshot,
  contentToCellValue,
  validationFor,
  NUMBER_FORMATS,
  RUBRIC_LAYOUT,
  rowHeightFor,
  textWidth,
  wrappedLines,
} from "../layout";
export type { CellRole, LayoutCell, LayoutSheet, SheetView, ValidationSpec, WorkbookLayout } from "../layout";
