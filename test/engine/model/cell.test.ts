import { describe, expect, it } from "vitest";
import { columnLetters, parseA1, parseRange, rangeToA1, toA1 } from "../../../src/engine/model/cell";

describe("A1 addresses", () => {
  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [27, "AB"],
    [701, "ZZ"],
    [702, "AAA"],
  ])("column %i is %s", (col, letters) => {
    expect(columnLetters(col)).toBe(letters);
    expect(parseA1(`${letters}1`)).toEqual({ row: 0, col });
  });

  it.each(["B7", "$B$7", "b7"])("parses %s", (a) => {
    expect(parseA1(a)).toEqual({ row: 6, col: 1 });
    expect(toA1(parseA1(a)!)).toBe("B7");
  });

  it.each(["", "7B", "B0", "B", "B7:C8", "ABCD1"])("rejects %j", (a) => {
    expect(parseA1(a)).toBeNull();
  });

  it("normalises ranges", () => {
    expect(rangeToA1(parseRange("F3:A1")!)).toBe("A1:F3");
    expect(rangeToA1(parseRange("C4")!)).toBe("C4");
    expect(parseRange("A1:B2:C3")).toBeNull();
  });
});
