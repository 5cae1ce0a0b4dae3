import type { CellValue, CellPos, CellRef } from "./cell";
import { EMPTY, parseA1 } from "./cell";
import { memoForLastArray } from "./memo";

/** One sheet's values from A1 to the end of its used range; rows may be ragged, missing cells are empty. */
export interface SheetSnapshot {
  readonly name: string;
  readonly cells: readonly (readonly CellValue[])[];
  /** false for hidden and very hidden sheets. Defaults to true. */
  readonly visible?: boolean;
}

/** A workbook-scoped defined name that refers to one range on one sheet. */
export interface DefinedName {
  readonly name: string;
  readonly sheet: string;
  /** A1 address without `$`: "B7" or "A3:F3". */
  readonly address: string;
}

/** Everything the engine reads: values and defined names. Hosts build it; the engine never mutates it. */
export interface WorkbookSnapshot {
  readonly sheets: readonly SheetSnapshot[];
  readonly names: readonly DefinedName[];
}

// Every field and table is found by its defined name: index a snapshot's names once (the first of equal
// names wins, as a scan would), for the names array last read. The engine never changes a names array.
const nameIndex = memoForLastArray((names: readonly DefinedName[]): ReadonlyMap<string, DefinedName> => {
  const byLower = new Map<string, DefinedName>();
  for (const n of names) {
    const lower = n.name.toLowerCase();
    if (!byLower.has(lower)) byLower.set(lower, n);
  }
  return byLower;
});

/** Look up a sheet by exact name. */
export function findSheet(snapshot: WorkbookSnapshot, name: string): SheetSnapshot | undefined {
  return snapshot.sheets.find((s) => s.name === name);
}

/** The value at a 0-based position (empty beyond the used range). */
export function cellAt(sheet: SheetSnapshot, pos: CellPos): CellValue {
  return sheet.cells[pos.row]?.[pos.col] ?? EMPTY;
}

/** The value at a sheet/address reference, or undefined when the sheet does not exist or the address is invalid. */
export function cellAtRef(snapshot: WorkbookSnapshot, ref: CellRef): CellValue | undefined {
  const sheet = findSheet(snapshot, ref.sheet);
  const pos = parseA1(ref.address);
  if (!sheet || !pos) return undefined;
  return cellAt(sheet, pos);
}

/** Case-insensitive defined-name lookup (Excel names are case-insensitive). */
export function findName(snapshot: WorkbookSnapshot, name: string): DefinedName | undefined {
  return nameIndex(snapshot.names).get(name.toLowerCase());
}
