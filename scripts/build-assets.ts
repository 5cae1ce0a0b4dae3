/** Regenerates assets/standard-template.xlsx and assets/example-wanzhou-2020.xlsx (npm run build:assets). */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildExampleWorkbook, buildStandardTemplate, shippedPublished } from "../src/hosts/xlsx/standard";
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const outputs: [string, Uint8Array][] = [
  ["assets/standard-template.xlsx", await shippedPublished(await buildStandardTemplate())],
  ["assets/example-wanzhou-2020.xlsx", await shippedPublished(await buildExampleWorkbook())],
];
for (const [file, bytes] of outputs) {
  writeFileSync(path.join(root, file), bytes);
  process.stdout.write(`wrote ${file} (${bytes.length} bytes)\n`);
}
