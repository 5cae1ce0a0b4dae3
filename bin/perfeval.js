#!/usr/bin/env node
// The perfeval command. Runs the compiled CLI (dist/cli, made by `npm run build` or `npm run build:cli`) with
// plain node; in a checkout without it, while developing, runs the TypeScript sources through tsx's loader.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const compiled = fileURLToPath(new URL("../dist/cli/perfeval.js", import.meta.url));
if (existsSync(compiled)) {
  createRequire(import.meta.url)(compiled);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli/bin.ts");
}
