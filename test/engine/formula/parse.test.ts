import fc from "fast-check";
import { parseCheck, parseExpression } from "../../../src/engine/formula";

describe("parseExpression", () => {
  it.each([
    ["staff_actual / staff_quota", ["staff_actual", "staff_quota"], []],
    ["ratio(staff_actual, staff_quota)", ["staff_actual", "staff_quota"], []],
    ["（sangong_total － sangong_prev）÷ sangong_prev", ["sangong_total", "sangong_prev"], []],
    ["ratio（card_settlement，card_settlement ＋ cash_settlement）", ["card_settlement", "cash_settlement"], []],
    ["a × 50%", ["a"], []],
    ["weighted(satisfaction.rate, satisfaction.weight)", [], [{ table: "satisfaction", key: "rate" }, { table: "satisfaction", key: "weight" }]],
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
    ["", "empty formula"],
    ["   ", "empty formula"],
    ["foo(a)", "unknown function 'foo' at 0"],
    ["ratio(a)", "function 'ratio' takes 2 argument(s), got 1 at 0"],
    ["abs(a, b)", "function 'abs' takes 1 argument(s), got 2 at 0"],
    ["a b", "unexpected 'b' at 2"],
    ["a +", "unexpected end of formula at 3"],
    ["(a + b", "expected ')' but found end of formula at 6"],
    ["a ) b", "unexpected ')' at 2"],
    ["blank(a)", "function 'blank' is only allowed in checks at 0"],
    ["weighted(a, b)", "argument 1 of 'weighted' must be a table column (table.key) at 9"],
    ["weighted(t.a, u.b)", "'weighted' needs two columns of one table at 0"],
    ["count(a)", "argument 1 of 'count' must be a table column (table.key) at 6"],
    ["a = b", "unexpected '=' at 2"],
    ["a # b", "unexpected character '#' at 2"],
    ['"abc', "unterminated string at 0"],
    ["t.", "expected a column name after 't.' at 2"],
  ])("rejects %j with %j", (text, problem) => {
    expect(parseExpression(text)).toEqual({ ok: false, problem });
  });

  it("reports deep nesting as a problem instead of overflowing", () => {
    const r = parseExpression("(".repeat(5000) + "1" + ")".repeat(5000));
    expect(r.ok).toBe(false);
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
    const sym = fc.constantFrom("a", "t.k", "1", "50%", "(", ")", ",", "+", "-", "×", "÷", "ratio", "sum", "=", "≤", "（", "）", "，", '"', "blank", " ");
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
    ["a + b", "a check must compare two values (a = b, a <= b …) or be blank(x) / present(x)"],
    ["a = b = c", "unexpected '=' at 6"],
    ["a =", "unexpected end of formula at 3"],
  ])("rejects %j", (text, problem) => {
    expect(parseCheck(text)).toEqual({ ok: false, problem });
  });
});
