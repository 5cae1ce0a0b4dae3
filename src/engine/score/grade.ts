import Decimal from "decimal.js";
import type { GradeBandDef } from "../compile/read/types";

/** The grade of an exact (unrounded) total: the band with the highest minimum ≤ total. 89.99 → 良, 90 → 优. */
export function gradeFor(total: Decimal, grades: readonly GradeBandDef[]): string {
  let best: GradeBandDef | null = null;
  for (const g of grades) {
    if (total.gte(g.min) && (best === null || g.min > best.min)) best = g;
  }
  return best?.grade ?? "";
}
