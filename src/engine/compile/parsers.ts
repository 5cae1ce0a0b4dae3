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

/** Parsers that remember their results for the life of the returned object (an engine session). */
export function rememberingParsers(): Parsers {
  const expressions = new TextMemo<ParseResult>();
  const checks = new TextMemo<CheckParseResult>();
  const rules = new TextMemo<CompileResult>();
  return {
    expression: (text) => expressions.get(text, () => parseExpression(text)),
    check: (text) => checks.get(text, () => parseCheck(text)),
    // Keyed by kind, parameter text and the weight's value, length-prefixed so any text is a key.
    rule: (kind, paramsText, weight) =>
      rules.get(`${kind.length}:${kind}${paramsText.length}:${paramsText}${weight.toString()}`, () =>
        compileRule(kind, paramsText, weight),
      ),
  };
}
