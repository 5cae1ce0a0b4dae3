import { createContext, useContext } from "react";
import type { PaneLang } from "../engine-port";
import { en } from "./en";
import { zhCN } from "./zh-CN";
import type { Catalog } from "./zh-CN";

export type { Catalog } from "./zh-CN";

/** Every language's catalog. */
export const catalogs: Readonly<Record<PaneLang, Catalog>> = { "zh-CN": zhCN, en };

/** Chinese unless the language tag (Office's display language, the browser's) starts with "en". */
export function pickLang(tag: string | null | undefined): PaneLang {
  return tag && tag.toLowerCase().startsWith("en") ? "en" : "zh-CN";
}

/**
 * The browser page's language: Chinese unless the user chose English — with ?lang=… or the page's switch
 * (remembered). The browser's own language does not count: an accountant on an English-language PC still
 * needs the Chinese report.
 */
export function pickBrowserLang(search: string, stored: string | null | undefined): PaneLang {
  const fromQuery = new URLSearchParams(search).get("lang");
  return pickLang(fromQuery ?? stored);
}

/** Where the switch remembers the chosen language. */
export const LANG_STORAGE_KEY = "perfeval.lang";

/** The language chosen with the switch earlier, or null (none, or storage unavailable as in some webviews). */
export function storedLang(storage: Pick<Storage, "getItem"> | undefined = safeLocalStorage()): PaneLang | null {
  try {
    const v = storage?.getItem(LANG_STORAGE_KEY);
    return v === "en" || v === "zh-CN" ? v : null;
  } catch {
    return null;
  }
}

/** Remember the chosen language; where storage is refused the choice lasts for this page only. */
export function storeLang(lang: PaneLang, storage: Pick<Storage, "setItem"> | undefined = safeLocalStorage()): void {
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
  readonly lang: PaneLang;
  readonly t: Catalog;
  /** Switch the language (absent where the surface offers no switch, e.g. a test's fixed language). */
  readonly setLang?: (lang: PaneLang) => void;
}

export const I18nContext = createContext<I18n>({ lang: "zh-CN", t: zhCN });

/** The current language and its catalog. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
