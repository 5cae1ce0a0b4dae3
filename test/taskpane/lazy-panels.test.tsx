// @vitest-environment happy-dom
// The pane's code-split parts: without any preloading they render through Suspense; a failed chunk is retried.
import "./setup";
import { webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Suspense } from "react";
import { describe, expect, it, vi } from "vitest";
import { PaneProviders, TaskPane } from "../../src/taskpane/App";
import { lazyComponent } from "../../src/taskpane/lazy-panels";
import { FakeEngine, FakeHost } from "./fakes";

describe("lazily loaded parts of the pane", () => {
  it.each([
    ["评分", "评分并写入"],
    ["报告", "生成报告"],
    ["模板", "打开示例"],
  ])("the tabs, then 「%s」's panel, arrive without preloading (button %s)", async (tab, button) => {
    const user = userEvent.setup();
    render(
      <PaneProviders lang="zh-CN" theme={webLightTheme}>
        <TaskPane host={new FakeHost()} engine={new FakeEngine()} />
      </PaneProviders>,
    );
    await screen.findByRole("tablist", { name: "步骤" });
    await user.click(screen.getByRole("tab", { name: tab }));
    expect(await screen.findByRole("button", { name: button })).toBeTruthy();
  });

  it("a chunk that failed to load is tried again, then renders directly", async () => {
    const load = vi
      .fn<() => Promise<(p: { text: string }) => string>>()
      .mockRejectedValueOnce(new Error("ChunkLoadError"))
      .mockResolvedValue(({ text }) => `loaded ${text}`);
    const Part = lazyComponent(load);
    await expect(Part.preload()).rejects.toThrow("ChunkLoadError");
    await Part.preload();
    expect(load).toHaveBeenCalledTimes(2);
    render(
      <Suspense fallback="waiting">
        <Part text="x" />
      </Suspense>,
    );
    // Loaded before rendering: no fallback at all.
    expect(screen.getByText("loaded x")).toBeTruthy();
    expect(screen.queryByText("waiting")).toBeNull();
  });
});
