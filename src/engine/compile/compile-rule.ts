/**
 * compileRule: the one path that checks a rule's kind and parameters before any rule runs, and
 * applyRule: the one path that turns a formula value into a clamped score (na= / undefined= handled here).
 */
import Decimal from "decimal.js";
import type { FormulaValue } from "../formula/types";
import type { Band, BandProblem, ParamMeta, Params } from "./params";
import { checkBands, parseInterval, parseNumberText, splitItems } from "./params";
import type { Explain, WhyKey } from "../score/phrases";
import { phrase } from "../score/phrases";
import { findRule } from "./registry";
import type { RuleDefinition } from "./rule-types";
import { clamp, formatScore, ZERO } from "../model/decimal";
import type { RuleParamProblem } from "../diagnostics/problems";
import { makeProblem } from "../diagnostics/problems";

/** A problem with a rubric row's 评分方法/评分参数, mapped 1:1 onto diagnostic codes. */
export type RuleProblem =
  | { readonly code: "rule_unknown"; readonly kind: string }
  | { readonly code: "rule_invalid"; readonly problem: RuleParamProblem }
  | { readonly code: "rule_bands_overlap"; readonly first: string; readonly second: string }
  | { readonly code: "rule_bands_gap"; readonly from: string; readonly to: string };

/** A rule with checked parameters for one weight: ready to score. */
export interface CompiledRule {
  readonly def: RuleDefinition;
  readonly params: Params;
  readonly weight: Decimal;
  /** Points when the value is not applicable (na=, default 100% of W). */
  readonly naScore: Decimal;
  /** Points when the value is undefined (undefined=, default 0). */
  readonly undefinedScore: Decimal;
}

export type CompileResult =
  | { readonly ok: true; readonly rule: CompiledRule }
  | { readonly ok: false; readonly problems: readonly RuleProblem[] };

/** Parameters every kind accepts. */
export const COMMON_PARAMS: readonly ParamMeta[] = [
  { name: "na", type: "points-or-share", default: "100%", range: "score", zh: "不适用时得分" },
  { name: "undefined", type: "points-or-share", default: "0", range: "score", zh: "无法计算时得分" },
];

function invalid(problem: RuleParamProblem): RuleProblem {
  return { code: "rule_invalid", problem };
}

/** Why a value does not fit its parameter, before we know whether it is a parameter or a band score. */
type ValueFault =
  | { readonly fault: "not_allowed"; readonly allowed: string }
  | { readonly fault: "not_number" | "not_positive" | "negative" }
  | { readonly fault: "out_of_score"; readonly max: string };

/** Read one `key=value` against its metadata; points-or-share resolves against the weight. */
function readValue(meta: ParamMeta, text: string, weight: Decimal): { v: Decimal | string } | ValueFault {
  if (meta.type === "enum") {
    const allowed = meta.allowed ?? [];
    const v = allowed.find((a) => a.toLowerCase() === text.toLowerCase());
    return v === undefined ? { fault: "not_allowed", allowed: allowed.join(" / ") } : { v };
  }
  const n = parseNumberText(text);
  if (!n) return { fault: "not_number" };
  const v = meta.type === "points-or-share" && n.percent ? weight.times(n.v) : n.v;
  const range = meta.range ?? "any";
  if (range === "positive" && v.lte(0)) return { fault: "not_positive" };
  if (range === "nonnegative" && v.lt(0)) return { fault: "negative" };
  if (range === "score" && (v.lt(0) || v.gt(weight))) return { fault: "out_of_score", max: formatScore(weight) };
  return { v };
}

function paramProblem(f: ValueFault, param: string, got: string): RuleParamProblem {
  switch (f.fault) {
    case "not_allowed":
      return makeProblem("param_not_allowed", param, f.allowed, got);
    case "not_number":
      return makeProblem("param_not_number", param, got);
    case "not_positive":
      return makeProblem("param_not_positive", param, got);
    case "negative":
      return makeProblem("param_negative", param, got);
    case "out_of_score":
      return makeProblem("param_out_of_score", param, f.max, got);
  }
}

const BAND_SCORE: ParamMeta = { name: "band", type: "points-or-share", default: null, range: "score", zh: "" };

function readBand(interval: string, scoreText: string, weight: Decimal): Band | RuleParamProblem {
  const iv = parseInterval(interval);
  if ("problem" in iv) return iv;
  const s = readValue(BAND_SCORE, scoreText, weight);
  if ("fault" in s) {
    return s.fault === "out_of_score"
      ? makeProblem("band_score_out_of_score", interval, s.max, scoreText)
      : makeProblem("band_score_not_number", interval, scoreText);
  }
  return { ...iv, score: s.v as Decimal, text: interval };
}

/** Parse parameter text for a list of parameter metadata (also used by total adjustments). */
export function compileParams(
  metas: readonly ParamMeta[],
  paramsText: string,
  weight: Decimal,
): { ok: true; params: Params } | { ok: false; problems: RuleProblem[] } {
  const problems: RuleProblem[] = [];
  const values = new Map<string, Decimal | string>();
  const raw = new Map<string, string>();
  const bands: Band[] = [];
  const takesBands = metas.some((m) => m.type === "bands");
  const seen = new Set<string>();
  for (const item of splitItems(paramsText)) {
    if (item.kind === "bad") {
      problems.push(invalid(makeProblem("param_unreadable", item.text)));
    } else if (item.kind === "band") {
      if (!takesBands) {
        problems.push(invalid(makeProblem("bands_not_taken", `${item.interval}: ${item.score}`)));
        continue;
      }
      const b = readBand(item.interval, item.score, weight);
      if ("problem" in b) problems.push(invalid(b));
      else bands.push(b);
    } else {
      const meta = metas.find((m) => m.name === item.key && m.type !== "bands");
      if (!meta) {
        problems.push(invalid(makeProblem("param_unknown", item.key)));
        continue;
      }
      if (seen.has(item.key)) {
        problems.push(invalid(makeProblem("param_repeated", item.key)));
        continue;
      }
      seen.add(item.key);
      const r = readValue(meta, item.value, weight);
      if ("fault" in r) problems.push(invalid(paramProblem(r, meta.name, item.value)));
      else {
        values.set(meta.name, r.v);
        raw.set(meta.name, item.value);
      }
    }
  }
  for (const meta of metas) {
    if (meta.type === "bands" || seen.has(meta.name)) continue;
    if (meta.default === null) {
      problems.push(invalid(makeProblem("param_missing", meta.name)));
      continue;
    }
    const r = readValue(meta, meta.default, weight);
    if ("fault" in r) problems.push(invalid(paramProblem(r, meta.name, meta.default)));
    else {
      values.set(meta.name, r.v);
      raw.set(meta.name, meta.default);
    }
  }
  if (takesBands) {
    if (bands.length === 0 && problems.length === 0) problems.push(invalid(makeProblem("bands_missing")));
    const allowGaps = values.get("gaps") === "allow";
    for (const bp of checkBands(bands, allowGaps)) problems.push(bandProblem(bp));
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, params: { values, raw, bands } };
}

function bandProblem(bp: BandProblem): RuleProblem {
  return bp.kind === "overlap"
    ? { code: "rule_bands_overlap", first: bp.first, second: bp.second }
    : { code: "rule_bands_gap", from: bp.from, to: bp.to };
}

/**
 * Check a rubric row's 评分方法 (id or Chinese name) and 评分参数 for an indicator of weight W.
 * Every problem is returned (never thrown); a compiled rule is ready for applyRule.
 */
export function compileRule(kind: string, paramsText: string, weight: Decimal): CompileResult {
  const def = findRule(kind ?? "");
  if (!def) return { ok: false, problems: [{ code: "rule_unknown", kind }] };
  const r = compileParams([...def.params, ...COMMON_PARAMS], paramsText, weight);
  if (!r.ok) return r;
  const naScore = r.params.values.get("na") as Decimal;
  const undefinedScore = r.params.values.get("undefined") as Decimal;
  return { ok: true, rule: { def, params: r.params, weight, naScore, undefinedScore } };
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

function whyKey(v: FormulaValue): WhyKey {
  if (v.t === "na")
    return v.why === "zero_denominator"
      ? "why_zero_denominator"
      : v.why === "empty_table"
        ? "why_empty_table"
        : "why_blank_input";
  return v.t === "undefined" ? "why_nonzero_over_zero" : "why_not_a_number";
}

// Module-level rather than closures in applyRule, which runs for every indicator.
function cap(rule: CompiledRule, d: Decimal): Decimal {
  return clamp(d, ZERO, rule.weight);
}

function special(rule: CompiledRule, status: "na" | "undefined", why: WhyKey, points: Decimal): RuleOutcome {
  const explain = phrase(status === "na" ? "not_applicable" : "undefined_value", { why, score: formatScore(points) });
  return points.lt(rule.weight)
    ? { status, score: cap(rule, points), explain, deduction: explain, why }
    : { status, score: cap(rule, points), explain, why };
}

/** Score a formula value with a compiled rule: na → na=, undefined/not a number/unplaced → undefined=, clamp to [0, W]. */
export function applyRule(rule: CompiledRule, value: FormulaValue): RuleOutcome {
  if (value.t === "na") return special(rule, "na", whyKey(value), rule.naScore);
  if (value.t !== "number") return special(rule, "undefined", whyKey(value), rule.undefinedScore);
  const r = rule.def.score(value.v, rule.params, rule.weight);
  if (r.unplaced) return special(rule, "undefined", "why_no_band", rule.undefinedScore);
  // Literals rather than a spread: this runs for every indicator.
  return r.deduction
    ? { status: "scored", score: cap(rule, r.score), explain: r.explain, deduction: r.deduction }
    : { status: "scored", score: cap(rule, r.score), explain: r.explain };
}
