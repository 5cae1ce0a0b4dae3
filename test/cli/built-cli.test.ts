/**
 * The compiled command line, as `npm run build:cli` makes it, run with plain node: no tsx, no TypeScript.
 * The build goes into a temporary folder laid out like the repository (bin/, dist/cli/, node_modules/ with
 * every package except tsx, esbuild and typescript), so bin/perfeval.js is also shown to pick the compiled CLI.
 */
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_ENTRY, buildCli } from "../../scripts/build-cli";

const ROOT = path.resolve(__dirname, "../..");
const EXAMPLE = path.join(ROOT, "assets/example-wanzhou-2020.xlsx");
/** What only development needs: the built CLI must run without them. */
const DEV_ONLY = new Set(["tsx", "esbuild", "@esbuild", "typescript", ".bin"]);

let dir = "";
let entry = "";

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "perfeval-built-cli-"));
  buildCli(path.join(dir, "dist/cli"));
  entry = path.join(dir, "dist/cli", CLI_ENTRY);
  mkdirSync(path.join(dir, "bin"));
  copyFileSync(path.join(ROOT, "bin/perfeval.js"), path.join(dir, "bin/perfeval.js"));
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ type: "module" }));
  const modules = path.join(dir, "node_modules");
  mkdirSync(modules);
  for (const name of readdirSync(path.join(ROOT, "node_modules"))) {
    if (!DEV_ONLY.has(name)) symlinkSync(path.join(ROOT, "node_modules", name), path.join(modules, name));
  }
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function node(args: string[]): { code: number | null; out: string; err: string } {
  const env = { ...process.env, NODE_OPTIONS: "", FORCE_COLOR: "0" };
  const r = spawnSync(process.execPath, args, { cwd: dir, env, encoding: "utf8", timeout: 30_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("the compiled CLI (dist/cli), run with plain node", () => {
  it("has no TypeScript left and needs no tsx", () => {
    const files = readdirSync(path.join(dir, "dist/cli"), { recursive: true }).map(String);
    expect(files.filter((f) => f.endsWith(".ts"))).toEqual([]);
    expect(files).toContain(path.join("src", "cli", "bin.js"));
    expect(readdirSync(path.join(dir, "node_modules"))).not.toContain("tsx");
  });

  it("prints the usage for --help and exits 0", () => {
    const r = node([entry, "--help"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out.split("\n")[0]).toBe("用法：perfeval <命令> [参数]");
    for (const command of ["template", "validate", "score", "report", "batch"]) {
      expect(r.out).toMatch(new RegExp(`^  ${command} `, "m"));
    }
  });

  it("validates the shipped example: its three sum warnings, no error, exit 0", () => {
    const r = node([entry, "validate", EXAMPLE]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const lines = r.out.trim().split("\n");
    expect(lines.filter((l) => l.startsWith("警告 "))).toHaveLength(3);
    expect(r.out).toContain(
      "「收支情况」!B10 基本支出 + 项目支出 = 226.75 万元，与本年支出合计 226.86 万元相差 0.11 万元",
    );
    // Notes (提示) are left out of the count: whether validation reports 不适用 indicators is the engine's call.
    expect(lines.at(-2)).toMatch(/^0 个错误 · 3 个警告 · \d+ 个提示$/);
    expect(lines.at(-1)).toBe(`「${EXAMPLE}」校验通过。`);
  });

  it("scores the example to 94, 优 (--json), through bin/perfeval.js", () => {
    const r = node([
      path.join(dir, "bin/perfeval.js"),
      "score",
      EXAMPLE,
      "-o",
      path.join(dir, "scored.xlsx"),
      "--json",
    ]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { template: { id: string }; total: number; grade: string };
    expect(json).toMatchObject({ template: { id: "cn.perfeval.dept-overall" }, total: 94, grade: "优" });
    expect(readFileSync(path.join(dir, "scored.xlsx")).subarray(0, 2).toString()).toBe("PK");
  });

  it("refuses a missing file with exit 2 and says why", () => {
    const r = node([entry, "validate", path.join(dir, "nope.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("nope.xlsx");
  });
});
