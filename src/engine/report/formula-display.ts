/**
 * Shows a rubric value formula to a reader, with labels ("在职人数÷编制数") or with the actual figures
 * ("7÷7"). The formula is the engine's own parse (formula/parse.ts) — the one the scorer evaluated — so the
 * report can never read a formula differently; values come from the scoring result. A formula that does not
 * parse is shown as written.
 */
import { parseExpression } from "../formula/parse";
import type { ArithOp, Expr, ParseResult } from "../formula/types";
import { join, text, type Piece } from "./runs";
import type { Run } from "./tree";

/** How leaves are shown: one run list for a field, per-row run lists for a table column. */
export interface FormulaLeaves {
  /** A field (`name`) or a table column (`table.key`). */
  leaf(name: string): Run[];
  /** Per-row figures of a table column (figures mode), or undefined to show the column as one leaf. */
  rows(name: string): Run[][] | undefined;
}

const PREC: Readonly<Record<ArithOp, number>> = { "+": 1, "-": 1, "*": 2, "/": 2 };
const SYMBOL: Readonly<Record<ArithOp, string>> = { "+": "＋", "-": "－", "*": "×", "/": "÷" };

/** The parsed formula, or null when it does not parse (or is empty). */
function parsed(src: string, parse: (text: string) => ParseResult): Expr | null {
  if (src.trim() === "") return null;
  const r = parse(src);
  return r.ok ? r.expr : null;
}

/**
 * Show a formula with the given leaves; unparseable formulas come back as written. `parse` is the session's
 * (the parse scoring made, remembered) or the engine's parser.
 */
export function displayFormula(
  src: string,
  leaves: FormulaLeaves,
  parse: (text: string) => ParseResult = parseExpression,
): Run[] {
  const expr = parsed(src, parse);
  return expr ? show(expr, leaves) : [text(src)];
}

function prec(e: Expr): number {
  return e.k === "bin" ? PREC[e.op] : 3;
}

function wrap(e: Expr, min: number, leaves: FormulaLeaves): Piece[] {
  const inner = show(e, leaves);
  return prec(e) < min ? ["（", inner, "）"] : [inner];
}

function leafName(e: Expr): string | null {
  if (e.k === "field") return e.name;
  if (e.k === "col") return `${e.table}.${e.key}`;
  return null;
}

function show(e: Expr, leaves: FormulaLeaves): Run[] {
  switch (e.k) {
    case "num":
      return [text(e.text)];
    case "str":
      return [text(`“${e.v}”`)];
    case "field":
      return leaves.leaf(e.name);
    case "col":
      return leaves.leaf(`${e.table}.${e.key}`);
    case "neg":
      return join("－", ...wrap(e.e, 3, leaves));
    case "bin": {
      const p = PREC[e.op];
      // The right side of − and ÷ needs brackets at equal precedence: a − (b − c).
      const rightMin = e.op === "-" || e.op === "/" ? p + 1 : p;
      return join(...wrap(e.l, p, leaves), SYMBOL[e.op], ...wrap(e.r, rightMin, leaves));
    }
    case "call":
      return showCall(e.fn, e.args, leaves);
  }
}

function showCall(fn: string, args: readonly Expr[], leaves: FormulaLeaves): Run[] {
  const [a, b] = args;
  if (fn === "ratio" && a && b && args.length === 2) return show({ k: "bin", op: "/", l: a, r: b, pos: a.pos }, leaves);
  if (fn === "change" && a && b && args.length === 2) {
    const diff: Expr = { k: "bin", op: "-", l: a, r: b, pos: a.pos };
    return join("（", show(diff, leaves), "）÷", ...wrap(b, 3, leaves));
  }
  if (fn === "abs" && a && args.length === 1) return join("｜", show(a, leaves), "｜");
  const an = a ? leafName(a) : null;
  if (fn === "sum" && an && args.length === 1) {
    const rows = leaves.rows(an);
    return rows ? joinRuns(rows, "＋") : join("Σ", leaves.leaf(an));
  }
  const bn = b ? leafName(b) : null;
  if (fn === "weighted" && an && bn && args.length === 2) {
    const va = leaves.rows(an);
    const wb = leaves.rows(bn);
    if (va && wb && va.length === wb.length) {
      const products = va.map((v, k) => join(v, "×", wb[k] ?? []));
      return join("（", joinRuns(products, "＋"), "）÷（", joinRuns(wb, "＋"), "）");
    }
    return join("Σ（", leaves.leaf(an), "×", leaves.leaf(bn), "）÷Σ", leaves.leaf(bn));
  }
  const shown = args.map((x) => show(x, leaves));
  // attainment() as an accountant names it (财预〔2020〕10号's 得分系数).
  return join(fn === "attainment" ? "得分系数" : fn, "（", joinRuns(shown, "，"), "）");
}

function joinRuns(items: readonly Run[][], sep: string): Run[] {
  const pieces: Piece[] = [];
  items.forEach((it, k) => {
    if (k > 0) pieces.push(sep);
    pieces.push(it);
  });
  return join(...pieces);
}
