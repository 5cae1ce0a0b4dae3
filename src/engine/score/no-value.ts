/**
 * What an indicator's explanation names when its value is no number (compile-rule.ts words it): the blank inputs
 * (「未填写“三公”经费上年支出合计」), the formula's denominator and numerator (「政府采购预算数为0」), an empty table —
 * by their labels on the sheet. Looked for only when the value is no number.
 */
import type { Expr, FormulaEnv } from "../formula/types";
import type { TypedValue } from "../model/values";
import type { Template } from "../compile/read/types";
import type { NoValueFacts } from "../compile/compile-rule";
import type { RubricLeaf } from "../compile/rubric";

function blank(v: TypedValue | undefined): boolean {
  return v === undefined || v === null || (typeof v === "string" && v.trim() === "");
}

function fieldLabel(template: Template, name: string): string {
  return template.fields.get(name)?.label || name;
}

function columnLabel(template: Template, table: string, key: string): string {
  return template.tables.get(table)?.columns.find((c) => c.key === key)?.label || `${table}.${key}`;
}

/** A field or column reference's label; "" for anything else (a sum, a literal). */
function refLabel(template: Template, e: Expr | undefined): string {
  if (e?.k === "field") return fieldLabel(template, e.name);
  if (e?.k === "col") return columnLabel(template, e.table, e.key);
  return "";
}

/** The numerator and denominator of a formula that divides at the top: ratio(a, b), change(a, b), a ÷ b, abs(…). */
function quotient(expr: Expr): { numerator?: Expr; denominator?: Expr } {
  const e = expr.k === "call" && expr.fn === "abs" && expr.args[0] ? expr.args[0] : expr;
  if (e.k === "call" && (e.fn === "ratio" || e.fn === "change"))
    return { numerator: e.args[0], denominator: e.args[1] };
  if (e.k === "bin" && e.op === "/") return { numerator: e.l, denominator: e.r };
  return {};
}

/** The labels naming why `leaf`'s formula has no number in `env`. */
export function noValueFacts(template: Template, leaf: RubricLeaf, env: FormulaEnv): NoValueFacts {
  const blanks: string[] = [];
  for (const f of leaf.fields) if (blank(env.field(f))) blanks.push(fieldLabel(template, f));
  let table = "";
  for (const c of leaf.columns) {
    if (env.currentRow?.table === c.table) {
      if (blank(env.currentRow.values.get(c.key))) blanks.push(columnLabel(template, c.table, c.key));
      continue;
    }
    const values = env.column(c.table, c.key) ?? [];
    if (values.length === 0) table ||= template.tables.get(c.table)?.label || c.table;
    else if (values.every(blank)) blanks.push(columnLabel(template, c.table, c.key));
  }
  const q = leaf.formula ? quotient(leaf.formula) : {};
  return {
    blank: [...new Set(blanks)],
    denominator: refLabel(template, q.denominator),
    numerator: refLabel(template, q.numerator),
    table,
  };
}

/** The name an indicator's sentence starts with: its own, or for an expanded row the column it reads (完成率). */
export function subjectName(template: Template, leaf: RubricLeaf): string | null {
  if (!leaf.expanded) return leaf.name;
  return refLabel(template, leaf.formula ?? undefined) || null;
}
