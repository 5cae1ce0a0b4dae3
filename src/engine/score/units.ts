import type { Expr } from "../formula/types";
import type { Template } from "../compile/read/types";

/** How an indicator value is shown: a rate as a percentage, anything else as a plain number. */
export type ValueFormat = "percent" | "number";

/** Infer whether a formula yields a rate (ratio/change/weighted, a rate field, a quotient) or a plain number. */
export function valueFormat(expr: Expr, template: Template): ValueFormat {
  switch (expr.k) {
    case "num":
    case "str":
      return "number";
    case "field":
      return template.fields.get(expr.name)?.type === "rate" ? "percent" : "number";
    case "col":
      return template.tables.get(expr.table)?.columns.find((c) => c.key === expr.key)?.type === "rate"
        ? "percent"
        : "number";
    case "neg":
      return valueFormat(expr.e, template);
    case "bin":
      // x / 2 keeps x's unit; a quotient of two quantities is a rate.
      if (expr.op === "/") return expr.r.k === "num" ? valueFormat(expr.l, template) : "percent";
      return valueFormat(expr.l, template) === "percent" ? "percent" : valueFormat(expr.r, template);
    case "call":
      if (expr.fn === "ratio" || expr.fn === "change" || expr.fn === "weighted") return "percent";
      if (expr.fn === "count" || expr.fn === "count_if" || expr.fn === "blank" || expr.fn === "present")
        return "number";
      return anyPercent(expr.args, template);
  }
}

function anyPercent(es: readonly Expr[], template: Template): ValueFormat {
  for (const e of es) if (valueFormat(e, template) === "percent") return "percent";
  return "number";
}
