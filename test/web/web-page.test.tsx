// @vitest-environment happy-dom
import "../taskpane/setup";
import { webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { WorkbookSnapshot } from "../../src/engine/model/snapshot";
import { PaneProviders } from "../../src/taskpane/App";
import { BrowserHost } from "../../src/hosts/browser/browser-host";
import { WebPage } from "../../src/web/components/WebPage/WebPage";
import { FakeEngine, TEMPLATE, problem } from "../taskpane/fakes";
import { EXAMPLE, FakeCodec, encode, fakeAssets } from "./fake-codec";

function setup(openExampleOnStart: boolean) {
  const download = vi.fn();
  const host = new BrowserHost({
    loadCodec: async () => new FakeCodec(),
    fetchAsset: fakeAssets().fetchAsset,
    download,
  });
  const engine = new FakeEngine();
  // Only a workbook with sheets is a template here, so the page's empty start shows the first-run view.
  engine.validate.mockImplementation((s: WorkbookSnapshot) => ({
    ...engine.validation,
    template: s.sheets.length > 0 ? TEMPLATE : null,
  }));
  engine.validation = {
    ...engine.validation,
    diagnostics: [
      problem(
        "not_a_number",
        "error",
        { sheet: "收支情况", address: "B2", label: "基本支出" },
        { label: "基本支出", text: "x" },
      ),
    ],
  };
  const user = userEvent.setup();
  render(
    <PaneProviders lang="zh-CN" theme={webLightTheme}>
      <WebPage host={host} engine={engine} openExampleOnStart={openExampleOnStart} />
    </PaneProviders>,
  );
  return { host, engine, user, download };
}

describe("browser page", () => {
  it("?example=1 opens the example: grid of the first visible sheet and the pane on its tabs", async () => {
    setup(true);
    const grid = await screen.findByRole("grid", { name: "工作表「基本情况」的单元格" });
    expect(within(grid).getByText("外事办")).toBeTruthy();
    expect(within(grid).getByText("否")).toBeTruthy();
    const switcher = screen.getByRole("tablist", { name: "工作表" });
    expect(within(switcher).getAllByRole("tab")).toEqual(
      ["基本情况", "收支情况"].map((name) => within(switcher).getByRole("tab", { name })),
    );
    expect(await screen.findByRole("tablist", { name: "步骤" })).toBeTruthy();
  });

  it("校验 highlights the problem cell; clicking the row switches sheet and focuses the cell", async () => {
    const { user } = setup(true);
    await screen.findByRole("tablist", { name: "步骤" });
    await user.click(screen.getByRole("button", { name: "校验" }));
    await user.click(await screen.findByRole("button", { name: /基本支出/ }));
    const grid = await screen.findByRole("grid", { name: "工作表「收支情况」的单元格" });
    const cell = grid.querySelector('td[data-address="B2"]') as HTMLElement;
    expect(cell.getAttribute("data-mark")).toBe("error");
    expect(cell.getAttribute("title")).toBe("B2：错误");
    await waitFor(() => expect(document.activeElement).toBe(cell));
    // Floating noise is not shown to the accountant: 0.1 + 0.2 reads 0.3.
    expect(cell.textContent).toBe("0.3");
  });

  it("starts empty: drop hint and first-run; a picked file opens and the pane starts on it", async () => {
    const { user } = setup(false);
    expect(screen.getByText(/把 .xlsx 文件拖到这里/)).toBeTruthy();
    expect(await screen.findByRole("button", { name: "新建标准模板" })).toBeTruthy();
    // No workbook at all is said as such (not "this workbook is not a template"), with the way through the steps.
    expect(screen.getByText("还没有打开工作簿。请打开填好的 .xlsx 文件，或新建标准模板、打开示例。")).toBeTruthy();
    expect(screen.queryByText("当前工作簿还不是绩效评价模板。")).toBeNull();
    expect(screen.queryByText(/模板是带有「指标体系」/)).toBeNull();
    expect(screen.getByText("使用步骤：填写黄色单元格 → 校验 → 评分 → 报告。")).toBeTruthy();
    // One first step: 打开 .xlsx 文件 looks primary, 新建标准模板 like 打开示例 beside it.
    const cls = (name: string) => screen.getByRole("button", { name }).getAttribute("class");
    expect(cls("新建标准模板")).toBe(cls("打开示例"));
    expect(cls("打开 .xlsx 文件")).not.toBe(cls("打开示例"));
    expect(screen.getByRole("button", { name: "下载已评分的 .xlsx" }).hasAttribute("disabled")).toBe(true);
    const file = new File([encode(EXAMPLE) as BlobPart], "外事办2020.xlsx", { type: "application/octet-stream" });
    await user.upload(screen.getByTestId("file-input") as HTMLInputElement, file);
    expect(await screen.findByRole("tablist", { name: "步骤" })).toBeTruthy();
    expect(screen.getByText("外事办2020.xlsx")).toBeTruthy();
    // 模板 on the page: the page's own copy is not re-read (no 重新读取工作簿); 新建标准模板 is the one primary action.
    await user.click(screen.getByRole("tab", { name: "模板" }));
    expect(screen.queryByRole("button", { name: "重新读取工作簿" })).toBeNull();
    expect(screen.getAllByRole("button", { name: "新建标准模板" })).toHaveLength(1);
    expect(screen.getByRole("button", { name: "新建标准模板" }).className).toMatch(/fui-Button/);
    expect(screen.getByRole("button", { name: "新建标准模板" }).getAttribute("class")).not.toBe(
      screen.getByRole("button", { name: "打开示例" }).getAttribute("class"),
    );
    // Open but not scored: there is no scored workbook to download yet.
    expect(screen.getByRole("button", { name: "下载已评分的 .xlsx" }).hasAttribute("disabled")).toBe(true);
  });

  it("dropping a non-.xlsx file shows what to do", async () => {
    setup(false);
    const zone = screen.getByRole("region", { name: "打开 .xlsx 文件" });
    const file = new File(["x"], "报表.xls");
    fireEvent.drop(zone, { dataTransfer: { files: [file] } });
    // The refused file is named.
    expect(await screen.findByText("「报表.xls」：这不是 .xlsx 格式的工作簿。")).toBeTruthy();
  });

  it("after 评分, 下载已评分的 .xlsx downloads the written workbook", async () => {
    const { user, download } = setup(true);
    await screen.findByRole("tablist", { name: "步骤" });
    await user.click(screen.getByRole("tab", { name: "评分" }));
    await user.click(screen.getByRole("button", { name: "评分并写入" }));
    await screen.findByText(/评分完成/);
    await user.click(screen.getByRole("button", { name: "下载已评分的 .xlsx" }));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    expect(download.mock.calls[0]![0]).toBe("example-wanzhou-2020-已评分.xlsx");
  });

  it("after 评分: 未保存 until downloaded, a question before 打开示例 replaces it, and the leave prompt", async () => {
    const { user, download } = setup(true);
    await screen.findByRole("tablist", { name: "步骤" });
    await user.click(screen.getByRole("tab", { name: "评分" }));
    await user.click(screen.getByRole("button", { name: "评分并写入" }));
    expect((await screen.findByTestId("save-state")).textContent).toBe("未保存：结果只在本页中，关闭页面前请下载");
    const leave = new Event("beforeunload", { cancelable: true });
    window.dispatchEvent(leave);
    expect(leave.defaultPrevented).toBe(true);

    // Kept: the pane stays on the scored workbook, with no message.
    // happy-dom has no window.confirm; Chromium's is tested end to end.
    const confirm = vi.fn((_text?: string) => false);
    window.confirm = confirm;
    await user.click(screen.getByRole("tab", { name: "模板" }));
    await user.click(await screen.findByRole("button", { name: "打开示例" }));
    await waitFor(() => expect(confirm).toHaveBeenCalledTimes(1));
    expect(confirm.mock.calls[0]![0]).toMatch(/「example-wanzhou-2020\.xlsx」的修改和评分结果还没有下载/);
    expect(screen.getByTestId("save-state").textContent).toContain("未保存");
    expect(screen.queryByRole("button", { name: "关闭" })).toBeNull();

    await user.click(screen.getByRole("button", { name: "下载已评分的 .xlsx" }));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    expect(screen.getByTestId("save-state").textContent).toMatch(/^已于 \d{2}:\d{2} 下载$/);
    const leaveAfter = new Event("beforeunload", { cancelable: true });
    window.dispatchEvent(leaveAfter);
    expect(leaveAfter.defaultPrevented).toBe(false);
  });

  it("校验 on the page words the fixes as everywhere: the input cells can be filled in right here", async () => {
    const { user, engine } = setup(true);
    engine.renderDiagnostic.mockImplementation((d) => ({
      message: `问题 ${d.code}`,
      fix: "请在该单元格填写。",
      where: "",
    }));
    engine.validation = {
      ...engine.validation,
      diagnostics: [
        problem(
          "required_missing",
          "error",
          { sheet: "基本情况", address: "B2", label: "编制数（人）" },
          { label: "编制数（人）" },
        ),
      ],
    };
    await screen.findByRole("tablist", { name: "步骤" });
    await user.click(screen.getByRole("button", { name: "校验" }));
    expect(await screen.findByText("处理：请在该单元格填写。")).toBeTruthy();
    expect(screen.queryByText(/Excel 或 WPS 中填写/)).toBeNull();
    expect(screen.getByText(/黄色单元格可以直接填写/)).toBeTruthy();
  });

  it("types into an input cell: Enter commits and moves down, the workbook holds it, results turn stale", async () => {
    const { user, host } = setup(true);
    await screen.findByRole("tablist", { name: "步骤" });
    await user.click(screen.getByRole("tab", { name: "评分" }));
    await user.click(screen.getByRole("button", { name: "评分并写入" }));
    await screen.findByText(/评分完成/);
    const grid = await screen.findByRole("grid", { name: "工作表「基本情况」的单元格" });
    const b2 = grid.querySelector('td[data-address="B2"]') as HTMLElement;
    expect(b2.getAttribute("data-input")).toBe("true");
    await user.click(b2);
    await user.keyboard("12");
    const editor = within(b2).getByRole("textbox", { name: "编辑 B2" });
    expect((editor as HTMLInputElement).value).toBe("12");
    await user.keyboard("{Enter}");
    await waitFor(() => expect(b2.textContent).toBe("12"));
    // Enter moved down to B3, which has the focus.
    await waitFor(() => expect(document.activeElement?.getAttribute("data-address")).toBe("B3"));
    const sheet = (await host.readSnapshot()).sheets.find((s) => s.name === "基本情况")!;
    expect(sheet.cells[1]![1]).toEqual({ t: "n", v: 12 });
    // The grade on the status line is no longer current, and the download is no longer the scored workbook.
    expect((await screen.findAllByText(/数据已修改，请重新评分/)).length).toBeGreaterThan(0);
    expect(screen.getByRole("button", { name: "下载 .xlsx" })).toBeTruthy();
  });

  it("Tab commits and moves (Shift+Tab left), Esc cancels; a read-only cell says so and keeps its value", async () => {
    const { user } = setup(true);
    const grid = await screen.findByRole("grid", { name: "工作表「基本情况」的单元格" });
    const a1 = grid.querySelector('td[data-address="A1"]') as HTMLElement;
    await user.click(a1);
    await user.keyboard("x");
    expect(within(a1).queryByRole("textbox")).toBeNull();
    expect(screen.getByTestId("grid-notice").textContent).toMatch(/只有黄色的填写单元格可以输入/);
    expect(a1.textContent).toBe("单位名称");
    const b1 = grid.querySelector('td[data-address="B1"]') as HTMLElement;
    await user.click(b1);
    await user.keyboard("{Enter}");
    const editor = within(b1).getByRole("textbox") as HTMLInputElement;
    expect(editor.value).toBe("外事办");
    await user.keyboard("{Escape}");
    expect(b1.textContent).toBe("外事办");
    await user.keyboard("{ArrowDown}{ArrowDown}");
    expect(document.activeElement?.getAttribute("data-address")).toBe("B3");
    await user.keyboard("是{Shift>}{Tab}{/Shift}");
    await waitFor(() => expect(document.activeElement?.getAttribute("data-address")).toBe("A3"));
    expect(grid.querySelector('td[data-address="B3"]')!.textContent).toBe("是");
  });

  it("a block pasted from Excel lands from the focused cell on input cells only", async () => {
    const { user, host } = setup(true);
    const grid = await screen.findByRole("grid", { name: "工作表「基本情况」的单元格" });
    const b2 = grid.querySelector('td[data-address="B2"]') as HTMLElement;
    await user.click(b2);
    fireEvent.paste(b2, { clipboardData: { getData: () => "7\t备注\r\n否\tx\r\n" } });
    await waitFor(() => expect(b2.textContent).toBe("7"));
    expect(grid.querySelector('td[data-address="B3"]')!.textContent).toBe("否");
    // C2 and C3 are not input cells: left alone, and said.
    expect(screen.getByTestId("grid-notice").textContent).toMatch(/其中 2 个单元格不是填写单元格/);
    const sheet = (await host.readSnapshot()).sheets.find((s) => s.name === "基本情况")!;
    expect(sheet.cells[1]![2]).toBeUndefined();
    expect(sheet.cells[1]![1]).toEqual({ t: "n", v: 7 });
    expect(sheet.cells[2]![1]).toEqual({ t: "s", v: "否" });
  });
});
