// Types for the parts of exceljs's sources that src/web/exceljs-browser.ts imports (exceljs ships types only for its entry).
declare module "exceljs/lib/doc/workbook" {
  import type { Workbook } from "exceljs";
  const WorkbookClass: typeof Workbook;
  export = WorkbookClass;
}

declare module "exceljs/lib/doc/enums" {
  const enums: Readonly<Record<string, Readonly<Record<string, number>>>>;
  export = enums;
}
