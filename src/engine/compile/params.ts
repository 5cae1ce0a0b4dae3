/**
 * The ONE shared reader of 评分参数 text: `key=value` items and `interval: score` band items separated by
 * `;` `；` or new lines, with percents, full-width symbols and ∞. Rules only ever see checked values.
 */
import Decimal from "decimal.js";
import { normalizeSymbols } from "../formula/normalize";
import type { RuleParamProblem } from "../diagnostics/problems";
import { makeProblem } from "../diagnostics/problems";

/** One end of an interval; `v` null is ±∞. */
export interface Bound {
  readonly v: Decimal | null;
  readonly closed: boolean;
  readonly text: string;
}

/** One band: an interval of values and the score (in points) it gives. */
export interface Band {
  readonly lo: Bound;
  readonly hi: Bound;
  readonly score: Decimal;
  /** The interval as written, for messages ("(0,10%]"). */
  readonly text: string;
}

/**
 * A rule's parameters in erased form, for readers that do not know its kind (the report's {param.limit}):
 * each parameter's text as written or its default, by English key, and the bands. Rules themselves read
 * the typed object of their schema (param-schema.ts).
 */
export interface Params {
  readonly raw: ReadonlyMap<string, string>;
  readonly bands: readonly Band[];
}

/** Read a Decimal from `50%`, `0.5`, `-3`, `+2.5%`; null when it is not a number. */
export function parseNumberText(text: string): { v: Decimal; percent: boolean } | null {
  const m = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*(%?)$/.exec(text.trim());
  if (!m) return null;
  const v = new Decimal(m[1]!);
  return m[2] === "%" ? { v: v.div(100), percent: true } : { v, percent: false };
}

/** Normalise parameter text: full-width → ASCII, ≤ ≥ → <= >=, ＋∞/－∞ kept as ∞ signs. */
export function normalizeParamText(text: string): string {
  return normalizeSymbols(text)
    .replace(/[\u2264\u2266]/g, "<=")
    .replace(/[\u2265\u2267]/g, ">=");
}

export type RawItem =
  | { kind: "kv"; key: string; value: string }
  | { kind: "band"; interval: string; score: string }
  | { kind: "bad"; text: string };

/** A parameter key: English (limit) or Chinese (限值, 不足1个百分点). */
const KEY = "[A-Za-z_\\u3400-\\u9fff][A-Za-z0-9_\\u3400-\\u9fff]*";
const KEY_VALUE = new RegExp(`^(${KEY})\\s*=(.*)$`);
/** A comma (or 、) that starts another `key=` item: `限值=100%、方向=高于`. */
const NEXT_KEY = new RegExp(`,(?=\\s*${KEY}\\s*=)`);

/** Split parameter text into items: `key=value`, `interval: score`, or unreadable. */
export function splitItems(paramsText: string): RawItem[] {
  const items: RawItem[] = [];
  const parts = normalizeParamText(paramsText ?? "")
    .split(/[;\n\r]+/)
    .flatMap((part) => (KEY_VALUE.test(part.trim()) ? part.split(NEXT_KEY) : [part]));
  for (const part of parts) {
    const text = part.trim();
    if (text === "") continue;
    const kv = KEY_VALUE.exec(text);
    if (kv) {
      items.push({ kind: "kv", key: kv[1]!.toLowerCase(), value: kv[2]!.trim() });
      continue;
    }
    const colon = text.lastIndexOf(":");
    if (colon > 0)
      items.push({ kind: "band", interval: text.slice(0, colon).trim(), score: text.slice(colon + 1).trim() });
    else items.push({ kind: "bad", text });
  }
  return items;
}

function bound(text: string, lower: boolean, closed: boolean): Bound | RuleParamProblem {
  const t = text.trim();
  if (t === "" || t === "∞" || t === "+∞" || t === "-∞" || t === "inf" || t === "-inf" || t === "+inf") {
    if ((t.startsWith("-") && !lower) || (t.startsWith("+") && lower)) return makeProblem("interval_wrong_side", t);
    return { v: null, closed: false, text: lower ? "-∞" : "+∞" };
  }
  const n = parseNumberText(t);
  if (!n) return makeProblem("interval_not_number", t);
  return { v: n.v, closed, text: t };
}

/** Read an interval: [a,b] (a,b] [a,b) (a,b) =a >a >=a <b <=b, with ∞ or a blank bound for open ends. */
export function parseInterval(text: string): { lo: Bound; hi: Bound } | RuleParamProblem {
  const t = text.trim();
  const inf = (lower: boolean): Bound => ({ v: null, closed: false, text: lower ? "-∞" : "+∞" });
  const single = /^(>=|<=|>|<|==|=)\s*(.+)$/.exec(t);
  if (single) {
    const op = single[1]!;
    const n = parseNumberText(single[2]!);
    if (!n) return makeProblem("interval_not_number", single[2]!.trim());
    const b = (closed: boolean): Bound => ({ v: n.v, closed, text: single[2]!.trim() });
    if (op === "=" || op === "==") return { lo: b(true), hi: b(true) };
    if (op === ">=") return { lo: b(true), hi: inf(false) };
    if (op === ">") return { lo: b(false), hi: inf(false) };
    if (op === "<=") return { lo: inf(true), hi: b(true) };
    return { lo: inf(true), hi: b(false) };
  }
  const br = /^([[(])(.*),(.*)([\])])$/.exec(t);
  if (!br) return makeProblem("interval_unreadable", t);
  const lo = bound(br[2]!, true, br[1] === "[");
  const hi = bound(br[3]!, false, br[4] === "]");
  if ("problem" in lo) return lo;
  if ("problem" in hi) return hi;
  if (lo.v && hi.v && (lo.v.gt(hi.v) || (lo.v.eq(hi.v) && !(lo.closed && hi.closed))))
    return makeProblem("interval_empty", t);
  return { lo, hi };
}

/** Does the value fall in the band's interval? */
export function inBand(value: Decimal, b: { lo: Bound; hi: Bound }): boolean {
  const aboveLo = b.lo.v === null || (b.lo.closed ? value.gte(b.lo.v) : value.gt(b.lo.v));
  const belowHi = b.hi.v === null || (b.hi.closed ? value.lte(b.hi.v) : value.lt(b.hi.v));
  return aboveLo && belowHi;
}

/** Compare lower bounds: -∞ first; at equal values a closed bound starts earlier. */
function cmpLower(a: Bound, b: Bound): number {
  if (a.v === null || b.v === null) return a.v === null ? (b.v === null ? 0 : -1) : 1;
  const c = a.v.comparedTo(b.v);
  if (c !== 0) return c;
  return a.closed === b.closed ? 0 : a.closed ? -1 : 1;
}

/** Two intervals share at least one point. */
function overlaps(a: Band, b: Band): boolean {
  const lo = cmpLower(a.lo, b.lo) >= 0 ? a.lo : b.lo;
  const hiA = a.hi;
  const hiB = b.hi;
  const hi =
    hiA.v === null
      ? hiB
      : hiB.v === null
        ? hiA
        : hiA.v.lt(hiB.v)
          ? hiA
          : hiB.v.lt(hiA.v)
            ? hiB
            : hiA.closed
              ? hiB
              : hiA;
  if (lo.v === null || hi.v === null) return true;
  return lo.v.lt(hi.v) || (lo.v.eq(hi.v) && lo.closed && hi.closed);
}

export type BandProblem =
  { kind: "overlap"; first: string; second: string } | { kind: "gap"; from: string; to: string };

/**
 * Overlaps (which two bands) and gaps (from → to) over the real line from the lowest band's start: bands
 * starting at a closed 0 (`=0: 3; (0,10%]: 2; …`, as published tables for rates and counts write them) need
 * nothing below 0. `allowOverlap`: bands may overlap (caps, where the lowest applicable one wins).
 */
export function checkBands(bands: readonly Band[], allowGaps: boolean, allowOverlap = false): BandProblem[] {
  const problems: BandProblem[] = [];
  for (let i = 0; i < bands.length && !allowOverlap; i++) {
    for (let j = i + 1; j < bands.length; j++) {
      if (overlaps(bands[i]!, bands[j]!))
        problems.push({ kind: "overlap", first: bands[i]!.text, second: bands[j]!.text });
    }
  }
  if (problems.length > 0 || allowGaps) return problems;
  const sorted = [...bands].sort((a, b) => cmpLower(a.lo, b.lo));
  let reach: Bound = { v: null, closed: false, text: "-∞" }; // covered up to here (exclusive unless closed)
  let first = true;
  for (const b of sorted) {
    const touches = first
      ? b.lo.v === null || (b.lo.v.isZero() && b.lo.closed)
      : reach.v !== null && b.lo.v !== null && reach.v.eq(b.lo.v) && (reach.closed || b.lo.closed);
    if (!touches) problems.push({ kind: "gap", from: first ? "-∞" : reach.text, to: b.lo.text });
    reach = b.hi;
    first = false;
    if (reach.v === null) break;
  }
  if (first) problems.push({ kind: "gap", from: "-∞", to: "+∞" });
  else if (reach.v !== null) problems.push({ kind: "gap", from: reach.text, to: "+∞" });
  return problems;
}
