/**
 * Runs the CLI's batch command in its own process (a fresh process, as a user runs it) and prints wall
 * time, peak memory and where the time went (the CLI's own timings of parse, engine and summary) as JSON.
 */
import { main } from "../src/cli/main";
import type { BatchTimings } from "../src/cli/batch";

const [dir, out] = process.argv.slice(2);
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
  },
  undefined,
  timings,
);
const ms = performance.now() - started;
process.stdout.write(
  `${JSON.stringify({ code, ms, timings, maxRssMB: process.resourceUsage().maxRSS / 1024, stdout, stderrLines: stderr.split("\n").filter(Boolean).length })}\n`,
);
