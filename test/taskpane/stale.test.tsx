// @vitest-environment happy-dom
// Results you can trust: nothing is shown as current once the workbook changed or the write failed.
import "./setup";
import { act, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { FakeEngine, FakeHost, problem, scoreSheet } from "./fakes";
import { renderPane } from "./render-pane";

/** A fake host with the Office host's edit events; `edit()` plays the user typing into a cell. */
function editableHost() {
  const host = new FakeHost();
  let listener: ((sheet: string, address: string) => void) | null = null;
  const unsubscribe = vi.fn(async () => undefined);
  Object.assign(host, {
    onUserEdit: vi.fn(async (l: (sheet: string, address: string) => void) => {
      listener = l;
      return unsubscribe;
    }),
  });
  return { host, edit: () => listener?.("基本情况", "B7"), unsubscribe, subscribed: () => listener !== null };
}

async function scored(options: { host?: FakeHost; engine?: FakeEngine } = {}) {
  const pane = await renderPane(options);
  await pane.user.click(screen.getByRole("tab", { name: "评分" }));
  await pane.user.click(await screen.findByRole("button", { name: "评分并写入" }));
  await screen.findByRole("tree", { name: "指标得分" });
  expect(screen.getByTestId("grade-badge").textContent).toBe("优 · 9.5 分");
  return pane;
}

describe("stale results", () => {
  it("a failed first write shows no tree and no grade: nothing is shown as written", async () => {
    const { host, user } = await renderPane();
    await user.click(screen.getByRole("tab", { name: "评分" }));
    host.failNext("applyWritePlan", "sheet_protected");
    await user.click(await screen.findByRole("button", { name: "评分并写入" }));
    await screen.findByText(/受保护/);
    expect(screen.queryByRole("tree")).toBeNull();
    expect(screen.queryByText(/^总分 /)).toBeNull();
    expect(screen.queryByTestId("grade-badge")).toBeNull();
    expect(screen.getByText("尚未评分")).toBeTruthy();
  });

  it("a failed write after an earlier grade: the tree goes, the old grade is marked as not written", async () => {
    const engine = new FakeEngine();
    const { host, user } = await scored({ engine });
    engine.scores = { ...scoreSheet("良"), total: 8, rawTotal: 8, totalExact: "8" };
    host.failNext("applyWritePlan", "sheet_protected");
    await user.click(screen.getByRole("button", { name: "评分并写入" }));
    await screen.findByText(/受保护/);
    expect(screen.queryByRole("tree")).toBeNull();
    expect(screen.getByTestId("grade-badge").textContent).toBe("优 · 9.5 分 · 已过期");
    expect(screen.getByTestId("stale").textContent).toMatch(/^评分结果没有写入工作簿/);
    // Written next time: current again.
    await user.click(screen.getByRole("button", { name: "评分并写入" }));
    await screen.findByRole("tree", { name: "指标得分" });
    expect(screen.getByTestId("grade-badge").textContent).toBe("良 · 8 分");
    expect(screen.queryByTestId("stale")).toBeNull();
  });

  it("an edit in Excel after 评分 marks the grade, the tree and the report stale at once", async () => {
    const { host, edit, unsubscribe } = editableHost();
    const { user, unmount } = await scored({ host });
    await user.click(screen.getByRole("tab", { name: "报告" }));
    await user.click(await screen.findByRole("button", { name: "生成报告" }));
    await screen.findByRole("region", { name: "报告预览" });
    act(() => edit());
    expect(await screen.findByTestId("stale")).toBeTruthy();
    expect(screen.getByTestId("stale").textContent).toBe("数据已修改，请重新评分");
    expect(screen.getByTestId("grade-badge").textContent).toBe("优 · 9.5 分 · 已过期");
    expect(screen.getByLabelText("已过期的结果：等级 优，总分 9.5 分")).toBeTruthy();
    // The report's preview and its actions are gone until it is generated again.
    expect(screen.getByText("数据已修改，之前生成的报告已过期。请重新生成报告。")).toBeTruthy();
    expect(screen.queryByRole("region", { name: "报告预览" })).toBeNull();
    expect(screen.queryByRole("button", { name: "导出 Word" })).toBeNull();
    await user.click(screen.getByRole("tab", { name: "评分" }));
    expect(await screen.findByText("数据已修改，之前的评分结果已过期。请重新评分。")).toBeTruthy();
    expect(screen.queryByRole("tree")).toBeNull();

    await user.click(screen.getByRole("button", { name: "评分并写入" }));
    await screen.findByRole("tree", { name: "指标得分" });
    expect(screen.queryByTestId("stale")).toBeNull();
    expect(screen.getByTestId("grade-badge").textContent).toBe("优 · 9.5 分");
    unmount();
    expect(unsubscribe).toHaveBeenCalled();
  });

  it("校验 that finds errors after 评分 marks the grade stale (hosts without edit events)", async () => {
    const engine = new FakeEngine();
    const { user } = await scored({ engine });
    engine.validation = {
      ...engine.validation,
      diagnostics: [
        problem("out_of_range", "error", { sheet: "基本情况", address: "B7", label: "年末实有在职人数（人）" }, {
          label: "年末实有在职人数（人）",
          value: "-3",
          bound: "0",
        } as never),
      ],
    };
    await user.click(screen.getByRole("tab", { name: "校验" }));
    await user.click(screen.getByRole("button", { name: "校验" }));
    await waitFor(() => expect(screen.getByTestId("stale").textContent).toBe("数据已修改，请重新评分"));
    expect(screen.getByTestId("grade-badge").textContent).toBe("优 · 9.5 分 · 已过期");
  });
});

describe("校验 again after edits", () => {
  const outOfRange = problem(
    "out_of_range",
    "error",
    { sheet: "基本情况", address: "B7", label: "年末实有在职人数（人）" },
    {
      label: "年末实有在职人数（人）",
      value: "-3",
      bound: "0",
    } as never,
  );

  it("once a problem list is on show, an edit runs 校验 again by itself when typing pauses: list and marks follow", async () => {
    const { host, edit } = editableHost();
    const engine = new FakeEngine();
    const { user } = await renderPane({ host, engine });
    await user.click(screen.getByRole("button", { name: "校验" }));
    await screen.findByText("没有发现问题。");
    const validations = engine.validate.mock.calls.length;
    const marked = host.markDiagnostics.mock.calls.length;
    engine.validation = { ...engine.validation, diagnostics: [outOfRange] };
    // Three keystrokes' edits in a row: one 校验 after the pause, not three.
    act(() => {
      edit();
      edit();
      edit();
    });
    expect(engine.validate.mock.calls.length).toBe(validations);
    expect(
      await screen.findByText("问题 out_of_range 年末实有在职人数（人）", undefined, { timeout: 3000 }),
    ).toBeTruthy();
    expect(engine.validate.mock.calls.length).toBe(validations + 1);
    expect(host.markDiagnostics.mock.calls.length).toBe(marked + 1);
    expect(host.markDiagnostics.mock.calls.at(-1)![0]).toEqual([outOfRange]);
    // Quiet: no progress bar, and the tab's status line was not replaced by a success of its own.
    expect(screen.queryByRole("progressbar")).toBeNull();
  });

  it("before 校验 or 评分 has shown a list, an edit reads and marks nothing by itself", async () => {
    const { host, edit, subscribed } = editableHost();
    const engine = new FakeEngine();
    await renderPane({ host, engine });
    await waitFor(() => expect(subscribed()).toBe(true));
    const validations = engine.validate.mock.calls.length;
    const reads = host.readSnapshot.mock.calls.length;
    act(() => edit());
    await act(() => new Promise((r) => setTimeout(r, 900)));
    expect(engine.validate.mock.calls.length).toBe(validations);
    expect(host.readSnapshot.mock.calls.length).toBe(reads);
    expect(host.markDiagnostics).not.toHaveBeenCalled();
  });
});
