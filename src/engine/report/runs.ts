/** Small constructors for report runs; the phrase files write sentences with the `r` tag. */
import Decimal from "decimal.js";
import { formatNumber, type NumberStyle } from "./format";
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

/** Flatten pieces into runs, merging neighbouring text runs. */
export function join(...pieces: readonly Piece[]): Run[] {
  const out: Run[] = [];
  // Neighbouring texts are gathered in a string and become one run; a lone text run is kept as it is.
  let pending = "";
  let lone: Run | null = null;
  let count = 0;
  const flush = (): void => {
    if (count === 1 && lone) out.push(lone);
    else if (count > 0) out.push(text(pending));
    pending = "";
    lone = null;
    count = 0;
  };
  const add = (run: Run): void => {
    if (run.kind === "text") {
      if (run.text === "") return;
      pending += run.text;
      lone = count === 0 ? run : null;
      count++;
      return;
    }
    flush();
    out.push(run);
  };
  for (const p of pieces) {
    if (typeof p === "string") {
      if (p === "") continue;
      pending += p;
      lone = null;
      count += 2; // a string always becomes a new run
    } else if (isRun(p)) add(p);
    else for (const run of p) add(run);
  }
  flush();
  return out;
}

// Printed numbers by style and value: a report prints the same weights and scores many times.
const PRINTED = new Map<string, { readonly value: string; readonly text: string }>();
const PRINTED_LIMIT = 5000;

/** A number run for a JS number: the same as num(new Decimal(String(x)), style), formatted once per value. */
export function numOf(x: number, style: NumberStyle): Run {
  const key = `${style}|${String(x)}`;
  let printed = PRINTED.get(key);
  if (!printed) {
    const v = new Decimal(String(x));
    printed = { value: v.toString(), text: formatNumber(v, style) };
    if (PRINTED.size >= PRINTED_LIMIT) PRINTED.clear();
    PRINTED.set(key, printed);
  }
  return { kind: "number", value: printed.value, text: printed.text };
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
