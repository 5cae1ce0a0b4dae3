import type { DiagnosticCode, DiagnosticParamsByCode } from "./types";

/** A diagnostic in words: what is wrong, and what to do about it. */
export interface DiagnosticText {
  readonly message: string;
  readonly fix: string;
}

/** One language's messages: a function for every code, so a missing translation is a type error. */
export type DiagnosticCatalog = {
  readonly [C in DiagnosticCode]: (p: DiagnosticParamsByCode[C]) => DiagnosticText;
};

/** The languages the catalogs speak. */
export type DiagnosticLang = "zh-CN" | "en";

/** Split an identity's text at its first comparison sign: "a + b = c" → ["a + b", "c"]. */
export function splitSides(expression: string): [string, string] | null {
  const m = /^(.*?)\s*(?:<=|>=|≤|≥|=|＝|<|>)\s*(.*)$/.exec(expression);
  return m && m[1] && m[2] ? [m[1], m[2]] : null;
}
