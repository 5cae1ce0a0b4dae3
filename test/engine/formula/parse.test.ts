import fc from "fast-check";
import { parseCheck, parseExpression } from "../../../src/engine/formula";

describe("parseExpression", () => {
  it.each([
    ["staff_actual / staff_quota", ["staff_actual", "staff_quota"], []],
    ["ratio(staff_actual, staff_quota)", ["staff_actual", "staff_quota"], []],
    ["（sangong_total － sangong_prev）÷ sangong_prev", ["sangong_total", "sangong_prev"], []],
    ["ratio（card_settlement，card_settlement ＋ cash_settlement）", ["card_settlement", "cash_settlement"], []],
    ["a × 50%", ["a"], []],
    [
      "weighted(satisfaction.rate, satisfaction.weight)",
      [],
      [
        { table: "satisfaction", key: "rate" },
        { table: "satisfaction", key: "weight" },
      ],
    ],
    ['count_if(benefits.done, "否")', [], [{ table: "benefits", key: "done" }]],
    ["count_if(benefits.done, “否”)", [], [{ table: "benefits", key: "done" }]],
    ["tasks.completion", [], [{ table: "tasks", key: "completion" }]],
    ["RATIO(a, a)", ["a"], []],
    ["-abs(a) + min(a, b, 3) * max(sum(t.x), 1)", ["a", "b"], [{ table: "t", key: "x" }]],
  ])("accepts %s", (text, fields, columns) => {
    const r = parseExpression(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.fields).toEqual(fields);
    expect(r.columns).toEqual(columns);
  });

  it.each([
    ["", "empty_formula", []],
    ["   ", "empty_formula", []],
    ["foo(a)", "unknown_function", ["foo", "1"]],
    ["ratio(a)", "wrong_argument_count", ["ratio", "2", "2", "1", "1"]],
    ["abs(a, b)", "wrong_argument_count", ["abs", "1", "1", "2", "1"]],
    ["min()", "wrong_argument_count", ["min", "1", "", "0", "1"]],
    ["a b", "unexpected_token", ["b", "3"]],
    ["a 2", "unexpected_token", ["2", "3"]],
    ['a "x"', "unexpected_token", ['"x"', "3"]],
    ["a +", "unexpected_end", ["4"]],
    ["(a + b", "expected_symbol", [")", "", "7"]],
    ["ratio(a b)", "expected_symbol", [")", "b", "9"]],
    ["a ) b", "unexpected_token", [")", "3"]],
    ["blank(a)", "check_only_function", ["blank", "1"]],
    ["weighted(a, b)", "column_argument_expected", ["weighted", "1", "10"]],
    ["weighted(t.a, u.b)", "weighted_two_tables", ["1"]],
    ["count(a)", "column_argument_expected", ["count", "1", "7"]],
    ["a = b", "unexpected_token", ["=", "3"]],
    ["a # b", "unexpected_character", ["#", "3"]],
    ['"abc', "unterminated_text", ["1"]],
    ["t.", "column_name_expected", ["t", "3"]],
  ])("rejects %j as %s %j (1-based character numbers)", (text, problem, detail) => {
    expect(parseExpression(text)).toEqual({ ok: false, problem: { problem, detail } });
  });

  it("reports deep nesting as a problem instead of overflowing", () => {
    const r = parseExpression("(".repeat(5000) + "1" + ")".repeat(5000));
    expect(r).toEqual({ ok: false, problem: { problem: "nested_too_deeply", detail: ["65"] } });
  });

  it("never throws on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (s) => {
        const a = parseExpression(s);
        const b = parseCheck(s);
        expect(typeof a.ok).toBe("boolean");
        expect(typeof b.ok).toBe("boolean");
      }),
      { numRuns: 2000 },
    );
  });

  it("never throws on strings built from formula symbols", () => {
    const sym = fc.constantFrom(
      "a",
      "t.k",
      "1",
      "50%",
      "(",
      ")",
      ",",
      "+",
      "-",
      "×",
      "÷",
      "ratio",
      "sum",
      "=",
      "≤",
      "（",
      "）",
      "，",
      '"',
      "blank",
      " ",
    );
    fc.assert(
      fc.property(fc.array(sym, { maxLength: 20 }), (parts) => {
        const s = parts.join("");
        expect(typeof parseExpression(s).ok).toBe("boolean");
        expect(typeof parseCheck(s).ok).toBe("boolean");
      }),
      { numRuns: 3000 },
    );
  });
});

describe("parseCheck", () => {
  it.each([
    ["expend_basic + expend_project = expend_total", "="],
    ["a ＝ b", "="],
    ["a == b", "="],
    ["a <= b", "<="],
    ["a ≤ b", "<="],
    ["a ≦ b", "<="],
    ["a ≥ b", ">="],
    ["a < b", "<"],
    ["a > b", ">"],
  ])("reads the comparison %s", (text, op) => {
    const r = parseCheck(text);
    expect(r.ok && r.check.kind === "compare" && r.check.op).toBe(op);
  });

  it.each(["blank(sangong_prev)", "present(a)"])("reads the predicate %s", (text) => {
    const r = parseCheck(text);
    expect(r.ok && r.check.kind).toBe("predicate");
    expect(r.ok && r.fields).toEqual([text.slice(text.indexOf("(") + 1, -1)]);
  });

  it.each([
    ["a + b", "check_not_comparison", []],
    ["a = b = c", "unexpected_token", ["=", "7"]],
    ["a =", "unexpected_end", ["4"]],
  ])("rejects %j as %s %j", (text, problem, detail) => {
    expect(parseCheck(text)).toEqual({ ok: false, problem: { problem, detail } });
  });
});
