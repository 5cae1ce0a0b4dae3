import { describe, expect, it } from "vitest";
import { parseExpression } from "../../../src/engine/formula/parse";
import { valueFormat } from "../../../src/engine/score/units";
import { formatValue, EXCEL_VALUE_FORMATS } from "../../../src/engine/model/format";
import { field, table, template } from "./builders";

// One decision of what a value is (issue 12: scoring, report and pane decided it three ways) and one printer.
const tpl = template({
  fields: [
    field("expend_total", "amount"),
    field("budget_total", "amount"),
    field("staff", "integer"),
    field("card_rate", "rate"),
    field("score_x", "number"),
  ],
  tables: [
    table(
      "tasks",
      "重点工作",
      2,
      [
        ["completion", "rate"],
        ["weight", "number"],
        ["cost", "amount"],
      ],
      3,
    ),
  ],
  rubric: [],
});

const format = (src: string) => {
  const p = parseExpression(src);
  if (!p.ok) throw new Error(src);
  return valueFormat(p.expr, tpl);
};

describe("valueFormat", () => {
  it.each([
    ["ratio(expend_total, budget_total)", "percent"],
    ["attainment(expend_total, budget_total)", "percent"],
    ["expend_total / budget_total", "percent"],
    ["expend_total / 2", "amount"],
    ["expend_total * 2", "amount"],
    ["abs(change(expend_total, budget_total))", "percent"],
    ["card_rate", "percent"],
    ["tasks.completion", "percent"],
    ["sum(tasks.cost)", "amount"],
    ["expend_total - budget_total", "amount"],
    ["staff", "integer"],
    ["count(tasks.weight)", "integer"],
    ["score_x + 1", "number"],
    ["max(card_rate, 0)", "percent"],
  ])("%s is %s", (src, expected) => {
    expect(format(src)).toBe(expected);
  });
});

describe("formatValue", () => {
  it.each([
    [0.199361, "percent", "19.94%"],
    [1, "percent", "100.00%"],
    [0.0579, "percent", "5.79%"],
    [33.1, "amount", "33.10"],
    [1.005, "amount", "1.01"],
    [3, "integer", "3"],
    [6.5, "number", "6.5"],
  ] as const)("%s as %s → %s", (v, f, text) => {
    expect(formatValue(v, f)).toBe(text);
  });

  it("gives each format the Excel number format that displays the same", () => {
    expect(EXCEL_VALUE_FORMATS).toEqual({ percent: "0.00%", amount: "0.00", integer: "0", number: "General" });
  });
});
