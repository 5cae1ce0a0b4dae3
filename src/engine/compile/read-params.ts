/**
 * compileParams: the one reader of 评分参数 text against a parameter schema — keys in English or Chinese,
 * values checked against their type, range and allowed words, defaults filled in — giving the typed object
 * of that schema. Every problem is returned, never thrown; unknown keys name the valid ones.
 */
import Decimal from "decimal.js";
import type { Band, BandProblem, Params } from "./params";
import { checkBands, parseInterval, parseNumberText, splitItems } from "./params";
import type { EnumSpec, NumberSpec, ParamSchema, ParamSpec, ParamTexts, ParamValues } from "./param-schema";
import { enumValue, keyIndex, normaliseKey, numberParam, suggestKey, validKeys } from "./param-schema";
import type {
  BandSpec,
  CompileResult,
  CriterionSubject,
  RuleArgs,
  RuleDefinition,
  RuleKind,
  RuleSubject,
} from "./rule-types";
import { got } from "./rules/helpers";
import { formatScore } from "../model/decimal";
import type { RuleParamProblem } from "../diagnostics/problems";
import { makeProblem } from "../diagnostics/problems";

/** A problem with a rubric row's 评分方法/评分参数, mapped 1:1 onto diagnostic codes. */
export type RuleProblem =
  | { readonly code: "rule_unknown"; readonly kind: string }
  | { readonly code: "rule_invalid"; readonly problem: RuleParamProblem }
  | { readonly code: "rule_bands_overlap"; readonly first: string; readonly second: string }
  | { readonly code: "rule_bands_gap"; readonly from: string; readonly to: string };

/** Parameters every rule kind accepts. */
export const COMMON_SCHEMA = {
  na: numberParam("points-or-share", {
    zh: "不适用时",
    aliases: ["不适用时得分", "不适用"],
    default: "100%",
    range: "score",
    note: "指标不适用（如分母为 0、缺少数据）时的得分，可写分数或分值的百分比",
  }),
  undefined: numberParam("points-or-share", {
    zh: "无法计算时",
    aliases: ["无法计算时得分", "无法计算"],
    default: "0",
    range: "score",
    note: "指标值无法计算（如分母为 0 而分子不为 0）时的得分",
  }),
} as const satisfies ParamSchema;

export type CommonSchema = typeof COMMON_SCHEMA;

function invalid(problem: RuleParamProblem): RuleProblem {
  return { code: "rule_invalid", problem };
}

/** Why a value does not fit its parameter, before we know whether it is a parameter or a band score. */
type ValueFault =
  | { readonly fault: "not_allowed"; readonly allowed: string }
  | { readonly fault: "not_number" | "not_positive" | "negative" }
  | { readonly fault: "out_of_score"; readonly max: string };

/** "above（高于） / below（低于）" — the values with their first Chinese word. */
function allowedText(spec: EnumSpec): string {
  return spec.allowed.map((a) => (spec.words[a]![0] ? `${spec.words[a]![0]}（${a}）` : a)).join(" / ");
}

function readNumber(spec: NumberSpec, text: string, weight: Decimal): { v: Decimal } | ValueFault {
  const n = parseNumberText(text);
  if (!n) return { fault: "not_number" };
  const v = spec.type === "points-or-share" && n.percent ? weight.times(n.v) : n.v;
  const range = spec.range ?? "any";
  if (range === "positive" && v.lte(0)) return { fault: "not_positive" };
  if (range === "nonnegative" && v.lt(0)) return { fault: "negative" };
  if (range === "score" && (v.lt(0) || v.gt(weight))) return { fault: "out_of_score", max: formatScore(weight) };
  return { v };
}

/** Read one value against its spec; points-or-share resolves against the weight. */
function readValue(spec: ParamSpec, text: string, weight: Decimal): { v: Decimal | string } | ValueFault {
  if (spec.type !== "enum") return readNumber(spec, text, weight);
  const v = enumValue(spec, text);
  return v === undefined ? { fault: "not_allowed", allowed: allowedText(spec) } : { v };
}

function paramProblem(f: ValueFault, param: string, got: string): RuleParamProblem {
  switch (f.fault) {
    case "not_allowed":
      return makeProblem("param_not_allowed", param, f.allowed, got);
    case "not_number":
      return makeProblem("param_not_number", param, got);
    case "not_positive":
      return makeProblem("param_not_positive", param, got);
    case "negative":
      return makeProblem("param_negative", param, got);
    case "out_of_score":
      return makeProblem("param_out_of_score", param, f.max, got);
  }
}

const BAND_SCORE: Readonly<NumberSpec> = numberParam("points-or-share", {
  zh: "",
  default: null,
  range: "score",
  note: "",
});

function readBand(interval: string, scoreText: string, weight: Decimal): Band | RuleParamProblem {
  const iv = parseInterval(interval);
  if ("problem" in iv) return iv;
  const s = readNumber(BAND_SCORE, scoreText, weight);
  if ("fault" in s) {
    return s.fault === "out_of_score"
      ? makeProblem("band_score_out_of_score", interval, s.max, scoreText)
      : makeProblem("band_score_not_number", interval, scoreText);
  }
  return { ...iv, score: s.v, text: interval };
}

function bandProblem(bp: BandProblem): RuleProblem {
  return bp.kind === "overlap"
    ? { code: "rule_bands_overlap", first: bp.first, second: bp.second }
    : { code: "rule_bands_gap", from: bp.from, to: bp.to };
}

/** The typed parameters of one schema, with the erased form the report reads. */
export interface ParsedParams<S extends ParamSchema> extends RuleArgs<S> {
  readonly params: Params;
}

/** How a schema's band list is checked: gaps between bands allowed or not (the `gaps` parameter decides). */
export interface BandOptions<S extends ParamSchema> {
  /** From the parameters read so far (all of them unless some are wrong). */
  readonly allowGaps: (values: Partial<ParamValues<S>>) => boolean;
  /** Bands may overlap (caps: the lowest applicable one wins). */
  readonly allowOverlap?: boolean;
}

/** Shown as the parameter in messages: the key as the bureau writes it, with the English one ("限值（limit）"). */
function shown(schema: ParamSchema, key: string): string {
  const zh = schema[key]?.zh;
  return zh ? `${zh}（${key}）` : key;
}

/**
 * Parse parameter text against a schema (also used by total adjustments). `bands` set: the text also holds
 * `interval: score` items, checked for overlaps (and gaps unless allowed).
 */
export function compileParams<S extends ParamSchema>(
  schema: S,
  paramsText: string,
  weight: Decimal,
  bands?: BandOptions<S>,
): { ok: true; parsed: ParsedParams<S> } | { ok: false; problems: RuleProblem[] } {
  const problems: RuleProblem[] = [];
  const keys = keyIndex(schema);
  const values: Record<string, Decimal | string> = {};
  const raw: Record<string, string> = {};
  const bandList: Band[] = [];
  const seen = new Set<string>();
  for (const item of splitItems(paramsText)) {
    // `限值：100%` is a key written with a colon, not a band.
    const asKey = item.kind === "band" ? keys.get(normaliseKey(item.interval)) : undefined;
    if (item.kind === "bad") {
      problems.push(invalid(makeProblem("param_unreadable", item.text)));
    } else if (item.kind === "band" && asKey === undefined) {
      if (!bands) {
        problems.push(invalid(makeProblem("bands_not_taken", `${item.interval}: ${item.score}`)));
        continue;
      }
      const b = readBand(item.interval, item.score, weight);
      if ("problem" in b) problems.push(invalid(b));
      else bandList.push(b);
    } else {
      const written = item.kind === "kv" ? item.key : item.interval;
      const value = item.kind === "kv" ? item.value : item.score;
      const key = keys.get(normaliseKey(written));
      if (key === undefined) {
        const valid = validKeys(schema);
        problems.push(invalid(makeProblem("param_unknown", written, valid.zh, valid.en, suggestKey(schema, written))));
        continue;
      }
      if (seen.has(key)) {
        problems.push(invalid(makeProblem("param_repeated", shown(schema, key))));
        continue;
      }
      seen.add(key);
      const r = readValue(schema[key]!, value, weight);
      if ("fault" in r) problems.push(invalid(paramProblem(r, shown(schema, key), value)));
      else {
        values[key] = r.v;
        raw[key] = value;
      }
    }
  }
  for (const [key, spec] of Object.entries(schema)) {
    if (seen.has(key)) continue;
    if (spec.default === null) {
      problems.push(invalid(makeProblem("param_missing", shown(schema, key))));
      continue;
    }
    const r = readValue(spec, spec.default, weight);
    if ("fault" in r) problems.push(invalid(paramProblem(r, shown(schema, key), spec.default)));
    else {
      values[key] = r.v;
      raw[key] = spec.default;
    }
  }
  if (bands) {
    if (bandList.length === 0 && problems.length === 0) problems.push(invalid(makeProblem("bands_missing")));
    // What was read is a part of the schema's typed object (every value checked against its spec).
    const allowGaps = bands.allowGaps(values as Partial<ParamValues<S>>);
    for (const bp of checkBands(bandList, allowGaps, bands.allowOverlap)) problems.push(bandProblem(bp));
  }
  if (problems.length > 0) return { ok: false, problems };
  // Every key of the schema was set above (written or default) or a problem returned: the object is complete.
  const v = values as ParamValues<S>;
  const texts = raw as ParamTexts<S>;
  const params: Params = { raw: new Map(Object.entries(raw)), bands: bandList };
  return { ok: true, parsed: { v, raw: texts, bands: bandList, params } };
}

/** A rule kind from its typed definition: compilation merges the shared na= / undefined= into its schema. */
export function defineRule<const S extends ParamSchema>(def: RuleDefinition<S>): RuleKind {
  const schema = { ...def.params, ...COMMON_SCHEMA };
  const bandSpec: BandSpec | null = def.bands ? { zh: def.bands.zh } : null;
  const kind: RuleKind = {
    id: def.id,
    zh: def.zh,
    input: def.input,
    params: def.params,
    bands: bandSpec,
    example: def.example,
    compile(paramsText: string, weight: Decimal): CompileResult {
      const bandOptions = def.bands ? { allowGaps: def.bands.allowGaps } : undefined;
      const r = compileParams(schema, paramsText, weight, bandOptions);
      if (!r.ok) return r;
      const p = r.parsed;
      const own: RuleArgs<S> = { v: p.v, raw: p.raw, bands: p.bands };
      const memos = new Map<string, unknown>();
      return {
        ok: true,
        rule: {
          def: kind,
          params: p.params,
          weight,
          naScore: p.v.na,
          undefinedScore: p.v.undefined,
          step: def.step ? def.step(p.v) : null,
          score: (value: Decimal, subject: RuleSubject) => def.score(value, own, weight, subject),
          criterion: (subject: CriterionSubject) => ({
            ...def.criterion(own, weight, subject),
            // The shared scores only where a bureau changed them: 「不适用时得满分」 is what every rule does.
            na: p.raw.na === COMMON_SCHEMA.na.default ? null : got(p.v.na, weight),
            undefined: p.raw.undefined === COMMON_SCHEMA.undefined.default ? null : got(p.v.undefined, weight),
          }),
          memo<T>(key: string, make: () => T): T {
            if (memos.has(key)) return memos.get(key) as T;
            const value = make();
            memos.set(key, value);
            return value;
          },
        },
      };
    },
  };
  return kind;
}
