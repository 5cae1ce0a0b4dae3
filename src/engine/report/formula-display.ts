/**
 * Shows a rubric value formula to a reader, with labels ("在职人数÷编制数") or with the actual figures
 * ("7÷7"). It only parses for display — values come from the scoring result — and never evaluates code.
 * A formula it cannot parse is shown as written.
 */
import { join, text, type Piece } from "./runs";
import type { Run } from "./tree";

type Node =
  | { readonly t: "num"; readonly text: string }
  | { readonly t: "str"; readonly text: string }
  | { readonly t: "id"; readonly name: string }
  | { readonly t: "neg"; readonly arg: Node }
  | { readonly t: "bin"; readonly op: "+" | "-" | "*" | "/"; readonly left: Node; readonly right: Node }
  | { readonly t: "call"; readonly fn: string; readonly args: readonly Node[] };

/** How leaves are shown: one run list for a field, per-row run lists for a table column. */
export interface FormulaLeaves {
  leaf(name: string): Run[];
  /** Per-row figures of a table column (figures mode), or undefined to show the column as one leaf. */
  rows(name: string): Run[][] | undefined;
}

const TOKEN = /\s*(?:(\d+(?:\.\d+)?%?)|([A-Za-z_][A-Za-z0-9_.]*)|("[^"]*"|“[^”]*”)|([-+*/×÷－＋(),（），]))/y;
const OPS: Readonly<Record<string, "+" | "-" | "*" | "/" | "(" | ")" | ",">> = {
  "+": "+",
  "＋": "+",
  "-": "-",
  "－": "-",
  "*": "*",
  "×": "*",
  "/": "/",
  "÷": "/",
  "(": "(",
  "（": "(",
  ")": ")",
  "）": ")",
  ",": ",",
  "，": ",",
};

type Tok = { k: "num" | "id" | "str"; v: string } | { k: "op"; v: "+" | "-" | "*" | "/" | "(" | ")" | "," };

function tokenize(src: string): Tok[] | null {
  const out: Tok[] = [];
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(src);
    if (!m) return null;
    if (m[1]) out.push({ k: "num", v: m[1] });
    else if (m[2]) out.push({ k: "id", v: m[2] });
    else if (m[3]) out.push({ k: "str", v: m[3] });
    else out.push({ k: "op", v: OPS[m[4]!]! });
    pos = TOKEN.lastIndex;
  }
  return out;
}

function parse(src: string): Node | null {
  return parseUncached(src);
}

function parseUncached(src: string): Node | null {
  const toks = tokenize(src);
  if (!toks || toks.length === 0) return null;
  let i = 0;
  const peek = (): Tok | undefined => toks[i];
  const isOp = (v: string): boolean => {
    const t = peek();
    return t?.k === "op" && t.v === v;
  };
  const expr = (): Node => {
    let left = term();
    while (isOp("+") || isOp("-")) {
      const op = (toks[i++] as { v: "+" | "-" }).v;
      left = { t: "bin", op, left, right: term() };
    }
    return left;
  };
  const term = (): Node => {
    let left = unary();
    while (isOp("*") || isOp("/")) {
      const op = (toks[i++] as { v: "*" | "/" }).v;
      left = { t: "bin", op, left, right: unary() };
    }
    return left;
  };
  const unary = (): Node => {
    if (isOp("-")) {
      i++;
      return { t: "neg", arg: unary() };
    }
    return primary();
  };
  const primary = (): Node => {
    const t = toks[i++];
    if (!t) throw new Error("end");
    if (t.k === "num") return { t: "num", text: t.v };
    if (t.k === "str") return { t: "str", text: t.v };
    if (t.k === "id") {
      if (!isOp("(")) return { t: "id", name: t.v };
      i++;
      const args: Node[] = [];
      if (!isOp(")")) {
        args.push(expr());
        while (isOp(",")) {
          i++;
          args.push(expr());
        }
      }
      if (!isOp(")")) throw new Error(")");
      i++;
      return { t: "call", fn: t.v.toLowerCase(), args };
    }
    if (t.v === "(") {
      const e = expr();
      if (!isOp(")")) throw new Error(")");
      i++;
      return e;
    }
    throw new Error("token");
  };
  try {
    const node = expr();
    return i === toks.length ? node : null;
  } catch {
    return null;
  }
}

const PREC = { "+": 1, "-": 1, "*": 2, "/": 2 } as const;
const SYMBOL = { "+": "＋", "-": "－", "*": "×", "/": "÷" } as const;

/** Show a formula with the given leaves; unparseable formulas come back as written. */
export function displayFormula(src: string, leaves: FormulaLeaves): Run[] {
  const node = parse(src);
  return node ? show(node, leaves) : [text(src)];
}

function prec(n: Node): number {
  return n.t === "bin" ? PREC[n.op] : 3;
}

function wrap(n: Node, min: number, leaves: FormulaLeaves): Piece[] {
  const inner = show(n, leaves);
  return prec(n) < min ? ["（", inner, "）"] : [inner];
}

function show(n: Node, leaves: FormulaLeaves): Run[] {
  switch (n.t) {
    case "num":
    case "str":
      return [text(n.text)];
    case "id":
      return leaves.leaf(n.name);
    case "neg":
      return join("－", ...wrap(n.arg, 3, leaves));
    case "bin": {
      const p = PREC[n.op];
      // The right side of − and ÷ needs brackets at equal precedence: a − (b − c).
      const rightMin = n.op === "-" || n.op === "/" ? p + 1 : p;
      return join(...wrap(n.left, p, leaves), SYMBOL[n.op], ...wrap(n.right, rightMin, leaves));
    }
    case "call":
      return showCall(n.fn, n.args, leaves);
  }
}

function showCall(fn: string, args: readonly Node[], leaves: FormulaLeaves): Run[] {
  const [a, b] = args;
  if (fn === "ratio" && a && b && args.length === 2) return show({ t: "bin", op: "/", left: a, right: b }, leaves);
  if (fn === "change" && a && b && args.length === 2) {
    const diff: Node = { t: "bin", op: "-", left: a, right: b };
    return join("（", show(diff, leaves), "）÷", ...wrap(b, 3, leaves));
  }
  if (fn === "abs" && a && args.length === 1) return join("｜", show(a, leaves), "｜");
  if (fn === "sum" && a && args.length === 1 && a.t === "id") {
    const rows = leaves.rows(a.name);
    return rows ? joinRuns(rows, "＋") : join("Σ", leaves.leaf(a.name));
  }
  if (fn === "weighted" && a?.t === "id" && b?.t === "id" && args.length === 2) {
    const va = leaves.rows(a.name);
    const wb = leaves.rows(b.name);
    if (va && wb && va.length === wb.length) {
      const products = va.map((v, k) => join(v, "×", wb[k]!));
      return join("（", joinRuns(products, "＋"), "）÷（", joinRuns(wb, "＋"), "）");
    }
    return join("Σ（", leaves.leaf(a.name), "×", leaves.leaf(b.name), "）÷Σ", leaves.leaf(b.name));
  }
  const shown = args.map((x) => show(x, leaves));
  return join(fn, "（", joinRuns(shown, "，"), "）");
}

function joinRuns(items: readonly Run[][], sep: string): Run[] {
  const pieces: Piece[] = [];
  items.forEach((it, k) => {
    if (k > 0) pieces.push(sep);
    pieces.push(it);
  });
  return join(...pieces);
}

/** True when the formula's result is a rate (a ratio, a change or a weighted mean), printed as a percentage. */
export function formulaIsRate(src: string): boolean {
  const node = parse(src);
  if (!node) return false;
  if (node.t === "call") return ["ratio", "change", "weighted"].includes(node.fn);
  return node.t === "bin" && node.op === "/";
}

/** The single field a formula consists of (e.g. "funds_recalled_count"), or null. */
export function formulaSingleField(src: string): string | null {
  const node = parse(src);
  return node?.t === "id" ? node.name : null;
}
