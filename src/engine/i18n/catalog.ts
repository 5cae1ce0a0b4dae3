/**
 * The one way every surface words things per language: the engine's diagnostics, problems, scoring and
 * report phrases, the hosts' failures, the command line and the task pane.
 *
 * - A *catalog* is one language's words. A keyed catalog (`Catalog<ParamsByKey, Value>`) has, for every key,
 *   a function of that key's typed parameters returning the words (a string, or a domain's richer value: a
 *   diagnostic's message and fix, a report's runs). A domain whose words have a fixed shape of their own (the
 *   pane's nested texts, the report's phrase book) uses that shape as its catalog.
 * - `defineCatalogs(zhCN, en)` declares the pair; both are typed by the same shape, so a key missing from
 *   either language is a compile error.
 * - `catalogIn(catalogs, lang)` picks a language's catalog and `translate(catalogs, lang, key, params)` words a
 *   key; `langOf(tag)` is the one fallback rule, for every language tag a surface is given.
 *
 * Each domain keeps its words next to its code; only this mechanism is shared.
 */

/** The languages the product speaks. */
export type Lang = "zh-CN" | "en";

/** Every language, Chinese (the default) first. */
export const LANGS: readonly Lang[] = ["zh-CN", "en"];

/** The language when none is given or the one given is not spoken: Chinese, the language of the template. */
export const DEFAULT_LANG: Lang = "zh-CN";

/** One language's keyed words: for every key, a function of its parameters. */
export type Catalog<ParamsByKey, Value = string> = {
  readonly [K in keyof ParamsByKey]: (params: ParamsByKey[K]) => Value;
};

/** Parameters for keys whose words need none. */
export type NoParams<K extends PropertyKey> = { readonly [P in K]: Record<string, never> };

/** A catalog in every language. */
export type Catalogs<C> = Readonly<Record<Lang, C>>;

/**
 * Declare a catalog's two languages, both of one shape (a key missing from either is a compile error). The pair
 * is frozen: module-level, it is no state of the engine's.
 */
export function defineCatalogs<C>(zhCN: C, en: C): Catalogs<C> {
  return Object.freeze({ "zh-CN": zhCN, en });
}

/** Whether a text is exactly one of the languages' tags. */
export function isLang(tag: unknown): tag is Lang {
  return tag === "zh-CN" || tag === "en";
}

/**
 * The fallback rule: English for a tag that starts with "en" (en, en-US, EN-gb), Chinese for any other or
 * none — an accountant's workbook is Chinese, whatever language the machine speaks.
 */
export function langOf(tag: string | null | undefined): Lang {
  return tag && tag.toLowerCase().startsWith("en") ? "en" : DEFAULT_LANG;
}

/** A language's catalog; a tag that is not one of ours falls back by `langOf`. */
export function catalogIn<C>(catalogs: Catalogs<C>, lang: Lang | string | null | undefined): C {
  return catalogs[isLang(lang) ? lang : langOf(lang)];
}

/** The language of one of a pair's catalogs (for code handed the catalog, not its language). */
export function langIn<C>(catalogs: Catalogs<C>, catalog: C): Lang {
  return LANGS.find((l) => catalogs[l] === catalog) ?? DEFAULT_LANG;
}

/** A key in words: the catalog of `lang` applied to the key's parameters. */
export function translate<P, V, K extends keyof P>(
  catalogs: Catalogs<Catalog<P, V>>,
  lang: Lang | string | null | undefined,
  key: K,
  params: P[K],
): V {
  const words: Catalog<P, V> = catalogIn(catalogs, lang);
  return words[key](params);
}
