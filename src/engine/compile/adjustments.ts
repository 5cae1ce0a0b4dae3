/**
 * Total adjustments (tbl_adjustments): `cap` (封顶: bands of `interval: max total`) and `penalty`
 * (扣减: `op=…; limit=…; deduct=…`), parsed by the same parameter path as rules.
 */
import Decimal from "decimal.js";
import type { Diagnostic, Location } from "../diagnostics/types";
import { diag } from "../diagnostics/types";
import type { Parsers } from "./parsers";
import type { Expr } from "../formula/types";
import type { AdjustmentDef, Template } from "./read/types";
import type { Band, Params } from "./params";
import type { ParamSchema, ParamValues } from "./param-schema";
import { numberParam } from "./param-schema";
import type { BandOptions, RuleProblem } from "./read-params";
import { compileParams } from "./read-params";
import { formulaInvalid, unknownField } from "./rubric-checks";
import { gapsParam } from "./rules/bands";
import { comparisonParam } from "./rules/helpers";

export type AdjustmentKind = "cap" | "penalty";

const KINDS: Readonly<Record<string, AdjustmentKind>> = {
  cap: "cap",
  封顶: "cap",
  penalty: "penalty",
  扣减: "penalty",
};

/** 封顶: `interval: max total` bands over the value; gaps are the normal case (caps cover only low values). */
const CAP_SCHEMA = {
  gaps: gapsParam("allow", "区间之间可否留有空隙（封顶一般只列低值区间，默认允许）"),
} as const satisfies ParamSchema;

/** 扣减: deduct points from the total when `value op limit`. */
export const PENALTY_SCHEMA = {
  op: comparisonParam(">=", "指标值与标准值怎样比较时扣减：不低于(>=)、高于(>)、不超过(<=)、低于(<)、等于(=)"),
  limit: numberParam("percent", { zh: "标准值", aliases: ["限值"], default: null, note: "触发扣减的标准值" }),
  deduct: numberParam("number", {
    zh: "扣分",
    aliases: ["扣减分"],
    default: null,
    range: "nonnegative",
    note: "从总分中扣的分数",
  }),
} as const satisfies ParamSchema;

/** The parameters of each adjustment kind, for the 说明 sheet and the docs. */
export const ADJUSTMENT_SCHEMAS: Readonly<Record<AdjustmentKind, ParamSchema>> = {
  cap: CAP_SCHEMA,
  penalty: PENALTY_SCHEMA,
};

/** Caps as published tables write them (`<60%: 69; <50%: 59`): overlapping, the lowest applicable one wins. */
const CAP_BANDS: BandOptions<typeof CAP_SCHEMA> = { allowGaps: (p) => p.gaps === "allow", allowOverlap: true };

interface AdjustmentBase {
  readonly def: AdjustmentDef;
  readonly formula: Expr;
  readonly params: Params;
}

/** A checked adjustment: a cap with its bands, or a penalty with its typed comparison and points. */
export type CompiledAdjustment =
  | (AdjustmentBase & { readonly kind: "cap"; readonly caps: readonly Band[] })
  | (AdjustmentBase & { readonly kind: "penalty"; readonly penalty: ParamValues<typeof PENALTY_SCHEMA> });

function compileKind(
  kind: AdjustmentKind,
  text: string,
  fullScore: Decimal,
):
  | { ok: true; params: Params; caps: readonly Band[] | null; penalty: ParamValues<typeof PENALTY_SCHEMA> | null }
  | { ok: false; problems: readonly RuleProblem[] } {
  if (kind === "cap") {
    const r = compileParams(CAP_SCHEMA, text, fullScore, CAP_BANDS);
    return r.ok ? { ok: true, params: r.parsed.params, caps: r.parsed.bands, penalty: null } : r;
  }
  const r = compileParams(PENALTY_SCHEMA, text, fullScore);
  return r.ok ? { ok: true, params: r.parsed.params, caps: null, penalty: r.parsed.v } : r;
}

/** Compile every adjustment; caps are read against the full score (so "90%" means 90% of it). */
export function compileAdjustments(
  template: Template,
  fullScore: Decimal,
  parsers: Parsers,
): { adjustments: CompiledAdjustment[]; diagnostics: Diagnostic[] } {
  const out: Diagnostic[] = [];
  const adjustments: CompiledAdjustment[] = [];
  for (const def of template.adjustments) {
    const place = (key: "formula" | "ruleKind" | "ruleParams"): Location => {
      const ref = def.cells?.[key] ?? def.ref;
      return { sheet: ref.sheet, address: ref.address, label: def.name };
    };
    const at = place("formula");
    const indicator = def.name || def.id;
    const kind = KINDS[def.ruleKind.trim().toLowerCase()];
    if (!kind) {
      out.push(diag("rule_unknown", "error", place("ruleKind"), { indicator, kind: def.ruleKind }));
      continue;
    }
    const parsed = parsers.expression(def.formula);
    if (!parsed.ok) {
      out.push(diag("formula_invalid", "error", at, formulaInvalid(template, indicator, def.formula, parsed.problem)));
      continue;
    }
    const unknown = [
      ...parsed.fields.filter((f) => !template.fields.has(f)),
      ...parsed.columns
        .filter((c) => !template.tables.get(c.table)?.columns.some((x) => x.key === c.key))
        .map((c) => `${c.table}.${c.key}`),
    ];
    if (unknown.length > 0) {
      for (const field of unknown)
        out.push(diag("formula_unknown_field", "error", at, unknownField(template, indicator, field)));
      continue;
    }
    const p = compileKind(kind, def.ruleParams, fullScore);
    if (!p.ok) {
      const params = place("ruleParams");
      for (const pr of p.problems) {
        if (pr.code === "rule_bands_overlap")
          out.push(diag("rule_bands_overlap", "error", params, { indicator, first: pr.first, second: pr.second }));
        else if (pr.code === "rule_bands_gap")
          out.push(diag("rule_bands_gap", "error", params, { indicator, from: pr.from, to: pr.to }));
        else if (pr.code === "rule_invalid")
          out.push(diag("rule_invalid", "error", params, { indicator, kind: def.ruleKind, ...pr.problem }));
      }
      continue;
    }
    const base = { def, formula: parsed.expr, params: p.params };
    if (p.caps) adjustments.push({ ...base, kind: "cap", caps: p.caps });
    else if (p.penalty) adjustments.push({ ...base, kind: "penalty", penalty: p.penalty });
  }
  return { adjustments, diagnostics: out };
}
