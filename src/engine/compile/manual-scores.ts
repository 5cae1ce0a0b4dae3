/**
 * The 自评得分 of manually scored indicators, checked as inputs: present, within 0 … 分值, on the rubric's
 * step, and a reason (扣分原因) whenever points are lost. 校验 reports these without scoring anything.
 */
import Decimal from "decimal.js";
import type { Diagnostic } from "../diagnostics/types";
import { diag } from "../diagnostics/types";
import { formatScore } from "../model/decimal";
import { rubricCell } from "./locate";
import type { RubricLeaf } from "./rubric";

const DEFAULT_STEP = new Decimal("0.5");

/** The step a manual score must be a multiple of: the rule's `step`, else 0.5. */
export function manualStep(leaf: RubricLeaf): Decimal {
  return leaf.rule.step ?? DEFAULT_STEP;
}

/** The manual score as entered, or null when the cell holds no number. */
export function manualScoreOf(leaf: RubricLeaf): Decimal | null {
  const s = leaf.row.manualScore;
  return s === null || !Number.isFinite(s) ? null : new Decimal(s);
}

/** Every problem of the manual scores of these leaves (the others are skipped). */
export function checkManualScores(leaves: readonly RubricLeaf[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const leaf of leaves) {
    if (leaf.formula !== null) continue;
    const row = leaf.row;
    const indicator = leaf.name;
    const w = leaf.weight;
    const m = manualScoreOf(leaf);
    if (m === null) {
      out.push(
        diag("manual_score_missing", "error", rubricCell(row, "manualScore", indicator), {
          indicator,
          weight: formatScore(w),
        }),
      );
      continue;
    }
    if (m.isNegative() || m.gt(w)) {
      out.push(
        diag("manual_score_out_of_range", "error", rubricCell(row, "manualScore", indicator), {
          indicator,
          score: m.toString(),
          weight: formatScore(w),
        }),
      );
    }
    const step = manualStep(leaf);
    if (!m.mod(step).isZero()) {
      out.push(
        diag("manual_score_step", "warning", rubricCell(row, "manualScore", indicator), {
          indicator,
          score: m.toString(),
          step: step.toString(),
        }),
      );
    }
    if (m.lt(w) && row.manualReason.trim() === "") {
      out.push(
        diag("reason_missing", "warning", rubricCell(row, "manualReason", indicator), {
          indicator,
          score: m.toString(),
          weight: formatScore(w),
        }),
      );
    }
  }
  return out;
}
