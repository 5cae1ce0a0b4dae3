/** The grade bands (等级划分) as the template writes them, checked before anything is scored. */
import Decimal from "decimal.js";
import type { Diagnostic, Location } from "../diagnostics/types";
import { diag } from "../diagnostics/types";
import { makeProblem } from "../diagnostics/problems";
import type { GradeBandDef } from "./read/types";

/** Check the grade bands: some band, no two with one minimum, one that reaches a total of 0, none above 满分. */
export function checkGrades(grades: readonly GradeBandDef[], fullScore: Decimal = new Decimal(100)): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (grades.length === 0) return [diag("grade_bands_invalid", "error", null, makeProblem("grades_empty"))];
  const seen = new Map<string, GradeBandDef>();
  for (const g of grades) {
    const at: Location = { sheet: g.ref.sheet, address: g.ref.address, label: g.grade };
    if (!Number.isFinite(g.min)) {
      out.push(diag("grade_bands_invalid", "error", at, makeProblem("grade_without_min", g.grade)));
      continue;
    }
    if (new Decimal(g.min).gt(fullScore))
      out.push(
        diag(
          "grade_bands_invalid",
          "error",
          at,
          makeProblem("grade_above_full", g.grade, new Decimal(g.min).toString(), fullScore.toString()),
        ),
      );
    const key = new Decimal(g.min).toString();
    const prev = seen.get(key);
    if (prev)
      out.push(diag("grade_bands_invalid", "error", at, makeProblem("grades_same_min", prev.grade, g.grade, key)));
    seen.set(key, g);
  }
  const lowest = Math.min(...grades.map((g) => g.min));
  if (Number.isFinite(lowest) && lowest > 0) {
    const g = grades.find((x) => x.min === lowest)!;
    out.push(
      diag(
        "grade_bands_invalid",
        "error",
        { sheet: g.ref.sheet, address: g.ref.address, label: g.grade },
        makeProblem("grade_floor_missing", new Decimal(lowest).toString()),
      ),
    );
  }
  return out;
}
