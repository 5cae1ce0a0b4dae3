import Decimal from "decimal.js";
import { normalizeSymbols } from "./normalize";
import type { FormulaProblem } from "../diagnostics/problems";
import { charAt, makeProblem } from "../diagnostics/problems";

export type Token =
  | { readonly t: "num"; readonly v: Decimal; readonly text: string; readonly pos: number }
  | { readonly t: "str"; readonly v: string; readonly pos: number }
  | { readonly t: "ident"; readonly v: string; readonly pos: number }
  | { readonly t: "op"; readonly v: string; readonly pos: number }
  | { readonly t: "end"; readonly pos: number };

export type TokenizeResult = { ok: true; tokens: Token[] } | { ok: false; problem: FormulaProblem };

const NUMBER_RE = /^(\d+(?:\.\d*)?|\.\d+)(%?)/;
const IDENT_RE = /^[A-Za-z_][A-Za-z0-9_]*/;
const TWO_CHAR_OPS: ReadonlySet<string> = new Set(["<=", ">=", "=="]);
const ONE_CHAR_OPS: ReadonlySet<string> = new Set(["+", "-", "*", "/", "(", ")", ",", ".", "=", "<", ">"]);

/** Split formula text into tokens; never throws. Positions are 0-based character offsets. */
export function tokenize(raw: string): TokenizeResult {
  const text = normalizeSymbols(raw);
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const rest = text.slice(i);
    const num = NUMBER_RE.exec(rest);
    // A digit run directly after an identifier character is part of neither: "a.1b" is caught by the parser.
    if (num) {
      let v = new Decimal(num[1]!);
      if (num[2] === "%") v = v.div(100);
      tokens.push({ t: "num", v, text: num[0], pos: i });
      i += num[0].length;
      continue;
    }
    const id = IDENT_RE.exec(rest);
    if (id) {
      tokens.push({ t: "ident", v: id[0], pos: i });
      i += id[0].length;
      continue;
    }
    if (ch === '"' || ch === "'" || ch === "\u2018") {
      const close = ch === "\u2018" ? "\u2019" : ch;
      const end = text.indexOf(close, i + 1);
      if (end < 0) return { ok: false, problem: makeProblem("unterminated_text", charAt(i)) };
      tokens.push({ t: "str", v: text.slice(i + 1, end), pos: i });
      i = end + 1;
      continue;
    }
    if (ch === "\u2264" || ch === "\u2266") {
      tokens.push({ t: "op", v: "<=", pos: i });
      i++;
      continue;
    }
    if (ch === "\u2265" || ch === "\u2267") {
      tokens.push({ t: "op", v: ">=", pos: i });
      i++;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (TWO_CHAR_OPS.has(two)) {
      tokens.push({ t: "op", v: two === "==" ? "=" : two, pos: i });
      i += 2;
      continue;
    }
    if (ONE_CHAR_OPS.has(ch)) {
      tokens.push({ t: "op", v: ch, pos: i });
      i++;
      continue;
    }
    return { ok: false, problem: makeProblem("unexpected_character", ch, charAt(i)) };
  }
  tokens.push({ t: "end", pos: text.length });
  return { ok: true, tokens };
}
