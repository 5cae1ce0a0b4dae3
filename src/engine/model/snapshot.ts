import type { CellValue, CellPos, CellRef } from "./cell";
import { EMPTY, parseA1 } from "./cell";

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

const INDEX: unique symbol = Symbol("snapshot index");

/**
 * Lookups over one snapshot, made once per action by the engine session (`indexSnapshot`): every field and
 * table is found by its defined name, so the names are indexed once (the first of equal names wins, as a
 * scan would). Derived lookups (a table's neighbours' header rows) are kept here too, for this action only.
 */
class SnapshotIndex {
  private byName: Map<string, DefinedName> | null = null;
  private readonly derived = new Map<symbol, unknown>();

  constructor(private readonly names: readonly DefinedName[]) {}

  name(lower: string): DefinedName | undefined {
    if (!this.byName) {
      this.byName = new Map();
      for (const n of this.names) {
        const key = n.name.toLowerCase();
        if (!this.byName.has(key)) this.byName.set(key, n);
      }
    }
    return this.byName.get(lower);
  }

  get<T>(key: symbol, compute: () => T): T {
    if (!this.derived.has(key)) this.derived.set(key, compute());
    return this.derived.get(key) as T;
  }
}

interface IndexedSnapshot extends WorkbookSnapshot {
  readonly [INDEX]: SnapshotIndex;
}

function indexOf(snapshot: WorkbookSnapshot): SnapshotIndex | undefined {
  return (snapshot as Partial<IndexedSnapshot>)[INDEX];
}

/**
 * The snapshot with lookups that last as long as the returned object (one action): the engine never
 * changes a snapshot, so what is derived from it once holds for the whole action.
 */
export function indexSnapshot(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  if (indexOf(snapshot)) return snapshot;
  const indexed: IndexedSnapshot = {
    sheets: snapshot.sheets,
    names: snapshot.names,
    [INDEX]: new SnapshotIndex(snapshot.names),
  };
  return indexed;
}

/**
 * `compute(snapshot)`, computed once per indexed snapshot for this `key` (a module's own symbol);
 * computed every time for a plain snapshot.
 */
export function derivedOf<T>(snapshot: WorkbookSnapshot, key: symbol, compute: (snapshot: WorkbookSnapshot) => T): T {
  const index = indexOf(snapshot);
  return index ? index.get(key, () => compute(snapshot)) : compute(snapshot);
}

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
  const lower = name.toLowerCase();
  const index = indexOf(snapshot);
  if (index) return index.name(lower);
  return snapshot.names.find((n) => n.name.toLowerCase() === lower);
}

function sameCell(a: CellValue, b: CellValue): boolean {
  return a === b || (a.t === b.t && (a.t === "empty" || (a as { v: unknown }).v === (b as { v: unknown }).v));
}

/**
 * Whether two snapshots hold the same workbook: the same sheets in the same order (name, visibility, every
 * cell's kind and value) and the same defined names. Ragged rows compare as the host gave them.
 */
export function sameContent(a: WorkbookSnapshot, b: WorkbookSnapshot): boolean {
  if (a === b) return true;
  if (a.sheets.length !== b.sheets.length || a.names.length !== b.names.length) return false;
  for (let i = 0; i < a.names.length; i++) {
    const m = a.names[i]!;
    const n = b.names[i]!;
    if (m.name !== n.name || m.sheet !== n.sheet || m.address !== n.address) return false;
  }
  for (let i = 0; i < a.sheets.length; i++) {
    const s = a.sheets[i]!;
    const t = b.sheets[i]!;
    if (s.name !== t.name || (s.visible ?? true) !== (t.visible ?? true) || s.cells.length !== t.cells.length)
      return false;
    for (let r = 0; r < s.cells.length; r++) {
      const u = s.cells[r]!;
      const v = t.cells[r]!;
      if (u.length !== v.length) return false;
      for (let c = 0; c < u.length; c++) if (!sameCell(u[c]!, v[c]!)) return false;
    }
  }
  return true;
}
