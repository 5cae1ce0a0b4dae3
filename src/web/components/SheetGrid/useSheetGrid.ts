import { useEffect, useRef } from "react";
import type { CellValue, SheetSnapshot } from "../../../engine";
import { columnLetters, toA1 } from "../../../engine";
import type { BrowserWorkbookState } from "../../../hosts/browser";

// The grid is a preview, not a spreadsheet: a bounded window keeps the page responsive.
export const MAX_ROWS = 300;
export const MAX_COLS = 30;

export interface GridWindow {
  readonly rows: number;
  readonly cols: number;
  readonly truncated: boolean;
  readonly columns: readonly string[];
}

/** The part of the sheet the grid shows, widened so the selected cell is always inside it. */
export function gridWindow(
  sheet: SheetSnapshot | undefined,
  selected: { row: number; col: number } | null,
): GridWindow {
  const usedRows = sheet?.cells.length ?? 0;
  const usedCols = Math.max(0, ...(sheet?.cells.map((r) => r.length) ?? [0]));
  const rows = Math.min(
    Math.max(usedRows, selected ? selected.row + 1 : 0),
    Math.max(MAX_ROWS, selected ? selected.row + 1 : 0),
  );
  const cols = Math.min(
    Math.max(usedCols, selected ? selected.col + 1 : 0),
    Math.max(MAX_COLS, selected ? selected.col + 1 : 0),
  );
  const columns = Array.from({ length: cols }, (_, c) => columnLetters(c));
  return { rows, cols, truncated: usedRows > rows || usedCols > cols, columns };
}

/** A cell's text as the grid shows it. */
export function cellText(v: CellValue | undefined, yes: string, no: string): string {
  if (!v) return "";
  switch (v.t) {
    case "empty":
      return "";
    case "n":
      return String(Number(v.v.toPrecision(12)));
    case "b":
      return v.v ? yes : no;
    default:
      return v.v;
  }
}

export { toA1 };

/** Scroll to and focus the selected cell whenever a selection arrives (selectSeq changes). */
export function useSelectedCellFocus(state: BrowserWorkbookState) {
  const tableRef = useRef<HTMLTableElement>(null);
  const { selected, selectSeq, activeSheet } = state;
  useEffect(() => {
    if (!selected || selected.sheet !== activeSheet || !tableRef.current) return;
    const address = selected.address.split(":")[0]!.toUpperCase();
    const td = tableRef.current.querySelector<HTMLElement>(`td[data-address="${address}"]`);
    if (!td) return;
    td.scrollIntoView?.({ block: "center", inline: "center" });
    td.focus();
  }, [selected, selectSeq, activeSheet]);
  return tableRef;
}
