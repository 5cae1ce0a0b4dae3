import type Decimal from "decimal.js";
import type { TypedValue } from "../model/values";
import type { FormulaProblem } from "../diagnostics/problems";

/** A parsed expression of the template's small formula language (docs/template-format.md "Expressions"). */
export type Expr =
  /** `text`: the literal as written (after symbol normalisation), "50%" for 0.5, so a reader sees it so. */
  | { readonly k: "num"; readonly v: Decimal; readonly text: string; readonly pos: number }
  | { readonly k: "str"; readonly v: string; readonly pos: number }
  | { readonly k: "field"; readonly name: string; readonly pos: number }
  | { readonly k: "col"; readonly table: string; readonly key: string; readonly pos: number }
  | { readonly k: "neg"; readonly e: Expr; readonly pos: number }
  | { readonly k: "bin"; readonly op: ArithOp; readonly l: Expr; readonly r: Expr; readonly pos: number }
  | { readonly k: "call"; readonly fn: FunctionName; readonly args: readonly Expr[]; readonly pos: number };

export type ArithOp = "+" | "-" | "*" | "/";
export type CompareOp = "=" | "<=" | ">=" | "<" | ">";

export type FunctionName =
  | "ratio"
  | "change"
  | "abs"
  | "min"
  | "max"
  | "sum"
  | "weighted"
  | "count"
  | "count_if"
  | "blank"
  | "present"
  | "attainment";

/** A table column reference `table.key`. */
export interface ColumnRef {
  readonly table: string;
  readonly key: string;
}

/** A check (校验规则 规则 / 前提): a comparison of two expressions or a boolean function such as blank(x). */
export type Check =
  | { readonly kind: "compare"; readonly op: CompareOp; readonly left: Expr; readonly right: Expr }
  | { readonly kind: "predicate"; readonly expr: Expr };

export type ParseResult =
  | {
      readonly ok: true;
      readonly expr: Expr;
      readonly fields: readonly string[];
      readonly columns: readonly ColumnRef[];
    }
  | { readonly ok: false; readonly problem: FormulaProblem };

export type CheckParseResult =
  | {
      readonly ok: true;
      readonly check: Check;
      readonly fields: readonly string[];
      readonly columns: readonly ColumnRef[];
    }
  | { readonly ok: false; readonly problem: FormulaProblem };

/** Why an expression has no value although its inputs are fine: the rule's `na=` decides the score. */
export type NaReason = "zero_denominator" | "blank_input" | "empty_table";

/** The value of an expression. Division by zero never divides: 0/0 is `na`, x/0 (x ≠ 0) is `undefined`. */
export type FormulaValue =
  | { readonly t: "number"; readonly v: Decimal }
  | { readonly t: "na"; readonly why: NaReason }
  | { readonly t: "undefined"; readonly why: "nonzero_over_zero" }
  | { readonly t: "text"; readonly v: string }
  | { readonly t: "bool"; readonly v: boolean };

/** Where an expression reads its inputs from. */
export interface FormulaEnv {
  /** A single-value field's typed value; undefined when the name is unknown. */
  field(name: string): TypedValue | undefined;
  /** A table column's values, one per row; undefined when the table or column is unknown. */
  column(table: string, key: string): readonly TypedValue[] | undefined;
  /** In an expanded rubric row, `table.key` (outside aggregate functions) means this row's cell. */
  readonly currentRow?: { readonly table: string; readonly values: ReadonlyMap<string, TypedValue> };
}

export type CheckStatus = "pass" | "fail" | "skipped";

export interface CheckOutcome {
  readonly status: CheckStatus;
  readonly left?: Decimal;
  readonly right?: Decimal;
}
