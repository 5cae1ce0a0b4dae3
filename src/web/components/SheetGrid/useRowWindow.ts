import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import type { RefObject, UIEvent } from "react";

/** Sheets up to this many rows are drawn whole; longer ones only around what is in view. */
export const DRAW_ALL_ROWS = 150;
// Rows drawn above and below the visible part, in pixels: scrolling by a few rows shows drawn rows at once.
const OVERSCAN_PX = 600;
// A row's height until it has been drawn once (one line of the grid's text with its padding and border).
const ESTIMATE_PX = 24;

/** What the grid draws: rows in order, and the gaps between them (the height of the rows left out). */
export type RowItem =
  { readonly kind: "row"; readonly row: number } | { readonly kind: "gap"; readonly height: number };

export interface RowWindow {
  readonly items: readonly RowItem[];
  readonly scrollerRef: RefObject<HTMLDivElement | null>;
  readonly onScroll: (e: UIEvent<HTMLElement>) => void;
}

/**
 * Row virtualisation for the grid: only the rows in view (with a margin) are in the page, the rest is kept as two
 * gaps of the right height, so a keystroke on the 100× template repaints a few dozen rows, not two thousand. `pinned`
 * rows (the cursor, the cell selected from the pane) are always drawn, wherever they are, so they can take focus.
 */
export function useRowWindow(
  rows: number,
  pinned: readonly (number | null)[],
  resetKey: string,
  tableRef: RefObject<HTMLTableElement | null>,
): RowWindow {
  const scrollerRef = useRef<HTMLDivElement | null>(null);
  const heights = useRef(new Map<number, number>());
  const [view, setView] = useState({ top: 0, height: 800 });
  const [, setMeasured] = useState(0);

  useLayoutEffect(() => {
    heights.current = new Map();
    setView((v) => ({ ...v, top: 0 }));
  }, [resetKey]);

  const onScroll = useCallback((e: UIEvent<HTMLElement>) => {
    const el = e.currentTarget;
    setView((v) =>
      v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight },
    );
  }, []);

  const virtual = rows > DRAW_ALL_ROWS;

  // After each render, once the frame is painted (layout is then up to date, so reading it costs no extra layout):
  // the scroller's height, and the heights of the rows drawn (a row that wraps is taller than the estimate).
  useEffect(() => {
    if (!virtual) return;
    const timer = setTimeout(() => {
      const scroller = scrollerRef.current;
      if (scroller && scroller.clientHeight > 0) {
        setView((v) =>
          v.height === scroller.clientHeight ? v : { top: scroller.scrollTop, height: scroller.clientHeight },
        );
      }
      let changed = false;
      for (const tr of tableRef.current?.querySelectorAll<HTMLElement>("tbody tr[data-row]") ?? []) {
        const row = Number(tr.dataset.row);
        const h = tr.offsetHeight;
        if (h > 0 && heights.current.get(row) !== h) {
          heights.current.set(row, h);
          changed = true;
        }
      }
      if (changed) setMeasured((n) => n + 1);
    }, 0);
    return () => clearTimeout(timer);
  });

  if (!virtual)
    return { items: Array.from({ length: rows }, (_, row) => ({ kind: "row", row })), scrollerRef, onScroll };

  const known = heights.current;
  let sum = 0;
  for (const h of known.values()) sum += h;
  const estimate = known.size > 0 ? sum / known.size : ESTIMATE_PX;
  const heightOf = (row: number): number => known.get(row) ?? estimate;
  const from = view.top - OVERSCAN_PX;
  const to = view.top + view.height + OVERSCAN_PX;
  const drawn = new Set<number>();
  let y = 0;
  for (let row = 0; row < rows; row++) {
    const h = heightOf(row);
    if (y + h >= from && y <= to) drawn.add(row);
    y += h;
  }
  for (const p of pinned) if (p !== null && p >= 0 && p < rows) drawn.add(p);
  const items: RowItem[] = [];
  let gap = 0;
  for (let row = 0; row < rows; row++) {
    if (drawn.has(row)) {
      if (gap > 0) items.push({ kind: "gap", height: gap });
      gap = 0;
      items.push({ kind: "row", row });
    } else gap += heightOf(row);
  }
  if (gap > 0) items.push({ kind: "gap", height: gap });
  return { items, scrollerRef, onScroll };
}
