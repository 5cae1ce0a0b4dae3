import { describe, expect, it } from "vitest";
import { TextMemo } from "../../../src/engine/model/memo";

function counted<R>(f: (t: string) => R): { f: (t: string) => R; calls: () => number } {
  let n = 0;
  return {
    f: (t) => {
      n++;
      return f(t);
    },
    calls: () => n,
  };
}

describe("TextMemo", () => {
  it("computes a text once and returns the same result after", () => {
    const c = counted((t) => ({ upper: t.toUpperCase() }));
    const memo = new TextMemo<ReturnType<typeof c.f>>();
    const m = (t: string) => memo.get(t, () => c.f(t));
    const a = m("abc");
    expect(m("abc")).toBe(a);
    expect(a.upper).toBe("ABC");
    expect(c.calls()).toBe(1);
    m("abd");
    expect(c.calls()).toBe(2);
  });

  it("remembers null results too", () => {
    const c = counted(() => null);
    const memo = new TextMemo<ReturnType<typeof c.f>>();
    const m = (t: string) => memo.get(t, () => c.f(t));
    expect(m("x")).toBeNull();
    expect(m("x")).toBeNull();
    expect(c.calls()).toBe(1);
  });

  it("does not hold very long keys (hostile input can be megabytes)", () => {
    const c = counted((t) => t.length);
    const memo = new TextMemo<ReturnType<typeof c.f>>();
    const m = (t: string) => memo.get(t, () => c.f(t));
    const long = "x".repeat(5000);
    expect(m(long)).toBe(5000);
    expect(m(long)).toBe(5000);
    expect(c.calls()).toBe(2);
  });

  it("starts over when full, so it stays bounded whatever comes in", () => {
    const c = counted((t) => t);
    const memo = new TextMemo<string>(3);
    const m = (t: string) => memo.get(t, () => c.f(t));
    for (const t of ["a", "b", "c"]) m(t);
    expect(c.calls()).toBe(3);
    m("a");
    expect(c.calls()).toBe(3);
    m("d"); // full: forgets a, b, c
    m("a");
    expect(c.calls()).toBe(5);
  });
  it("keeps what compute returned under its key, with the same bounds", () => {
    const memo = new TextMemo<number>(2);
    let n = 0;
    const get = (k: string) => memo.get(k, () => ++n);
    expect(get("a")).toBe(1);
    expect(get("a")).toBe(1);
    expect(get("b")).toBe(2);
    expect(get("c")).toBe(3); // full: starts over
    expect(get("a")).toBe(4);
    expect(get("y".repeat(4001))).toBe(5);
    expect(get("y".repeat(4001))).toBe(6);
  });
});
