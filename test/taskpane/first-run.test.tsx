// @vitest-environment happy-dom
import "./setup";
import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { FakeEngine, FakeHost, TEMPLATE, UNIT } from "./fakes";
import { renderPane } from "./render-pane";

function notATemplate(): FakeEngine {
  const engine = new FakeEngine();
  engine.validation = { template: null, unit: null, diagnostics: [] };
  return engine;
}

describe("first run", () => {
  it("on a workbook that is not a template shows one sentence and the two ways in, no tabs", async () => {
    const host = new FakeHost();
    host.snapshot = { sheets: [{ name: "Sheet1", cells: [[{ t: "s", v: "去年的表" }]] }], names: [] };
    await renderPane({ engine: notATemplate(), host, ready: false });
    expect(await screen.findByText("当前工作簿还不是绩效评价模板。")).toBeTruthy();
    expect(await screen.findByRole("button", { name: "新建标准模板" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "打开示例" })).toBeTruthy();
    expect(screen.getByText(/帮您校验部门整体支出绩效评价表/)).toBeTruthy();
    // What a template is, and how figures already kept elsewhere get into one.
    expect(screen.getByText(/模板是带有「指标体系」「字段定义」等工作表的工作簿/)).toBeTruthy();
    expect(screen.getByText("使用步骤：填写黄色单元格 → 校验 → 评分 → 报告。")).toBeTruthy();
    expect(screen.queryByRole("tablist")).toBeNull();
  });

  it.each([
    ["新建标准模板", "createTemplate", "已插入标准模板的工作表。下一步：在黄色单元格中填写本单位的数据，然后校验。"],
    ["打开示例", "openExample", "已打开示例工作簿。"],
  ] as const)("「%s」 calls host.%s, re-reads, and opens on the status line", async (button, method, toast) => {
    const engine = notATemplate();
    const host = new FakeHost();
    const { user } = await renderPane({ engine, host, ready: false });
    const b = await screen.findByRole("button", { name: button });
    host[method].mockImplementation(async () => {
      engine.validation = { template: TEMPLATE, unit: UNIT, diagnostics: [] };
    });
    await user.click(b);
    expect(host[method]).toHaveBeenCalledTimes(1);
    expect(await screen.findByRole("tablist")).toBeTruthy();
    expect(host.readSnapshot).toHaveBeenCalledTimes(2);
    const status = screen.getByRole("region", { name: "模板状态" });
    expect(status.textContent).toContain("部门整体支出绩效评价 · 版本 1.0.0");
    expect(status.textContent).toContain("重庆市万州区人民政府外事办公室 · 2020 年度");
    await waitFor(() => expect(screen.getByText(toast)).toBeTruthy());
  });

  it("in Excel 打开示例 says the example opened in a new window; this pane stays on its first run", async () => {
    const host = new FakeHost();
    Object.defineProperty(host, "kind", { value: "office" });
    const { user } = await renderPane({ engine: notATemplate(), host, ready: false });
    await user.click(await screen.findByRole("button", { name: "打开示例" }));
    expect(await screen.findByText(/示例已在新的 Excel 窗口中打开/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "新建标准模板" })).toBeTruthy();
    expect(screen.queryByRole("tablist")).toBeNull();
  });

  it.each([
    [{ name: "外事办", year: "" }, "外事办"],
    [{ name: "", year: "2020" }, "2020 年度"],
  ])("the status line shows only the unit and year entered (%o): no stray 「· 年度」", async (unit, shown) => {
    const engine = new FakeEngine();
    engine.validation = { template: TEMPLATE, unit, diagnostics: [] };
    await renderPane({ engine });
    const status = screen.getByRole("region", { name: "模板状态" });
    expect(status.textContent).toContain(shown);
    expect(status.textContent).not.toMatch(/·\s*·|· 年度|^年度/);
  });

  it("a blank template (unit and year empty) shows no unit line at all", async () => {
    const engine = new FakeEngine();
    engine.validation = { template: TEMPLATE, unit: { name: " ", year: "" }, diagnostics: [] };
    await renderPane({ engine });
    expect(screen.getByRole("region", { name: "模板状态" }).textContent).not.toContain("年度");
  });

  it("in Excel, 模板's one primary action re-reads the workbook (it changes under the pane); 新建标准模板 beside it", async () => {
    const host = new FakeHost();
    Object.defineProperty(host, "kind", { value: "office" });
    const { user } = await renderPane({ host });
    await user.click(screen.getByRole("tab", { name: "模板" }));
    const refresh = await screen.findByRole("button", { name: "重新读取工作簿" });
    const reads = host.readSnapshot.mock.calls.length;
    await user.click(refresh);
    await waitFor(() => expect(host.readSnapshot.mock.calls.length).toBe(reads + 1));
    expect(screen.getByRole("button", { name: "新建标准模板" })).toBeTruthy();
  });

  it("模板 names the template and its version, never its internal id", async () => {
    const { user } = await renderPane();
    await user.click(screen.getByRole("tab", { name: "模板" }));
    expect(await screen.findByText("模板名称")).toBeTruthy();
    expect(document.body.textContent).not.toContain(TEMPLATE.id);
    expect(screen.queryByText("模板编号")).toBeNull();
  });

  it("on a template opens straight on the tabs with 校验 selected", async () => {
    await renderPane();
    expect(screen.getAllByRole("tab")).toEqual(
      ["模板", "校验", "评分", "报告"].map((name) => screen.getByRole("tab", { name })),
    );
    expect(screen.getByRole("tab", { name: "校验" }).getAttribute("aria-selected")).toBe("true");
    expect(screen.getByText("尚未评分")).toBeTruthy();
  });

  it("a workbook scored earlier shows its grade and time from the result cells", async () => {
    const host = new FakeHost();
    host.snapshot = {
      sheets: [
        {
          name: "评价结果",
          cells: [
            [
              { t: "n", v: 94 },
              { t: "s", v: "优" },
              { t: "s", v: "2025-03-01T14:05:09" },
            ],
          ],
        },
      ],
      names: [
        { name: "result_total", sheet: "评价结果", address: "A1" },
        { name: "result_grade", sheet: "评价结果", address: "B1" },
        { name: "result_scored_at", sheet: "评价结果", address: "C1" },
      ],
    };
    await renderPane({ host });
    expect(screen.getByTestId("grade-badge").textContent).toBe("优 · 94 分");
    expect(screen.getByText("评分时间 2025-03-01 14:05")).toBeTruthy();
  });
});
