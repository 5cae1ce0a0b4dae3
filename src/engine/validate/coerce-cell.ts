/**
 * One cell → a typed value plus the diagnostics a person needs: blanks, Excel errors, text read as
 * numbers, wrong kinds of value, non-integers and out-of-range values. Never throws.
 */
import Decimal from "decimal.js";
import type { CellValue } from "../model/cell";
import { isBlank } from "../model/cell";
import type { TypedValue } from "../model/values";
import type { Diagnostic, Location } from "../diagnostics/types";
import { diag } from "../diagnostics/types";
import type { FieldType } from "../compile/read/types";
import { normaliseNumberText } from "../compile/read/cells";
import { YES_NO_LABELS } from "../compile/read/labels";
import { parseNumberText } from "./number-text";

/** What a cell must hold: its type, whether it is required, and its bounds (max = length for text). */
export interface CellSpec {
  readonly label: string;
  readonly type: FieldType;
  readonly required: boolean;
  readonly min: number | null;
  readonly max: number | null;
}

/** The default bounds of a year when 字段定义 gives none. */
export const YEAR_BOUNDS = { min: 2000, max: 2100 } as const;

/** Amounts are shown with this many decimals (万元 to the hundred yuan). */
export const AMOUNT_DECIMALS = 2;

/** The typed value of one cell and what was found on the way. */
export interface CoercedCell {
  readonly value: TypedValue;
  readonly diagnostics: readonly Diagnostic[];
}

// Most cells are fine: one shared, frozen empty list for them.
const NONE: readonly Diagnostic[] = Object.freeze([]);

/** A JS number as an exact Decimal, with Excel's float noise removed (15 significant digits). */
export function decimalOf(n: number): Decimal {
  return new Decimal(normaliseNumberText(n));
}

/** A Decimal as plain text (never exponent notation). */
export function plain(d: Decimal): string {
  return d.toFixed();
}

const GOT = { s: "text", n: "number", b: "boolean", d: "date" } as const;

function coerceText(cell: CellValue, spec: CellSpec, where: Location): CoercedCell {
  let text: string;
  if (cell.t === "s") text = cell.v.trim();
  else if (cell.t === "n") text = Number.isFinite(cell.v) ? normaliseNumberText(cell.v) : String(cell.v);
  else if (cell.t === "b") text = cell.v ? YES_NO_LABELS.yes : YES_NO_LABELS.no;
  else if (cell.t === "d") text = cell.v;
  else text = "";
  const diagnostics: Diagnostic[] = [];
  // A text has at most as many characters as UTF-16 units, so short texts need no counting.
  if (spec.max !== null && text.length > spec.max) {
    const length = [...text].length;
    if (length > spec.max)
      diagnostics.push(diag("text_too_long", "warning", where, { label: spec.label, length, max: spec.max }));
  }
  return { value: text, diagnostics };
}

function coerceYesNo(cell: CellValue, spec: CellSpec, where: Location): CoercedCell {
  if (cell.t === "b") return { value: cell.v, diagnostics: NONE };
  if (cell.t === "s") {
    const t = cell.v.normalize("NFKC").trim();
    if (t === YES_NO_LABELS.yes) return { value: true, diagnostics: NONE };
    if (t === YES_NO_LABELS.no) return { value: false, diagnostics: NONE };
  }
  const got = cell.t === "s" || cell.t === "n" || cell.t === "d" ? GOT[cell.t] : "text";
  return {
    value: null,
    diagnostics: [diag("wrong_type", "error", where, { label: spec.label, expected: "yesno", got })],
  };
}

/** decimalOf for a number the template configures (a bound, a tolerance). */
export function constantDecimal(n: number): Decimal {
  return decimalOf(n);
}

function rangeCheck(value: Decimal, spec: CellSpec, where: Location): Diagnostic[] {
  const min = spec.min ?? (spec.type === "year" ? YEAR_BOUNDS.min : null);
  const max = spec.max ?? (spec.type === "year" ? YEAR_BOUNDS.max : null);
  const below = min !== null && value.lt(constantDecimal(min));
  const above = max !== null && value.gt(constantDecimal(max));
  if (!below && !above) return [];
  // A rate typed as 97 where a fraction is expected: the person meant 97 %.
  const looksLikePercent = spec.type === "rate" && max === 1 && above && value.lte(100);
  return [
    diag("out_of_range", "error", where, {
      label: spec.label,
      value: plain(value),
      min: min === null ? "" : normaliseNumberText(min),
      max: max === null ? "" : normaliseNumberText(max),
      ...(looksLikePercent ? { suggestion: `${plain(value)}%` } : {}),
    }),
  ];
}

function coerceNumber(cell: CellValue, spec: CellSpec, where: Location): CoercedCell {
  const diagnostics: Diagnostic[] = [];
  let value: Decimal | null = null;
  if (cell.t === "n") {
    if (Number.isFinite(cell.v)) value = decimalOf(cell.v);
    else diagnostics.push(diag("not_a_number", "error", where, { label: spec.label, text: String(cell.v) }));
  } else if (cell.t === "s") {
    const text = cell.v.trim();
    value = parseNumberText(text, spec.type);
    diagnostics.push(
      value === null
        ? diag("not_a_number", "error", where, { label: spec.label, text })
        : diag("read_as", "info", where, { label: spec.label, text, value: plain(value) }),
    );
  } else if (cell.t === "b" || cell.t === "d") {
    const expected = spec.type;
    diagnostics.push(diag("wrong_type", "error", where, { label: spec.label, expected, got: GOT[cell.t] }));
  }
  if (value === null) return { value: null, diagnostics };
  if ((spec.type === "integer" || spec.type === "year") && !value.isInteger()) {
    diagnostics.push(diag("not_an_integer", "error", where, { label: spec.label, value: plain(value) }));
  }
  diagnostics.push(...rangeCheck(value, spec, where));
  if (spec.type === "amount" && value.decimalPlaces() > AMOUNT_DECIMALS) {
    const decimals = value.decimalPlaces();
    diagnostics.push(diag("amount_precision", "info", where, { label: spec.label, value: plain(value), decimals }));
  }
  return { value, diagnostics };
}

/** Read one input cell as its field type. Problems are diagnostics at `where`; the value is null when unusable. */
export function coerceCell(cell: CellValue | undefined, spec: CellSpec, where: Location): CoercedCell {
  if (cell === undefined || isBlank(cell)) {
    return {
      value: null,
      diagnostics: spec.required ? [diag("required_missing", "error", where, { label: spec.label })] : NONE,
    };
  }
  if (cell.t === "e") {
    return { value: null, diagnostics: [diag("excel_error", "error", where, { label: spec.label, error: cell.v })] };
  }
  if (spec.type === "text") return coerceText(cell, spec, where);
  if (spec.type === "yesno") return coerceYesNo(cell, spec, where);
  return coerceNumber(cell, spec, where);
}
