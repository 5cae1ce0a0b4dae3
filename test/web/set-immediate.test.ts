// The bundle's stand-in for the setimmediate polyfill (jszip's only use: run a callback in a later task).
import { afterEach, describe, expect, it, vi } from "vitest";

const g = globalThis as { setImmediate?: unknown };
const original = g.setImmediate;

afterEach(() => {
  g.setImmediate = original;
  vi.resetModules();
});

describe("set-immediate stand-in", () => {
  it.each([
    ["MessageChannel", true],
    ["setTimeout", false],
  ])("installs setImmediate when missing (%s): calls back later, in order, with the arguments", async (_, channel) => {
    delete g.setImmediate;
    const saved = globalThis.MessageChannel;
    if (!channel) (globalThis as { MessageChannel?: unknown }).MessageChannel = undefined;
    try {
      await import("../../src/web/set-immediate");
    } finally {
      globalThis.MessageChannel = saved;
    }
    const install = g.setImmediate as (fn: (...a: unknown[]) => void, ...args: unknown[]) => void;
    expect(typeof install).toBe("function");
    const calls: unknown[][] = [];
    const done = new Promise<void>((resolve) => {
      install((...a) => calls.push(a), 1, "a");
      install((...a) => {
        calls.push(a);
        resolve();
      }, 2);
    });
    // Not synchronously.
    expect(calls).toEqual([]);
    await done;
    expect(calls).toEqual([[1, "a"], [2]]);
  });

  it("keeps an existing setImmediate", async () => {
    const own = vi.fn();
    g.setImmediate = own;
    await import("../../src/web/set-immediate");
    expect(g.setImmediate).toBe(own);
  });
});
