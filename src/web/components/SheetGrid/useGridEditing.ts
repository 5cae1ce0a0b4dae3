import { useCallback, useEffect, useRef, useState } from "react";
import type { ClipboardEvent, KeyboardEvent } from "react";
import { toA1 } from "../../../engine";
import type { EditResult } from "../../../hosts/browser";

export interface Pos {
  readonly row: number;
  readonly col: number;
}

/** Typing into the grid: `edit` puts a block of texts with its top-left at the address (browser host editCells). */
export type EditCells = (address: string, block: readonly (readonly string[])[]) => EditResult;

export interface GridEditing {
  /** The cell with the keyboard focus (the grid's one tab stop). */
  readonly cursor: Pos;
  /** The cell being edited and the text its editor started from (the editor keeps what is typed). */
  readonly editing: { readonly pos: Pos; readonly text: string } | null;
  /** Said after a key on a read-only cell, or a paste that left cells alone. */
  readonly notice: { readonly kind: "readOnly" | "skipped"; readonly count: number; readonly id: number } | null;
  readonly tableRef: React.RefObject<HTMLTableElement | null>;
  readonly setText: (text: string) => void;
  readonly onCellClick: (pos: Pos) => void;
  readonly onCellDoubleClick: (pos: Pos) => void;
  readonly onGridKeyDown: (e: KeyboardEvent) => void;
  readonly onEditorKeyDown: (e: KeyboardEvent) => void;
  readonly onEditorBlur: () => void;
  readonly onPaste: (e: ClipboardEvent) => void;
}

/** A block copied from Excel or WPS: rows by line, cells by tab; the line end after the last row is no row. */
export function parseClipboardBlock(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines.map((l) => l.split("\t"));
}

const MOVES: Readonly<Record<string, Pos>> = {
  ArrowUp: { row: -1, col: 0 },
  ArrowDown: { row: 1, col: 0 },
  ArrowLeft: { row: 0, col: -1 },
  ArrowRight: { row: 0, col: 1 },
};

/**
 * The grid as a person fills it: arrows move, Enter/F2 or typing edits an input cell, Enter commits and moves down,
 * Tab right (Shift back), Esc cancels, Delete clears, a pasted block lands from the cell with the focus.
 */
export function useGridEditing(
  sheet: string,
  size: { readonly rows: number; readonly cols: number },
  isInput: (pos: Pos) => boolean,
  cellText: (pos: Pos) => string,
  edit: EditCells,
  selected: { readonly pos: Pos | null; readonly seq: number },
): GridEditing {
  const tableRef = useRef<HTMLTableElement | null>(null);
  const [cursor, setCursor] = useState<Pos>({ row: 0, col: 0 });
  const [editing, setEditing] = useState<GridEditing["editing"]>(null);
  const [notice, setNotice] = useState<GridEditing["notice"]>(null);
  // Focus follows the cursor only after the person acted in the grid (never on opening a sheet).
  const focusWanted = useRef(false);

  // Another sheet: start at its first cell; a cell selected from the pane: go there.
  useEffect(() => {
    setCursor({ row: 0, col: 0 });
    setEditing(null);
    setNotice(null);
  }, [sheet]);
  const selRow = selected.pos?.row;
  const selCol = selected.pos?.col;
  useEffect(() => {
    if (selRow !== undefined && selCol !== undefined) setCursor({ row: selRow, col: selCol });
  }, [selRow, selCol, selected.seq]);

  useEffect(() => {
    if (!focusWanted.current || editing) return;
    focusWanted.current = false;
    tableRef.current?.querySelector<HTMLElement>(`td[data-address="${toA1(cursor)}"]`)?.focus();
  }, [cursor, editing]);

  const say = (kind: "readOnly" | "skipped", count: number) =>
    setNotice((n) => ({ kind, count, id: (n?.id ?? 0) + 1 }));

  const moveTo = useCallback(
    (pos: Pos) => {
      focusWanted.current = true;
      setCursor({
        row: Math.min(Math.max(pos.row, 0), Math.max(size.rows - 1, 0)),
        col: Math.min(Math.max(pos.col, 0), Math.max(size.cols - 1, 0)),
      });
    },
    [size.rows, size.cols],
  );

  const put = (pos: Pos, block: readonly (readonly string[])[]) => {
    const result = edit(toA1(pos), block);
    if (result.skipped === 0) setNotice(null);
    else say(result.changed === 0 ? "readOnly" : "skipped", result.skipped);
  };

  // What the editor holds now: kept here without a render, so typing repaints only the editor.
  const typed = useRef("");
  const startEdit = (pos: Pos, text: string): boolean => {
    if (!isInput(pos)) {
      say("readOnly", 1);
      return false;
    }
    setNotice(null);
    typed.current = text;
    setEditing({ pos, text });
    return true;
  };

  // The editor's blur comes after Enter or Tab has committed (the input is gone): the ref says it is done.
  const open = useRef(editing);
  open.current = editing;
  // Keep what was typed (once: Enter or Tab, and the blur that follows or precedes it, both end the edit).
  const save = (): Pos | null => {
    const current = open.current;
    if (!current) return null;
    open.current = null;
    setEditing(null);
    if (typed.current !== cellText(current.pos)) put(current.pos, [[typed.current]]);
    return current.pos;
  };
  // Enter or Tab: saved, then on to the next cell with the focus (even when a blur saved it first).
  const commitAndMove = (then: Pos) => {
    save();
    moveTo(then);
  };

  return {
    cursor,
    editing,
    notice,
    tableRef,
    setText: (text) => {
      typed.current = text;
    },
    onCellClick: (pos) => {
      if (editing && (editing.pos.row !== pos.row || editing.pos.col !== pos.col)) save();
      moveTo(pos);
    },
    onCellDoubleClick: (pos) => {
      moveTo(pos);
      startEdit(pos, cellText(pos));
    },
    onGridKeyDown: (e) => {
      if (editing || e.target instanceof HTMLInputElement) return;
      const move = MOVES[e.key];
      if (move) {
        e.preventDefault();
        moveTo({ row: cursor.row + move.row, col: cursor.col + move.col });
      } else if (e.key === "Enter" || e.key === "F2") {
        e.preventDefault();
        startEdit(cursor, cellText(cursor));
      } else if (e.key === "Delete" || e.key === "Backspace") {
        e.preventDefault();
        if (!isInput(cursor)) say("readOnly", 1);
        else if (cellText(cursor) !== "") put(cursor, [[""]]);
      } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        startEdit(cursor, e.key);
      }
    },
    onEditorKeyDown: (e) => {
      const at = editing?.pos ?? cursor;
      if (e.key === "Enter") {
        e.preventDefault();
        commitAndMove({ row: at.row + (e.shiftKey ? -1 : 1), col: at.col });
      } else if (e.key === "Tab") {
        e.preventDefault();
        commitAndMove({ row: at.row, col: at.col + (e.shiftKey ? -1 : 1) });
      } else if (e.key === "Escape") {
        e.preventDefault();
        open.current = null;
        setEditing(null);
        focusWanted.current = true;
        setCursor({ ...at });
      }
    },
    // Focus gone elsewhere (a click on the pane): saved, and the focus left where the person put it.
    onEditorBlur: () => void save(),
    onPaste: (e) => {
      const text = e.clipboardData.getData("text/plain");
      const block = parseClipboardBlock(text);
      // Text pasted inside the cell being edited stays a paste into that text, unless it is a block of cells.
      if (editing && block.length === 1 && block[0]!.length === 1) return;
      e.preventDefault();
      if (editing) setEditing(null);
      put(editing?.pos ?? cursor, block);
    },
  };
}
