import { describe, expect, it } from "vitest";
import type { Diagnostic, DiagnosticCode, Severity } from "../../../src/engine/diagnostics/types";
import { diag } from "../../../src/engine/diagnostics/types";
import {
  countBySeverity,
  formatWhere,
  renderDiagnostic,
  sortDiagnostics,
} from "../../../src/engine/diagnostics/render";
import { SAMPLE_PARAMS } from "./samples";

const LANGS = ["zh-CN", "en"] as const;
const sample = (code: DiagnosticCode): Diagnostic =>
  ({
    code,
    severity: "warning",
    location: { sheet: "收支情况", address: "C7" },
    params: SAMPLE_PARAMS[code],
  }) as Diagnostic;

describe("catalogs", () => {
  // Every code in every language renders, with nothing unfilled: test/proof/catalogs.test.ts.
  it.each(LANGS)("%s says where, in its own quotes", (lang) => {
    expect(renderDiagnostic(sample("required_missing"), lang).where).toBe(
      lang === "en" ? "'收支情况'!C7" : "「收支情况」!C7",
    );
  });

  // The rule (C01) is for support: the pane shows it apart; the sentence does not carry it.
  it.each(
    LANGS.flatMap((lang) =>
      (["sum_mismatch", "comparison_failed", "condition_failed"] as const).map((code) => [lang, code] as const),
    ),
  )("%s %s says what is wrong without the rule's code", (lang, code) => {
    const d = sample(code);
    const rule = (d.params as { check: string }).check;
    const withoutSides = { ...d, params: { ...d.params, expression: "a>b" } } as Diagnostic;
    for (const x of [d, withoutSides]) {
      const text = renderDiagnostic(x, lang);
      expect(text.message).not.toContain(rule);
      expect(text.message.length).toBeGreaterThan(5);
    }
  });

  it("the Chinese messages carry their parameters (spot checks)", () => {
    expect(renderDiagnostic(sample("sum_mismatch"), "zh-CN").message).toBe(
      "基本支出 + 项目支出 = 226.75 万元，与本年支出合计 226.86 万元相差 0.11 万元。",
    );
    expect(renderDiagnostic(sample("out_of_range"), "zh-CN").message).toBe(
      "「完成率」的值 97 超出允许范围（0 至 1）。比率按小数填写，是否应为 97%？",
    );
    expect(renderDiagnostic(sample("schema_invalid"), "zh-CN").message).toContain("类型“货币”无法识别");
    expect(renderDiagnostic(sample("wrong_type"), "zh-CN").message).toBe(
      "「基本支出」应填写金额（数字，万元），单元格里是日期。",
    );
  });

  it.each([
    ["", "1", "不大于 1", "at most 1"],
    ["0", "", "不小于 0", "at least 0"],
  ])("out_of_range with min %j max %j", (min, max, zh, en) => {
    const d = diag("out_of_range", "error", null, { label: "x", value: "5", min, max });
    expect(renderDiagnostic(d, "zh-CN").message).toContain(zh);
    expect(renderDiagnostic(d, "en").message).toContain(en);
    expect(renderDiagnostic(d, "zh-CN").where).toBe("");
  });

  it("formatWhere without a location is empty", () => {
    expect(formatWhere(null)).toBe("");
  });
});

describe("sortDiagnostics and countBySeverity", () => {
  const at = (sev: Severity, sheet: string | null, address = "A1") =>
    diag("required_missing", sev, sheet ? { sheet, address } : null, { label: `${sev}-${sheet}-${address}` });
  const list = [
    at("info", "收支情况", "B2"),
    at("warning", "收支情况", "C9"),
    at("error", "收支情况", "C10"),
    at("error", "基本情况", "B3"),
    at("error", "收支情况", "C7"),
    at("error", null),
    at("warning", "基本情况", "B2"),
  ];
  const labels = (ds: readonly Diagnostic[]) => ds.map((d) => (d.code === "required_missing" ? d.params.label : ""));

  it("errors first, then by sheet (first appearance), then by row", () => {
    expect(labels(sortDiagnostics(list))).toEqual([
      "error-null-A1",
      "error-收支情况-C7",
      "error-收支情况-C10",
      "error-基本情况-B3",
      "warning-收支情况-C9",
      "warning-基本情况-B2",
      "info-收支情况-B2",
    ]);
  });

  it("a given sheet order wins", () => {
    expect(labels(sortDiagnostics(list, ["基本情况", "收支情况"])).slice(0, 4)).toEqual([
      "error-null-A1",
      "error-基本情况-B3",
      "error-收支情况-C7",
      "error-收支情况-C10",
    ]);
  });

  it("does not mutate its input", () => {
    const copy = [...list];
    sortDiagnostics(list);
    expect(list).toEqual(copy);
  });

  it("counts by severity", () => {
    expect(countBySeverity(list)).toEqual({ error: 4, warning: 2, info: 1 });
    expect(countBySeverity([])).toEqual({ error: 0, warning: 0, info: 0 });
  });
});
