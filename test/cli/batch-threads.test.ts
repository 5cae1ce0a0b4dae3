/**
 * A batch on several threads (src/cli/batch-pool.ts) gives what one thread gives, file for file and in order; a
 * worker that cannot start or dies leaves its files to the main thread, and nothing is lost.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scoreFiles } from "../../src/cli/batch-pool";
import type { FileResult } from "../../src/cli/batch-file";
import type { BatchWorkerEntry } from "../../src/cli/io";

const ROOT = path.resolve(__dirname, "../..");
const WORKER: BatchWorkerEntry = {
  script: path.join(ROOT, "src/cli/batch-worker.ts"),
  threads: 2,
};
let dir = "";
let files: string[] = [];

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "perfeval-threads-"));
  const example = path.join(ROOT, "assets/example-wanzhou-2020.xlsx");
  const blank = path.join(ROOT, "assets/standard-template.xlsx");
  files = ["a", "b", "c", "d", "e", "f"].map((n) => path.join(dir, `${n}.xlsx`));
  files.forEach((f, i) => copyFileSync(i === 2 ? blank : example, f));
  writeFileSync(files[4]!, "not a workbook");
  files.push(path.join(dir, "missing.xlsx"));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A result without where and how fast it was made. */
const what = (r: FileResult) => ({ outcome: r.outcome, problem: r.problem });

describe("a batch on several threads", () => {
  it("gives every file what the main thread gives, in the batch's order, from two worker threads", async () => {
    const alone = await scoreFiles(files, "zh-CN", undefined, () => {});
    expect(alone.every((r) => r.threadId === 0)).toBe(true);
    const seen: number[] = [];
    const threaded = await scoreFiles(files, "zh-CN", WORKER, (i) => seen.push(i));
    expect(threaded.map(what)).toStrictEqual(alone.map(what));
    expect(new Set(threaded.map((r) => r.threadId)).size).toBe(2);
    expect(threaded.every((r) => r.threadId !== 0)).toBe(true);
    expect([...seen].sort((a, b) => a - b)).toEqual(files.map((_, i) => i));
    // What the files are: two scored examples … a blank template, an unreadable file, a missing one.
    expect(threaded[0]!.outcome?.scores?.total).toBe(94);
    expect(threaded[2]!.outcome?.scores).toBeNull();
    expect(threaded[4]!.problem).toContain("无法打开");
    expect(threaded[6]!.problem).not.toBe("");
  }, 60_000);

  it("a worker that cannot start leaves every file to the main thread", async () => {
    const broken: BatchWorkerEntry = { script: path.join(dir, "no-such-worker.js"), threads: 2 };
    const results = await scoreFiles(files, "en", broken, () => {});
    expect(results.every((r) => r.threadId === 0)).toBe(true);
    expect(results.map(what)).toStrictEqual((await scoreFiles(files, "en", undefined, () => {})).map(what));
  }, 60_000);

  it("a worker that dies half-way: its file and the rest are scored on the main thread", async () => {
    // Exits on its first file, without a word.
    const dying = path.join(dir, "dying-worker.mjs");
    writeFileSync(
      dying,
      `import { parentPort } from "node:worker_threads";
       parentPort.on("message", () => process.exit(3));`,
    );
    const results = await scoreFiles(files, "zh-CN", { script: dying, threads: 2 }, () => {});
    expect(results).toHaveLength(files.length);
    expect(results.every((r) => r !== undefined && r.threadId === 0)).toBe(true);
    expect(results[0]!.outcome?.scores?.total).toBe(94);
  }, 60_000);
});
