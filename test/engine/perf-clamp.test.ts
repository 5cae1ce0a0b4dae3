/** clamp avoids decimal.js's copies; it must give exactly Decimal.max(lo, Decimal.min(hi, d)), sign of zero included. */
import fc from "fast-check";
import Decimal from "decimal.js";
import { clamp } from "../../src/engine/model/decimal";

const reference = (d: Decimal, lo: Decimal, hi: Decimal): Decimal => Decimal.max(lo, Decimal.min(hi, d));
const same = (a: Decimal, b: Decimal): boolean =>
  a.isNaN() ? b.isNaN() : a.eq(b) && a.s === b.s && a.toString() === b.toString();

const specials = ["0", "-0", "NaN", "Infinity", "-Infinity", "5", "-5", "2.5"].map((t) => new Decimal(t));
const decimalArb = fc.oneof(
  fc.constantFrom(...specials),
  fc.integer({ min: -1000, max: 1000 }).map((n) => new Decimal(n).div(8)),
);

describe("clamp", () => {
  it.each([
    ["3", "0", "5", "3"],
    ["-1", "0", "5", "0"],
    ["7", "0", "5", "5"],
    ["-0", "0", "5", "0"],
  ])("clamp(%s, %s, %s) = %s", (d, lo, hi, out) => {
    expect(clamp(new Decimal(d), new Decimal(lo), new Decimal(hi)).toString()).toBe(out);
  });

  it("matches Decimal.max(lo, Decimal.min(hi, d)) for any operands", () => {
    fc.assert(
      fc.property(decimalArb, decimalArb, decimalArb, (d, lo, hi) => same(clamp(d, lo, hi), reference(d, lo, hi))),
      { numRuns: 5000 },
    );
  });
});
