import { describe, expect, it } from "vitest";
import {
  buildExampleDescription,
  layoutTemplate,
  layoutToSnapshot,
  standardTemplateDescription,
} from "../../../src/templates/standard";
import { readTemplate } from "../../../src/engine/compile/read/read";
import { validateInputs } from "../../../src/engine/validate";
import { renderDiagnostic } from "../../../src/engine/diagnostics/render";
import seed from "../../../assets/examples/wanzhou-2020.json";

describe("the standard template, validated", () => {
  it("the filled Wanzhou 2020 example raises exactly the report's three slips (wanzhou-2020.json)", () => {
    const s = layoutToSnapshot(layoutTemplate(buildExampleDescription(seed)));
    const r = readTemplate(s);
    expect(r.diagnostics).toEqual([]);
    const ds = validateInputs(r.template!, s).diagnostics;
    expect(ds.map((d) => [d.severity, d.code, d.location?.name])).toEqual([
      ["warning", "sum_mismatch", "expend_total"],
      ["warning", "sum_mismatch", "expend_basic"],
      ["warning", "sum_mismatch", "carryover_end"],
    ]);
    expect(ds.map((d) => renderDiagnostic(d, "zh-CN").message)).toEqual([
      "基本支出 + 项目支出 = 226.75 万元，与本年支出合计 226.86 万元相差 0.11 万元。",
      "人员经费 + 公用经费 = 166.04 万元，与基本支出 166.03 万元相差 0.01 万元。",
      "上年结转 + 本年收入合计 - 本年支出合计 = 0.00 万元，与年末结转结余 0.11 万元相差 0.11 万元。",
    ]);
  });

  it("the blank standard template reports every required input as missing, and nothing else is an error", () => {
    const s = layoutToSnapshot(layoutTemplate(standardTemplateDescription()));
    const r = readTemplate(s);
    const ds = validateInputs(r.template!, s).diagnostics;
    const errors = ds.filter((d) => d.severity === "error");
    expect(errors.length).toBeGreaterThan(20);
    expect(new Set(errors.map((d) => d.code))).toEqual(new Set(["required_missing"]));
  });
});
