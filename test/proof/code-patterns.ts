/** Patterns of code built from strings; used by test/proof/no-eval.test.ts (src/) and bench/run.ts (the bundle). */

/** eval(…), new Function(…), Function(…), setTimeout/setInterval with a string, javascript: URLs. */
export const CODE_FROM_STRINGS: readonly RegExp[] = [
  /(?<![\w$.])eval\s*\(/,
  /\bnew\s+Function\s*\(/,
  /(?<![\w$.])Function\s*\(/,
  /\bset(?:Timeout|Interval)\s*\(\s*["'`]/,
  /javascript:/i,
];
