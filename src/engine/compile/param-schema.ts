/**
 * Parameter schemas: what each rule kind (and each total adjustment) declares about its 评分参数 — the key
 * in English and in Chinese (both accepted, with a few aliases), the type, the default and the allowed
 * words — and the typed object parsing gives for a schema (`ParamValues<S>`: a Decimal per number, the
 * literal union per enum), so a rule reads `p.v.limit`, never a string lookup that could miss.
 */
import type Decimal from "decimal.js";

/** What a parameter holds. points-or-share: points ("3") or a share of the weight ("80%"), resolved to points. */
export type ParamType = "number" | "percent" | "points-or-share" | "enum";

/** A constraint checked once, in the shared path. `score` means within [0, W]. */
export type ParamRange = "any" | "positive" | "nonnegative" | "score";

interface SpecBase {
  /** The Chinese key a bureau writes (限值). */
  readonly zh: string;
  /** Other keys read as this one (older or longer names: 每百分点扣分, 扣分). */
  readonly aliases?: readonly string[];
  /** The default as it would be written; null = required. */
  readonly default: string | null;
  /** One line on what it means, for the 说明 sheet and the docs. */
  readonly note: string;
}

export interface NumberSpec extends SpecBase {
  readonly type: "number" | "percent" | "points-or-share";
  readonly range?: ParamRange;
}

export interface EnumSpec<V extends string = string> extends SpecBase {
  readonly type: "enum";
  readonly allowed: readonly V[];
  /** Chinese words read as each value (方向=高于 → above); the first is the one the docs show. */
  readonly words: Readonly<Record<V, readonly string[]>>;
}

export type ParamSpec = NumberSpec | EnumSpec;

/** A rule kind's parameters by canonical (English) key. */
export type ParamSchema = Readonly<Record<string, ParamSpec>>;

export type ValueOf<S extends ParamSpec> = S extends EnumSpec<infer V> ? V : Decimal;

/** The typed result of parsing parameter text against a schema: every key present (written or default). */
export type ParamValues<S extends ParamSchema> = { readonly [K in keyof S]: ValueOf<S[K]> };

/** Each parameter's text as written (or its default), for explanations ("100%"). */
export type ParamTexts<S extends ParamSchema> = { readonly [K in keyof S]: string };

/** A number-like parameter. */
export function numberParam(type: NumberSpec["type"], o: Omit<NumberSpec, "type">): NumberSpec {
  return { type, ...o };
}

/** An enum parameter with its Chinese words; `const V` keeps the values as a literal union. */
export function enumParam<const V extends string>(
  allowed: readonly V[],
  words: Readonly<Record<V, readonly string[]>>,
  o: Omit<SpecBase, never>,
): EnumSpec<V> {
  return { type: "enum", allowed, words, ...o };
}

/** The comparison operators of 达标 and 扣减, with the words a bureau writes for them. */
export const COMPARISON_WORDS = {
  ">=": ["不低于", "大于等于", "达到"],
  ">": ["高于", "大于", "超过"],
  "<=": ["不超过", "不高于", "小于等于"],
  "<": ["低于", "小于", "不足"],
  "=": ["等于"],
} as const;

/** Spaces and case do not matter in a key. */
export function normaliseKey(key: string): string {
  return key.replace(/\s+/g, "").toLowerCase();
}

/** Every key accepted for a schema (canonical, Chinese, aliases), normalised → canonical key. */
export function keyIndex(schema: ParamSchema): ReadonlyMap<string, string> {
  const index = new Map<string, string>();
  for (const [key, spec] of Object.entries(schema)) {
    for (const k of [key, spec.zh, ...(spec.aliases ?? [])])
      if (!index.has(normaliseKey(k))) index.set(normaliseKey(k), key);
  }
  return index;
}

/** Levenshtein distance, for "did you mean" (keys and names are a few characters). */
export function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/**
 * The accepted key closest to a misspelt one, as the user would write it (in the language they typed),
 * or "" when none is near: within one edit for keys of up to four characters, two for longer ones.
 */
export function suggestKey(schema: ParamSchema, typed: string): string {
  const t = normaliseKey(typed);
  let best = "";
  let bestDistance = Infinity;
  for (const [key, spec] of Object.entries(schema)) {
    for (const k of [key, spec.zh, ...(spec.aliases ?? [])]) {
      const d = distance(t, normaliseKey(k));
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
  }
  const limit = t.length <= 4 ? 1 : 2;
  return bestDistance <= limit ? best : "";
}

/** The valid keys of a schema in Chinese ("限值、方向") and in English ("limit, dir"), for messages. */
export function validKeys(schema: ParamSchema): { zh: string; en: string } {
  const entries = Object.entries(schema);
  return { zh: entries.map(([, s]) => s.zh).join("、"), en: entries.map(([k]) => k).join(", ") };
}

/** The enum value for what was written: the value itself (any case) or one of its Chinese words. */
export function enumValue(spec: EnumSpec, text: string): string | undefined {
  const t = normaliseKey(text);
  return spec.allowed.find((a) => a.toLowerCase() === t || spec.words[a]!.some((w) => normaliseKey(w) === t));
}
