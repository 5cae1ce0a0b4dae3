import type { Expr } from "../formula/types";
import type { FieldType, Template } from "../compile/read/types";
import type { ValueFormat } from "../model/format";

export type { ValueFormat } from "../model/format";

function ofType(type: FieldType | undefined): ValueFormat {
  switch (type) {
    case "rate":
      return "percent";
    case "amount":
      return "amount";
    case "integer":
    case "year":
      return "integer";
    default:
      return "number";
  }
}

/** Two operands' common format: the same on both sides, a rate beside anything, else a plain number. */
function common(a: ValueFormat, b: ValueFormat): ValueFormat {
  if (a === b) return a;
  return a === "percent" || b === "percent" ? "percent" : "number";
}

/**
 * What a formula yields, decided once for every place that shows it (report, pane, command line, output
 * cells): a rate (ratio/change/weighted, a rate field, a quotient of two quantities), an amount, a count, or
 * a plain number. x ÷ 2 and x × 2 keep x's format; a quotient of two quantities is a rate.
 */
export function valueFormat(expr: Expr, template: Template): ValueFormat {
  switch (expr.k) {
    case "num":
    case "str":
      return "number";
    case "field":
      return ofType(template.fields.get(expr.name)?.type);
    case "col":
      return ofType(template.tables.get(expr.table)?.columns.find((c) => c.key === expr.key)?.type);
    case "neg":
      return valueFormat(expr.e, template);
    case "bin": {
      const l = valueFormat(expr.l, template);
      if (expr.op === "/") return expr.r.k === "num" ? l : "percent";
      const r = valueFormat(expr.r, template);
      if (expr.op === "*") {
        if (expr.r.k === "num") return l;
        if (expr.l.k === "num") return r;
        return l === "percent" || r === "percent" ? "percent" : "number";
      }
      return common(l, r);
    }
    case "call":
      if (expr.fn === "ratio" || expr.fn === "change" || expr.fn === "weighted" || expr.fn === "attainment")
        return "percent";
      if (expr.fn === "count" || expr.fn === "count_if") return "integer";
      if (expr.fn === "blank" || expr.fn === "present") return "number";
      return callFormat(expr.args, template);
  }
}

/** abs, min, max, sum: their arguments' common format. */
function callFormat(args: readonly Expr[], template: Template): ValueFormat {
  const [first, ...rest] = args;
  if (!first) return "number";
  return rest.reduce((f, a) => common(f, valueFormat(a, template)), valueFormat(first, template));
}
