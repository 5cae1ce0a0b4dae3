/**
 * Input validation: typed values from the workbook's input cells, and the template's checks.
 */
import type { WorkbookSnapshot } from "../model/snapshot";
import type { Template } from "../compile/read/types";
import { coerceInputs } from "./coerce";
import type { CoercedInputs } from "./coerce";
import { runChecks } from "./checks";
import type { Parsers } from "../compile/parsers";
import { FRESH_PARSERS } from "../compile/parsers";

export { coerceInputs, rubricRowName } from "./coerce";
export type { CoercedInputs } from "./coerce";
export { coerceCell, decimalOf, YEAR_BOUNDS, AMOUNT_DECIMALS } from "./coerce-cell";
export type { CellSpec, CoercedCell } from "./coerce-cell";
export { parseNumberText } from "./number-text";
export { runChecks, labelledExpression } from "./checks";

/** 校验: read every input cell as its type, then run the template's checks on the values. Never throws. */
export function validateInputs(
  template: Template,
  snapshot: WorkbookSnapshot,
  parsers: Parsers = FRESH_PARSERS,
): CoercedInputs {
  const coerced = coerceInputs(template, snapshot);
  return {
    values: coerced.values,
    diagnostics: [...coerced.diagnostics, ...runChecks(template, coerced.values, parsers)],
  };
}
