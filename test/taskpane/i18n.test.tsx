// @vitest-environment happy-dom
import "./setup";
import { screen } from "@testing-library/react";
import { describe, expect, expectTypeOf, it } from "vitest";
import { en } from "../../src/taskpane/i18n/en";
import { pickBrowserLang, pickLang } from "../../src/taskpane/i18n";
import type { Catalog } from "../../src/taskpane/i18n";
import { zhCN } from "../../src/taskpane/i18n/zh-CN";
import { FakeEngine, problem } from "./fakes";
import { renderPane } from "./render-pane";

/** Every key path of a catalog, with the kind of value (string or function) at each leaf. */
function shape(value: unknown, prefix = ""): string[] {
  if (typeof value === "string" || typeof value === "function") return [`${prefix}:${typeof value}`];
  return Object.entries(value as Record<string, unknown>)
    .flatMap(([k, v]) => shape(v, prefix ? `${prefix}.${k}` : k))
    .sort();
}

describe("catalogs", () => {
  it("have identical keys and kinds", () => {
    expectTypeOf(en).toEqualTypeOf<Catalog>();
    expectTypeOf(zhCN).toEqualTypeOf<Catalog>();
    expect(shape(en)).toEqual(shape(zhCN));
    expect(shape(zhCN).length).toBeGreaterThan(80);
  });

  it("have no empty strings", () => {
    const strings = (v: unknown): string[] =>
      typeof v === "string" ? [v] : typeof v === "object" && v ? Object.values(v).flatMap(strings) : [];
    expect([...strings(zhCN), ...strings(en)].filter((s) => s.trim() === "")).toEqual([]);
  });

  it.each([
    ["en-US", "en"],
    ["EN-gb", "en"],
    ["zh-CN", "zh-CN"],
    ["zh-TW", "zh-CN"],
    ["fr-FR", "zh-CN"],
    [undefined, "zh-CN"],
  ] as const)("pickLang(%s) → %s", (tag, lang) => {
    expect(pickLang(tag)).toBe(lang);
  });

  it.each([
    ["?lang=en", "zh-CN", "en"],
    ["?example=1", "en-US", "en"],
    ["", "zh-CN", "zh-CN"],
    ["?lang=zh-CN", "en-US", "zh-CN"],
  ])("browser page %s with navigator %s → %s", (search, nav, lang) => {
    expect(pickBrowserLang(search, nav)).toBe(lang);
  });
});

describe("English pane", () => {
  // The fake host is the browser page's kind, where fixes that say "in the cell" are reworded (web-page.test.tsx):
  // not_a_number keeps the engine's own words.
  it("uses the English catalog and asks the engine for English words", async () => {
    const engine = new FakeEngine();
    engine.validation = {
      ...engine.validation,
      diagnostics: [
        problem(
          "not_a_number",
          "error",
          { sheet: "基本情况", address: "C4", label: "编制数（人）" },
          { label: "编制数（人）", text: "x" },
        ),
      ],
    };
    const { user } = await renderPane({ engine, lang: "en" });
    expect(screen.getAllByRole("tab")).toEqual(
      ["Template", "Check", "Score", "Report"].map((name) => screen.getByRole("tab", { name })),
    );
    await user.click(screen.getByRole("button", { name: "Check" }));
    expect(await screen.findByRole("button", { name: "1 error" })).toBeTruthy();
    const row = screen.getByRole("button", { name: /编制数/ });
    expect(row.textContent).toContain("EN not_a_number");
    expect(row.textContent).toContain("'基本情况'!C4");
    expect(row.textContent).toContain("What to do: EN fix not_a_number");
    expect(engine.renderDiagnostic).toHaveBeenCalledWith(engine.validation.diagnostics[0], "en");
  });
});
