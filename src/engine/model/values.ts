import type Decimal from "decimal.js";

/** A typed input value after validation: exact decimals for numbers, text, yes/no, or null when blank/unreadable. */
export type TypedValue = Decimal | string | boolean | null;

/** One table row: column key → typed value, plus the row's 0-based sheet row. */
export interface TableRowValues {
  readonly row: number;
  readonly values: ReadonlyMap<string, TypedValue>;
}

/** All input values of a workbook, typed and keyed by field name / table id, as the scoring and report read them. */
export interface InputValues {
  readonly fields: ReadonlyMap<string, TypedValue>;
  readonly tables: ReadonlyMap<string, readonly TableRowValues[]>;
}
