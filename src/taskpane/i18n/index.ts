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

/** The browser page's language: ?lang=… wins over the browser's own language. */
export function pickBrowserLang(search: string, navigatorLanguage: string | undefined): PaneLang {
  const fromQuery = new URLSearchParams(search).get("lang");
  return pickLang(fromQuery ?? navigatorLanguage);
}

interface I18n {
  readonly lang: PaneLang;
  readonly t: Catalog;
}

export const I18nContext = createContext<I18n>({ lang: "zh-CN", t: zhCN });

/** The current language and its catalog. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
