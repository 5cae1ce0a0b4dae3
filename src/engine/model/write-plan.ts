/** A value the engine writes: a number, text (always written as text, never as a formula), or null to clear. */
export type OutputValue = number | string | null;

/** One write: a block of values whose top-left cell is `address`. */
export interface WriteValuesOp {
  readonly kind: "values";
  readonly sheet: string;
  readonly address: string;
  readonly values: readonly (readonly OutputValue[])[];
  /** Optional per-column number formats for this block, e.g. "0.00%" or "0.00". */
  readonly numberFormats?: readonly (string | null)[];
}

/** Clear the values (not the formatting) of a range the engine owns, e.g. last run's result rows. */
export interface ClearOp {
  readonly kind: "clear";
  readonly sheet: string;
  readonly range: string;
}

/** Create the sheet if the workbook lacks it (only for sheets the engine owns, such as 报告). */
export interface EnsureSheetOp {
  readonly kind: "ensureSheet";
  readonly sheet: string;
  /** Column widths in characters for a newly created sheet. */
  readonly columnWidths?: readonly number[];
}

export type WriteOp = WriteValuesOp | ClearOp | EnsureSheetOp;

/**
 * Everything an action writes, in order. Hosts apply it in one batch and never write anything else.
 * Every target is an output cell of the template: the engine checks this before returning a plan.
 */
export interface WritePlan {
  readonly ops: readonly WriteOp[];
}
