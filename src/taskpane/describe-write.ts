import type { WriteSummary } from "../hosts/common";
import type { Catalog } from "./i18n";

/** "已写入 12 个单元格：「指标体系」9 个，「评价结果」3 个" — what a write changed, sheet by sheet. */
export function describeWrite(summary: WriteSummary, t: Catalog): string {
  const entries = Object.entries(summary.cellsBySheet).filter(([, n]) => n > 0);
  const cells = entries.reduce((acc, [, n]) => acc + n, 0);
  const parts = entries.map(([sheet, n]) => t.score.sheetPart(sheet, n)).join(t.score.partSeparator);
  const created =
    summary.createdSheets.length > 0
      ? t.score.partSeparator + t.score.createdSheets(summary.createdSheets.map((s) => `「${s}」`).join("、"))
      : "";
  return t.score.written(cells) + (parts ? t.score.writtenParts(parts) : "") + created;
}
