/** normaliseNumberText skips toPrecision when the shortest text is short enough; it must equal the plain rule. */
import fc from "fast-check";
import { normaliseNumberText } from "../../src/engine/compile/read/cells";

// The rule as documented: at most 15 significant digits, float noise dropped.
const reference = (n: number): string =>
  !Number.isFinite(n) ? String(n) : n === 0 ? "0" : String(Number(n.toPrecision(15)));

describe("normaliseNumberText", () => {
  it.each([
    [0.1 + 0.2, "0.3"],
    [33.1, "33.1"],
    [1e21, "1e+21"],
    [123456789012345, "123456789012345"],
    [1234567890123456, "1234567890123460"],
    [-0.000001, "-0.000001"],
    [1 / 3, "0.333333333333333"],
    [-0, "0"],
  ])("%s → %s", (n, text) => {
    expect(normaliseNumberText(n)).toBe(text);
    expect(reference(n)).toBe(text);
  });

  it("agrees with toPrecision(15) on any double", () => {
    fc.assert(
      fc.property(fc.double(), (n) => normaliseNumberText(n) === reference(n)),
      { numRuns: 20000 },
    );
  });

  it("agrees on money-like and rate-like numbers", () => {
    const money = fc.integer({ min: -1e9, max: 1e9 }).map((c) => c / 100);
    const rate = fc.tuple(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 1e6 })).map(([a, b]) => a / b);
    fc.assert(
      fc.property(fc.oneof(money, rate), (n) => normaliseNumberText(n) === reference(n)),
      { numRuns: 20000 },
    );
  });
});
