/** Generated department workbooks for the batch benchmark: the example's figures varied per department. */
import type { SeedData } from "../src/templates/standard";
import { SEED } from "./generate";

/** A small deterministic PRNG (mulberry32), so every run generates the same 200 workbooks. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Department `i`: its own name, staff, payment progress, task completion and satisfaction. */
export function departmentSeed(i: number): SeedData {
  const r = rng(i + 1);
  const inputs = { ...SEED.inputs };
  inputs["unit_name"] = `重庆市万州区第${String(i + 1).padStart(3, "0")}部门`;
  inputs["staff_actual"] = Number(inputs["staff_quota"]) - Math.floor(r() * 3);
  inputs["project_funds_paid"] = round2(Number(inputs["project_funds_due"]) * (0.8 + r() * 0.2));
  return {
    ...SEED,
    inputs,
    tasks: SEED.tasks.map((t) => {
      const completion = r() < 0.8 ? 1 : round2(0.6 + r() * 0.4);
      return completion < 1
        ? { ...t, completion, reason: t.reason ?? "受疫情影响未全部完成" }
        : { ...t, completion: 1 };
    }),
    satisfaction: SEED.satisfaction.map((s) => ({ ...s, satisfaction: round2(0.85 + r() * 0.15) })),
  };
}
