/**
 * Runs the CLI's batch command in its own process (a fresh process, as a user runs it) and prints wall
 * time, peak memory and where the time went (the CLI's own timings of parse, engine and summary) as JSON.
 */
import path from "node:path";
import { main } from "../src/cli/main";
import { threadCount } from "../src/cli/batch-pool";
import type { BatchTimings } from "../src/cli/batch";

const [dir, out] = process.argv.slice(2);
const WORKER = { script: path.resolve(import.meta.dirname, "../src/cli/batch-worker.ts") };
let stdout = "";
let stderr = "";
const timings: BatchTimings = { parseMs: 0, engineMs: 0, summaryMs: 0 };
const started = performance.now();
const code = await main(
  ["batch", dir!, "-o", out!],
  {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    isTTY: false,
    cwd: process.cwd(),
    // As the compiled CLI runs a batch: on the machine's threads (the TypeScript worker, through tsx, here).
    batchWorker: WORKER,
  },
  undefined,
  timings,
);
const ms = performance.now() - started;
process.stdout.write(
  `${JSON.stringify({ code, ms, timings, maxRssMB: process.resourceUsage().maxRSS / 1024, threads: threadCount(WORKER, Number.MAX_SAFE_INTEGER), stdout, stderrLines: stderr.split("\n").filter(Boolean).length })}\n`,
);
