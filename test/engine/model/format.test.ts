import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatRate } from "../../../src/engine/model/format";

/** What formatRate printed before it moved the point itself: v × 100, rounded half up at 2 decimals. */
const byTimes = (v: Decimal): string => `${v.times(100).toFixed(2, Decimal.ROUND_HALF_UP)}%`;

describe("formatRate", () => {
  it.each([
    ["0.199361", "19.94%"],
    ["1", "100.00%"],
    ["0", "0.00%"],
    ["-0", "0.00%"],
    ["-0.00001", "-0.00%"],
    ["0.00005", "0.01%"],
    ["-0.05", "-5.00%"],
    ["12.34567", "1234.57%"],
    ["1e-9", "0.00%"],
    ["123456789.123456789", "12345678912.35%"],
    ["0.12344999999999999999999", "12.35%"],
    ["NaN", "NaN%"],
    ["Infinity", "Infinity%"],
  ])("%s → %s, as v × 100 rounded gives", (text, shown) => {
    const v = new Decimal(text);
    expect(formatRate(v)).toBe(shown);
    expect(formatRate(v)).toBe(byTimes(v));
  });

  it("prints what v × 100 rounded at 2 decimals prints, for any decimal (property)", () => {
    const decimal = fc
      .tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: -5, max: 32 }))
      .map(([n, scale]) => new Decimal(`${n}e${-scale}`));
    const computed = fc
      .tuple(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ min: 0.001, max: 1e6, noNaN: true }))
      .map(([a, b]) => new Decimal(a).div(b));
    fc.assert(
      fc.property(fc.oneof(decimal, computed), (v) => {
        expect(formatRate(v)).toBe(byTimes(v));
      }),
      { numRuns: 5000 },
    );
  });
});
