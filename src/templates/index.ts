export { layoutTemplate } from "./layout";
export type { CellRole, LayoutCell, LayoutSheet, TemplateDescription, ValidationSpec, WorkbookLayout } from "./layout";
export { STANDARD_TEMPLATE_INFO, standardTemplateDescription } from "./standard/description";
export { STANDARD_GRADES, buildExampleDescription, rowHeightFor } from "./standard";
export type { SeedData } from "./standard";
export { KNOWN_TEMPLATES, nameSheetsOf } from "./known";
export { TEMPLATE_FAMILIES, findFamily } from "./families";
export type { TemplateFamily } from "./families";
