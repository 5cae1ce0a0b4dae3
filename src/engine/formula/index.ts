/** The template's small safe expression language: parse (never throws) and evaluate with exact decimals. */
export { parseExpression, parseCheck } from "./parse";
export { evaluateExpression, evaluateCheck } from "./evaluate";
export { normalizeSymbols } from "./normalize";
export { FUNCTIONS } from "./functions";
export type * from "./types";
