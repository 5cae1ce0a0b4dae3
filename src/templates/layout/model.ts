/** The positioned cells a template description lays out to: what the xlsx host writes and the tests read. */
import type { DefinedName, TemplateInfo } from "../../engine";
import type { CellContent } from "./types";

/** How a cell is styled: inputs yellow, outputs green, configuration blue; the rest plain text. */
export type CellRole =
  "title" | "heading" | "text" | "note" | "label" | "header" | "input" | "output" | "config" | "meta";

/** An Excel data validation for one cell; `strict: false` only warns (free text still allowed). */
export type ValidationSpec =
  | {
      readonly kind: "decimal" | "whole";
      readonly min: number | null;
      readonly max: number | null;
      readonly message: string;
    }
  | { readonly kind: "list"; readonly items: readonly string[]; readonly strict: boolean; readonly message: string }
  /**
   * A formula rule (Excel's 自定义): the cell is accepted when the formula is TRUE; references are relative to the
   * cell itself. Bounds read from other cells go here (exceljs reads a decimal rule's bounds back as numbers only).
   */
  | {
      readonly kind: "formula";
      readonly formula: string;
      readonly message: string;
      /** false: Excel warns and lets the value stand (default: refuses it). */
      readonly strict?: boolean;
    };

export interface LayoutCell {
  /** 0-based. */
  readonly row: number;
  readonly col: number;
  readonly value: CellContent;
  readonly role: CellRole;
  readonly numFmt: string | null;
  readonly validation: ValidationSpec | null;
  /** Long text wraps inside its column instead of spilling into the next one. */
  readonly wrap: boolean;
}

/** How a sheet prints and scrolls: A4, one page wide, header rows repeated, panes frozen below them. */
export interface SheetView {
  readonly landscape: boolean;
  /** 0-based row repeated at the top of every printed page, or null. */
  readonly titleRow: number | null;
  /** Rows and columns frozen on screen (0 = none). */
  readonly freezeRows: number;
  readonly freezeColumns: number;
  /** The print area: columns A… (count) and rows 1… (count). */
  readonly printColumns: number;
  readonly printRows: number;
}

export interface LayoutSheet {
  readonly name: string;
  readonly hidden: boolean;
  readonly columnWidths: readonly number[];
  /** Sorted by row, then column. */
  readonly cells: readonly LayoutCell[];
  readonly view: SheetView;
  /** Heights in points of rows whose wrapped text needs more than one line (0-based row → height). */
  readonly rowHeights: readonly { readonly row: number; readonly height: number }[];
  /** 0-based rows whose column A is merged across every column of the sheet. */
  readonly spannedRows: readonly number[];
}

export interface WorkbookLayout {
  readonly info: TemplateInfo;
  readonly sheets: readonly LayoutSheet[];
  readonly names: readonly DefinedName[];
}
