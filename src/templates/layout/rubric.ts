/** The 指标体系 table: its column order, one row per indicator, and the 合计 row under it. */
import type { RubricColumnKey } from "../../engine";
import { EngineInvariantError, RUBRIC_OUTPUT_KEYS, toA1 } from "../../engine";
import { RULE_KIND_NAMES } from "../standard/rubric";
import type { LayoutContext, SheetBuilder } from "./sheet-builder";
import { addName } from "./sheet-builder";
import type { CellContent, RubricRowSpec } from "./types";
import { absoluteA1, listOf } from "./validation";

/**
 * The order of the rubric's columns: what a reader needs first (the indicator, its weight, how it is scored
 * in words, the unit's own score, the result), the bureau's formulas and parameters after them. The engine
 * finds columns by their header labels, so a bureau may reorder them.
 */
export const RUBRIC_LAYOUT: readonly RubricColumnKey[] = [
  "id",
  "level1",
  "level2",
  "level3",
  "weight",
  // Generated from the rule (written by 评分 and by the generator), so what prints cannot contradict the parameters.
  "outCriterion",
  "manualScore",
  "manualReason",
  "outValue",
  "outScore",
  "outExplain",
  // The bureau's own wording, beside the printed columns (校验 flags a figure it quotes that the rule does not say).
  "description",
  // The unit's 情况说明 on manual rows, the report paragraph's body: long text, so beside the printed columns, not in them.
  "situation",
  "ruleKind",
  "ruleParams",
  "formula",
  "expand",
  "phrase",
];

const KIND_WORDS = Object.values(RULE_KIND_NAMES);
const OUTPUT_KEYS: ReadonlySet<RubricColumnKey> = new Set(RUBRIC_OUTPUT_KEYS);

export const rubricCol = (key: RubricColumnKey): number => RUBRIC_LAYOUT.indexOf(key);

/**
 * A blank rubric row for a bureau to type an indicator into: configuration cells (the 评分方法 drop-down too) and
 * the outputs, all empty. The reader skips blank rows before 合计 without a word.
 */
export function blankRubricRow(sb: SheetBuilder): void {
  for (const key of RUBRIC_LAYOUT) {
    // The department's cells stay plain: yellow is only where a department has something to enter.
    if (key === "manualScore" || key === "manualReason" || key === "situation") continue;
    const role = OUTPUT_KEYS.has(key) ? "output" : "config";
    sb.put(rubricCol(key), null, role, null, key === "ruleKind" ? listOf(KIND_WORDS, false) : null);
  }
  sb.row++;
}

/**
 * One indicator row: its configuration, the unit's own score on manual rows, and the outputs — empty but for the
 * 评分标准 the engine generated from the row's rule (`criterion`, when known).
 */
export function rubricRow(sb: SheetBuilder, r: RubricRowSpec, criterion?: string): void {
  const isManual = r.kind === "manual";
  const config: [RubricColumnKey, CellContent][] = [
    ["id", r.id],
    ["level1", r.level1],
    ["level2", r.level2],
    ["level3", r.level3],
    ["weight", r.weight],
    ["description", r.description],
    ["ruleKind", r.kind === "" ? "" : RULE_KIND_NAMES[r.kind]],
    ["ruleParams", r.params],
    ["formula", r.formula],
    ["expand", r.expand],
    ["phrase", r.phrase ?? ""],
  ];
  for (const [key, v] of config) {
    const validation = key === "ruleKind" && r.level3 !== "" ? listOf(KIND_WORDS, false) : null;
    sb.put(rubricCol(key), v === "" ? null : v, "config", null, validation);
  }
  if (isManual) {
    // Checked against the row's own 分值 cell, so a bureau that changes the weight changes the bound with it.
    const at = (key: RubricColumnKey, fixed: boolean) =>
      fixed ? absoluteA1(sb.row, rubricCol(key)) : toA1({ row: sb.row, col: rubricCol(key) });
    const score = at("manualScore", false);
    sb.put(rubricCol("manualScore"), r.manualScore, "input", null, {
      kind: "formula",
      formula: `AND(ISNUMBER(${score}),${score}>=0,${score}<=${at("weight", true)})`,
      message: `请输入 0 到本行分值（${r.weight} 分）之间的分数`,
    });
    sb.put(rubricCol("manualReason"), r.manualReason === "" ? null : r.manualReason, "input");
  }
  // Every indicator's own account: a manual one's paragraph, a computed one's words beside its figures.
  if (isManual || (r.level3 !== "" && !r.expand))
    sb.put(rubricCol("situation"), r.situation ? r.situation : null, "input");
  for (const key of RUBRIC_OUTPUT_KEYS)
    sb.put(rubricCol(key), key === "outCriterion" && criterion ? criterion : null, "output");
  sb.row++;
}

/** The 合计 row: named output cells under 分值 and 得分. */
export function rubricTotalRow(ctx: LayoutContext, sb: SheetBuilder, weight: string, score: string): void {
  sb.put(rubricCol("level3"), "合计", "header");
  for (const [key, name] of [
    ["weight", weight],
    ["outScore", score],
  ] as const) {
    const f = ctx.fieldByName.get(name);
    if (!f) throw new EngineInvariantError(`layoutTemplate: unknown field ${name}`);
    sb.put(rubricCol(key), null, "output");
    addName(ctx, f.name, sb.name, toA1({ row: sb.row, col: rubricCol(key) }));
  }
  sb.row++;
}
