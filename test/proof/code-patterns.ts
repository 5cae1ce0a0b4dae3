/**
 * Patterns of code built from strings; used by test/proof/no-eval.test.ts (src/), the end-to-end run and
 * bench/pane.ts (every built chunk).
 */

/** eval(…), new Function(…), Function(…), setTimeout/setInterval with a string: code run from a string. */
export const EVAL_PATTERNS: readonly RegExp[] = [
  /(?<![\w$.])eval\s*\(/,
  /\bnew\s+Function\s*\(/,
  /(?<![\w$.])Function\s*\(/,
  /\bset(?:Timeout|Interval)\s*\(\s*["'`]/,
];

/** javascript: URLs (in the bundle only as React's own text, which replaces such URLs with one that throws). */
export const JAVASCRIPT_URL = /javascript:/i;

/** Everything our own sources must not contain: the eval patterns and javascript: URLs. */
export const CODE_FROM_STRINGS: readonly RegExp[] = [...EVAL_PATTERNS, JAVASCRIPT_URL];
