/**
 * The rubric's value formulas as a reader says them (ratio(staff_actual, staff_quota) → 年末实有在职人数（人）÷编制数（人）),
 * for a tooltip on the formula cell: the report's own display (report/formula-display.ts) with the template's labels.
 */
import type { KnownTemplates } from "./compile/read/missing-sheets";
import { NO_KNOWN_TEMPLATES } from "./compile/read/missing-sheets";
import { readTemplate } from "./compile/read/read";
import type { Template } from "./compile/read/types";
import { toA1 } from "./model/cell";
import type { WorkbookSnapshot } from "./model/snapshot";
import { indexSnapshot } from "./model/snapshot";
import { displayFormula } from "./report/formula-display";
import type { FormulaLeaves } from "./report/formula-display";
import { text } from "./report/runs";
import { runsText } from "./report/tree";

function labelLeaves(template: Template): FormulaLeaves {
  return {
    leaf: (name) => {
      const [t, k] = name.split(".");
      const label = k
        ? template.tables.get(t!)?.columns.find((c) => c.key === k)?.label
        : template.fields.get(name)?.label;
      return [text(label ?? name)];
    },
    rows: () => undefined,
  };
}

/**
 * "sheet!A1" of every rubric and adjustment formula cell → the formula with labels (「年末实有在职人数（人）÷编制数（人）」);
 * a formula that does not parse, or reads the same, is left out. Empty when the workbook is no template.
 */
export function formulaReadings(
  snapshot: WorkbookSnapshot,
  known: KnownTemplates = NO_KNOWN_TEMPLATES,
): ReadonlyMap<string, string> {
  const template = readTemplate(indexSnapshot(snapshot), known).template;
  const out = new Map<string, string>();
  if (!template) return out;
  const leaves = labelLeaves(template);
  const add = (sheet: string, address: string, formula: string): void => {
    const reading = runsText(displayFormula(formula, leaves));
    if (formula.trim() !== "" && reading !== formula) out.set(`${sheet}!${address}`, reading);
  };
  for (const row of template.rubric) {
    const col = row.cols?.formula;
    if (col !== undefined) add(row.sheet, toA1({ row: row.row, col }), row.formula);
  }
  for (const a of template.adjustments) if (a.cells) add(a.cells.formula.sheet, a.cells.formula.address, a.formula);
  return out;
}
