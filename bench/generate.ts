/**
 * Bigger templates for the benchmarks and the hostile-input tests: the filled example with every
 * rubric leaf and every task row repeated `factor` times. Weights, point-valued parameters (deduct,
 * step) and manual scores are divided by `factor`, so the weights still add up and the total stays 94 (优).
 */
import Decimal from "decimal.js";
import seedJson from "../assets/examples/wanzhou-2020.json";
import { buildExampleDescription, layoutTemplate, layoutToSnapshot } from "../src/templates/standard";
import type { RubricRowSpec, SeedData, TemplateDescription } from "../src/templates/standard";
import type { WorkbookSnapshot } from "../src/engine/model/snapshot";

export const SEED: SeedData = seedJson;

const div = (x: number, k: number): number => new Decimal(x).div(k).toNumber();

/** Scale the point-valued parameters (deduct=, step=) of a rule; percentages and bands stay as they are. */
function scaleParams(params: string, k: number): string {
  return params.replace(
    /\b(deduct|step)=([0-9.]+)(?!%)/g,
    (_m, key: string, n: string) => `${key}=${div(Number(n), k)}`,
  );
}

function repeatLeaf(row: RubricRowSpec, k: number): RubricRowSpec[] {
  if (row.level3 === "" || row.expand !== "") return [row];
  return Array.from({ length: k }, (_, j) => ({
    ...row,
    id: `${row.id}.${j + 1}`,
    level3: `${row.level3}（${j + 1}）`,
    weight: div(row.weight, k),
    params: scaleParams(row.params, k),
    manualScore: row.manualScore === null ? null : div(row.manualScore, k),
  }));
}

/** The example description with `factor`× the rubric leaves and the task rows (factor 1 = the example). */
export function scaledDescription(factor: number, seed: SeedData = SEED): TemplateDescription {
  const base = buildExampleDescription(seed);
  if (factor === 1) return base;
  const rubric = base.rubric.flatMap((r) => repeatLeaf(r, factor));
  const tables = base.tables.map((t) => {
    if (t.id !== "tasks") return t;
    const rows = t.rows.flatMap((r, i) =>
      Array.from({ length: factor }, (_, j) => ({
        ...r,
        name: `${String(r.name)}（${i + 1}-${j + 1}）`,
        weight: div(Number(r.weight), factor),
      })),
    );
    return { ...t, rows };
  });
  return { ...base, rubric, tables };
}

/** The scaled example as a snapshot (what a host would read from the written workbook). */
export function scaledSnapshot(factor: number, seed: SeedData = SEED): WorkbookSnapshot {
  return layoutToSnapshot(layoutTemplate(scaledDescription(factor, seed)));
}

/** How many rubric leaves (before task expansion) and task rows a description has. */
export function sizeOf(desc: TemplateDescription): { leaves: number; tasks: number } {
  return {
    leaves: desc.rubric.filter((r) => r.level3 !== "").length,
    tasks: desc.tables.find((t) => t.id === "tasks")?.rows.length ?? 0,
  };
}
