import { describe, expect, expectTypeOf, it } from "vitest";
import type { Catalog } from "../../../src/engine/i18n/catalog";
import { LANGS, catalogIn, defineCatalogs, isLang, langIn, langOf, translate } from "../../../src/engine/i18n/catalog";

interface Params {
  hello: { name: string };
  bye: Record<string, never>;
}

const zh: Catalog<Params> = { hello: (p) => `你好，${p.name}`, bye: () => "再见" };
const en: Catalog<Params> = { hello: (p) => `Hello, ${p.name}`, bye: () => "Bye" };
const CATALOGS = defineCatalogs(zh, en);

describe("the catalog mechanism", () => {
  it.each([
    ["en", "en"],
    ["en-US", "en"],
    ["EN-gb", "en"],
    ["zh-CN", "zh-CN"],
    ["zh-TW", "zh-CN"],
    ["fr-FR", "zh-CN"],
    ["", "zh-CN"],
    [null, "zh-CN"],
    [undefined, "zh-CN"],
  ] as const)("langOf(%j) → %s: English for en…, Chinese for anything else", (tag, lang) => {
    expect(langOf(tag)).toBe(lang);
  });

  it("knows its languages", () => {
    expect(LANGS).toEqual(["zh-CN", "en"]);
    expect(LANGS.every(isLang)).toBe(true);
    expect(isLang("en-US")).toBe(false);
    expect(isLang(undefined)).toBe(false);
  });

  it("translates a key with its parameters, falling back by langOf", () => {
    expect(translate(CATALOGS, "zh-CN", "hello", { name: "张三" })).toBe("你好，张三");
    expect(translate(CATALOGS, "en", "hello", { name: "Li" })).toBe("Hello, Li");
    expect(translate(CATALOGS, "en-US", "bye", {})).toBe("Bye");
    expect(translate(CATALOGS, undefined, "bye", {})).toBe("再见");
    expect(catalogIn(CATALOGS, "fr")).toBe(zh);
    expect(langIn(CATALOGS, en)).toBe("en");
    expect(langIn(CATALOGS, zh)).toBe("zh-CN");
    expect(Object.isFrozen(CATALOGS)).toBe(true);
  });

  it("types every key in both languages and each key's parameters", () => {
    expectTypeOf<Catalog<Params>>().toEqualTypeOf<{
      readonly hello: (params: { name: string }) => string;
      readonly bye: (params: Record<string, never>) => string;
    }>();
    // @ts-expect-error a language without one of the keys is a compile error
    defineCatalogs<Catalog<Params>>(zh, { hello: en.hello });
    // @ts-expect-error a key's parameters are checked
    translate(CATALOGS, "en", "hello", { nom: "x" });
  });
});
