import type { Token } from "./tokenize";
import { tokenize } from "./tokenize";
import { functionSpec } from "./functions";
import type { CheckParseResult, ColumnRef, CompareOp, Expr, ParseResult } from "./types";

const MAX_DEPTH = 64;
const COMPARE_OPS: ReadonlySet<string> = new Set(["=", "<=", ">=", "<", ">"]);

/** A parse failure carried up through the recursive descent; caught in this module only. */
class ParseFailure {
  constructor(readonly problem: string) {}
}

function describe(tok: Token): string {
  if (tok.t === "end") return "end of formula";
  if (tok.t === "num") return `number ${tok.v.toString()}`;
  if (tok.t === "str") return `text "${tok.v}"`;
  return `'${tok.v}'`;
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
    if (t.t !== "op" || t.v !== v) throw new ParseFailure(`expected '${v}' but found ${describe(t)} at ${t.pos}`);
  }

  expectEnd(): void {
    const t = this.peek();
    if (t.t !== "end") throw new ParseFailure(`unexpected ${describe(t)} at ${t.pos}`);
  }

  expr(): Expr {
    if (++this.depth > MAX_DEPTH) throw new ParseFailure(`formula nested too deeply at ${this.peek().pos}`);
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
      if (++this.depth > MAX_DEPTH) throw new ParseFailure(`formula nested too deeply at ${t.pos}`);
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
        return { k: "num", v: t.v, pos: t.pos };
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
        throw new ParseFailure(`unexpected ${describe(t)} at ${t.pos}`);
      case "end":
        throw new ParseFailure(`unexpected end of formula at ${t.pos}`);
    }
  }

  identifier(t: Extract<Token, { t: "ident" }>): Expr {
    if (this.isOp("(")) return this.call(t);
    if (this.isOp(".")) {
      this.next();
      const key = this.next();
      if (key.t !== "ident") throw new ParseFailure(`expected a column name after '${t.v}.' at ${key.pos}`);
      if (!this.columns.some((c) => c.table === t.v && c.key === key.v)) this.columns.push({ table: t.v, key: key.v });
      return { k: "col", table: t.v, key: key.v, pos: t.pos };
    }
    if (!this.fields.includes(t.v)) this.fields.push(t.v);
    return { k: "field", name: t.v, pos: t.pos };
  }

  call(t: Extract<Token, { t: "ident" }>): Expr {
    const found = functionSpec(t.v);
    if (!found) throw new ParseFailure(`unknown function '${t.v}' at ${t.pos}`);
    const { name, spec } = found;
    if (spec.checkOnly && !this.inCheck) throw new ParseFailure(`function '${name}' is only allowed in checks at ${t.pos}`);
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
      const want = spec.max === Infinity ? `at least ${spec.min}` : spec.min === spec.max ? `${spec.min}` : `${spec.min}-${spec.max}`;
      throw new ParseFailure(`function '${name}' takes ${want} argument(s), got ${args.length} at ${t.pos}`);
    }
    args.forEach((a, idx) => {
      const kind = spec.args[Math.min(idx, spec.args.length - 1)];
      if (kind === "column" && a.k !== "col") {
        throw new ParseFailure(`argument ${idx + 1} of '${name}' must be a table column (table.key) at ${a.pos}`);
      }
    });
    if (name === "weighted") {
      const [v, w] = args as [Extract<Expr, { k: "col" }>, Extract<Expr, { k: "col" }>];
      if (v.table !== w.table) throw new ParseFailure(`'weighted' needs two columns of one table at ${t.pos}`);
    }
    return { k: "call", fn: name, args, pos: t.pos };
  }
}

function run<T>(text: string, inCheck: boolean, body: (p: Parser) => T): { ok: true; value: T; p: Parser } | { ok: false; problem: string } {
  if (typeof text !== "string" || text.trim() === "") return { ok: false, problem: "empty formula" };
  const tokenized = tokenize(text);
  if (!tokenized.ok) return tokenized;
  const p = new Parser(tokenized.tokens, inCheck);
  try {
    return { ok: true, value: body(p), p };
  } catch (e) {
    if (e instanceof ParseFailure) return { ok: false, problem: e.problem };
    // A stack overflow on absurd input is still a parse problem, never a crash.
    if (e instanceof RangeError) return { ok: false, problem: "formula too complex" };
    throw e;
  }
}

/**
 * Parse a value formula (指标值公式). Never throws: a bad formula is `{ ok: false, problem }` where
 * problem is a short English phrase with a 0-based character position ("unknown function 'foo' at 0").
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
    if (left.k === "call" && (left.fn === "blank" || left.fn === "present")) return { kind: "predicate" as const, expr: left };
    throw new ParseFailure("a check must compare two values (a = b, a <= b …) or be blank(x) / present(x)");
  });
  if (!r.ok) return r;
  return { ok: true, check: r.value, fields: r.p.fields, columns: r.p.columns };
}
