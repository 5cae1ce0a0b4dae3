import type Decimal from "decimal.js";
import type { ParamMeta, Params } from "./params";
import type { Explain } from "../score/phrases";

/** The rule kinds of the template format (评分方法), by id. */
export type RuleKindId =
  "threshold" | "deduct_per_point" | "step_per_block" | "bands" | "proportional" | "checklist" | "per_event" | "manual";

/** What a rule returns: a score in points (clamped later by the shared path), how it follows, and why points went. */
export interface RuleScore {
  readonly score: Decimal;
  readonly explain: Explain;
  /** Present when points were deducted: the rule's reason text. */
  readonly deduction?: Explain;
  /** The rule cannot place the value (e.g. in no band): the shared `undefined=` score applies instead. */
  readonly unplaced?: true;
}

/** One rule kind: its parameters as metadata and a pure score function over an exact value. */
export interface RuleDefinition {
  readonly id: RuleKindId;
  readonly zh: string;
  /** Where the value comes from: the indicator's formula, or the evaluator's 自评得分 (manual). */
  readonly input: "formula" | "manual";
  readonly params: readonly ParamMeta[];
  score(value: Decimal, p: Params, weight: Decimal): RuleScore;
}
