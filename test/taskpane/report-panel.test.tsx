// @vitest-environment happy-dom
import "./setup";
import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DOCX_BYTES, FakeEngine, REPORT_LINES, REPORT_PLAN, REPORT_TEXT, problem } from "./fakes";
import { renderPane } from "./render-pane";

async function generated(engine = new FakeEngine()) {
  const r = await renderPane({ engine });
  await r.user.click(screen.getByRole("tab", { name: "报告" }));
  await r.user.click(screen.getByRole("button", { name: "生成报告" }));
  await screen.findByRole("button", { name: "复制全文" });
  return r;
}

describe("报告", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("generates the report in the pane's language and previews it as a document: headings, paragraphs, tables", async () => {
    const { engine } = await generated();
    expect(engine.report.mock.calls[0]![1]).toBe("zh-CN");
    const preview = screen.getByRole("region", { name: "报告预览" });
    expect(within(preview).getByRole("heading", { name: "一、部门概况" })).toBeTruthy();
    expect(within(preview).getByText("本部门主要职能是……").tagName).toBe("P");
    const table = within(preview).getByRole("table", { name: "附表：指标得分表" });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["一级指标", "得分"]);
    expect(
      within(table)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["投入", "5"]);
    expect(screen.queryByRole("textbox", { name: "报告预览" })).toBeNull();
    expect(REPORT_TEXT.startsWith(REPORT_LINES[0]!.text)).toBe(true);
  });

  it("mentions warnings left open before the report is submitted, with a way to 校验", async () => {
    const engine = new FakeEngine();
    engine.validation = {
      ...engine.validation,
      diagnostics: [
        problem(
          "sum_mismatch",
          "warning",
          { sheet: "收支情况", address: "B10", label: "本年支出合计" },
          { check: "C01", expression: "a=b", left: "1", right: "2", difference: "1" },
        ),
      ],
    };
    const { user } = await generated(engine);
    expect(screen.getByText("还有 1 个警告未处理，报告已按填写的数据生成。请在「校验」中核对后再提交。")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "查看问题" }));
    expect(screen.getByRole("tab", { name: "校验" }).getAttribute("aria-selected")).toBe("true");
  });

  it("复制全文 puts the whole text on the clipboard", async () => {
    const { user } = await generated();
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(window.navigator, "clipboard", { value: { writeText }, configurable: true });
    await user.click(screen.getByRole("button", { name: "复制全文" }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(REPORT_TEXT));
    expect(await screen.findByText("已复制全文。")).toBeTruthy();
  });

  it("复制全文 falls back to selecting a textarea when the clipboard is refused", async () => {
    const { user } = await generated();
    Object.defineProperty(window.navigator, "clipboard", {
      value: { writeText: vi.fn(async () => Promise.reject(new Error("denied"))) },
      configurable: true,
    });
    const copied: string[] = [];
    const exec = vi.fn((cmd: string) => {
      const active = document.querySelector("textarea[readonly]:not([class])") as HTMLTextAreaElement | null;
      copied.push(`${cmd}:${active?.value ?? ""}`);
      return true;
    });
    Object.defineProperty(document, "execCommand", { value: exec, configurable: true });
    await user.click(screen.getByRole("button", { name: "复制全文" }));
    await waitFor(() => expect(copied).toEqual([`copy:${REPORT_TEXT}`]));
  });

  it("写入报告工作表 applies the report's plan and says what changed", async () => {
    const { host, user } = await generated();
    host.summary = { cellsBySheet: { 报告: 42 }, createdSheets: ["报告"] };
    await user.click(screen.getByRole("button", { name: "写入报告工作表" }));
    await waitFor(() => expect(host.applyWritePlan).toHaveBeenCalledWith(REPORT_PLAN));
    expect(await screen.findByText("已写入 42 个单元格：「报告」42 个，新建工作表 「报告」")).toBeTruthy();
    expect(screen.getByRole("status").textContent).toBe("已写入「报告」工作表。");
  });

  it("导出 Word renders the .docx and hands it to host.saveFile", async () => {
    const { host, engine, user } = await generated();
    await user.click(screen.getByRole("button", { name: "导出 Word" }));
    await waitFor(() =>
      expect(host.saveFile).toHaveBeenCalledWith(
        "绩效自评报告.docx",
        DOCX_BYTES,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      ),
    );
    expect(engine.docx).toHaveBeenCalledTimes(1);
    // The deliverable comes first in its row.
    const row = screen.getByRole("button", { name: "导出 Word" }).parentElement!;
    expect([...row.querySelectorAll("button")].map((b) => b.textContent)).toEqual([
      "导出 Word",
      "复制全文",
      "写入报告工作表",
    ]);
  });

  it("blocked by errors: no preview and no secondary actions", async () => {
    const engine = new FakeEngine();
    engine.scores = null;
    const r = await renderPane({ engine });
    await r.user.click(screen.getByRole("tab", { name: "报告" }));
    await r.user.click(screen.getByRole("button", { name: "生成报告" }));
    expect(await screen.findByText(/暂不能生成报告/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "导出 Word" })).toBeNull();
  });
});
