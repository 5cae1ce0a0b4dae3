/**
 * A cell's value as the engine sees it, normalised by every host the same way.
 * `n` numbers, `s` text, `b` booleans, `d` dates (ISO yyyy-mm-dd), `e` Excel errors ("#DIV/0!").
 */
export type CellValue =
  | { readonly t: "empty" }
  | { readonly t: "n"; readonly v: number }
  | { readonly t: "s"; readonly v: string }
  | { readonly t: "b"; readonly v: boolean }
  | { readonly t: "d"; readonly v: string }
  | { readonly t: "e"; readonly v: string };

export const EMPTY: CellValue = { t: "empty" };

/** A zero-based row/column position. */
export interface CellPos {
  readonly row: number;
  readonly col: number;
}

/** Where something is in the workbook: a sheet and an A1 address (no `$`), optionally a defined name. */
export interface CellRef {
  readonly sheet: string;
  readonly address: string;
  readonly name?: string;
}

/** Column index (0-based) → letters: 0 → "A", 27 → "AB". */
export function columnLetters(col: number): string {
  return col >= 0 && col < LETTERS.length && Number.isInteger(col) ? LETTERS[col]! : spellColumn(col);
}

// Letters of columns A…IV, spelled once: every address the engine writes or reports spells one.
const LETTERS: readonly string[] = Array.from({ length: 256 }, (_, c) => spellColumn(c));

function spellColumn(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** 0-based position → "B7". */
export function toA1(pos: CellPos): string {
  return `${columnLetters(pos.col)}${pos.row + 1}`;
}

const A1_RE = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** "B7" / "$B$7" → 0-based position, or null when the text is not a single-cell address. */
export function parseA1(address: string): CellPos | null {
  const m = A1_RE.exec(address.trim());
  if (!m) return null;
  const letters = m[1]!.toUpperCase();
  let col = 0;
  for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]) - 1;
  if (row < 0) return null;
  return { row, col: col - 1 };
}

/** A rectangular range, 0-based and inclusive. */
export interface RangePos {
  readonly start: CellPos;
  readonly end: CellPos;
}

/** "A3:F3" or "B7" → range, or null. */
export function parseRange(address: string): RangePos | null {
  const parts = address.split(":");
  if (parts.length === 1) {
    const p = parseA1(parts[0]!);
    return p ? { start: p, end: p } : null;
  }
  if (parts.length !== 2) return null;
  const a = parseA1(parts[0]!);
  const b = parseA1(parts[1]!);
  if (!a || !b) return null;
  return {
    start: { row: Math.min(a.row, b.row), col: Math.min(a.col, b.col) },
    end: { row: Math.max(a.row, b.row), col: Math.max(a.col, b.col) },
  };
}

/** Range → "A3:F3" (or "B7" for a single cell). */
export function rangeToA1(range: RangePos): string {
  const a = toA1(range.start);
  const b = toA1(range.end);
  return a === b ? a : `${a}:${b}`;
}

/** True when the cell holds nothing a person typed (empty, or text that is only whitespace). */
export function isBlank(cell: CellValue | undefined): boolean {
  return cell === undefined || cell.t === "empty" || (cell.t === "s" && cell.v.trim() === "");
}
