import { useEffect } from "react";
import type { RefObject } from "react";
import type { CellValue, SheetSnapshot } from "../../../engine";
import { columnLetters, parseA1, toA1 } from "../../../engine";
import type { BrowserWorkbookState } from "../../../hosts/browser";

// The grid draws only the rows in view (useRowWindow), so a sheet is shown whole up to this many rows; a bounded
// window of columns keeps a stray far cell from widening every row.
export const MAX_ROWS = 20_000;
export const MAX_COLS = 30;

export interface GridWindow {
  readonly rows: number;
  readonly cols: number;
  readonly truncated: boolean;
  readonly columns: readonly string[];
}

/**
 * The part of the sheet the grid shows, widened so the selected cell is always inside it, and so are the input cells
 * (`inputs`: the extent of the sheet's input cells, empty ones included: a blank template's rows to fill).
 */
export function gridWindow(
  sheet: SheetSnapshot | undefined,
  selected: { row: number; col: number } | null,
  inputs: { rows: number; cols: number } = { rows: 0, cols: 0 },
): GridWindow {
  const usedRows = Math.max(sheet?.cells.length ?? 0, inputs.rows);
  const usedCols = Math.max(0, inputs.cols, ...(sheet?.cells.map((r) => r.length) ?? [0]));
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

/** How far a sheet's input cells reach: rows and columns counted from A1. */
export function inputExtent(addresses: ReadonlySet<string> | undefined): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  for (const a of addresses ?? []) {
    const p = parseA1(a);
    if (!p) continue;
    rows = Math.max(rows, p.row + 1);
    cols = Math.max(cols, p.col + 1);
  }
  return { rows, cols };
}

/** Scroll to and focus the selected cell whenever a selection arrives (selectSeq changes). */
export function useSelectedCellFocus(state: BrowserWorkbookState, tableRef: RefObject<HTMLTableElement | null>): void {
  const { selected, selectSeq, activeSheet } = state;
  useEffect(() => {
    if (!selected || selected.sheet !== activeSheet || !tableRef.current) return;
    const address = selected.address.split(":")[0]!.toUpperCase();
    const td = tableRef.current.querySelector<HTMLElement>(`td[data-address="${address}"]`);
    if (!td) return;
    td.scrollIntoView?.({ block: "center", inline: "nearest" });
    // Keep as many columns left of the cell in view as fit, so its label (column A) stays beside it when it can.
    const scroller = td.closest<HTMLElement>("[data-grid-scroller]");
    if (scroller) scroller.scrollLeft = Math.max(0, td.offsetLeft + td.offsetWidth - scroller.clientWidth);
    td.focus({ preventScroll: true });
  }, [selected, selectSeq, activeSheet, tableRef]);
}
