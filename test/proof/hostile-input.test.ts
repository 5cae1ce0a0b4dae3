import { describe, it } from "vitest";
import fc from "fast-check";
import { PROPERTIES } from "./properties";

// A bounded run here; `npm run fuzz` runs the same properties with FUZZ_RUNS each.
describe("hostile input (property-based, bounded)", () => {
  it.each(PROPERTIES.map((p) => [p.name, p] as const))("%s", async (_name, p) => {
    await fc.assert(p.property(), { numRuns: p.runs, seed: Number(process.env.FUZZ_SEED ?? 20210301) });
  });
});
