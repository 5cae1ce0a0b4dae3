import type { FunctionName } from "./types";

/** What a function's arguments must be: any expression, or a table column `t.key`. */
export type ArgKind = "expr" | "column";

export interface FunctionSpec {
  readonly min: number;
  /** Infinity for variadic functions. */
  readonly max: number;
  /** Kind of each argument (the last one repeats for variadic functions). */
  readonly args: readonly ArgKind[];
  /** blank/present are boolean: allowed only in checks. */
  readonly checkOnly: boolean;
}

/** The closed set of functions of the formula language. */
export const FUNCTIONS: Readonly<Record<FunctionName, FunctionSpec>> = {
  ratio: { min: 2, max: 2, args: ["expr", "expr"], checkOnly: false },
  change: { min: 2, max: 2, args: ["expr", "expr"], checkOnly: false },
  abs: { min: 1, max: 1, args: ["expr"], checkOnly: false },
  min: { min: 1, max: Infinity, args: ["expr"], checkOnly: false },
  max: { min: 1, max: Infinity, args: ["expr"], checkOnly: false },
  sum: { min: 1, max: Infinity, args: ["expr"], checkOnly: false },
  weighted: { min: 2, max: 2, args: ["column", "column"], checkOnly: false },
  count: { min: 1, max: 1, args: ["column"], checkOnly: false },
  count_if: { min: 2, max: 2, args: ["column", "expr"], checkOnly: false },
  blank: { min: 1, max: 1, args: ["expr"], checkOnly: true },
  present: { min: 1, max: 1, args: ["expr"], checkOnly: true },
  attainment: { min: 2, max: 3, args: ["expr", "expr", "expr"], checkOnly: false },
};

/** The function spec for a (case-insensitive) name, or undefined when the language has no such function. */
export function functionSpec(name: string): { name: FunctionName; spec: FunctionSpec } | undefined {
  const lower = name.toLowerCase();
  if (!Object.prototype.hasOwnProperty.call(FUNCTIONS, lower)) return undefined;
  const fn = lower as FunctionName;
  return { name: fn, spec: FUNCTIONS[fn] };
}
