import Decimal from "decimal.js";
import type { FormulaValue } from "../../../src/engine/formula";
import { evaluateCheck, evaluateExpression, parseCheck, parseExpression } from "../../../src/engine/formula";
import { env } from "./env";

function run(text: string, e = env({})): FormulaValue {
  const r = parseExpression(text);
  if (!r.ok) throw new Error(r.problem.problem);
  return evaluateExpression(r.expr, e);
}

function num(text: string, e = env({})): string {
  const v = run(text, e);
  if (v.t !== "number") throw new Error(`not a number: ${JSON.stringify(v)}`);
  return v.v.toString();
}

describe("evaluateExpression: numbers", () => {
  it.each([
    ["1 + 2 * 3", "7"],
    ["(1 + 2) × 3", "9"],
    ["10 ÷ 4", "2.5"],
    ["7 － 10", "-3"],
    ["50%", "0.5"],
    ["12.5%", "0.125"],
    ["-(2 - 5)", "3"],
    ["0.1 + 0.2", "0.3"],
    ["ratio(7, 7)", "1"],
    ["change(11.96, 21.97)", new Decimal("11.96").minus("21.97").div("21.97").toString()],
    ["abs(-3)", "3"],
    ["min(3, 1, 2)", "1"],
    ["max(3, 1, 2)", "3"],
    ["sum(1, 2, 3)", "6"],
    ["1 / 3", "0.33333333333333333333"],
  ])("%s = %s", (text, expected) => {
    expect(num(text)).toBe(expected);
  });

  it("reads fields and keeps decimals exact", () => {
    const e = env({ expend_basic: 166.03, expend_project: 60.72 });
    expect(num("expend_basic + expend_project", e)).toBe("226.75");
  });
});

describe("evaluateExpression: no division by zero", () => {
  it.each([
    ["ratio(0, 0)", { t: "na", why: "zero_denominator" }],
    ["0 / 0", { t: "na", why: "zero_denominator" }],
    ["ratio(5, 0)", { t: "undefined", why: "nonzero_over_zero" }],
    ["3 ÷ (1 - 1)", { t: "undefined", why: "nonzero_over_zero" }],
    ["change(0, 0)", { t: "na", why: "zero_denominator" }],
    ["change(5, 0)", { t: "undefined", why: "nonzero_over_zero" }],
  ])("%s", (text, expected) => {
    expect(run(text)).toEqual(expected);
  });

  it("procurement with a zero budget and no spending is not applicable", () => {
    expect(
      run("ratio(procurement_actual, procurement_budget)", env({ procurement_actual: 0, procurement_budget: 0 })),
    ).toEqual({
      t: "na",
      why: "zero_denominator",
    });
  });
});

describe("evaluateExpression: blanks", () => {
  it.each([
    ["change(sangong_total, sangong_prev)"],
    ["sangong_prev + 1"],
    ["-sangong_prev"],
    ["abs(sangong_prev)"],
    ["unknown_name * 2"],
  ])("%s with a blank input is na(blank_input)", (text) => {
    expect(run(text, env({ sangong_total: 11.96, sangong_prev: null }))).toEqual({ t: "na", why: "blank_input" });
  });

  it("text in arithmetic is not a number", () => {
    expect(run("unit_name + 1", env({ unit_name: "外办" }))).toEqual({ t: "na", why: "blank_input" });
  });
});

describe("evaluateExpression: tables", () => {
  const tables = {
    satisfaction: [
      { rate: 0.98, weight: 0.5 },
      { rate: 0.96, weight: 0.5 },
    ],
    benefits: [{ done: true }, { done: false }, { done: null }, { done: false }],
    tasks: [
      { weight: 6, completion: 1 },
      { weight: 8, completion: 0.5 },
      { weight: null, completion: null },
    ],
    empty: [] as Record<string, number>[],
  };
  const e = env({}, tables);

  it.each([
    ["weighted(satisfaction.rate, satisfaction.weight)", "0.97"],
    ["sum(tasks.weight)", "14"],
    ["tasks.weight", "14"],
    ["max(tasks.completion)", "1"],
    ["min(tasks.completion)", "0.5"],
    ["count(tasks.weight)", "2"],
    ["count(benefits.done)", "3"],
    ['count_if(benefits.done, "否")', "2"],
    ["count_if(benefits.done, “是”)", "1"],
    ["count_if(tasks.completion, 1)", "1"],
    ["count(empty.x)", "0"],
  ])("%s = %s", (text, expected) => {
    expect(num(text, e)).toBe(expected);
  });

  it("weighted ignores rows where either side is blank", () => {
    const t = {
      s: [
        { v: 1, w: 1 },
        { v: null, w: 3 },
        { v: 0.5, w: 1 },
        { v: 0.2, w: null },
      ],
    };
    expect(num("weighted(s.v, s.w)", env({}, t))).toBe("0.75");
  });

  it.each([
    ["weighted(empty.v, empty.w)", { t: "na", why: "empty_table" }],
    ["sum(empty.x)", { t: "na", why: "empty_table" }],
    ["weighted(z.v, z.w)", { t: "na", why: "zero_denominator" }],
  ])("%s", (text, expected) => {
    expect(run(text, env({}, { ...tables, z: [{ v: 1, w: 0 }] }))).toEqual(expected);
  });

  it("inside an expanded row, table.key is the current row's cell, and aggregates still see the column", () => {
    const row = env({}, tables, { table: "tasks", values: { weight: 8, completion: 0.5 } });
    expect(num("tasks.completion", row)).toBe("0.5");
    expect(num("tasks.weight * tasks.completion", row)).toBe("4");
    expect(num("sum(tasks.weight)", row)).toBe("14");
    expect(run("tasks.reason", row)).toEqual({ t: "na", why: "blank_input" });
  });
});

describe("evaluateCheck", () => {
  const check = (text: string, fields: Record<string, number | string | boolean | null>, tol = "0") => {
    const r = parseCheck(text);
    if (!r.ok) throw new Error(r.problem.problem);
    return evaluateCheck(r.check, env(fields), new Decimal(tol));
  };

  it.each([
    [
      "expend_basic + expend_project = expend_total",
      { expend_basic: 166.03, expend_project: 60.72, expend_total: 226.86 },
      "0.005",
      "fail",
    ],
    [
      "expend_basic + expend_project = expend_total",
      { expend_basic: 434.89, expend_project: 77.4, expend_total: 512.29 },
      "0.005",
      "pass",
    ],
    ["a = b", { a: 1.004, b: 1 }, "0.005", "pass"],
    ["a = b", { a: 1.005, b: 1 }, "0.005", "pass"],
    ["a = b", { a: 1.0051, b: 1 }, "0.005", "fail"],
    ["a <= b", { a: 1.004, b: 1 }, "0.005", "pass"],
    ["a <= b", { a: 1.01, b: 1 }, "0.005", "fail"],
    ["a >= b", { a: 0.996, b: 1 }, "0.005", "pass"],
    ["a < b", { a: 1, b: 1 }, "0.005", "fail"],
    ["a > b", { a: 2, b: 1 }, "0", "pass"],
    ["a ≤ b", { a: 1, b: 1 }, "0", "pass"],
    ["a = b", { a: null, b: 1 }, "0", "skipped"],
    ["ratio(a, b) = 1", { a: 0, b: 0 }, "0", "skipped"],
    ["unit_founded_year = eval_year", { unit_founded_year: 2019, eval_year: 2020 }, "0", "fail"],
    ["blank(sangong_prev)", { sangong_prev: null }, "0", "pass"],
    ["blank(sangong_prev)", { sangong_prev: 21.97 }, "0", "fail"],
    ["present(sangong_prev)", { sangong_prev: 21.97 }, "0", "pass"],
    ["blank(x)", { x: "  " }, "0", "pass"],
    ['unit_name = "外办"', { unit_name: "外办" }, "0", "pass"],
    ['flag = "是"', { flag: true }, "0", "pass"],
    ['flag = "是"', { flag: false }, "0", "fail"],
  ])("%s with %j (tolerance %s) → %s", (text, fields, tol, status) => {
    expect(check(text, fields, tol).status).toBe(status);
  });

  it("returns both sides of a numeric comparison", () => {
    const r = check("a + b = c", { a: 166.03, b: 60.72, c: 226.86 }, "0.005");
    expect(r.left?.toString()).toBe("226.75");
    expect(r.right?.toString()).toBe("226.86");
  });
});

describe("attainment(actual, target, direction): 财预〔2020〕10号's 得分系数", () => {
  it.each([
    // ≥ (the default): met at or above the target, else actual ÷ target.
    ["attainment(120, 100)", "1"],
    ["attainment(76, 100)", "0.76"],
    ['attainment(76, 100, "≥")', "0.76"],
    ['attainment(76, 100, "不低于")', "0.76"],
    // ≤: met at or below, else target ÷ actual (30 days allowed, 40 taken: 75 %).
    ['attainment(28, 30, "≤")', "1"],
    ['attainment(40, 30, "<=")', "0.75"],
    ['attainment(40, 30, "不超过")', "0.75"],
    // =: exactly, else the smaller over the larger.
    ['attainment(10, 10, "=")', "1"],
    ['attainment(8, 10, "=")', "0.8"],
    ['attainment(12.5, 10, "=")', "0.8"],
    // Never below 0; a target of 0 or less in the ≥ direction is met.
    ["attainment(-5, 100)", "0"],
    ["attainment(3, 0)", "1"],
  ])("%s = %s", (text, expected) => {
    expect(num(text)).toBe(expected);
  });

  it("reads the current row of a target-vs-actual table: its own direction, target and actual", () => {
    const row = { target: 30, actual: 40, direction: "≤" };
    expect(
      num("attainment(tasks.actual, tasks.target, tasks.direction)", env({}, {}, { table: "tasks", values: row })),
    ).toBe("0.75");
    // A blank direction is read as ≥.
    const blank = { target: 100, actual: 76, direction: null };
    expect(
      num("attainment(tasks.actual, tasks.target, tasks.direction)", env({}, {}, { table: "tasks", values: blank })),
    ).toBe("0.76");
  });

  it("a blank actual is not applicable; a direction it does not know gives no number", () => {
    expect(run("attainment(a, 100)", env({ a: null }))).toEqual({ t: "na", why: "blank_input" });
    expect(run('attainment(80, 100, "大概")').t).toBe("text");
  });
});
