import { describe, expect, it } from "vitest";
import {
  isDateFormat,
  serialToIsoDate,
  splitSheetAddress,
  toCellValue,
  quoteSheet,
} from "../../../src/hosts/office/normalize";
import { toExcelInput, toExcelBlock } from "../../../src/hosts/office/write-values";
import { parseNameRef } from "../../../src/engine/model/defined-names";
import { parseWorkbookXml } from "../../../src/hosts/office/template-file";
import { toHostError } from "../../../src/hosts/office/errors";
import { HostError } from "../../../src/hosts/common/types";

describe("isDateFormat", () => {
  it.each([
    ["yyyy/m/d", true],
    ['yyyy"年"m"月"d"日"', true],
    ["[$-zh-CN]yyyy-mm-dd", true],
    ["h:mm:ss", true],
    ["General", false],
    ["0.00%", false],
    ["#,##0.00_);[Red](#,##0.00)", false],
    ['0.00"万元"', false],
    ["@", false],
    ["", false],
  ])("%s → %s", (format, expected) => {
    expect(isDateFormat(format)).toBe(expected);
  });
});

describe("toCellValue", () => {
  it.each([
    [12, "Integer", "General", { t: "n", v: 12 }],
    [43831, "Double", "yyyy-mm-dd", { t: "d", v: "2020-01-01" }],
    ["", "Empty", "General", { t: "empty" }],
    ["", "String", "@", { t: "empty" }],
    ["文本", "String", "General", { t: "s", v: "文本" }],
    ["#N/A", "Error", "General", { t: "e", v: "#N/A" }],
    [true, "Boolean", "General", { t: "b", v: true }],
  ])("%j (%s, %s)", (value, type, format, expected) => {
    expect(toCellValue(value, type, format)).toEqual(expected);
  });

  it("converts serials around the 1900 leap-year bug the way exceljs does", () => {
    expect(serialToIsoDate(61)).toBe("1900-03-01");
    expect(serialToIsoDate(44196.75)).toBe("2020-12-31");
  });
});

describe("references", () => {
  it.each([
    ["=基本情况!$B$3", { sheet: "基本情况", address: "B3" }],
    ["='It''s 表'!$A$3:$F$3", { sheet: "It's 表", address: "A3:F3" }],
    ["Sheet1!b7", { sheet: "Sheet1", address: "B7" }],
    ["=#REF!$B$2", null],
    ["=#ref!$B$2:$C$2", null],
    ["=#REF!", null],
    ["='#REF'!$B$2", { sheet: "#REF", address: "B2" }],
    ["=3", null],
  ])("%s", (ref, expected) => {
    expect(splitSheetAddress(ref)).toEqual(expected);
    // The .xlsx host reads a name's text (no "=") with the same parser: both hosts see the same names.
    expect(parseNameRef(ref.replace(/^=/, ""))).toEqual(expected);
  });

  it.each([
    ["Sheet1", "Sheet1"],
    ["基本情况", "'基本情况'"],
    ["It's", "'It''s'"],
  ])("quoteSheet(%s) = %s", (sheet, quoted) => {
    expect(quoteSheet(sheet)).toBe(quoted);
  });
});

describe("toExcelInput: text Excel would reinterpret gets the apostrophe text prefix", () => {
  it.each([
    ["=SUM(A1)", "'=SUM(A1)"],
    ["+1", "'+1"],
    ["-", "'-"],
    ["@x", "'@x"],
    ["'quoted", "''quoted"],
    ["2020", "'2020"],
    ["50%", "'50%"],
    ["true", "'true"],
    ["#N/A", "'#N/A"],
    ["一、部门概况", "一、部门概况"],
    ["良", "良"],
    ["", ""],
  ])("%j → %j", (text, written) => {
    expect(toExcelInput(text)).toBe(written);
  });

  it("keeps numbers, clears on null, pads ragged rows with null (skipped by Office.js)", () => {
    expect(toExcelBlock([[1, null], ["a"]])).toEqual([
      [1, ""],
      ["a", null],
    ]);
  });
});

describe("parseWorkbookXml", () => {
  it("lists sheets in order and only workbook-scoped range names", () => {
    const xml = `<workbook><sheets><sheet name="说明" sheetId="1"/><sheet name="A&amp;B" sheetId="2"/></sheets>
      <definedNames><definedName name="x">'A&amp;B'!$C$4</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">说明!$A$1</definedName>
      <definedName name="local" localSheetId="1">说明!$A$1</definedName><definedName name="k">7</definedName></definedNames></workbook>`;
    expect(parseWorkbookXml(xml)).toEqual({
      sheets: ["说明", "A&B"],
      names: [{ name: "x", sheet: "A&B", address: "C4" }],
    });
  });
});

describe("toHostError", () => {
  it("passes a HostError through and wraps anything else as unknown with its text as detail", () => {
    const original = new HostError("busy", "x");
    expect(toHostError(original)).toBe(original);
    const wrapped = toHostError(new TypeError("boom"));
    expect(wrapped.code).toBe("unknown");
    expect(wrapped.detail).toContain("boom");
  });
});
