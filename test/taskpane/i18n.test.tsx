// @vitest-environment happy-dom
import "./setup";
import { webLightTheme } from "@fluentui/react-components";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { LANG_STORAGE_KEY, pickBrowserLang, storeLang, storedLang } from "../../src/taskpane/i18n";
import { SwitchableProviders, TaskPane } from "../../src/taskpane/App";
import { catalogs } from "../../src/taskpane/i18n";
import { preloadPane } from "../../src/taskpane/lazy-panels";
import { FakeEngine, FakeHost, problem } from "./fakes";
import { renderPane } from "./render-pane";

// The catalogs' keys, kinds and wording are checked with every other catalog (test/proof/catalogs.test.ts), and
// the language rule with the mechanism (test/engine/i18n/catalog.test.ts).
describe("the pane's language", () => {
  it.each([
    ["?lang=en", null, "en"],
    ["?example=1", null, "zh-CN"],
    ["?example=1", "en", "en"],
    ["", "zh-CN", "zh-CN"],
    ["?lang=zh-CN", "en", "zh-CN"],
  ])(
    "browser page %s with the remembered choice %s → %s (the browser's own language never counts)",
    (search, stored, lang) => {
      expect(pickBrowserLang(search, stored)).toBe(lang);
    },
  );

  it("remembers the choice in storage, and lives without storage where it is refused", () => {
    const data = new Map<string, string>();
    const storage = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
    };
    expect(storedLang(storage)).toBeNull();
    storeLang("en", storage);
    expect(data.get(LANG_STORAGE_KEY)).toBe("en");
    expect(storedLang(storage)).toBe("en");
    data.set(LANG_STORAGE_KEY, "fr");
    expect(storedLang(storage)).toBeNull();
    const refusing = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("SecurityError");
      },
    };
    expect(storedLang(refusing)).toBeNull();
    expect(() => storeLang("en", refusing)).not.toThrow();
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

describe("the language switch", () => {
  it("is visible in Chinese by default, switches the whole pane to English and back, remembered, state kept", async () => {
    window.localStorage.removeItem(LANG_STORAGE_KEY);
    const host = new FakeHost();
    const engine = new FakeEngine();
    const user = userEvent.setup();
    await preloadPane();
    render(
      <SwitchableProviders initialLang="zh-CN" theme={webLightTheme}>
        <TaskPane host={host} engine={engine} />
      </SwitchableProviders>,
    );
    await screen.findByRole("tablist", { name: "步骤" });
    const group = screen.getByRole("group", { name: "语言 Language" });
    expect(within(group).getByRole("button", { name: "中文" }).getAttribute("aria-pressed")).toBe("true");
    await user.click(screen.getByRole("button", { name: "校验" }));
    await screen.findByText("没有发现问题。");

    await user.click(within(group).getByRole("button", { name: "English" }));
    expect(await screen.findByRole("tab", { name: "Check" })).toBeTruthy();
    expect(window.localStorage.getItem(LANG_STORAGE_KEY)).toBe("en");
    expect(document.documentElement.lang).toBe("en");
    // The pane keeps its state and does not read the workbook again.
    expect(screen.getByText(catalogs.en.validate.none)).toBeTruthy();
    expect(host.readSnapshot).toHaveBeenCalledTimes(2);
    // The next report is asked for in English.
    await user.click(screen.getByRole("tab", { name: "Report" }));
    await user.click(await screen.findByRole("button", { name: catalogs.en.report.run }));
    await waitFor(() => expect(engine.report).toHaveBeenCalledTimes(1));
    expect(engine.report.mock.calls[0]![1]).toBe("en");

    await user.click(screen.getByRole("button", { name: "中文" }));
    expect(await screen.findByRole("tab", { name: "校验" })).toBeTruthy();
    expect(window.localStorage.getItem(LANG_STORAGE_KEY)).toBe("zh-CN");
  });

  it("is not shown where the language is fixed (PaneProviders without onLangChange)", async () => {
    await renderPane();
    expect(screen.queryByRole("group", { name: "语言 Language" })).toBeNull();
  });
});
