/** A diagnostic in words: what is wrong, and what to do about it (the value of the diagnostics' catalog). */
export interface DiagnosticText {
  readonly message: string;
  readonly fix: string;
}

/** Split an identity's text at its first comparison sign: "a + b = c" → ["a + b", "c"]. */
export function splitSides(expression: string): [string, string] | null {
  const m = /^(.*?)\s*(?:<=|>=|≤|≥|=|＝|<|>)\s*(.*)$/.exec(expression);
  return m && m[1] && m[2] ? [m[1], m[2]] : null;
}
