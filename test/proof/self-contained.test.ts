/**
 * The repository stands alone: nothing in src/, test/, scripts/ or bench/ (nor the configs CI runs)
 * names a path outside the repository, so a fresh clone with nothing beside it passes `npm test`.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const DIRS = ["src", "test", "scripts", "bench", "bin", ".ci"];
const CONFIGS = ["package.json", "webpack.config.js", "vitest.config.ts", "vitest.e2e.config.ts", "eslint.config.js"];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" ? [] : files(p);
    return /\.(ts|tsx|js|mjs|cjs|sh|json|html|md)$/.test(e.name) || e.name === "run" ? [p] : [];
  });
}

/** A path that climbs out of the repository, or the workplace's shared folder by name. */
const OUTSIDE = [/\.\.\/shared\b/, /\bshared\/(domain|seeds|schemas|reviews)\b/, /(["'`])(\.\.\/){5,}/];

describe("the repository stands alone", () => {
  const all = [...DIRS.flatMap((d) => files(path.join(ROOT, d))), ...CONFIGS.map((c) => path.join(ROOT, c))];
  it("finds the files", () => expect(all.length).toBeGreaterThan(200));

  it("no file reads or names a path outside it", () => {
    const self = path.relative(ROOT, __filename);
    const hits = all
      .filter((f) => path.relative(ROOT, f) !== self)
      .flatMap((f) =>
        readFileSync(f, "utf8")
          .split("\n")
          .map((line, i) => ({ line, at: `${path.relative(ROOT, f)}:${i + 1}` }))
          .filter(({ line }) => OUTSIDE.some((re) => re.test(line)))
          .map(({ at, line }) => `${at}: ${line.trim()}`),
      );
    expect(hits).toEqual([]);
  });
});
