/**
 * The rows of 指标体系 past a blank one. A bureau that clears a row's contents instead of deleting it leaves a
 * blank line inside the rubric; every other table ends at its first blank row, but the rubric reads on, so the
 * indicators below are never dropped without a word: each blank line followed by more rubric rows is reported
 * (rubric_blank_row). The rubric ends at a row holding a named cell (the 合计 row's result cells), at the next
 * table's header, where the sheet's rows end, or — after a blank line — at a row naming no indicator (a note
 * typed under the table, 「注：…」).
 */
import type { Diagnostic } from "../../diagnostics/types";
import { diag } from "../../diagnostics/types";
import { isBlank, parseA1, toA1 } from "../../model/cell";
import type { WorkbookSnapshot } from "../../model/snapshot";
import { cellAt } from "../../model/snapshot";
import { lastRowLimitFor } from "./read-table";
import { cellText } from "./cells";
import type { StructuralTable } from "./read-structural";

/** Rows (0-based) of the sheet holding a single named cell (the 合计 and 满分 rows of 指标体系). */
export function namedRows(snapshot: WorkbookSnapshot, sheet: string): ReadonlySet<number> {
  const rows = new Set<number>();
  for (const n of snapshot.names) {
    if (n.sheet !== sheet || n.address.includes(":")) continue;
    const at = parseA1(n.address);
    if (at) rows.add(at.row);
  }
  return rows;
}

/** The rubric's rows with those past blank lines, and a warning per blank line inside it. */
export function rubricRows<K extends string>(
  snapshot: WorkbookSnapshot,
  t: StructuralTable<K>,
  outputs: readonly K[],
  nameKeys: readonly K[],
): { rows: number[]; diagnostics: Diagnostic[] } {
  const named = namedRows(snapshot, t.sheet.name);
  // The 合计 row ends the rubric even with no blank row before it (a bureau typed an indicator into the spare row).
  const stop = t.rows.findIndex((r) => named.has(r));
  const rows = stop < 0 ? [...t.rows] : t.rows.slice(0, stop);
  const diagnostics: Diagnostic[] = [];
  const cols = [...t.cols].filter(([k]) => !outputs.includes(k)).map(([, c]) => c);
  if (stop >= 0 || cols.length === 0) return { rows, diagnostics };
  const end = Math.min(t.sheet.cells.length - 1, lastRowLimitFor(snapshot, t.sheet, t.headerRow));
  const firstCol = Math.min(...t.cols.values());
  let pending: number[] = [];
  for (let r = (rows.at(-1) ?? t.headerRow) + 1; r <= end; r++) {
    if (named.has(r)) break;
    if (cols.every((c) => isBlank(cellAt(t.sheet, { row: r, col: c })))) {
      pending.push(r);
      continue;
    }
    const names = nameKeys.flatMap((k) => (t.cols.has(k) ? [t.cols.get(k)!] : []));
    if (pending.length > 0 && names.every((c) => cellText(cellAt(t.sheet, { row: r, col: c })).trim() === "")) break;
    for (const b of pending)
      diagnostics.push(
        diag(
          "rubric_blank_row",
          "warning",
          { sheet: t.sheet.name, address: toA1({ row: b, col: firstCol }) },
          { row: String(b + 1) },
        ),
      );
    pending = [];
    rows.push(r);
  }
  return { rows, diagnostics };
}
