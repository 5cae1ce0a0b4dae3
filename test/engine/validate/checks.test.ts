import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../../src/engine/diagnostics/types";
import { readTemplate } from "../../../src/engine/compile/read/read";
import { validateInputs } from "../../../src/engine/validate";
import { renderDiagnostic } from "../../../src/engine/diagnostics/render";
import type { WorkbookSnapshot } from "../../../src/engine/model/snapshot";
import { templateSnapshot, withCell, withValue } from "../../fixtures";
import type { CellInput } from "../../fixtures";
import { FIELDS_MD_CHECKS, FIELDS_MD_TEMPLATE, WANZHOU_2020 } from "./fields-md";
import { MINI } from "../../fixtures";

function validate(s: WorkbookSnapshot): Diagnostic[] {
  const r = readTemplate(s);
  expect(r.diagnostics).toEqual([]);
  return validateInputs(r.template!, s).diagnostics;
}
const checkDiagnostics = (ds: readonly Diagnostic[]) =>
  ds.filter((d) => ["sum_mismatch", "comparison_failed", "condition_failed", "check_invalid"].includes(d.code));
const base = () => templateSnapshot(FIELDS_MD_TEMPLATE);
const set = (s: WorkbookSnapshot, values: Record<string, CellInput>) =>
  Object.entries(values).reduce((acc, [k, v]) => withValue(acc, k, v), s);

/** The Wanzhou figures corrected so that every identity of fields.md holds. */
const consistent = () =>
  set(base(), { expend_total: 226.75, expend_personnel: 132.93, carryover_end: 0.11, income_total: 226.86 });

describe("checks: the seed report's published figures", () => {
  it("raise exactly the three slips of wanzhou-2020.json, at the totals' cells, in plain words", () => {
    const ds = validate(base());
    expect(ds.filter((d) => d.severity !== "info")).toEqual(checkDiagnostics(ds));
    expect(checkDiagnostics(ds)).toEqual([
      {
        code: "sum_mismatch",
        severity: "warning",
        location: { sheet: "输入", address: "B11", name: "expend_total", label: "本年支出合计" },
        params: {
          check: "C01",
          expression: "基本支出 + 项目支出 = 本年支出合计",
          left: "226.75",
          right: "226.86",
          difference: "0.11",
          unit: "万元",
        },
      },
      {
        code: "sum_mismatch",
        severity: "warning",
        location: { sheet: "输入", address: "B12", name: "expend_basic", label: "基本支出" },
        params: {
          check: "C02",
          expression: "人员经费 + 公用经费 = 基本支出",
          left: "166.04",
          right: "166.03",
          difference: "0.01",
          unit: "万元",
        },
      },
      {
        code: "sum_mismatch",
        severity: "warning",
        location: { sheet: "输入", address: "B16", name: "carryover_end", label: "年末结转结余" },
        params: {
          check: "C03",
          expression: "上年结转 + 本年收入合计 − 本年支出合计 = 年末结转结余",
          left: "0.00",
          right: "0.11",
          difference: "0.11",
          unit: "万元",
        },
      },
    ]);
    expect(renderDiagnostic(checkDiagnostics(ds)[0]!, "zh-CN").message).toBe(
      "基本支出 + 项目支出 = 226.75 万元，与本年支出合计 226.86 万元相差 0.11 万元。",
    );
  });

  it("consistent figures pass every check", () => {
    expect(checkDiagnostics(validate(consistent()))).toEqual([]);
  });
});

describe("checks: each identity of fields.md", () => {
  it.each([
    ["C01", { expend_project: 60.83 }, { expend_project: 60.72 }, "B11"],
    ["C02", { expend_public: 33.2 }, { expend_public: 33.1 }, "B12"],
    ["C03", { carryover_end: 1 }, { carryover_end: 0.11 }, "B16"],
    ["C04", { sangong_reception: 0.5 }, { sangong_reception: 0 }, "B22"],
  ])("%s: a slip beyond 0.005 → sum_mismatch at the total; within 0.005 → passes", (id, broken, _ok, address) => {
    const ds = checkDiagnostics(validate(set(consistent(), broken)));
    expect(ds).toMatchObject([{ code: "sum_mismatch", location: { address }, params: { check: id } }]);
  });

  it("a difference within the tolerance passes (0.004 万元)", () => {
    expect(checkDiagnostics(validate(set(consistent(), { expend_total: 226.754 })))).toEqual([]);
  });

  it("a difference just beyond the tolerance fails (0.006 万元), with a 2-decimal difference", () => {
    const ds = checkDiagnostics(validate(set(consistent(), { expend_total: 226.756 })));
    // expend_total also enters C03 (carry-over), which breaks by the same 0.006.
    expect(ds).toMatchObject([
      { code: "sum_mismatch", params: { check: "C01", left: "226.75", right: "226.76", difference: "0.01" } },
      { code: "sum_mismatch", params: { check: "C03", left: "0.10", right: "0.11", difference: "0.01" } },
    ]);
  });

  it.each([
    ["C05", { project_funds_paid: 70 }, "B18", "项目资金已支付数 <= 项目资金应支付数", "warning"],
    ["C06", { income_fiscal: 300 }, "B8", "财政拨款收入 <= 本年收入合计", "error"],
    ["C08", { fixed_assets_in_use: 50 }, "B34", "在用固定资产总额 ≤ 固定资产总额", "warning"],
    ["C09", { unit_founded_year: 2021 }, "B3", "成立年份 <= 评价年度", "error"],
  ])(
    "%s: a failed comparison → comparison_failed at the left-hand field",
    (id, broken, address, expression, severity) => {
      const ds = checkDiagnostics(validate(set(consistent(), broken)));
      expect(ds).toMatchObject([
        { code: "comparison_failed", severity, location: { address }, params: { check: id, expression } },
      ]);
    },
  );

  it("C07: a prior-year 三公 figure for a unit founded this year → condition_failed at sangong_prev", () => {
    const ds = checkDiagnostics(validate(set(consistent(), { unit_founded_year: 2020 })));
    expect(ds).toEqual([
      {
        code: "condition_failed",
        severity: "warning",
        location: { sheet: "输入", address: "B23", name: "sangong_prev", label: "“三公”经费上年支出合计" },
        params: { check: "C07", description: "新成立单位没有上年“三公”经费" },
      },
    ]);
  });

  it.each([
    ["founded the year before (the seed)", { unit_founded_year: 2019 }],
    ["founded this year without a prior figure", { unit_founded_year: 2020, sangong_prev: null }],
    ["no founding year given", { unit_founded_year: null }],
  ])("C07 passes or is skipped: %s", (_n, values) => {
    expect(checkDiagnostics(validate(set(consistent(), values)))).toEqual([]);
  });

  it("a check whose inputs are blank is skipped (the blank is reported by required_missing)", () => {
    const ds = validate(set(consistent(), { expend_project: null }));
    expect(ds.map((d) => d.code)).toEqual(["required_missing"]);
  });

  it("a check whose input is unreadable is skipped", () => {
    const ds = validate(set(consistent(), { expend_project: "很多" }));
    expect(ds.map((d) => d.code)).toEqual(["not_a_number"]);
  });

  it("a figure typed as text still takes part in the checks", () => {
    const ds = validate(set(consistent(), { expend_project: "60.83万元" }));
    expect(ds.map((d) => d.code)).toEqual(["read_as", "sum_mismatch"]);
  });
});

describe("checks: broken rules", () => {
  const withRule = (rule: CellInput, cond: CellInput = null) =>
    withCell(withCell(templateSnapshot(MINI), "校验规则", "C2", rule), "校验规则", "B2", cond);

  it.each([
    ["expend_basic + = expend_total", "C2"],
    ["expend_basic + expend_projekt = expend_total", "C2"],
    ["tasks.weightt <= 100", "C2"],
    ["nosuch.weight <= 100", "C2"],
  ])("rule %j → check_invalid at the 规则 cell", (rule, address) => {
    const ds = checkDiagnostics(validate(withRule(rule)));
    expect(ds).toMatchObject([
      { code: "check_invalid", severity: "warning", location: { sheet: "校验规则", address, name: "C01" } },
    ]);
  });

  it("an unknown field names the field (problem key)", () => {
    const ds = checkDiagnostics(validate(withRule("expend_basic + expend_projekt = expend_total")));
    expect(ds[0]?.params).toEqual({ check: "C01", problem: "unknown_field", detail: ["expend_projekt"] });
  });

  it("a broken 前提 → check_invalid at the 前提 cell", () => {
    const ds = checkDiagnostics(validate(withRule("blank(card_rate)", "eval_year = = 2020")));
    expect(ds).toMatchObject([{ code: "check_invalid", location: { address: "B2" } }]);
  });

  it("table columns work in checks: sum(tasks.weight) = 14 passes, = 15 fails at the rule cell", () => {
    expect(checkDiagnostics(validate(withRule("sum(tasks.weight) = 14")))).toEqual([]);
    const ds = checkDiagnostics(validate(withRule("sum(tasks.weight) = 15")));
    expect(ds).toMatchObject([
      {
        code: "sum_mismatch",
        location: { sheet: "校验规则", address: "C2", name: "C01" },
        params: { left: "14.00", right: "15.00" },
      },
    ]);
    expect(ds[0]?.code === "sum_mismatch" && ds[0].params.unit).toBeUndefined();
  });

  it("rates in comparisons are shown as percentages", () => {
    const ds = checkDiagnostics(validate(withRule("card_rate >= 0.6")));
    expect(ds).toMatchObject([{ code: "comparison_failed", params: { left: "50.00%", right: "60.00%" } }]);
  });
});

it("the fields.md checks table lists every identity", () => {
  expect(FIELDS_MD_CHECKS.map((r) => r[0])).toEqual(["C01", "C02", "C03", "C04", "C05", "C06", "C07", "C08", "C09"]);
  expect(Object.keys(WANZHOU_2020)).toHaveLength(34);
});
