import { describe, expect, it } from "vitest";
import Decimal from "decimal.js";
import type { CellValue } from "../../../src/engine/model/cell";
import type { FieldType } from "../../../src/engine/compile/read/types";
import type { TypedValue } from "../../../src/engine/model/values";
import { coerceCell, decimalOf } from "../../../src/engine/validate/coerce-cell";
import { parseNumberText } from "../../../src/engine/validate/number-text";
import { cell, date, err } from "../../fixtures";
import type { CellInput } from "../../fixtures";

const where = { sheet: "收支情况", address: "C7", name: "x", label: "某项" };
const spec = (type: FieldType, extra: Partial<{ required: boolean; min: number | null; max: number | null }> = {}) => ({
  label: "某项",
  type,
  required: extra.required ?? false,
  min: extra.min ?? null,
  max: extra.max ?? null,
});
const shown = (v: TypedValue): unknown => (v instanceof Decimal ? `D:${v.toFixed()}` : v);
const run = (input: CellInput, type: FieldType, extra = {}) => {
  const r = coerceCell(cell(input), spec(type, extra), where);
  return {
    value: shown(r.value),
    codes: r.diagnostics.map((d) => `${d.severity}:${d.code}`),
    diagnostics: r.diagnostics,
  };
};

describe("coerceCell: numbers typed as text are read when unambiguous (read_as info)", () => {
  it.each([
    ["73.19%", "rate", "D:0.7319"],
    ["７３．１９％", "rate", "D:0.7319"],
    ["50%", "number", "D:0.5"],
    ["226.86万元", "amount", "D:226.86"],
    ["226.86 万元", "amount", "D:226.86"],
    ["１２", "integer", "D:12"],
    ["12人", "integer", "D:12"],
    ["1,234.5", "amount", "D:1234.5"],
    ["1,234,567", "number", "D:1234567"],
    ["  12 ", "integer", "D:12"],
    ["\u3000１２\u3000", "integer", "D:12"],
    ["-3.5", "number", "D:-3.5"],
    ["−3.5", "number", "D:-3.5"],
    ["2020年", "year", "D:2020"],
    [".5", "number", "D:0.5"],
  ] as const)("%j as %s → %s", (text, type, value) => {
    const r = run(text, type);
    expect(r.value).toBe(value);
    expect(r.codes).toEqual(["info:read_as"]);
    expect(r.diagnostics[0]?.params).toEqual({ label: "某项", text: text.trim(), value: value.slice(2) });
  });

  it.each([
    ["约二百万", "amount"],
    ["226.86元", "amount"],
    ["73.19%", "amount"],
    ["12%", "integer"],
    ["1,23", "number"],
    ["12,34.5", "number"],
    ["1 234", "number"],
    ["1e3", "number"],
    ["12..5", "number"],
    ["万元", "amount"],
    ["%", "rate"],
    ["--1", "number"],
  ] as const)("%j as %s → not_a_number (error), value null", (text, type) => {
    const r = run(text, type);
    expect(r.value).toBeNull();
    expect(r.codes).toEqual(["error:not_a_number"]);
    expect(r.diagnostics[0]?.params).toEqual({ label: "某项", text });
  });
});

describe("coerceCell: numbers", () => {
  it.each([
    [0.1 + 0.2, "number", "D:0.3"],
    [166.03, "amount", "D:166.03"],
    [12, "integer", "D:12"],
    [2020, "year", "D:2020"],
    [0.9756, "rate", "D:0.9756"],
    [1e-7, "number", "D:1e-7"],
  ] as const)("%s as %s → %s without diagnostics", (n, type, value) => {
    const r = run(n, type);
    expect(r.codes).toEqual([]);
    if (value === "D:1e-7") expect((coerceCell(cell(n), spec(type), where).value as Decimal).eq("1e-7")).toBe(true);
    else expect(r.value).toBe(value);
  });

  it("normalises float noise to 15 significant digits before Decimal", () => {
    expect(decimalOf(0.30000000000000004).toFixed()).toBe("0.3");
    expect(decimalOf(226.85999999999999).toFixed()).toBe("226.86");
    expect(decimalOf(-0).toFixed()).toBe("0");
  });

  it.each([
    [7.5, "integer", "7.5"],
    [2020.5, "year", "2020.5"],
    ["7.5", "integer", "7.5"],
  ] as const)("%j as %s → not_an_integer", (input, type, value) => {
    const r = run(input, type);
    expect(r.codes).toContain("error:not_an_integer");
    expect(r.diagnostics.find((d) => d.code === "not_an_integer")?.params).toEqual({ label: "某项", value });
  });

  it.each([
    [true, "amount", "boolean"],
    [false, "integer", "boolean"],
    [date("2020-01-01"), "year", "date"],
    [date("2020-12-31"), "rate", "date"],
  ] as const)("%j in a %s cell → wrong_type got %s", (input, type, got) => {
    const r = run(input, type);
    expect(r.value).toBeNull();
    expect(r.codes).toEqual(["error:wrong_type"]);
    expect(r.diagnostics[0]?.params).toEqual({ label: "某项", expected: type, got });
  });

  it.each([
    [-1, "amount", { min: 0 }, { value: "-1", min: "0", max: "" }],
    [120, "integer", { min: 0, max: 100 }, { value: "120", min: "0", max: "100" }],
    [1999, "year", {}, { value: "1999", min: "2000", max: "2100" }],
    [2101, "year", {}, { value: "2101", min: "2000", max: "2100" }],
    [1.2, "rate", { min: 0, max: 1.1 }, { value: "1.2", min: "0", max: "1.1" }],
    [150, "rate", { min: 0, max: 1 }, { value: "150", min: "0", max: "1" }],
  ] as const)("%s as %s %j → out_of_range (error), value kept", (n, type, bounds, params) => {
    const r = run(n, type, bounds);
    expect(r.codes).toEqual(["error:out_of_range"]);
    expect(r.diagnostics[0]?.params).toEqual({ label: "某项", ...params });
    expect(r.value).toBe(`D:${n}`);
  });

  it("a rate typed as 97 where a fraction is expected suggests 97%", () => {
    const r = run(97, "rate", { min: 0, max: 1 });
    expect(r.diagnostics).toEqual([
      {
        code: "out_of_range",
        severity: "error",
        location: where,
        params: { label: "某项", value: "97", min: "0", max: "1", suggestion: "97%" },
      },
    ]);
  });

  it("a year's bounds come from 字段定义 when given", () => {
    expect(run(1990, "year", { min: 1949 }).codes).toEqual([]);
  });

  it.each([
    [166.0312, "166.0312", 4],
    ["166.035万元", "166.035", 3],
  ])("an amount %j with more than 2 decimals is kept exact with an info note", (input, value, decimals) => {
    const r = run(input, "amount");
    expect(r.value).toBe(`D:${value}`);
    expect(r.diagnostics.find((d) => d.code === "amount_precision")).toMatchObject({
      severity: "info",
      params: { label: "某项", value, decimals },
    });
  });

  it("non-finite numbers are not numbers", () => {
    expect(coerceCell({ t: "n", v: Number.NaN }, spec("number"), where).diagnostics.map((d) => d.code)).toEqual([
      "not_a_number",
    ]);
  });
});

describe("coerceCell: blanks and Excel errors (every type)", () => {
  const types: FieldType[] = ["text", "integer", "amount", "rate", "year", "number", "yesno"];
  const blanks: CellValue[] = [{ t: "empty" }, { t: "s", v: "" }, { t: "s", v: "   " }];

  it.each(types.flatMap((t) => blanks.map((b) => [t, b] as const)))(
    "required %s blank %j → required_missing",
    (type, b) => {
      const r = coerceCell(b, spec(type, { required: true }), where);
      expect(r.value).toBeNull();
      expect(r.diagnostics).toEqual([
        { code: "required_missing", severity: "error", location: where, params: { label: "某项" } },
      ]);
    },
  );

  it.each(types)("optional %s blank → null, nothing reported", (type) => {
    expect(coerceCell(undefined, spec(type), where)).toEqual({ value: null, diagnostics: [] });
  });

  it.each(types.flatMap((t) => ["#DIV/0!", "#REF!", "#N/A", "#VALUE!", "#NAME?"].map((e) => [t, e] as const)))(
    "%s cell showing %s → excel_error",
    (type, e) => {
      const r = coerceCell(err(e), spec(type, { required: true }), where);
      expect(r.value).toBeNull();
      expect(r.diagnostics).toEqual([
        { code: "excel_error", severity: "error", location: where, params: { label: "某项", error: e } },
      ]);
    },
  );
});

describe("coerceCell: text and yes/no", () => {
  it.each([
    ["  万州区外事办 ", "万州区外事办"],
    [2020, "2020"],
    [0.1 + 0.2, "0.3"],
    [true, "是"],
    [date("2020-05-01"), "2020-05-01"],
  ] as const)("text cell %j → %j", (input, value) => {
    expect(run(input, "text")).toMatchObject({ value, codes: [] });
  });

  it("text longer than 最大值 → text_too_long (warning), counted in characters", () => {
    const r = run("一二三四五六", "text", { max: 5 });
    expect(r.value).toBe("一二三四五六");
    expect(r.diagnostics).toMatchObject([
      { code: "text_too_long", severity: "warning", params: { length: 6, max: 5 } },
    ]);
  });

  it.each([
    ["是", true],
    [" 否 ", false],
    [true, true],
    [false, false],
  ] as const)("yes/no %j → %s", (input, value) => {
    expect(run(input, "yesno")).toMatchObject({ value, codes: [] });
  });

  it.each([
    ["对", "text"],
    [1, "number"],
    [date("2020-01-01"), "date"],
  ] as const)("yes/no %j → wrong_type got %s", (input, got) => {
    const r = run(input, "yesno");
    expect(r.value).toBeNull();
    expect(r.diagnostics[0]?.params).toEqual({ label: "某项", expected: "yesno", got });
  });
});

describe("parseNumberText", () => {
  it("percent is only read for rates and plain numbers", () => {
    expect(parseNumberText("50%", "rate")?.toFixed()).toBe("0.5");
    expect(parseNumberText("50%", "amount")).toBeNull();
  });
});
