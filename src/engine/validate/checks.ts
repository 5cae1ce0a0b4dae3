/**
 * 校验规则: identities and comparisons between figures, parsed and evaluated by the formula module,
 * reported at the cell a person should look at (the total of an identity, the field a predicate names).
 */
import Decimal from "decimal.js";
import type { InputValues } from "../model/values";
import type { Diagnostic, Location, Severity } from "../diagnostics/types";
import { diag } from "../diagnostics/types";
import type { CheckProblem } from "../diagnostics/problems";
import { makeProblem } from "../diagnostics/problems";
import type { CheckDef, FieldType, Materiality, Template } from "../compile/read/types";
import { evaluateCheck } from "../formula";
import type { Parsers } from "../compile/parsers";
import { FRESH_PARSERS } from "../compile/parsers";
import type { Check, ColumnRef, Expr, FormulaEnv } from "../formula";
import { valuesEnv } from "./values-env";
import { constantDecimal } from "./coerce-cell";

/** Figures in check messages are shown with two decimals (rates as percentages). */
export const CHECK_DECIMALS = 2;

/** Names the template does not define, as check_invalid problems. */
function unknownNames(
  template: Template,
  fields: readonly string[],
  columns: readonly ColumnRef[],
): CheckProblem | null {
  const f = fields.find((n) => !template.fields.has(n));
  if (f !== undefined) return makeProblem("unknown_field", f);
  for (const c of columns) {
    const t = template.tables.get(c.table);
    if (!t) return makeProblem("unknown_table", c.table);
    if (!t.columns.some((x) => x.key === c.key)) return makeProblem("unknown_column", `${c.table}.${c.key}`);
  }
  return null;
}

function typesOf(template: Template, fields: readonly string[], columns: readonly ColumnRef[]): FieldType[] {
  const out: FieldType[] = [];
  for (const f of fields) {
    const d = template.fields.get(f);
    if (d) out.push(d.type);
  }
  for (const c of columns) {
    const d = template.tables.get(c.table)?.columns.find((x) => x.key === c.key);
    if (d) out.push(d.type);
  }
  return out;
}

/** A sub-item label's lead-in ("其中：人员经费"), dropped inside expressions where it reads oddly. */
const SUBITEM_PREFIX = /^其中[：:]\s*/;

/** The rule text with field names replaced by their labels: "基本支出 + 项目支出 = 本年支出合计". */
export function labelledExpression(template: Template, rule: string): string {
  return rule.replace(/[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?/g, (name) => {
    const f = template.fields.get(name);
    if (f) return f.label.replace(SUBITEM_PREFIX, "");
    const dot = name.indexOf(".");
    if (dot < 0) return name;
    const col = template.tables.get(name.slice(0, dot))?.columns.find((c) => c.key === name.slice(dot + 1));
    return col ? col.label : name;
  });
}

function format(d: Decimal, rates: boolean): string {
  return rates ? `${d.times(100).toFixed(CHECK_DECIMALS)}%` : d.toFixed(CHECK_DECIMALS);
}

function fieldLocation(template: Template, e: Expr | undefined): Location | null {
  if (!e || e.k !== "field") return null;
  const f = template.fields.get(e.name);
  return f ? { sheet: f.ref.sheet, address: f.ref.address, name: f.name, label: f.label } : null;
}

/** Where a failed check is shown: the total of an identity, else a single-field side, else the rule cell. */
function checkLocation(template: Template, def: CheckDef, check: Check): Location {
  const row: Location = { sheet: def.ref.sheet, address: def.ref.address, name: def.id };
  if (check.kind === "predicate") {
    return (check.expr.k === "call" ? fieldLocation(template, check.expr.args[0]) : null) ?? row;
  }
  const [first, second] = check.op === "=" ? [check.right, check.left] : [check.left, check.right];
  return fieldLocation(template, first) ?? fieldLocation(template, second) ?? row;
}

/** The default 重大差额 of an identity between amounts: the larger of 1 万元 and 0.5 % of the larger side. */
export const DEFAULT_MATERIALITY = { amount: 1, share: 0.005 } as const;

/** The gap beyond which an identity is a material error, or null when it has no such limit. */
export function materialLimit(m: Materiality, amounts: boolean, total: Decimal): Decimal | null {
  const set = m.kind === "set" ? m : m.kind === "default" && amounts ? DEFAULT_MATERIALITY : null;
  if (!set) return null;
  const byShare = set.share === null ? null : total.times(set.share);
  const byAmount = set.amount === null ? null : new Decimal(set.amount);
  if (byShare && byAmount) return Decimal.max(byShare, byAmount);
  return byShare ?? byAmount;
}

function invalid(def: CheckDef, at: Location, p: CheckProblem): Diagnostic[] {
  return [diag("check_invalid", "warning", at, { check: def.id, ...p })];
}

function runOne(template: Template, def: CheckDef, env: FormulaEnv, parseCheck: Parsers["check"]): Diagnostic[] {
  const sev: Severity = def.severity;
  const ruleAt: Location = { sheet: def.ref.sheet, address: def.ref.address, name: def.id };
  const parsed = parseCheck(def.rule);
  if (!parsed.ok) return invalid(def, ruleAt, parsed.problem);
  const unknown = unknownNames(template, parsed.fields, parsed.columns);
  if (unknown) return invalid(def, ruleAt, unknown);
  const tolerance = constantDecimal(def.tolerance);
  if (def.condition !== null) {
    const condAt: Location = def.conditionRef ? { ...def.conditionRef, name: def.id } : ruleAt;
    const cond = parseCheck(def.condition);
    if (!cond.ok) return invalid(def, condAt, cond.problem);
    const condUnknown = unknownNames(template, cond.fields, cond.columns);
    if (condUnknown) return invalid(def, condAt, condUnknown);
    if (evaluateCheck(cond.check, env, tolerance).status !== "pass") return [];
  }
  const outcome = evaluateCheck(parsed.check, env, tolerance);
  if (outcome.status !== "fail") return [];
  const expression = labelledExpression(template, def.rule);
  const where = checkLocation(template, def, parsed.check);
  const check = parsed.check;
  if (check.kind === "predicate" || !outcome.left || !outcome.right) {
    return [diag("condition_failed", sev, where, { check: def.id, description: def.description || expression })];
  }
  const types = typesOf(template, parsed.fields, parsed.columns);
  const rates = types.length > 0 && types.every((t) => t === "rate");
  const left = format(outcome.left, rates);
  const right = format(outcome.right, rates);
  if (check.op === "=") {
    const gap = outcome.left.minus(outcome.right).abs();
    const difference = format(gap, rates);
    const amounts = types.length > 0 && types.every((t) => t === "amount");
    const unit = amounts ? { unit: "万元" } : {};
    const limit = materialLimit(def.materiality, amounts, Decimal.max(outcome.left.abs(), outcome.right.abs()));
    if (limit !== null && gap.gt(limit)) {
      // The limit shown rounded down, so a gap just beyond it never reads as equal to it.
      const shown = format(
        limit.toDecimalPlaces(rates ? CHECK_DECIMALS + 2 : CHECK_DECIMALS, Decimal.ROUND_DOWN),
        rates,
      );
      const params = { check: def.id, expression, left, right, difference, ...unit, limit: shown };
      return [diag("sum_mismatch", "error", where, params)];
    }
    return [diag("sum_mismatch", sev, where, { check: def.id, expression, left, right, difference, ...unit })];
  }
  return [diag("comparison_failed", sev, where, { check: def.id, expression, left, right })];
}

/** Run every check of 校验规则 against the typed values; blank inputs skip a check (their own diagnostics say why). */
export function runChecks(template: Template, values: InputValues, parsers: Parsers = FRESH_PARSERS): Diagnostic[] {
  const env = valuesEnv(template, values);
  const out: Diagnostic[] = [];
  for (const def of template.checks) for (const d of runOne(template, def, env, parsers.check)) out.push(d);
  return out;
}
