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
    const grid = await screen.findByRole("table", { name: "工作表「基本情况」的单元格" });
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
    const grid = await screen.findByRole("table", { name: "工作表「收支情况」的单元格" });
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
    expect(screen.getByRole("button", { name: "下载已评分的 .xlsx" }).hasAttribute("disabled")).toBe(true);
    const file = new File([encode(EXAMPLE) as BlobPart], "外事办2020.xlsx", { type: "application/octet-stream" });
    await user.upload(screen.getByTestId("file-input") as HTMLInputElement, file);
    expect(await screen.findByRole("tablist", { name: "步骤" })).toBeTruthy();
    expect(screen.getByText("外事办2020.xlsx")).toBeTruthy();
    // Open but not scored: there is no scored workbook to download yet.
    expect(screen.getByRole("button", { name: "下载已评分的 .xlsx" }).hasAttribute("disabled")).toBe(true);
  });

  it("dropping a non-.xlsx file shows what to do", async () => {
    setup(false);
    const zone = screen.getByRole("region", { name: "打开 .xlsx 文件" });
    const file = new File(["x"], "报表.xls");
    fireEvent.drop(zone, { dataTransfer: { files: [file] } });
    expect(await screen.findByText("这不是 .xlsx 格式的工作簿。")).toBeTruthy();
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
});
