// @vitest-environment happy-dom
import "./setup";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { FakeEngine, problem } from "./fakes";
import { renderPane } from "./render-pane";

function engineWithProblems(): FakeEngine {
  const engine = new FakeEngine();
  engine.validation = {
    ...engine.validation,
    diagnostics: [
      // Deliberately not in severity order: the pane must put errors first.
      problem(
        "amount_precision" as never,
        "info",
        { sheet: "收支情况", address: "C9", label: "项目支出" },
        {} as never,
      ),
      problem(
        "sum_mismatch",
        "warning",
        { sheet: "收支情况", address: "C7", label: "基本支出" },
        { check: "C01", expression: "a=b", left: "1", right: "2", difference: "1" },
      ),
      problem(
        "required_missing",
        "error",
        { sheet: "基本情况", address: "C4", label: "编制数（人）", name: "staff_quota" },
        { label: "编制数（人）" },
      ),
      problem(
        "not_a_number",
        "error",
        { sheet: "收支情况", address: "C5", label: "本年收入合计" },
        { label: "本年收入合计", text: "abc" },
      ),
      problem("template_version_newer", "warning", null, { found: "1.1.0", supported: "1.0.0" }),
    ],
  };
  return engine;
}

describe("校验", () => {
  it("shows the counts, groups by sheet with errors first, and marks the cells", async () => {
    const engine = engineWithProblems();
    const { host, user } = await renderPane({ engine });
    await user.click(screen.getByRole("button", { name: "校验" }));

    const filters = await screen.findByRole("group", { name: "按级别筛选" });
    expect(within(filters).getByRole("button", { name: "2 错误" })).toBeTruthy();
    expect(within(filters).getByRole("button", { name: "2 警告" })).toBeTruthy();
    expect(within(filters).getByRole("button", { name: "1 提示" })).toBeTruthy();

    // 收支情况 holds an error → first; then 基本情况 (error, seen later); then the workbook-wide warning.
    const groups = screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent);
    expect(groups).toEqual(["收支情况", "基本情况", "整个工作簿"]);

    const rows = within(screen.getByRole("region", { name: "收支情况" })).getAllByRole("button");
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringContaining("本年收入合计"),
      expect.stringContaining("基本支出"),
      expect.stringContaining("项目支出"),
    ]);
    // Each group says how many it holds.
    expect(within(screen.getByRole("region", { name: "收支情况" })).getByText("3 项")).toBeTruthy();
    expect(rows[0]!.textContent).toContain("错误");
    expect(rows[0]!.textContent).toContain("「收支情况」!C5");
    expect(rows[0]!.textContent).toContain("问题 not_a_number");
    expect(rows[0]!.textContent).toContain("处理：处理 not_a_number");
    expect(host.markDiagnostics).toHaveBeenCalledWith(engine.validation.diagnostics);
  });

  it("filter chips show only the chosen severities", async () => {
    const { user } = await renderPane({ engine: engineWithProblems() });
    await user.click(screen.getByRole("button", { name: "校验" }));
    const chip = await screen.findByRole("button", { name: "2 警告" });
    expect(chip.getAttribute("aria-pressed")).toBe("false");
    expect(chip.textContent).toBe("2 警告");
    await user.click(chip);
    expect(chip.getAttribute("aria-pressed")).toBe("true");
    // Chosen is shown by a tick, not only by a shade of grey; the name stays the count.
    expect(chip.textContent).toBe("✓2 警告");
    expect(screen.getByRole("button", { name: "2 警告" })).toBe(chip);
    const row = (label: string) => screen.queryByRole("button", { name: new RegExp(label) });
    expect(row("本年收入合计")).toBeNull();
    expect(row("基本支出")).toBeTruthy();
    expect(screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent)).toEqual(["收支情况", "整个工作簿"]);
    await user.click(screen.getByRole("button", { name: "2 错误" }));
    expect(row("本年收入合计")).toBeTruthy();
    expect(row("项目支出")).toBeNull();
    // Unchoosing every chip shows everything again.
    await user.click(chip);
    await user.click(screen.getByRole("button", { name: "2 错误" }));
    expect(row("项目支出")).toBeTruthy();
    expect(row("编制数")).toBeTruthy();
  });

  it.each([
    ["click", "本年收入合计", { sheet: "收支情况", address: "C5" }],
    ["Enter", "编制数（人）", { sheet: "基本情况", address: "C4", name: "staff_quota" }],
  ])("%s on a row selects its cell", async (how, label, ref) => {
    const { host, user } = await renderPane({ engine: engineWithProblems() });
    await user.click(screen.getByRole("button", { name: "校验" }));
    const row = await screen.findByRole("button", { name: new RegExp(label) });
    if (how === "click") await user.click(row);
    else {
      row.focus();
      await user.keyboard("{Enter}");
    }
    await waitFor(() => expect(host.selectCell).toHaveBeenCalledWith(ref));
  });

  it("shows a 校验规则 rule apart from the sentence, quietly, with what it is for", async () => {
    const { user } = await renderPane({ engine: engineWithProblems() });
    await user.click(screen.getByRole("button", { name: "校验" }));
    const card = await screen.findByRole("button", { name: /基本支出/ });
    const rule = within(card).getByText("规则 C01");
    expect(rule.getAttribute("title")).toBe("「校验规则」中的 C01；联系技术支持时可提供此编号");
    expect(within(card).getByText("问题 sum_mismatch 基本支出")).not.toBe(rule);
    // A problem that comes from no rule has none.
    expect(within(screen.getByRole("button", { name: /本年收入合计/ })).queryByText(/^规则 /)).toBeNull();
  });

  it("many alike problems on a sheet are one summary line, closed, that opens to their cards by keyboard", async () => {
    const engine = new FakeEngine();
    const labels = ["本年收入合计", "财政拨款收入", "其他收入", "本年支出合计", "基本支出", "项目支出"];
    engine.validation = {
      ...engine.validation,
      diagnostics: [
        ...labels.map((label, i) =>
          problem("required_missing", "error", { sheet: "收支情况", address: `B${i + 5}`, label }, { label }),
        ),
        // Four alike on another sheet stay cards.
        ...["单位名称", "评价年度", "编制数（人）", "年末实有在职人数（人）"].map((label, i) =>
          problem("required_missing", "error", { sheet: "基本情况", address: `B${i + 3}`, label }, { label }),
        ),
      ],
    };
    const { user } = await renderPane({ engine });
    await user.click(screen.getByRole("button", { name: "校验" }));
    const summary = await screen.findByRole("button", { name: /收支情况：6 项未填写/ });
    expect(summary.getAttribute("aria-expanded")).toBe("false");
    expect(summary.textContent).toContain("「本年收入合计」「财政拨款收入」「其他收入」 等");
    const income = within(screen.getByRole("region", { name: "收支情况" }));
    expect(income.queryByRole("button", { name: /问题 required_missing 基本支出/ })).toBeNull();
    expect(within(screen.getByRole("region", { name: "基本情况" })).getAllByRole("button")).toHaveLength(4);

    summary.focus();
    await user.keyboard("{Enter}");
    expect(summary.getAttribute("aria-expanded")).toBe("true");
    const list = document.getElementById(summary.getAttribute("aria-controls")!)!;
    expect(
      within(list)
        .getAllByRole("button")
        .map((b) => b.textContent),
    ).toEqual(labels.map((l) => expect.stringContaining(l)));
    await user.keyboard(" ");
    expect(summary.getAttribute("aria-expanded")).toBe("false");
    expect(income.getAllByRole("button")).toEqual([summary]);
  });

  it("says so when there is nothing to fix", async () => {
    const { user } = await renderPane();
    await user.click(screen.getByRole("button", { name: "校验" }));
    expect(await screen.findByText("没有发现问题。")).toBeTruthy();
    expect(screen.queryByRole("group", { name: "按级别筛选" })).toBeNull();
  });
});
