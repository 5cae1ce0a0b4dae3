/** Small constructors for report runs; the phrase files write sentences with the `r` tag. */
import Decimal from "decimal.js";
import { formatNumber, type NumberStyle } from "../model/format";
import type { Run } from "./tree";

/** A plain text run. */
export function text(t: string): Run {
  return { kind: "text", text: t };
}

/** A number run: the exact value and its printed form in the given style. */
export function num(v: Decimal, style: NumberStyle): Run {
  return { kind: "number", value: v.toString(), text: formatNumber(v, style) };
}

/** What may be interpolated into a sentence. */
export type Piece = Run | readonly Run[] | string;

/** Runs being joined: neighbouring texts are gathered in `pending` and become one run; a lone text run is kept as it is. */
interface Joining {
  readonly out: Run[];
  pending: string;
  lone: Run | null;
  count: number;
}

// Module-level helpers rather than closures inside join: join runs for every sentence of the report.
function flushText(j: Joining): void {
  if (j.count === 1 && j.lone) j.out.push(j.lone);
  else if (j.count > 0) j.out.push(text(j.pending));
  j.pending = "";
  j.lone = null;
  j.count = 0;
}

function addRun(j: Joining, run: Run): void {
  if (run.kind === "text") {
    if (run.text === "") return;
    j.pending += run.text;
    j.lone = j.count === 0 ? run : null;
    j.count++;
    return;
  }
  flushText(j);
  j.out.push(run);
}

/** Flatten pieces into runs, merging neighbouring text runs. */
export function join(...pieces: readonly Piece[]): Run[] {
  const j: Joining = { out: [], pending: "", lone: null, count: 0 };
  for (const p of pieces) {
    if (typeof p === "string") {
      if (p === "") continue;
      j.pending += p;
      j.lone = null;
      j.count += 2; // a string always becomes a new run
    } else if (isRun(p)) addRun(j, p);
    else for (const run of p) addRun(j, run);
  }
  flushText(j);
  return j.out;
}

// A number already written with at most two decimals (what the score sheet holds), printed as a score or plain
// number: its shortest text is what formatNumber prints, without making a Decimal.
const SHORT = /^-?\d{1,15}(\.\d{1,2})?$/;

/** A number run for a JS number: the same as num(new Decimal(String(x)), style). */
export function numOf(x: number, style: NumberStyle): Run {
  const shortest = String(x);
  if ((style === "score" || style === "number") && SHORT.test(shortest) && !Object.is(x, -0))
    return { kind: "number", value: shortest, text: shortest };
  const v = new Decimal(shortest);
  return { kind: "number", value: v.toString(), text: formatNumber(v, style) };
}

/** Tagged template: r`本部门编制数为${quota}人。` → runs. */
export function r(strings: TemplateStringsArray, ...values: readonly Piece[]): Run[] {
  const pieces: Piece[] = [];
  strings.forEach((s, i) => {
    pieces.push(s);
    if (i < values.length) pieces.push(values[i]!);
  });
  return join(...pieces);
}

/** Join run lists with a separator. */
export function joinWith(items: readonly (readonly Run[])[], sep: string): Run[] {
  const pieces: Piece[] = [];
  items.forEach((it, i) => {
    if (i > 0) pieces.push(sep);
    pieces.push(it);
  });
  return join(...pieces);
}

function isRun(p: Run | readonly Run[]): p is Run {
  return !Array.isArray(p);
}
