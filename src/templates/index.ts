export { layoutTemplate } from "./layout/layout";
export type { CellRole, LayoutCell, LayoutSheet, ValidationSpec, WorkbookLayout } from "./layout/layout";
export type { TemplateDescription } from "./layout/types";
export { STANDARD_TEMPLATE_INFO, standardTemplateDescription } from "./standard/description";
export { STANDARD_GRADES, buildExampleDescription, rowHeightFor } from "./standard";
export type { SeedData } from "./standard";
export { KNOWN_TEMPLATES, nameSheetsOf } from "./known";
