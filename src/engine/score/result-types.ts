import type { ValueFormat } from "../model/format";
import type { CellRef } from "../model/cell";

/** An indicator's computed value: a number (rates are fractions), not applicable, or not computed (manual). */
export type IndicatorValue =
  | { readonly t: "number"; readonly v: number }
  | { readonly t: "na"; readonly why: string }
  | { readonly t: "undefined"; readonly why: string }
  | { readonly t: "none" };

/** One scored leaf indicator (a rubric row, or one row of an expanded table such as a task). */
export interface IndicatorResult {
  /** Stable id: the rubric 编号, or `<rubric id>.<n>` for the n-th expanded row (1-based). */
  readonly id: string;
  /** Names from the top: [一级, 二级, 三级]. */
  readonly path: readonly string[];
  readonly name: string;
  readonly weight: number;
  readonly ruleKind: string;
  readonly formula: string;
  readonly value: IndicatorValue;
  /** Rounded to 2 decimals, within [0, weight]. */
  readonly score: number;
  /** Why points were deducted (the evaluator's reason, or the rule's explanation); empty at full marks. */
  readonly reason: string;
  /** A short explanation of how the score follows from the value, in the template's language. */
  readonly explanation: string;
  /** The 评分标准 its rule's parameters say (score/criteria.ts), in the action's language. */
  readonly criterion: string;
  /** The rubric row (or table row) the indicator comes from. */
  readonly ref: CellRef;
  /** The values of the fields the formula used, by field name, for the report ("7 ÷ 7"). */
  readonly inputs: Readonly<Record<string, number | null>>;
  /**
   * What the value is — a rate, an amount, a count or a plain number — decided from the formula once
   * (score/units.ts); absent for manual indicators. Output cells get its number format.
   */
  readonly valueFormat?: ValueFormat;
  /**
   * The value as every surface shows it, from the one formatter (model/format.ts): "97.56%", "33.10", "3",
   * or the words for 不适用 / 无法计算 in the action's language; empty for manual indicators.
   */
  readonly valueText: string;
}

/** A level-1 or level-2 node with its subtotal. */
export interface LevelResult {
  readonly id: string;
  readonly name: string;
  readonly depth: 1 | 2;
  readonly weight: number;
  readonly score: number;
  readonly children: readonly string[];
}

/** A cap or penalty applied to the total. */
export interface AdjustmentResult {
  readonly id: string;
  readonly name: string;
  readonly value: IndicatorValue;
  /** Points subtracted (penalty) or the cap applied; 0/null when it did not apply. */
  readonly penalty: number;
  readonly cap: number | null;
}

/** The full scoring outcome. Total and subtotals are rounded to 2 decimals for display; grade uses the unrounded total. */
export interface ScoreSheet {
  readonly indicators: readonly IndicatorResult[];
  readonly levels: readonly LevelResult[];
  readonly adjustments: readonly AdjustmentResult[];
  /** Sum of indicator scores before caps and penalties. */
  readonly rawTotal: number;
  readonly total: number;
  /** The exact total as a decimal string, which the grade was taken from. */
  readonly totalExact: string;
  readonly grade: string;
  readonly fullScore: number;
}
