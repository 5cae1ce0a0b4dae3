import type Decimal from "decimal.js";
import type { Band, Params } from "./params";
import type { ParamSchema, ParamTexts, ParamValues } from "./param-schema";
import type { Explain } from "../score/phrases";
import type { Criterion } from "../score/criteria";
import type { RuleProblem } from "./read-params";
import type { ValueFormat } from "../model/format";

/**
 * What a rule scores, as its explanation names it (「预算调整率为5.79%，…」): the indicator and how its value is
 * written, decided by the scoring pipeline (score/units.ts), never guessed by a rule.
 */
export interface RuleSubject {
  /** The indicator the sentence starts with (预算调整率), or null: 「指标值」. */
  readonly name: string | null;
  /** The value's kind: rates as % with two decimals, amounts with two decimals, counts whole. */
  readonly format: ValueFormat;
}

/** What a 评分标准 is generated for: the value's kind (limits as % for rates) and the row's own 指标说明. */
export interface CriterionSubject {
  readonly format: ValueFormat;
  /** The bureau's 指标说明: a manual indicator's only criterion. */
  readonly description: string;
}

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

/** A rule's parameters as its score function sees them: typed values, the texts as written, and the bands. */
export interface RuleArgs<S extends ParamSchema> {
  readonly v: ParamValues<S>;
  readonly raw: ParamTexts<S>;
  readonly bands: readonly Band[];
}

/** The band list a kind takes (分档, 封顶): `interval: score` items, the score checked within [0, W]. */
export interface BandSpec {
  /** What a band's score is, in Chinese, for the docs ("得分", "总分上限"). */
  readonly zh: string;
}

/** One rule kind as its module writes it: a typed schema and a score function over the typed parameters. */
export interface RuleDefinition<S extends ParamSchema> {
  readonly id: RuleKindId;
  readonly zh: string;
  /** Where the value comes from: the indicator's formula, or the evaluator's 自评得分 (manual). */
  readonly input: "formula" | "manual";
  readonly params: S;
  readonly bands?: BandSpec & {
    /** Whether the bands may leave values uncovered, from the parameters (分档: 允许间断=是). */
    readonly allowGaps: (p: Partial<ParamValues<S>>) => boolean;
  };
  /** A 评分参数 text as a bureau would write it, in Chinese keys (说明 sheet, docs). */
  readonly example: string;
  /** The step a manual score must be a multiple of (manual only). */
  step?(p: ParamValues<S>): Decimal;
  score(value: Decimal, p: RuleArgs<S>, weight: Decimal, subject: RuleSubject): RuleScore;
  /** The 评分标准 these parameters say, in words (the shared 不适用时 / 无法计算时 are added by defineRule). */
  criterion(p: RuleArgs<S>, weight: Decimal, subject: CriterionSubject): Criterion;
}

/** A rule with checked parameters for one weight: ready to score. */
export interface CompiledRule {
  readonly def: RuleKind;
  /** The parameters as written (by English key, defaults included) and the bands, for the report's {param.…}. */
  readonly params: Params;
  readonly weight: Decimal;
  /** Points when the value is not applicable (na=, default 100% of W). */
  readonly naScore: Decimal;
  /** Points when the value is undefined (undefined=, default 0). */
  readonly undefinedScore: Decimal;
  /** The step of a manual score (null for other kinds). */
  readonly step: Decimal | null;
  /** The kind's score function bound to these typed parameters and weight. */
  score(value: Decimal, subject: RuleSubject): RuleScore;
  /** The 评分标准 of this rule, generated from its kind and parameters. */
  criterion(subject: CriterionSubject): Criterion;
  /**
   * What is worked out from this rule alone (its 评分标准 in words, the check of a 指标说明 against it), kept with the
   * rule: a session reuses compiled rules across workbooks, so it is worked out once per rule and key.
   */
  memo<T>(key: string, make: () => T): T;
}

export type CompileResult =
  | { readonly ok: true; readonly rule: CompiledRule }
  | { readonly ok: false; readonly problems: readonly RuleProblem[] };

/** One rule kind as the registry holds it: its metadata, and compilation of a 评分参数 text for a weight. */
export interface RuleKind {
  readonly id: RuleKindId;
  readonly zh: string;
  readonly input: "formula" | "manual";
  /** The kind's own parameters (the shared na= / undefined= are COMMON_SCHEMA). */
  readonly params: ParamSchema;
  readonly bands: BandSpec | null;
  readonly example: string;
  compile(paramsText: string, weight: Decimal): CompileResult;
}
