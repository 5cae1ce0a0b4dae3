/** The perfeval process: argv, stdio and the exit code around main() (the compiled CLI's entry, dist/cli). */
import path from "node:path";
import { main } from "./main";
import type { BatchWorkerEntry } from "./io";

// Compiled (CommonJS, dist/cli) the CLI knows its folder, and a batch runs on several threads with the compiled
// worker beside it. Run from the sources through tsx (ESM, while developing) a batch scores one file at a time.
const batchWorker: BatchWorkerEntry | undefined =
  typeof __dirname === "string" ? { script: path.join(__dirname, "batch-worker.js") } : undefined;

void main(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTTY: Boolean(process.stderr.isTTY),
  cwd: process.cwd(),
  ...(batchWorker ? { batchWorker } : {}),
}).then((code) => {
  process.exitCode = code;
});
