/** The generic writer every template family uses: a description laid out as positioned cells and names. */
export type * from "./types";
export type { CellRole, LayoutCell, LayoutSheet, SheetView, ValidationSpec, WorkbookLayout } from "./model";
export { layoutTemplate } from "./layout";
export { layoutToSnapshot, contentToCellValue } from "./snapshot";
export { validationFor, NUMBER_FORMATS } from "./validation";
export { RUBRIC_LAYOUT } from "./rubric";
export { rowHeightFor, textWidth, wrappedLines } from "./text-size";
