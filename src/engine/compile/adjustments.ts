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
import type { ParamMeta, Params } from "./params";
import { compileParams } from "./compile-rule";

export type AdjustmentKind = "cap" | "penalty";

const KINDS: Readonly<Record<string, AdjustmentKind>> = {
  cap: "cap",
  封顶: "cap",
  penalty: "penalty",
  扣减: "penalty",
};

const PARAMS: Readonly<Record<AdjustmentKind, readonly ParamMeta[]>> = {
  cap: [
    { name: "bands", type: "bands", default: null, range: "score", zh: "区间: 总分上限" },
    // Caps cover only the low values (e.g. <60% → 59), so gaps are the normal case.
    { name: "gaps", type: "enum", default: "allow", allowed: ["deny", "allow"], zh: "允许区间间断" },
  ],
  penalty: [
    { name: "op", type: "enum", default: ">=", allowed: [">=", ">", "<=", "<", "="], zh: "比较" },
    { name: "limit", type: "percent", default: null, zh: "标准值" },
    { name: "deduct", type: "number", default: null, range: "nonnegative", zh: "扣分" },
  ],
};

export interface CompiledAdjustment {
  readonly def: AdjustmentDef;
  readonly kind: AdjustmentKind;
  readonly formula: Expr;
  readonly params: Params;
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
    const at: Location = { sheet: def.ref.sheet, address: def.ref.address, label: def.name };
    const indicator = def.name || def.id;
    const kind = KINDS[def.ruleKind.trim().toLowerCase()];
    if (!kind) {
      out.push(diag("rule_unknown", "error", at, { indicator, kind: def.ruleKind }));
      continue;
    }
    const parsed = parsers.expression(def.formula);
    if (!parsed.ok) {
      out.push(diag("formula_invalid", "error", at, { indicator, formula: def.formula, ...parsed.problem }));
      continue;
    }
    const unknown = [
      ...parsed.fields.filter((f) => !template.fields.has(f)),
      ...parsed.columns
        .filter((c) => !template.tables.get(c.table)?.columns.some((x) => x.key === c.key))
        .map((c) => `${c.table}.${c.key}`),
    ];
    if (unknown.length > 0) {
      for (const field of unknown) out.push(diag("formula_unknown_field", "error", at, { indicator, field }));
      continue;
    }
    const p = compileParams(PARAMS[kind], def.ruleParams, fullScore);
    if (!p.ok) {
      for (const pr of p.problems) {
        if (pr.code === "rule_bands_overlap")
          out.push(diag("rule_bands_overlap", "error", at, { indicator, first: pr.first, second: pr.second }));
        else if (pr.code === "rule_bands_gap")
          out.push(diag("rule_bands_gap", "error", at, { indicator, from: pr.from, to: pr.to }));
        else if (pr.code === "rule_invalid")
          out.push(diag("rule_invalid", "error", at, { indicator, kind: def.ruleKind, ...pr.problem }));
      }
      continue;
    }
    adjustments.push({ def, kind, formula: parsed.expr, params: p.params });
  }
  return { adjustments, diagnostics: out };
}
