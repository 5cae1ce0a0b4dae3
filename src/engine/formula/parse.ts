import type { Token } from "./tokenize";
import { tokenize } from "./tokenize";
import { functionSpec } from "./functions";
import type { CheckParseResult, ColumnRef, CompareOp, Expr, ParseResult } from "./types";
import type { FormulaProblem } from "../diagnostics/problems";
import { charAt, makeProblem } from "../diagnostics/problems";

const MAX_DEPTH = 64;
const COMPARE_OPS: ReadonlySet<string> = new Set(["=", "<=", ">=", "<", ">"]);

/** A parse failure carried up through the recursive descent; caught in this module only. */
class ParseFailure {
  constructor(readonly problem: FormulaProblem) {}
}

/** A token as the user wrote it ("" for the end), for problem details. */
function shown(tok: Token): string {
  if (tok.t === "end") return "";
  if (tok.t === "num") return tok.v.toString();
  if (tok.t === "str") return `"${tok.v}"`;
  return tok.v;
}

function fail(p: FormulaProblem): never {
  throw new ParseFailure(p);
}

class Parser {
  private i = 0;
  private depth = 0;
  readonly fields: string[] = [];
  readonly columns: ColumnRef[] = [];

  constructor(
    private readonly tokens: readonly Token[],
    private readonly inCheck: boolean,
  ) {}

  peek(): Token {
    return this.tokens[this.i] ?? this.tokens[this.tokens.length - 1]!;
  }

  next(): Token {
    const t = this.peek();
    if (this.i < this.tokens.length - 1) this.i++;
    return t;
  }

  isOp(v: string): boolean {
    const t = this.peek();
    return t.t === "op" && t.v === v;
  }

  expectOp(v: string): void {
    const t = this.next();
    if (t.t !== "op" || t.v !== v) fail(makeProblem("expected_symbol", v, shown(t), charAt(t.pos)));
  }

  expectEnd(): void {
    const t = this.peek();
    if (t.t !== "end") fail(makeProblem("unexpected_token", shown(t), charAt(t.pos)));
  }

  expr(): Expr {
    if (++this.depth > MAX_DEPTH) fail(makeProblem("nested_too_deeply", charAt(this.peek().pos)));
    let left = this.term();
    while (this.isOp("+") || this.isOp("-")) {
      const t = this.next() as Extract<Token, { t: "op" }>;
      left = { k: "bin", op: t.v as "+" | "-", l: left, r: this.term(), pos: t.pos };
    }
    this.depth--;
    return left;
  }

  term(): Expr {
    let left = this.unary();
    while (this.isOp("*") || this.isOp("/")) {
      const t = this.next() as Extract<Token, { t: "op" }>;
      left = { k: "bin", op: t.v as "*" | "/", l: left, r: this.unary(), pos: t.pos };
    }
    return left;
  }

  unary(): Expr {
    if (this.isOp("-") || this.isOp("+")) {
      const t = this.next();
      if (++this.depth > MAX_DEPTH) fail(makeProblem("nested_too_deeply", charAt(t.pos)));
      const e = this.unary();
      this.depth--;
      return t.t === "op" && t.v === "-" ? { k: "neg", e, pos: t.pos } : e;
    }
    return this.primary();
  }

  primary(): Expr {
    const t = this.next();
    switch (t.t) {
      case "num":
        return { k: "num", v: t.v, text: t.text, pos: t.pos };
      case "str":
        return { k: "str", v: t.v, pos: t.pos };
      case "ident":
        return this.identifier(t);
      case "op":
        if (t.v === "(") {
          const e = this.expr();
          this.expectOp(")");
          return e;
        }
        return fail(makeProblem("unexpected_token", shown(t), charAt(t.pos)));
      case "end":
        return fail(makeProblem("unexpected_end", charAt(t.pos)));
    }
  }

  identifier(t: Extract<Token, { t: "ident" }>): Expr {
    if (this.isOp("(")) return this.call(t);
    if (this.isOp(".")) {
      this.next();
      const key = this.next();
      if (key.t !== "ident") fail(makeProblem("column_name_expected", t.v, charAt(key.pos)));
      if (!this.columns.some((c) => c.table === t.v && c.key === key.v)) this.columns.push({ table: t.v, key: key.v });
      return { k: "col", table: t.v, key: key.v, pos: t.pos };
    }
    if (!this.fields.includes(t.v)) this.fields.push(t.v);
    return { k: "field", name: t.v, pos: t.pos };
  }

  call(t: Extract<Token, { t: "ident" }>): Expr {
    const found = functionSpec(t.v);
    if (!found) return fail(makeProblem("unknown_function", t.v, charAt(t.pos)));
    const { name, spec } = found;
    if (spec.checkOnly && !this.inCheck) fail(makeProblem("check_only_function", name, charAt(t.pos)));
    this.expectOp("(");
    const args: Expr[] = [];
    if (!this.isOp(")")) {
      args.push(this.expr());
      while (this.isOp(",")) {
        this.next();
        args.push(this.expr());
      }
    }
    this.expectOp(")");
    if (args.length < spec.min || args.length > spec.max) {
      const max = spec.max === Infinity ? "" : String(spec.max);
      fail(makeProblem("wrong_argument_count", name, String(spec.min), max, String(args.length), charAt(t.pos)));
    }
    args.forEach((a, idx) => {
      const kind = spec.args[Math.min(idx, spec.args.length - 1)];
      if (kind === "column" && a.k !== "col") {
        fail(makeProblem("column_argument_expected", name, String(idx + 1), charAt(a.pos)));
      }
    });
    if (name === "weighted") {
      const [v, w] = args as [Extract<Expr, { k: "col" }>, Extract<Expr, { k: "col" }>];
      if (v.table !== w.table) fail(makeProblem("weighted_two_tables", charAt(t.pos)));
    }
    return { k: "call", fn: name, args, pos: t.pos };
  }
}

function run<T>(
  text: string,
  inCheck: boolean,
  body: (p: Parser) => T,
): { ok: true; value: T; p: Parser } | { ok: false; problem: FormulaProblem } {
  if (typeof text !== "string" || text.trim() === "") return { ok: false, problem: makeProblem("empty_formula") };
  const tokenized = tokenize(text);
  if (!tokenized.ok) return tokenized;
  const p = new Parser(tokenized.tokens, inCheck);
  try {
    return { ok: true, value: body(p), p };
  } catch (e) {
    if (e instanceof ParseFailure) return { ok: false, problem: e.problem };
    // A stack overflow on absurd input is still a parse problem, never a crash.
    if (e instanceof RangeError) return { ok: false, problem: makeProblem("formula_too_complex") };
    throw e;
  }
}

/**
 * Parse a value formula (指标值公式). Never throws: a bad formula is `{ ok: false, problem }` where
 * problem is a language-neutral key with details and a 1-based character number
 * (`{ problem: "unknown_function", detail: ["foo", "1"] }`), translated by the diagnostic catalogs.
 */
export function parseExpression(text: string): ParseResult {
  const r = run(text, false, (p) => {
    const e = p.expr();
    p.expectEnd();
    return e;
  });
  if (!r.ok) return r;
  return { ok: true, expr: r.value, fields: r.p.fields, columns: r.p.columns };
}

/** Parse a check (校验规则 规则 or 前提): `a op b` with op in = <= >= < > (≤ ≥ ＝), or a boolean function. */
export function parseCheck(text: string): CheckParseResult {
  const r = run(text, true, (p) => {
    const left = p.expr();
    const t = p.peek();
    if (t.t === "op" && COMPARE_OPS.has(t.v)) {
      p.next();
      const right = p.expr();
      p.expectEnd();
      return { kind: "compare" as const, op: t.v as CompareOp, left, right };
    }
    p.expectEnd();
    if (left.k === "call" && (left.fn === "blank" || left.fn === "present"))
      return { kind: "predicate" as const, expr: left };
    return fail(makeProblem("check_not_comparison"));
  });
  if (!r.ok) return r;
  return { ok: true, check: r.value, fields: r.p.fields, columns: r.p.columns };
}
