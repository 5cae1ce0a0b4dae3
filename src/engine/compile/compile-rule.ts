/**
 * compileRule: the one path that checks a rule's kind and parameters (read-params.ts) before any rule runs, and
 * applyRule: the one path that turns a formula value into a clamped score (na= / undefined= handled here).
 */
import Decimal from "decimal.js";
import type { FormulaValue } from "../formula/types";
import type { Explain, NoValue, WhyKey } from "../score/phrases";
import { phrase } from "../score/phrases";
import { findRule } from "./registry";
import type { CompiledRule, CompileResult, RuleSubject } from "./rule-types";
import { lead } from "./rules/helpers";
import { clamp, formatScore, ZERO } from "../model/decimal";

export type { RuleProblem } from "./read-params";
export { compileParams, COMMON_SCHEMA, defineRule } from "./read-params";
export type { CompiledRule, CompileResult, RuleSubject } from "./rule-types";

/**
 * Check a rubric row's 评分方法 (id or Chinese name) and 评分参数 for an indicator of weight W.
 * Every problem is returned (never thrown); a compiled rule is ready for applyRule.
 */
export function compileRule(kind: string, paramsText: string, weight: Decimal): CompileResult {
  const def = findRule(kind ?? "");
  if (!def) return { ok: false, problems: [{ code: "rule_unknown", kind }] };
  return def.compile(paramsText, weight);
}

/** How an indicator's score came about. */
export interface RuleOutcome {
  readonly status: "scored" | "na" | "undefined";
  /** Exact points within [0, W]. */
  readonly score: Decimal;
  readonly explain: Explain;
  readonly deduction?: Explain;
  /** For na/undefined: why, as a phrase key. */
  readonly why?: WhyKey;
}

/** Why a value that is not a number has no ordinary score, as a phrase key (indicators and adjustments). */
export function whyKey(v: FormulaValue): WhyKey {
  if (v.t === "na")
    return v.why === "zero_denominator"
      ? "why_zero_denominator"
      : v.why === "empty_table"
        ? "why_empty_table"
        : "why_blank_input";
  return v.t === "undefined" ? "why_nonzero_over_zero" : "why_not_a_number";
}

/**
 * What names a value that is no number, as the scoring pipeline finds it (score.ts): the labels of the blank
 * inputs, of the formula's denominator and numerator, of an empty table ("" or [] when the formula does not tell).
 */
export interface NoValueFacts {
  readonly blank: readonly string[];
  readonly denominator: string;
  readonly numerator: string;
  readonly table: string;
}

/** Why a value is no number, in the words of the explanation: 「政府采购预算数为0」「未填写上年“三公”经费」. */
function noValue(v: Exclude<FormulaValue, { t: "number" }>, facts: NoValueFacts | undefined): NoValue {
  if (v.t === "na") {
    if (v.why === "zero_denominator") return { k: "zero_denominator", denominator: facts?.denominator ?? "" };
    if (v.why === "empty_table") return { k: "empty_table", table: facts?.table ?? "" };
    return { k: "blank_input", inputs: facts?.blank ?? [] };
  }
  if (v.t === "undefined")
    return { k: "nonzero_over_zero", denominator: facts?.denominator ?? "", numerator: facts?.numerator ?? "" };
  return { k: "not_a_number" };
}

// Module-level rather than closures in applyRule, which runs for every indicator.
function cap(rule: CompiledRule, d: Decimal): Decimal {
  return clamp(d, ZERO, rule.weight);
}

function special(
  rule: CompiledRule,
  status: "na" | "undefined",
  why: WhyKey,
  words: NoValue,
  points: Decimal,
): RuleOutcome {
  const full = points.gte(rule.weight);
  const explain = phrase(status === "na" ? "not_applicable" : "undefined_value", {
    why: words,
    score: formatScore(cap(rule, points)),
    full,
  });
  return full
    ? { status, score: cap(rule, points), explain, why }
    : { status, score: cap(rule, points), explain, deduction: explain, why };
}

/**
 * Score a formula value with a compiled rule: na → na=, undefined/not a number/unplaced → undefined=, clamp to
 * [0, W]. The subject (the indicator's name and value format) words the explanation; `facts` name what is
 * missing when the value is no number.
 */
export function applyRule(
  rule: CompiledRule,
  value: FormulaValue,
  subject: RuleSubject,
  facts?: NoValueFacts,
): RuleOutcome {
  if (value.t === "na") return special(rule, "na", whyKey(value), noValue(value, facts), rule.naScore);
  if (value.t !== "number")
    return special(rule, "undefined", whyKey(value), noValue(value, facts), rule.undefinedScore);
  const r = rule.score(value.v, subject);
  if (r.unplaced) {
    const words: NoValue = { k: "no_band", ...lead(value.v, subject) };
    return special(rule, "undefined", "why_no_band", words, rule.undefinedScore);
  }
  // Literals rather than a spread: this runs for every indicator. No reason at full marks (「扣0分」).
  return r.deduction && r.score.lt(rule.weight)
    ? { status: "scored", score: cap(rule, r.score), explain: r.explain, deduction: r.deduction }
    : { status: "scored", score: cap(rule, r.score), explain: r.explain };
}
