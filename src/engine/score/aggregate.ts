/**
 * Subtotals per level-2 and level-1 node, the raw total, and caps/penalties on the total.
 * Only sums of exact leaf scores: aggregation never looks at a rule kind.
 */
import Decimal from "decimal.js";
import type { Diagnostic, Location } from "../diagnostics/types";
import { diag } from "../diagnostics/types";
import { evaluateExpression } from "../formula/evaluate";
import type { FormulaEnv, FormulaValue } from "../formula/types";
import { formatScore, roundScore, toNumber } from "../model/decimal";
import type { AdjustmentResult, IndicatorValue, LevelResult } from "./result-types";
import type { CompiledAdjustment } from "../compile/adjustments";
import { inBand } from "../compile/params";
import type { Rubric } from "../compile/rubric";
import { compare } from "../compile/rules/threshold";
import { whyKey } from "../compile/compile-rule";
import type { Lang } from "../i18n/catalog";
import { phrase, renderPhrase } from "./phrases";

export interface Totals {
  readonly levels: LevelResult[];
  readonly rawTotal: Decimal;
}

/** Sum exact leaf scores (by leaf id) into level-2 and level-1 subtotals and the raw total. */
export function aggregate(rubric: Rubric, scores: ReadonlyMap<string, Decimal>): Totals {
  const levels: LevelResult[] = [];
  let raw = new Decimal(0);
  for (const a of rubric.levels) {
    const subs = a.children.map((b) => ({
      b,
      score: Decimal.sum(0, ...b.leaves.map((l) => scores.get(l.id) ?? new Decimal(0))),
    }));
    const score = Decimal.sum(0, ...subs.map((s) => s.score));
    raw = raw.plus(score);
    levels.push({
      id: a.id,
      name: a.name,
      depth: 1,
      weight: toNumber(a.weight),
      score: toNumber(roundScore(score)),
      children: a.children.map((b) => b.id),
    });
    for (const { b, score: s } of subs) {
      levels.push({
        id: b.id,
        name: b.name,
        depth: 2,
        weight: toNumber(b.weight),
        score: toNumber(roundScore(s)),
        children: b.leaves.map((l) => l.id),
      });
    }
  }
  return { levels, rawTotal: raw };
}

function indicatorValue(v: FormulaValue): IndicatorValue {
  if (v.t === "number") return { t: "number", v: toNumber(v.v) };
  if (v.t === "na") return { t: "na", why: v.why };
  if (v.t === "undefined") return { t: "undefined", why: v.why };
  return { t: "undefined", why: "not_a_number" };
}

/** Apply caps (of overlapping caps, the lowest applicable one wins) and penalties (floored at 0) to the raw total, in table order. */
export function applyAdjustments(
  raw: Decimal,
  adjustments: readonly CompiledAdjustment[],
  env: FormulaEnv,
  lang: Lang = "zh-CN",
): { total: Decimal; results: AdjustmentResult[]; diagnostics: Diagnostic[] } {
  let total = raw;
  const results: AdjustmentResult[] = [];
  const out: Diagnostic[] = [];
  for (const a of adjustments) {
    const v = evaluateExpression(a.formula, env);
    const at: Location = { sheet: a.def.ref.sheet, address: a.def.ref.address, label: a.def.name };
    const rule = a.def.name || a.def.id;
    let penalty = new Decimal(0);
    let cap: Decimal | null = null;
    if (v.t !== "number") {
      // Never skipped without a word: a cap or penalty that cannot be decided is said (issue 16).
      const why = renderPhrase(lang, phrase(whyKey(v), {}));
      const f = a.def.cells?.formula ?? a.def.ref;
      out.push(diag("adjustment_not_applied", "info", { ...at, sheet: f.sheet, address: f.address }, { rule, why }));
    } else {
      if (a.kind === "cap") {
        // Caps may overlap as published (<60%: 69; <50%: 59): of those holding the value, the lowest applies.
        const held = a.caps.filter((b) => inBand(v.v, b)).map((b) => b.score);
        if (held.length > 0) {
          cap = Decimal.min(...held);
          if (total.gt(cap)) {
            out.push(diag("total_capped", "info", at, { cap: formatScore(cap), total: formatScore(total), rule }));
            total = cap;
          }
        }
      } else {
        const p = a.penalty;
        if (compare(v.v, p.op, p.limit)) {
          penalty = Decimal.min(total, p.deduct);
          total = total.minus(penalty);
          out.push(diag("total_penalty", "info", at, { points: formatScore(penalty), rule }));
        }
      }
    }
    results.push({
      id: a.def.id,
      name: a.def.name,
      value: indicatorValue(v),
      penalty: toNumber(roundScore(penalty)),
      cap: cap ? toNumber(cap) : null,
    });
  }
  return { total, results, diagnostics: out };
}
