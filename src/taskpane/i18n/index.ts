import { createContext, useContext } from "react";
import type { Catalogs, Lang } from "../../engine";
import { defineCatalogs, isLang, langOf } from "../../engine";
import { en } from "./en";
import { zhCN } from "./zh-CN";
import type { Catalog } from "./zh-CN";

export type { Catalog } from "./zh-CN";

/**
 * The pane's catalog in every language (the one mechanism, engine/i18n/catalog.ts). Office's display language
 * picks between them by its rule, `langOf`.
 */
export const catalogs: Catalogs<Catalog> = defineCatalogs(zhCN, en);

/**
 * The browser page's language: Chinese unless the user chose English — with ?lang=… or the page's switch
 * (remembered). The browser's own language does not count: an accountant on an English-language PC still
 * needs the Chinese report.
 */
export function pickBrowserLang(search: string, stored: string | null | undefined): Lang {
  const fromQuery = new URLSearchParams(search).get("lang");
  return langOf(fromQuery ?? stored);
}

/** Where the switch remembers the chosen language. */
export const LANG_STORAGE_KEY = "perfeval.lang";

/** The language chosen with the switch earlier, or null (none, or storage unavailable as in some webviews). */
export function storedLang(storage: Pick<Storage, "getItem"> | undefined = safeLocalStorage()): Lang | null {
  try {
    const v = storage?.getItem(LANG_STORAGE_KEY);
    return isLang(v) ? v : null;
  } catch {
    return null;
  }
}

/** Remember the chosen language; where storage is refused the choice lasts for this page only. */
export function storeLang(lang: Lang, storage: Pick<Storage, "setItem"> | undefined = safeLocalStorage()): void {
  try {
    storage?.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Storage refused (private mode, a locked-down webview): nothing to remember it in.
  }
}

function safeLocalStorage(): Storage | undefined {
  try {
    return typeof window !== "undefined" ? window.localStorage : undefined;
  } catch {
    return undefined;
  }
}

interface I18n {
  readonly lang: Lang;
  readonly t: Catalog;
  /** Switch the language (absent where the surface offers no switch, e.g. a test's fixed language). */
  readonly setLang?: (lang: Lang) => void;
}

export const I18nContext = createContext<I18n>({ lang: "zh-CN", t: zhCN });

/** The current language and its catalog. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
