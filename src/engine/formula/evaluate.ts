import Decimal from "decimal.js";
import type { TypedValue } from "../model/values";
import type { ArithOp, Check, CheckOutcome, Expr, FormulaEnv, FormulaValue, NaReason } from "./types";

const YES: ReadonlySet<string> = new Set(["是", "yes", "true", "y", "1"]);
const NO: ReadonlySet<string> = new Set(["否", "no", "false", "n", "0"]);

function na(why: NaReason): FormulaValue {
  return { t: "na", why };
}

function isBlankTyped(v: TypedValue | undefined): boolean {
  return v === undefined || v === null || (typeof v === "string" && v.trim() === "");
}

/** A typed input as a formula value: blanks (and unknown names) are not applicable. */
function fromTyped(v: TypedValue | undefined): FormulaValue {
  if (isBlankTyped(v)) return na("blank_input");
  if (typeof v === "string") return { t: "text", v };
  if (typeof v === "boolean") return { t: "bool", v };
  return { t: "number", v: v as Decimal };
}

/** Division that never divides by zero: 0/0 → na, x/0 → undefined. */
function divide(a: Decimal, b: Decimal): FormulaValue {
  if (b.isZero()) return a.isZero() ? na("zero_denominator") : { t: "undefined", why: "nonzero_over_zero" };
  return { t: "number", v: a.div(b) };
}

/** The first operand that is not a number decides (left to right); text and yes/no are not numbers. */
function numbers(vals: readonly FormulaValue[]): Decimal[] | FormulaValue {
  const out: Decimal[] = [];
  for (const v of vals) {
    if (v.t === "number") out.push(v.v);
    else if (v.t === "na" || v.t === "undefined") return v;
    else return na("blank_input");
  }
  return out;
}

function columnValues(e: Extract<Expr, { k: "col" }>, env: FormulaEnv): readonly TypedValue[] {
  return env.column(e.table, e.key) ?? [];
}

/** Numbers of a column (blank cells skipped) or of a scalar argument, for sum/min/max. */
function collect(args: readonly Expr[], env: FormulaEnv): { nums: Decimal[]; emptyTable: boolean } | FormulaValue {
  const nums: Decimal[] = [];
  let emptyTable = false;
  for (const a of args) {
    if (a.k === "col") {
      const vals = columnValues(a, env);
      if (vals.length === 0) emptyTable = true;
      for (const v of vals) if (v instanceof Decimal) nums.push(v);
      continue;
    }
    const v = evaluateExpression(a, env);
    if (v.t !== "number") return v.t === "na" || v.t === "undefined" ? v : na("blank_input");
    nums.push(v.v);
  }
  return { nums, emptyTable };
}

function matches(cell: TypedValue, target: FormulaValue): boolean {
  if (isBlankTyped(cell)) return false;
  if (target.t === "number") {
    if (cell instanceof Decimal) return cell.eq(target.v);
    return typeof cell === "string" && /^-?\d+(\.\d+)?$/.test(cell.trim()) && new Decimal(cell.trim()).eq(target.v);
  }
  if (target.t === "text") {
    const want = target.v.trim();
    if (typeof cell === "boolean") return cell ? YES.has(want.toLowerCase()) : NO.has(want.toLowerCase());
    if (typeof cell === "string") return cell.trim() === want;
    return /^-?\d+(\.\d+)?$/.test(want) && (cell as Decimal).eq(new Decimal(want));
  }
  if (target.t === "bool") return cell === target.v;
  return false;
}

/** blank(x): a field or current-row cell that is empty; a whole column with no value; an expression with a blank input. */
function isBlankArg(a: Expr, env: FormulaEnv): boolean {
  if (a.k === "field") return isBlankTyped(env.field(a.name));
  if (a.k === "col") {
    if (env.currentRow && env.currentRow.table === a.table) return isBlankTyped(env.currentRow.values.get(a.key));
    return columnValues(a, env).every(isBlankTyped);
  }
  const v = evaluateExpression(a, env);
  return v.t === "na" && v.why === "blank_input";
}

/** How a target is read (年初指标值's direction): ≥ (at least), ≤ (at most) or = (exactly); null when unknown. */
function directionOf(text: string): ">=" | "<=" | "=" | null {
  const t = text.replace(/\s+/g, "");
  if (["≥", ">=", "＞＝", "不低于", "不少于", "大于等于", "至少", ""].includes(t)) return ">=";
  if (["≤", "<=", "＜＝", "不高于", "不超过", "不多于", "小于等于", "至多"].includes(t)) return "<=";
  if (["=", "＝", "等于"].includes(t)) return "=";
  return null;
}

/**
 * attainment(actual, target, direction): how far a 全年完成值 meets its 年初指标值 (财预〔2020〕10号's 得分系数) —
 * 100 % when met in its direction; below a ≥ target actual ÷ target, above a ≤ target target ÷ actual, off an = target
 * the smaller over the larger; never above 100 % or below 0. The direction defaults to ≥; an unknown one is text (no number).
 */
function attainment(args: readonly Expr[], env: FormulaEnv): FormulaValue {
  const ns = numbers(args.slice(0, 2).map((a) => evaluateExpression(a, env)));
  if (!Array.isArray(ns)) return ns;
  const [actual, target] = ns as [Decimal, Decimal];
  const written = args[2] ? evaluateExpression(args[2], env) : null;
  if (written && written.t !== "text" && written.t !== "na") return { t: "text", v: "?" };
  const dir = directionOf(written?.t === "text" ? written.v : "");
  if (dir === null) return { t: "text", v: written?.t === "text" ? written.v : "?" };
  const one = new Decimal(1);
  const share = (a: Decimal, b: Decimal): Decimal => (b.lte(0) ? one : Decimal.max(0, Decimal.min(one, a.div(b))));
  if (dir === ">=") return { t: "number", v: actual.gte(target) ? one : share(actual, target) };
  if (dir === "<=") return { t: "number", v: actual.lte(target) ? one : share(target, actual) };
  if (actual.eq(target)) return { t: "number", v: one };
  return { t: "number", v: share(Decimal.min(actual, target), Decimal.max(actual, target)) };
}

function arith(op: ArithOp, a: Decimal, b: Decimal): FormulaValue {
  if (op === "/") return divide(a, b);
  return { t: "number", v: op === "+" ? a.plus(b) : op === "-" ? a.minus(b) : a.times(b) };
}

function callFunction(e: Extract<Expr, { k: "call" }>, env: FormulaEnv): FormulaValue {
  const args = e.args;
  switch (e.fn) {
    case "ratio":
    case "change": {
      const ns = numbers(args.map((a) => evaluateExpression(a, env)));
      if (!Array.isArray(ns)) return ns;
      const [a, b] = ns as [Decimal, Decimal];
      return e.fn === "ratio" ? divide(a, b) : divide(a.minus(b), b);
    }
    case "abs": {
      const v = evaluateExpression(args[0]!, env);
      return v.t === "number" ? { t: "number", v: v.v.abs() } : (numbers([v]) as FormulaValue);
    }
    case "sum":
    case "min":
    case "max": {
      const c = collect(args, env);
      if (!("nums" in c)) return c;
      if (c.nums.length === 0) return na(c.emptyTable ? "empty_table" : "blank_input");
      const v =
        e.fn === "sum" ? Decimal.sum(...c.nums) : e.fn === "min" ? Decimal.min(...c.nums) : Decimal.max(...c.nums);
      return { t: "number", v };
    }
    case "weighted": {
      const vs = columnValues(args[0] as Extract<Expr, { k: "col" }>, env);
      const ws = columnValues(args[1] as Extract<Expr, { k: "col" }>, env);
      let num = new Decimal(0);
      let den = new Decimal(0);
      let rows = 0;
      for (let i = 0; i < Math.min(vs.length, ws.length); i++) {
        const v = vs[i];
        const w = ws[i];
        if (!(v instanceof Decimal) || !(w instanceof Decimal)) continue;
        num = num.plus(v.times(w));
        den = den.plus(w);
        rows++;
      }
      if (rows === 0) return na(vs.length === 0 ? "empty_table" : "blank_input");
      return divide(num, den);
    }
    case "count":
      return {
        t: "number",
        v: new Decimal(
          columnValues(args[0] as Extract<Expr, { k: "col" }>, env).filter((v) => !isBlankTyped(v)).length,
        ),
      };
    case "count_if": {
      const target = evaluateExpression(args[1]!, env);
      const vals = columnValues(args[0] as Extract<Expr, { k: "col" }>, env);
      return { t: "number", v: new Decimal(vals.filter((v) => matches(v, target)).length) };
    }
    case "attainment":
      return attainment(args, env);
    case "blank":
      return { t: "bool", v: isBlankArg(args[0]!, env) };
    case "present":
      return { t: "bool", v: !isBlankArg(args[0]!, env) };
  }
}

/**
 * Evaluate a parsed expression. A bare `table.key` means the current row's cell inside an expanded
 * rubric row, and the column's sum elsewhere. Unknown names evaluate as blank (validation reports them).
 */
export function evaluateExpression(expr: Expr, env: FormulaEnv): FormulaValue {
  switch (expr.k) {
    case "num":
      return { t: "number", v: expr.v };
    case "str":
      return { t: "text", v: expr.v };
    case "field":
      return fromTyped(env.field(expr.name));
    case "col":
      if (env.currentRow && env.currentRow.table === expr.table) return fromTyped(env.currentRow.values.get(expr.key));
      return callFunction({ k: "call", fn: "sum", args: [expr], pos: expr.pos }, env);
    case "neg": {
      const v = evaluateExpression(expr.e, env);
      return v.t === "number" ? { t: "number", v: v.v.neg() } : (numbers([v]) as FormulaValue);
    }
    case "bin": {
      const ns = numbers([evaluateExpression(expr.l, env), evaluateExpression(expr.r, env)]);
      if (!Array.isArray(ns)) return ns;
      return arith(expr.op, ns[0]!, ns[1]!);
    }
    case "call":
      return callFunction(expr, env);
  }
}

function asBool(v: FormulaValue): boolean | null {
  if (v.t === "bool") return v.v;
  if (v.t === "text") {
    const s = v.v.trim().toLowerCase();
    return YES.has(s) ? true : NO.has(s) ? false : null;
  }
  return null;
}

/**
 * Evaluate a check. `=` passes when |l − r| ≤ tolerance; `<=`/`>=` allow the same tolerance (rounded
 * figures); `<`/`>` are strict. Skipped when an input is blank or a side has no value (0/0).
 */
export function evaluateCheck(check: Check, env: FormulaEnv, tolerance: Decimal): CheckOutcome {
  if (check.kind === "predicate") {
    const v = evaluateExpression(check.expr, env);
    return v.t === "bool" ? { status: v.v ? "pass" : "fail" } : { status: "skipped" };
  }
  const l = evaluateExpression(check.left, env);
  const r = evaluateExpression(check.right, env);
  if (l.t === "number" && r.t === "number") {
    const d = l.v.minus(r.v);
    const tol = tolerance.abs();
    const ok =
      check.op === "="
        ? d.abs().lte(tol)
        : check.op === "<="
          ? d.lte(tol)
          : check.op === ">="
            ? d.gte(tol.neg())
            : check.op === "<"
              ? d.lt(0)
              : d.gt(0);
    return { status: ok ? "pass" : "fail", left: l.v, right: r.v };
  }
  if (check.op !== "=") return { status: "skipped" };
  if (l.t === "text" && r.t === "text") return { status: l.v.trim() === r.v.trim() ? "pass" : "fail" };
  const lb = asBool(l);
  const rb = asBool(r);
  if ((l.t === "bool" || r.t === "bool") && lb !== null && rb !== null) return { status: lb === rb ? "pass" : "fail" };
  return { status: "skipped" };
}
