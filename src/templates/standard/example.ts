/** The filled example: the standard template plus the seed's figures (wanzhou-2020.json) and narrative. */
import { EngineInvariantError } from "../../engine";
import { standardTemplateDescription } from "./description";
import {
  SEED_BASIS,
  SEED_EXPEND_MAIN_USE,
  SEED_SANGONG_BUDGET_SCOPE,
  SEED_BENEFITS,
  SEED_DUTIES,
  SEED_MEASURES,
  SEED_ORG,
  SEED_PROBLEMS,
  SEED_SANGONG_REASONS,
  SEED_GOALS,
  SEED_SITUATIONS,
} from "./example-text";
import type { CellContent, TableSpec, TemplateDescription } from "../layout/types";

/** The shape of assets/examples/wanzhou-2020.json (the parts the example uses). */
export interface SeedData {
  readonly inputs: Readonly<Record<string, string | number>>;
  readonly tasks: readonly {
    readonly name: string;
    readonly weight: number;
    readonly completion: number;
    readonly reason?: string;
  }[];
  readonly satisfaction: readonly {
    readonly group: string;
    readonly questionnaires: number;
    readonly satisfaction: number;
    readonly weight: number;
  }[];
  readonly manual_scores: readonly {
    readonly indicator: string;
    readonly weight: number;
    readonly score: number;
    readonly reason?: string;
  }[];
}

type Row = Readonly<Record<string, CellContent>>;

const textRows = (lines: readonly string[]): Row[] => lines.map((text) => ({ text }));

/**
 * The standard template filled with the seed: every input field, the goals (with the report's completion
 * paragraphs), the tasks, satisfaction groups, manual scores with reasons and 情况说明, and the text tables.
 */
export function buildExampleDescription(seed: SeedData): TemplateDescription {
  const base = standardTemplateDescription();
  const fieldNames = new Set(base.fields.filter((f) => !f.output).map((f) => f.name));
  for (const name of Object.keys(seed.inputs)) {
    if (!fieldNames.has(name)) throw new EngineInvariantError(`seed input ${name} is not a template field`);
  }

  const rowsById: Record<string, Row[]> = {
    duties: textRows(SEED_DUTIES),
    org: textRows(SEED_ORG),
    basis: textRows(SEED_BASIS),
    sangong_reasons: textRows(SEED_SANGONG_REASONS),
    goals: SEED_GOALS.map((g) => ({ ...g })),
    tasks: seed.tasks.map((t) => ({
      name: t.name,
      weight: t.weight,
      completion: t.completion,
      reason: t.reason ?? null,
    })),
    satisfaction: seed.satisfaction.map((s) => ({
      group: s.group,
      count: s.questionnaires,
      rate: s.satisfaction,
      weight: s.weight,
    })),
    benefits: SEED_BENEFITS.map((b) => ({ ...b })),
    problems: textRows(SEED_PROBLEMS),
    measures: textRows(SEED_MEASURES),
  };
  const tables: TableSpec[] = base.tables.map((t) => ({ ...t, rows: rowsById[t.id] ?? t.rows }));

  const manualByName = new Map(seed.manual_scores.map((m) => [m.indicator, m]));
  const rubric = base.rubric.map((r) => {
    const situation = SEED_SITUATIONS[r.level3] ?? "";
    const m = manualByName.get(r.level3);
    if (!m) return situation ? { ...r, situation } : r;
    manualByName.delete(r.level3);
    return { ...r, manualScore: m.score, manualReason: m.reason ?? "", situation };
  });
  if (manualByName.size > 0) {
    throw new EngineInvariantError(`seed manual scores without a rubric row: ${[...manualByName.keys()].join(", ")}`);
  }

  const texts = { expend_main_use: SEED_EXPEND_MAIN_USE, sangong_budget_scope: SEED_SANGONG_BUDGET_SCOPE };
  return { ...base, tables, rubric, values: { ...base.values, ...texts, ...seed.inputs } };
}
