/** Template damage on a snapshot, the way Excel would leave it (names follow inserted/deleted rows unless said). */
import type { CellValue } from "../../src/engine/model/cell";
import { parseRange, rangeToA1 } from "../../src/engine/model/cell";
import type { DefinedName, WorkbookSnapshot } from "../../src/engine/model/snapshot";

export type Damage = (s: WorkbookSnapshot) => WorkbookSnapshot;

export const deleteSheet =
  (name: string): Damage =>
  (s) => ({ ...s, sheets: s.sheets.filter((x) => x.name !== name) });

/** Renames the tab only: like a tool that does not update defined names (Excel itself would). */
export const renameSheetOnly =
  (from: string, to: string): Damage =>
  (s) => ({
    ...s,
    sheets: s.sheets.map((x) => (x.name === from ? { ...x, name: to } : x)),
  });

export const removeName =
  (name: string): Damage =>
  (s) => ({ ...s, names: s.names.filter((n) => n.name !== name) });

export const pointName =
  (name: string, sheet: string, address: string): Damage =>
  (s) => ({
    ...s,
    names: s.names.map((n) => (n.name === name ? { name, sheet, address } : n)),
  });

function shiftName(n: DefinedName, sheet: string, row: number, by: number): DefinedName {
  if (n.sheet !== sheet) return n;
  const r = parseRange(n.address);
  if (!r) return n;
  const move = (x: number) => (x >= row ? x + by : x);
  return {
    ...n,
    address: rangeToA1({
      start: { ...r.start, row: move(r.start.row) },
      end: { ...r.end, row: move(r.end.row) },
    }),
  };
}

/** Insert blank rows before 0-based `row`; names below move down (as in Excel) unless `names: "stale"`. */
export const insertRows =
  (sheet: string, row: number, count = 1, names: "follow" | "stale" = "follow"): Damage =>
  (s) => ({
    sheets: s.sheets.map((x) =>
      x.name === sheet
        ? {
            ...x,
            cells: [...x.cells.slice(0, row), ...Array.from({ length: count }, () => []), ...x.cells.slice(row)],
          }
        : x,
    ),
    names: names === "follow" ? s.names.map((n) => shiftName(n, sheet, row, count)) : s.names,
  });

/** Delete the 0-based `row`; names below move up (as in Excel), names on the row itself are left dangling on the next. */
export const deleteRow =
  (sheet: string, row: number): Damage =>
  (s) => ({
    sheets: s.sheets.map((x) =>
      x.name === sheet ? { ...x, cells: [...x.cells.slice(0, row), ...x.cells.slice(row + 1)] } : x,
    ),
    names: s.names.map((n) => shiftName(n, sheet, row + 1, -1)),
  });

/** Where a text sits on a sheet (first match, row-major), 0-based. */
export function find(s: WorkbookSnapshot, sheet: string, text: string): { row: number; col: number } {
  const cells = s.sheets.find((x) => x.name === sheet)?.cells ?? [];
  for (let row = 0; row < cells.length; row++) {
    const col = (cells[row] ?? []).findIndex((c) => c.t === "s" && c.v === text);
    if (col >= 0) return { row, col };
  }
  throw new Error(`"${text}" not found on ${sheet}`);
}

export const setCell =
  (sheet: string, row: number, col: number, value: CellValue): Damage =>
  (s) => ({
    ...s,
    sheets: s.sheets.map((x) => {
      if (x.name !== sheet) return x;
      const cells = x.cells.map((r) => [...r]);
      while (cells.length <= row) cells.push([]);
      const line = cells[row]!;
      while (line.length <= col) line.push({ t: "empty" });
      line[col] = value;
      return { ...x, cells };
    }),
  });

/** Set the rubric cell in the row of indicator `indicator` (any level's name) and the column headed `header`. */
export const rubricCell =
  (indicator: string, header: string, value: CellValue): Damage =>
  (s) => {
    const at = find(s, "指标体系", indicator);
    const head = find(s, "指标体系", header);
    return setCell("指标体系", at.row, head.col, value)(s);
  };

/** Set the cell of task row `index` (0-based) in the tasks column headed `header`. */
export const taskCell =
  (index: number, header: string, value: CellValue): Damage =>
  (s) => {
    const head = find(s, "重点工作", header);
    return setCell("重点工作", head.row + 1 + index, head.col, value)(s);
  };
