// @vitest-environment happy-dom
// Feedback that never hides work: successes are said in the tab's own status line, progress shows under the status
// line and the primary button is disabled while an action runs.
import "./setup";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { WorkbookSnapshot } from "../../src/engine/model/snapshot";
import { EMPTY_SNAPSHOT } from "./fakes";
import { renderPane } from "./render-pane";

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe("feedback", () => {
  it.each([
    ["校验", "校验", "校验完成，没有发现错误。"],
    ["评分", "评分并写入", "评分完成：9.5 分，优。"],
  ])(
    "「%s」: the success is the tab's status line, under its primary button, and nothing else covers it",
    async (tab, button, text) => {
      const { user } = await renderPane();
      await user.click(screen.getByRole("tab", { name: tab }));
      await user.click(await screen.findByRole("button", { name: button }));
      const panel = screen.getByRole("tabpanel");
      await waitFor(() => expect(within(panel).getByRole("status").textContent).toContain(text));
      // Inline: in the panel's own flow, not in a toaster portal outside the app.
      expect(document.querySelector(".fui-Toast")).toBeNull();
      // Another tab has its own (empty) status line.
      await user.click(screen.getByRole("tab", { name: tab === "校验" ? "评分" : "校验" }));
      expect(screen.queryByText(text)).toBeNull();
    },
  );

  it("while working: a progress bar under the status line and the primary button disabled; after: neither", async () => {
    const { host, user } = await renderPane();
    const read = deferred<WorkbookSnapshot>();
    host.readSnapshot.mockImplementationOnce(() => read.promise);
    const run = screen.getByRole("button", { name: "校验" });
    await user.click(run);
    const bar = await screen.findByRole("progressbar", { name: "正在处理…" });
    // Directly after the status line region.
    const status = screen.getByRole("region", { name: "模板状态" });
    expect(status.nextElementSibling?.contains(bar)).toBe(true);
    expect((run as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole("main").getAttribute("aria-busy")).toBe("true");
    read.resolve(EMPTY_SNAPSHOT);
    await waitFor(() => expect((run as HTMLButtonElement).disabled).toBe(false));
    expect(screen.queryByRole("progressbar")).toBeNull();
  });

  it("a failure clears the last success: the status line never says done for what failed", async () => {
    const { host, user } = await renderPane();
    await user.click(screen.getByRole("button", { name: "校验" }));
    await screen.findByText("校验完成，没有发现错误。");
    host.failNext("markDiagnostics", "sheet_protected");
    await user.click(screen.getByRole("button", { name: "校验" }));
    await screen.findByText("要写入的工作表受保护。");
    expect(screen.queryByText("校验完成，没有发现错误。")).toBeNull();
  });
});
