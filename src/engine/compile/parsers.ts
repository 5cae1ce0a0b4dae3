/**
 * The parses compilation makes of a template's texts — value formulas, checks, rule parameters — as one
 * object the engine session owns. A session remembers them by text (a bureau's batch scores hundreds of
 * workbooks of one template: the same few hundred texts each time); `FRESH_PARSERS` parses every time.
 * Results are immutable, so one parse can serve every action of a session.
 */
import type Decimal from "decimal.js";
import { parseCheck, parseExpression } from "../formula/parse";
import type { CheckParseResult, ParseResult } from "../formula/types";
import { TextMemo } from "../model/memo";
import type { CompileResult } from "./compile-rule";
import { compileRule } from "./compile-rule";

export interface Parsers {
  readonly expression: (text: string) => ParseResult;
  readonly check: (text: string) => CheckParseResult;
  /** A rule kind with its 评分参数 text, for an indicator of this weight. */
  readonly rule: (kind: string, paramsText: string, weight: Decimal) => CompileResult;
}

/** Parsers that remember nothing (one-off actions, tests). */
export const FRESH_PARSERS: Parsers = Object.freeze({
  expression: parseExpression,
  check: parseCheck,
  rule: compileRule,
});

/** The most compiled rules a session holds: past it, it starts over (a template has a few hundred). */
const RULES_HELD = 2000;

/**
 * Compiled rules by parameter text, then by kind and weight. The parameter text, the longest part, is looked
 * up as the sheet gave it rather than joined into one key per indicator (joining and hashing the joined
 * text cost a fifth of building a 1,700-indicator rubric).
 */
function ruleMemo(): Parsers["rule"] {
  const byParams = new TextMemo<Map<string, CompileResult>>();
  let held = 0;
  return (kind, paramsText, weight) => {
    const byKindAndWeight = byParams.get(paramsText, () => new Map());
    // Length-prefixed, so any kind is a key.
    const key = `${kind.length}:${kind}${weight.toString()}`;
    let r = byKindAndWeight.get(key);
    if (r === undefined) {
      r = compileRule(kind, paramsText, weight);
      if (held >= RULES_HELD) {
        byParams.clear();
        held = 0;
      }
      byKindAndWeight.set(key, r);
      held++;
    }
    return r;
  };
}

/** Parsers that remember their results for the life of the returned object (an engine session). */
export function rememberingParsers(): Parsers {
  const expressions = new TextMemo<ParseResult>();
  const checks = new TextMemo<CheckParseResult>();
  return {
    expression: (text) => expressions.get(text, () => parseExpression(text)),
    check: (text) => checks.get(text, () => parseCheck(text)),
    rule: ruleMemo(),
  };
}
