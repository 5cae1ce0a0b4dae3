/**
 * npm run build:cli — compiles the command line for plain node into dist/cli (or --out-dir <dir>):
 * tsc with tsconfig.cli.json (CommonJS), then a package.json marking the folder CommonJS (the repository's is
 * "type": "module") and the entry perfeval.js. Run it with `node dist/cli/perfeval.js …`; bin/perfeval.js uses it
 * when present. The compiled files require the dependencies (exceljs, docx, decimal.js) from node_modules.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The entry, relative to the output folder (tsc keeps the repository's tree under it: src/cli/bin.js). */
export const CLI_ENTRY = "perfeval.js";

export function buildCli(outDir: string): void {
  rmSync(outDir, { recursive: true, force: true });
  const tsc = path.join(root, "node_modules/typescript/bin/tsc");
  const r = spawnSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.cli.json"), "--outDir", outDir], {
    stdio: "inherit",
  });
  if (r.status !== 0) throw new Error(`tsc -p tsconfig.cli.json failed (exit ${r.status ?? r.signal})`);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, "package.json"), `${JSON.stringify({ type: "commonjs" })}\n`);
  writeFileSync(path.join(outDir, CLI_ENTRY), `#!/usr/bin/env node\n"use strict";\nrequire("./src/cli/bin.js");\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf("--out-dir");
  const out = i >= 0 && process.argv[i + 1] ? path.resolve(process.argv[i + 1]!) : path.join(root, "dist/cli");
  buildCli(out);
  const shown = path.relative(process.cwd(), out);
  process.stdout.write(`perfeval CLI compiled into ${shown.startsWith("..") ? out : shown}\n`);
}
