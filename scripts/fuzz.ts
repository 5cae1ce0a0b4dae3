/**
 * The long run of the hostile-input properties (test/proof/properties.ts): `npm run fuzz`.
 * FUZZ_RUNS (default 2000) runs per property; FUZZ_SEED to replay a failure; FUZZ_ONLY=<substring> to pick one.
 */
import fc from "fast-check";
import { PROPERTIES } from "../test/proof/properties";

const runs = Number(process.env.FUZZ_RUNS ?? 2000);
const seed = process.env.FUZZ_SEED === undefined ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED);
const only = process.env.FUZZ_ONLY;

let failed = 0;
process.stdout.write(`fuzz: ${runs} runs per property, seed ${seed}\n`);
for (const p of PROPERTIES) {
  if (only && !p.name.includes(only)) continue;
  const started = performance.now();
  const result = await fc.check(p.property(), { numRuns: runs, seed });
  const secs = ((performance.now() - started) / 1000).toFixed(1);
  if (result.failed) {
    failed++;
    process.stdout.write(`FAIL ${p.name} (${secs} s)\n${fc.defaultReportMessage(result) ?? ""}\n`);
  } else {
    process.stdout.write(`ok   ${p.name} (${result.numRuns} runs, ${secs} s)\n`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
