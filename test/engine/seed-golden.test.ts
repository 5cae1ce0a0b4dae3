import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readSnapshot } from "../../src/hosts/xlsx/read-snapshot";
import { runReport, runScoring, runValidation } from "../../src/engine";
import seed from "../../assets/examples/wanzhou-2020.json";

// The seed report's own figures and results (assets/examples/wanzhou-2020.json).
const expected = seed.expected;
const example = () => readSnapshot(readFileSync(path.resolve(__dirname, "../../assets/example-wanzhou-2020.xlsx")));

// The published report writes “三公” with curly quotes; the template's labels may use either form.
const norm = (s: string) => s.replace(/[“”"]/g, '"');

describe("the Wanzhou 2020 seed example", () => {
  it("validates with exactly the three published slips as warnings and no errors", async () => {
    const outcome = runValidation(await example());
    expect(outcome.template?.id).toBe("cn.perfeval.dept-overall");
    expect(outcome.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const warnings = outcome.diagnostics.filter((d) => d.severity === "warning");
    expect(warnings).toHaveLength(expected.warnings_on_published_figures.length);
    expect(warnings.every((w) => w.code === "sum_mismatch")).toBe(true);
    const sums = warnings.map((w) => (w.code === "sum_mismatch" ? [w.params.left, w.params.right] : []));
    expect(sums).toEqual(
      expect.arrayContaining([
        ["226.75", "226.86"],
        ["166.04", "166.03"],
        ["0.00", "0.11"],
      ]),
    );
  });

  it("scores every indicator, task, subtotal, the total and the grade exactly as published", async () => {
    const outcome = runScoring(await example(), { now: "2026-11-28T00:00:00Z" });
    const scores = outcome.scores!;
    expect(scores).not.toBeNull();
    const byName = new Map(scores.indicators.map((i) => [norm(i.name), i]));
    for (const [name, score] of Object.entries(expected.indicator_scores)) {
      expect({ name, score: byName.get(norm(name))?.score }).toEqual({ name, score });
    }
    const tasks = scores.indicators.filter((i) => seed.tasks.some((t) => t.name === i.name));
    expect(tasks.map((t) => t.score)).toEqual(expected.task_scores);
    const levels = (depth: 1 | 2) =>
      Object.fromEntries(scores.levels.filter((l) => l.depth === depth).map((l) => [l.name, l.score]));
    expect(levels(1)).toEqual(expected.level_subtotals);
    expect(levels(2)).toEqual(expected.second_level_subtotals);
    expect(scores.total).toBe(expected.total);
    expect(scores.grade).toBe(expected.grade);
  });

  it("computes the indicator values the report states", async () => {
    const scores = runScoring(await example()).scores!;
    const byName = new Map(scores.indicators.map((i) => [norm(i.name), i]));
    for (const [name, value] of Object.entries(expected.values)) {
      const v = byName.get(norm(name))!.value;
      if (typeof value === "number") {
        expect(v.t).toBe("number");
        if (v.t === "number") expect(v.v).toBeCloseTo(value, 4);
      } else {
        expect(v.t).toBe("na");
      }
    }
  });

  it("writes only output cells", async () => {
    const snapshot = await example();
    const outcome = runScoring(snapshot, { now: "2026-11-28T00:00:00Z" });
    expect(outcome.writePlan.ops.length).toBeGreaterThan(0);
    // The plan is checked against the template's output cells inside the engine; a stray write throws.
    expect(outcome.writePlan.ops.every((op) => op.sheet !== "收支情况" && op.sheet !== "基本情况")).toBe(true);
  });
});

describe("the report on the Wanzhou 2020 example workbook", () => {
  it("carries the seed's sections, shares, scores, subtotals, total and grade", async () => {
    const outcome = runReport(await example(), { now: "2026-11-28T00:00:00Z" });
    expect(outcome.report).not.toBeNull();
    const text = outcome.text;
    for (const h of [
      "一、单位基本情况",
      "二、整体绩效完成情况",
      "三、整体支出绩效目标及完成情况",
      "四、整体支出绩效评价",
      "五、存在的问题",
      "六、改进措施",
      "七、",
    ]) {
      expect(text).toContain(h);
    }
    // Shares as the seed states them, recomputed (the published 19.93% is a slip: 33.10 ÷ 166.03 = 19.94%).
    for (const share of Object.values(expected.shares_in_report)) {
      const pct = /^[\d.]+%/.exec(share)![0];
      expect(text).toContain(pct.replace(/^97%$/, "97.00%"));
    }
    for (const [name, score] of Object.entries(expected.indicator_scores)) {
      const line = text.split("\n").find((l) => norm(l).includes(`${norm(name)}（`));
      expect(line, name).toContain(`本部门该项指标得${score}分`);
    }
    for (const [level, score] of Object.entries(expected.level_subtotals))
      expect(text).toContain(`${level}绩效为${score}分`);
    expect(text).toContain(`总绩效为${expected.total}分`);
    expect(text).toContain(`评价结果等次为“${expected.grade}”`);
    expect(text).not.toMatch(/【待补充/);
    // The plan writes the 报告 sheet and nothing else.
    expect(new Set(outcome.writePlan.ops.map((op) => op.sheet))).toEqual(new Set(["报告"]));
  });
});
