/**
 * Small readers for configuration cells (字段定义, 校验规则, 指标体系 …): text, numbers, header matching.
 * They never throw: odd cells read as blank or null and the caller reports them.
 */
import type { CellValue } from "../../model/cell";
import { columnLetters } from "../../model/cell";

/** A configuration cell as trimmed text ("" for empty/errors; numbers in their shortest form). */
export function cellText(cell: CellValue | undefined): string {
  if (!cell) return "";
  switch (cell.t) {
    case "s":
      return cell.v.trim();
    case "n":
      return Number.isFinite(cell.v) ? normaliseNumberText(cell.v) : "";
    case "b":
      return cell.v ? "TRUE" : "FALSE";
    case "d":
      return cell.v;
    default:
      return "";
  }
}

/** A JS number as text with at most 15 significant digits, so Excel float noise (0.30000000000000004) disappears. */
export function normaliseNumberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (n === 0) return "0";
  // The shortest text of a number with at most 15 significant digits is what rounding to 15 digits gives back.
  const shortest = String(n);
  if (significantDigits(shortest) <= 15) return shortest;
  // toPrecision(15) then Number() drops trailing zeros and float noise; String() keeps it exact for Decimal.
  return String(Number(n.toPrecision(15)));
}

// Digits of a number's text from the first non-zero one, up to any exponent (integers' trailing zeros count).
function significantDigits(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 101) break; // "e"
    if (ch < 48 || ch > 57 || (count === 0 && ch === 48)) continue;
    count++;
  }
  return count;
}

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** A configuration number: a number cell, or text such as "0.005", "50%", "１２"; null when blank or unreadable. */
export function cellNumber(cell: CellValue | undefined): number | null {
  if (!cell) return null;
  if (cell.t === "n") return Number.isFinite(cell.v) ? Number(normaliseNumberText(cell.v)) : null;
  if (cell.t !== "s") return null;
  let text = cell.v.normalize("NFKC").trim().replace(/\s+/g, "");
  let scale = 1;
  if (text.endsWith("%")) {
    text = text.slice(0, -1);
    scale = 100;
  }
  if (!PLAIN_NUMBER.test(text)) return null;
  const n = Number(text) / scale;
  return Number.isFinite(n) ? Number(normaliseNumberText(n)) : null;
}

/** Header text normalised for matching: NFKC (full-width → half-width), no whitespace. */
export function normaliseLabel(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, "");
}

/** "Sheet" + 0-based position → "B7". */
export function addressOf(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}
