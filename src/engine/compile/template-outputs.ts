/** The cells a workbook's template marks as outputs (what the engine writes), read from a snapshot. */
import type { WorkbookSnapshot } from "../model/snapshot";
import { indexSnapshot } from "../model/snapshot";
import { outputCells } from "../model/output-guard";
import type { KnownTemplates } from "./read/missing-sheets";
import { NO_KNOWN_TEMPLATES } from "./read/missing-sheets";
import { readTemplate } from "./read/read";

/**
 * "sheet!A1" of every output cell (output fields, output table columns, the rubric's 指标值/得分/评分说明); empty
 * when the workbook is no template. A published template leaves these unlocked so that Excel lets the add-in write
 * them on its protected sheets: unlocked alone does not make a cell a department's input.
 */
export function templateOutputCells(
  snapshot: WorkbookSnapshot,
  known: KnownTemplates = NO_KNOWN_TEMPLATES,
): ReadonlySet<string> {
  const read = readTemplate(indexSnapshot(snapshot), known);
  return read.template ? outputCells(read.template) : new Set();
}
