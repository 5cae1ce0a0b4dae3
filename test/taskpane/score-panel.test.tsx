// @vitest-environment happy-dom
import "./setup";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { FakeEngine, SCORE_PLAN, problem, scoreSheet } from "./fakes";
import { renderPane } from "./render-pane";

async function scoreTab(engine = new FakeEngine()) {
  const r = await renderPane({ engine });
  await r.user.click(screen.getByRole("tab", { name: "评分" }));
  return r;
}

describe("评分", () => {
  it("says where outputs go before the first write", async () => {
    await scoreTab();
    expect(screen.getByText(/评分结果只写入绿色的输出单元格/)).toBeTruthy();
  });

  it("scores, writes the plan, and shows the summary, total, grade and tree", async () => {
    const r = await scoreTab();
    const { host, engine, user } = r;
    await user.click(screen.getByRole("button", { name: "评分并写入" }));
    await waitFor(() => expect(host.applyWritePlan).toHaveBeenCalledWith(SCORE_PLAN));
    expect(engine.score.mock.calls[0]![1]?.now).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);

    expect(await screen.findByText("已写入 19 个单元格：「指标体系」15 个，「评价结果」4 个")).toBeTruthy();
    // The success in words is the tab's status line.
    expect(screen.getByRole("status").textContent).toBe("评分完成：9.5 分，优。");
    expect(screen.queryByText(/评分结果只写入绿色的输出单元格/)).toBeNull();
    expect(screen.getByText("总分 9.5 / 10 分")).toBeTruthy();
    expect(screen.getByText("等级 优")).toBeTruthy();
    expect(screen.getByLabelText("等级：优，总分 9.5 分")).toBe(screen.getByTestId("grade-badge"));
    expect(screen.getByTestId("grade-badge").textContent).toBe("优 · 9.5 分");

    const tree = screen.getByRole("tree", { name: "指标得分" });
    // Opens collapsed to the first level; opening each branch shows 2 level-1 + 2 level-2 + 5 leaves, in order.
    expect(
      within(tree)
        .getAllByRole("treeitem")
        .map((i) => i.getAttribute("aria-expanded")),
    ).toEqual(["false", "false"]);
    for (const name of ["投入", "预算配置", "过程", "预算管理"]) {
      const branch = within(tree)
        .getAllByRole("treeitem")
        .find((i) => i.textContent?.startsWith(name) && i.getAttribute("aria-expanded") === "false")!;
      await user.click(within(branch).getAllByText(name)[0]!);
    }
    const items = within(tree).getAllByRole("treeitem");
    expect(items).toHaveLength(9);
    expect(items[0]!.textContent).toContain("投入");
    expect(items[0]!.textContent).toContain("小计 5 / 5");
    const rate = items.find((i) => i.textContent?.startsWith("财政供养人员控制率"))!;
    expect(rate.textContent).toContain("分值 2 · 指标值 97.56% · 得分 2");
    const change = items.find((i) => i.textContent?.startsWith("“三公”经费变动率"))!;
    expect(change.textContent).toContain("指标值 -12.34%");
    const na = items.find((i) => i.textContent?.startsWith("政府采购执行率"))!;
    expect(na.textContent).toContain("指标值 不适用");
    const count = items.find((i) => i.textContent?.startsWith("被收回指标或资金"))!;
    expect(count.textContent).toContain("指标值 0 ·");
    const deducted = items.find((i) => i.textContent?.startsWith("管理制度健全性"))!;
    expect(deducted.textContent).toContain("得分 1");
    expect(deducted.textContent).toContain("扣分原因：内控制度未及时修订");
    // Full marks show no reason; every indicator shows the 评分标准 its rule says (as the engine generated it).
    expect(rate.textContent).not.toContain("扣分原因");
    expect(within(rate).getByText("评分标准：不超过100%得满分，每超过1个百分点扣0.2分，扣完为止")).toBeTruthy();
    expect(deducted.textContent).not.toContain("评分标准");
    const process = items.find((i) => i.textContent?.startsWith("过程"))!;
    expect(process.textContent).toContain("小计 4.5 / 5");
  });

  it.each([
    ["优", "success"],
    ["良", "brand"],
    ["中", "warning"],
    ["差", "danger"],
  ])("grade %s shows its word on a %s badge", async (grade, color) => {
    const engine = new FakeEngine();
    engine.scores = scoreSheet(grade);
    const { user } = await scoreTab(engine);
    await user.click(screen.getByRole("button", { name: "评分并写入" }));
    const badge = await screen.findByTestId("grade-badge");
    expect(badge.textContent).toBe(`${grade} · 9.5 分`);
    expect(badge.className).toContain(`fui-Badge`);
    // Fluent names the colour in no attribute; the word is what matters, the colour is checked via the helper.
    const { gradeColor } = await import("../../src/taskpane/components/StatusLine/useStatusLine");
    expect(gradeColor(grade)).toBe(color);
  });

  it("blocked by errors: writes nothing, marks the cells, and links to the problems", async () => {
    const engine = new FakeEngine();
    engine.scores = null;
    engine.validation = {
      ...engine.validation,
      diagnostics: [
        problem(
          "required_missing",
          "error",
          { sheet: "基本情况", address: "C4", label: "编制数（人）" },
          { label: "编制数（人）" },
        ),
      ],
    };
    const { host, user } = await scoreTab(engine);
    await user.click(screen.getByRole("button", { name: "评分并写入" }));
    expect(await screen.findByText("有 1 个错误，暂不能评分。请先在「校验」中修正。")).toBeTruthy();
    expect(host.applyWritePlan).not.toHaveBeenCalled();
    expect(host.markDiagnostics).toHaveBeenCalledWith(engine.validation.diagnostics);
    await user.click(screen.getByRole("button", { name: "查看问题" }));
    expect(screen.getByRole("tab", { name: "校验" }).getAttribute("aria-selected")).toBe("true");
    expect(screen.getByRole("button", { name: /编制数（人）/ })).toBeTruthy();
  });

  it("above the tree: a bar with the numbers per first-level indicator, and 失分项 (most lost first, click → its row)", async () => {
    const engine = new FakeEngine();
    const sheet = scoreSheet();
    engine.scores = {
      ...sheet,
      indicators: sheet.indicators.map((i) => (i.id === "2" ? { ...i, score: 1, reason: "变动率超出限额" } : i)),
    };
    const { host, user } = await scoreTab(engine);
    await user.click(screen.getByRole("button", { name: "评分并写入" }));
    const bars = await screen.findByRole("list", { name: "一级指标得分" });
    expect(
      within(bars)
        .getAllByRole("progressbar")
        .map((b) => b.getAttribute("aria-label")),
    ).toEqual(["投入 5 / 5 分", "过程 4.5 / 5 分"]);
    // The numbers are text beside each bar, not colour alone.
    expect(within(bars).getByText("过程 4.5 / 5 分")).toBeTruthy();

    const lost = screen.getByRole("region", { name: "失分项" });
    const rows = within(lost).getAllByRole("button");
    expect(rows.map((r) => r.textContent)).toEqual([
      "“三公”经费变动率失 2 分扣分原因：变动率超出限额",
      "管理制度健全性失 0.5 分扣分原因：内控制度未及时修订",
    ]);
    // Above the tree in the page's order.
    const tree = screen.getByRole("tree", { name: "指标得分" });
    expect(lost.compareDocumentPosition(tree) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await user.click(rows[1]!);
    await waitFor(() => expect(host.selectCell).toHaveBeenCalledWith({ sheet: "指标体系", address: "A5" }));
  });

  it("mentions warnings left open, with a way to 校验", async () => {
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
    const { user } = await scoreTab(engine);
    await user.click(screen.getByRole("button", { name: "评分并写入" }));
    expect(await screen.findByText("还有 1 个警告未处理，评分已按填写的数据计算。请在「校验」中核对。")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "查看问题" }));
    expect(screen.getByRole("tab", { name: "校验" }).getAttribute("aria-selected")).toBe("true");
  });
});
