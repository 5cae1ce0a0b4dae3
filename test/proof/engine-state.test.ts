import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// Issue 12: no module-level mutable state in src/engine — what an action returns may depend only on its inputs
// and its session, never on what the module saw before. Every top-level binding of the engine is checked: no
// `let`/`var`; a `const` holding an object, array, Map, Set or class instance must be declared read-only (a
// Readonly…/readonly type, `as const`, Object.freeze, one of the engine's own (readonly) interfaces) or be a
// symbol, a RegExp or a function.

const ROOT = path.resolve(__dirname, "../../src/engine");

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : [],
  );
}

/** Why this top-level declaration is mutable state, or null. */
function mutableState(decl: ts.VariableDeclaration, flags: ts.NodeFlags, source: ts.SourceFile): string | null {
  const name = decl.name.getText(source);
  if (!(flags & ts.NodeFlags.Const)) return `${name}: top-level let/var`;
  const init = decl.initializer;
  if (!init) return null;
  const type = decl.type?.getText(source) ?? "";
  const readonlyType = /^(Readonly|readonly )/.test(type);
  // A named type of the engine's own (an interface or alias; the engine declares their members readonly), not
  // one of the built-in mutable containers; a primitive type for a computed number or text.
  const namedType = /^[A-Z]\w*(<.*>)?$/.test(type) && !/^(Record|Map|Set|WeakMap|WeakSet|Array)\b/.test(type);
  const primitiveType = /^(number|string|boolean)$/.test(type);
  let e: ts.Expression = init;
  while (ts.isParenthesizedExpression(e) || ts.isSatisfiesExpression(e)) e = e.expression;
  if (ts.isAsExpression(e))
    return e.type.getText(source) === "const" || /^(Readonly|readonly )/.test(e.type.getText(source))
      ? null
      : `${name}: cast to a mutable type`;
  if (ts.isArrowFunction(e) || ts.isFunctionExpression(e) || ts.isRegularExpressionLiteral(e)) return null;
  if (ts.isLiteralExpression(e) || ts.isNoSubstitutionTemplateLiteral(e) || ts.isPrefixUnaryExpression(e)) return null;
  if (
    e.kind === ts.SyntaxKind.TrueKeyword ||
    e.kind === ts.SyntaxKind.FalseKeyword ||
    e.kind === ts.SyntaxKind.NullKeyword
  )
    return null;
  if (ts.isCallExpression(e)) {
    const callee = e.expression.getText(source);
    // defineCatalogs (engine/i18n/catalog.ts) freezes the pair it returns.
    if (callee === "Symbol" || callee === "Object.freeze" || callee === "defineCatalogs") return null;
    return readonlyType || primitiveType ? null : `${name}: the result of ${callee}() held at module level`;
  }
  if (ts.isNewExpression(e)) {
    const cls = e.expression.getText(source);
    if (cls === "RegExp" || cls === "Decimal") return null;
    return readonlyType && /^(Map|Set)$/.test(cls) ? null : `${name}: new ${cls}() at module level`;
  }
  if (ts.isObjectLiteralExpression(e) && namedType) return null;
  if (ts.isArrayLiteralExpression(e) || ts.isObjectLiteralExpression(e))
    return readonlyType ? null : `${name}: a mutable ${ts.isArrayLiteralExpression(e) ? "array" : "object"}`;
  if (ts.isIdentifier(e) || ts.isPropertyAccessExpression(e) || ts.isTemplateExpression(e) || ts.isBinaryExpression(e))
    return null;
  return `${name}: an initialiser of kind ${ts.SyntaxKind[e.kind]}`;
}

function findings(file: string, text = readFileSync(file, "utf8")): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const out: string[] = [];
  for (const st of source.statements) {
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      const why = mutableState(d, st.declarationList.flags, source);
      if (why) out.push(`${path.relative(ROOT, file)}: ${why}`);
    }
  }
  return out;
}

describe("the engine holds no module-level mutable state", () => {
  it("has no top-level let, var, or mutable const in src/engine", () => {
    const all = files(ROOT).flatMap((f) => findings(f));
    expect(all).toEqual([]);
  });

  it("finds each kind of module state it forbids (the check can fail)", () => {
    const bad = [
      "let remembered = null;",
      "const CACHE = new Map<string, number>();",
      "const SEEN: Set<string> = new Set();",
      "const memo = memoByText((t) => t);",
      "const list = [1, 2];",
      "const box = { n: 0 };",
      "const byKey: Record<string, number> = {};",
      "const NOW = Date.now();",
      "const LINES = new WeakMap<object, string>();",
    ];
    for (const line of bad) expect(findings("probe.ts", line), line).toHaveLength(1);
    const fine = [
      "const BY: ReadonlyMap<string, number> = new Map([['a', 1]]);",
      "const NAMES: readonly string[] = ['a'];",
      "const KEY = Symbol('k');",
      "const RE = /a+/;",
      "const OPS = { a: 1 } as const;",
      "const FROZEN = Object.freeze({ a: 1 });",
      "const LIMIT = 4000;",
      "const f = (x: number) => x + 1;",
    ];
    for (const line of fine) expect(findings("probe.ts", line), line).toEqual([]);
  });
});
