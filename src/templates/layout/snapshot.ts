/** A layout read back as a host reads the written workbook: the snapshot tests and the engine consume. */
import type { CellValue, WorkbookSnapshot } from "../../engine";
import type { WorkbookLayout } from "./model";
import type { CellContent } from "./types";

/** A cell value as the snapshot (and every host) normalises it. */
export function contentToCellValue(v: CellContent): CellValue {
  if (v === null) return { t: "empty" };
  if (typeof v === "number") return { t: "n", v };
  if (typeof v === "boolean") return { t: "b", v };
  return v === "" ? { t: "empty" } : { t: "s", v };
}

/**
 * The snapshot a host reads back from the written layout: values only, rows trimmed after their last
 * non-empty cell and trailing empty rows dropped (the same normal form as the xlsx host).
 */
export function layoutToSnapshot(layout: WorkbookLayout): WorkbookSnapshot {
  const sheets = layout.sheets.map((s) => {
    const rows: CellValue[][] = [];
    for (const c of s.cells) {
      const v = contentToCellValue(c.value);
      if (v.t === "empty") continue;
      while (rows.length <= c.row) rows.push([]);
      const row = rows[c.row]!;
      while (row.length < c.col) row.push({ t: "empty" });
      row[c.col] = v;
    }
    return { name: s.name, visible: !s.hidden, cells: rows };
  });
  return { sheets, names: layout.names };
}
