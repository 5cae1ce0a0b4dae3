/** Runs the CLI's batch command in its own process and prints wall time and peak memory as JSON (bench/run.ts). */
import { main } from "../src/cli/main";

const [dir, out] = process.argv.slice(2);
let stdout = "";
let stderr = "";
const started = performance.now();
const code = await main(["batch", dir!, "-o", out!], {
  stdout: (t) => void (stdout += t),
  stderr: (t) => void (stderr += t),
  isTTY: false,
  cwd: process.cwd(),
});
const ms = performance.now() - started;
process.stdout.write(
  `${JSON.stringify({ code, ms, maxRssMB: process.resourceUsage().maxRSS / 1024, stdout, stderrLines: stderr.split("\n").filter(Boolean).length })}\n`,
);
