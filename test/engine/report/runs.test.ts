import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatNumber, type NumberStyle } from "../../../src/engine/model/format";
import { numOf } from "../../../src/engine/report/runs";

// numOf prints a score-sheet number without a Decimal when it can: the text must be what the one formatter prints.
describe("numOf", () => {
  it("prints every number as num(new Decimal(String(x)), style) would", () => {
    const styles: NumberStyle[] = ["score", "number", "amount", "rate", "integer"];
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => n / 100),
          fc.double({ min: -1e9, max: 1e9, noNaN: true }),
          fc.constantFrom(0, -0, 94, 6.5, 1e-7, 1e21, 0.005, 2.675),
        ),
        fc.constantFrom(...styles),
        (x, style) => {
          const v = new Decimal(String(x));
          expect(numOf(x, style)).toEqual({ kind: "number", value: v.toString(), text: formatNumber(v, style) });
        },
      ),
      { numRuns: 3000 },
    );
  });
});
