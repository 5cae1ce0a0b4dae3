import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { FRESH_PARSERS, rememberingParsers } from "../../../src/engine/compile/parsers";

const P90 = "限值=90%；方向=低于；每点扣分=0.2";

describe("a session's parsers", () => {
  it("compile a rule once per kind, parameter text and weight, as a fresh compile would", () => {
    const p = rememberingParsers();
    const a = p.rule("deduct_per_point", P90, new Decimal(2));
    expect(p.rule("deduct_per_point", P90, new Decimal("2.0"))).toBe(a);
    expect(p.rule("deduct_per_point", P90, new Decimal(3))).not.toBe(a);
    expect(p.rule("deduct_per_point", "限值=80%", new Decimal(2))).not.toBe(a);
    expect(p.rule("step_per_block", P90, new Decimal(2))).not.toBe(a);
    expect(a.ok).toBe(true);
    expect(JSON.stringify(a)).toBe(JSON.stringify(FRESH_PARSERS.rule("deduct_per_point", P90, new Decimal(2))));
  });

  it("do not mix up a kind with the start of another's parameters", () => {
    const p = rememberingParsers();
    const a = p.rule("ab", "c", new Decimal(1));
    expect(p.rule("a", "bc", new Decimal(1))).not.toBe(a);
  });

  it("stay bounded: past two thousand rules they start over, and still compile right", () => {
    const p = rememberingParsers();
    const first = p.rule("deduct_per_point", P90, new Decimal(1));
    for (let i = 2; i <= 2001; i++) p.rule("deduct_per_point", P90, new Decimal(i));
    const again = p.rule("deduct_per_point", P90, new Decimal(1));
    expect(again).not.toBe(first);
    expect(JSON.stringify(again)).toBe(JSON.stringify(first));
  });
});
