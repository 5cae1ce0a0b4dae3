/** Small constructors for report runs; the phrase files write sentences with the `r` tag. */
import type Decimal from "decimal.js";
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
  for (const p of pieces) {
    const list: readonly Run[] = typeof p === "string" ? [text(p)] : isRun(p) ? [p] : p;
    for (const run of list) {
      const last = out[out.length - 1];
      if (run.kind === "text" && run.text === "") continue;
      if (run.kind === "text" && last?.kind === "text") out[out.length - 1] = text(last.text + run.text);
      else out.push(run);
    }
  }
  return out;
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
