/** No code from strings anywhere in the shipped sources (the production bundle is scanned by `npm run bench`). */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CODE_FROM_STRINGS } from "./code-patterns";

const SRC = path.resolve(__dirname, "../../src");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.(ts|tsx|js|html)$/.test(e.name) ? [p] : [];
  });
}

describe("no eval in src/", () => {
  const files = sources(SRC);
  it("finds the sources", () => expect(files.length).toBeGreaterThan(50));

  it.each(CODE_FROM_STRINGS.map((re) => [String(re), re] as const))("nothing matches %s", (_n, re) => {
    const hits = files.flatMap((f) =>
      readFileSync(f, "utf8")
        .split("\n")
        .map((line, i) => ({ line, at: `${path.relative(SRC, f)}:${i + 1}` }))
        .filter(({ line }) => re.test(line) && !/^\s*(\/\/|\*)/.test(line))
        .map(({ at, line }) => `${at}: ${line.trim()}`),
    );
    expect(hits).toEqual([]);
  });

  it.each([
    ["eval(x)", true],
    ["new Function('a', 'return a')", true],
    ["const f = Function('return this')", true],
    ["setTimeout('alert(1)', 0)", true],
    ["evaluate(tree)", false],
    ["expr.eval(x)", false],
    ["ruleFunction(x)", false],
  ])("the patterns catch %s: %s", (text, caught) => {
    expect(CODE_FROM_STRINGS.some((re) => re.test(text))).toBe(caught);
  });
});
