import type { CellValue, OutputValue, SheetSnapshot, WorkbookSnapshot, WriteOp } from "../../engine";
import { parseA1, toA1 } from "../../engine";
import type { InputCells } from "./input-cells";

/** One typed cell: where, and the value stored (null clears it). */
export interface CellEdit {
  readonly address: string;
  readonly value: OutputValue;
}

// What a spreadsheet stores as a number when typed: plain decimal digits. Everything else is kept as typed, and
// 校验 reads it as the field's type (the engine's coercion: 73.19%, 226.86万元, 是/否, 1,234.5).
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** A typed text as the value the cell stores. */
export function valueOfText(text: string): OutputValue {
  const t = text.trim();
  if (t === "") return null;
  if (PLAIN_NUMBER.test(t)) {
    const n = Number(t);
    if (Number.isFinite(n)) return n;
  }
  return text;
}

/**
 * The block of texts (rows of cells, as pasted from Excel or WPS) placed with its top-left at `address`: the edits
 * of its input cells, and how many of its cells are not input cells and were left alone.
 */
export function planEdits(
  inputs: InputCells,
  sheet: string,
  address: string,
  block: readonly (readonly string[])[],
): { edits: CellEdit[]; skipped: number } {
  const start = parseA1(address);
  const allowed = inputs.get(sheet);
  const edits: CellEdit[] = [];
  let skipped = 0;
  if (!start) return { edits, skipped: block.reduce((n, r) => n + r.length, 0) };
  block.forEach((row, r) =>
    row.forEach((text, c) => {
      const a = toA1({ row: start.row + r, col: start.col + c });
      if (allowed?.has(a)) edits.push({ address: a, value: valueOfText(text) });
      else skipped++;
    }),
  );
  return { edits, skipped };
}

/** The write ops of these edits: one values op per cell (a pasted block may skip non-input cells inside it). */
export function editOps(sheet: string, edits: readonly CellEdit[]): WriteOp[] {
  return edits.map((e) => ({ kind: "values", sheet, address: e.address, values: [[e.value]] }));
}

function cellValueOf(v: OutputValue): CellValue {
  if (v === null) return { t: "empty" };
  return typeof v === "number" ? { t: "n", v } : { t: "s", v };
}

/**
 * The snapshot with the edits in (a new object; rows grown where an edit lands below or right of the used range).
 * Only the edited rows are new arrays: the grid draws again just those rows.
 */
export function withEdits(snapshot: WorkbookSnapshot, sheet: string, edits: readonly CellEdit[]): WorkbookSnapshot {
  const sheets = snapshot.sheets.map((s): SheetSnapshot => {
    if (s.name !== sheet) return s;
    const cells: CellValue[][] = [...s.cells] as CellValue[][];
    const copied = new Set<number>();
    for (const e of edits) {
      const pos = parseA1(e.address);
      if (!pos) continue;
      while (cells.length <= pos.row) cells.push([]);
      if (!copied.has(pos.row)) {
        cells[pos.row] = [...cells[pos.row]!];
        copied.add(pos.row);
      }
      const row = cells[pos.row]!;
      while (row.length <= pos.col) row.push({ t: "empty" });
      row[pos.col] = cellValueOf(e.value);
    }
    return { ...s, cells };
  });
  return { ...snapshot, sheets };
}
