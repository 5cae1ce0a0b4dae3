/**
 * The structural tables (字段定义, 校验规则, 指标体系, grades, adjustments): fixed header labels,
 * found through their `tbl_*` defined names. Problems become diagnostics; nothing throws.
 */
import type { SheetSnapshot, WorkbookSnapshot } from "../../model/snapshot";
import { cellAt } from "../../model/snapshot";
import type { CellRef, CellValue } from "../../model/cell";
import type { Diagnostic, Location, Severity } from "../../diagnostics/types";
import { diag } from "../../diagnostics/types";
import { addressOf, cellNumber, cellText } from "./cells";
import type { StructureTableId } from "./labels";
import { STRUCTURE_SHEETS, STRUCTURE_TABLE_LABELS, STRUCTURE_TABLE_NAMES } from "./labels";
import { dataRows, lastRowLimitFor, locateHeader, matchColumns } from "./read-table";
import { rangeToA1 } from "../../model/cell";
import { lostOnSheet, lostSheet } from "./missing-sheets";

/** A located structural table: its sheet, header row, matched columns and data rows. */
export interface StructuralTable<K extends string> {
  readonly id: StructureTableId;
  readonly sheet: SheetSnapshot;
  readonly headerRow: number;
  readonly cols: ReadonlyMap<K, number>;
  readonly rows: readonly number[];
}

/** How to read one structural table. */
export interface StructuralSpec<K extends string> {
  readonly id: StructureTableId;
  readonly columns: Readonly<Record<K, string>>;
  /** Columns without which the table cannot be used (missing → error; others → warning). */
  readonly required: readonly K[];
  /** Columns newer templates have and older ones may lack: absent without a word, read as blank. */
  readonly optional?: readonly K[];
  /** Output columns: they do not keep a row alive. */
  readonly outputs?: readonly K[];
  /** Severity when the whole table is absent. */
  readonly missingSeverity: Severity;
}

/** Locate a structural table and its rows; null (with diagnostics) when it cannot be found. */
export function readStructuralTable<K extends string>(
  snapshot: WorkbookSnapshot,
  spec: StructuralSpec<K>,
): { table: StructuralTable<K> | null; diagnostics: Diagnostic[] } {
  const definedName = STRUCTURE_TABLE_NAMES[spec.id];
  const tableLabel = STRUCTURE_TABLE_LABELS[spec.id];
  const severity = spec.missingSeverity;
  const lookup = locateHeader(snapshot, definedName);
  if (!lookup.ok) {
    const sheetName = STRUCTURE_SHEETS[spec.id];
    const lost = lookup.reason === "bad_address" ? null : lostSheet(snapshot, definedName, sheetName);
    // A name still pointing at a missing sheet means the sheet was there: always an error.
    if (lost !== null)
      return { table: null, diagnostics: [lostOnSheet(lost, lookup.reason === "no_name" ? severity : "error")] };
    if (lookup.reason === "no_name") {
      const where = { sheet: sheetName, address: "A1", name: definedName };
      return { table: null, diagnostics: [diag("table_header_missing", severity, where, { table: tableLabel })] };
    }
    const n = lookup.name;
    const where =
      lookup.reason === "bad_address"
        ? { sheet: n.sheet, address: n.address.split(":")[0] ?? "A1", name: n.name }
        : null;
    return {
      table: null,
      diagnostics: [
        diag("template_name_invalid", severity, where, { name: n.name, target: `${n.sheet}!${n.address}` }),
      ],
    };
  }
  const { sheet, row, range } = lookup.place;
  const cols = matchColumns(sheet, row, spec.columns);
  const headerLoc = { sheet: sheet.name, address: rangeToA1(range), name: definedName, label: tableLabel };
  if (cols.size === 0) {
    return { table: null, diagnostics: [diag("table_header_missing", severity, headerLoc, { table: tableLabel })] };
  }
  const diagnostics: Diagnostic[] = [];
  for (const key of Object.keys(spec.columns) as K[]) {
    if (cols.has(key) || spec.optional?.includes(key)) continue;
    const sev: Severity = spec.required.includes(key) ? "error" : "warning";
    diagnostics.push(diag("table_column_missing", sev, headerLoc, { table: tableLabel, column: spec.columns[key] }));
  }
  const outputs = spec.outputs ?? [];
  const rowCols = [...cols].filter(([k]) => !outputs.includes(k)).map(([, c]) => c);
  const rows = dataRows(sheet, row, rowCols, lastRowLimitFor(snapshot, sheet, row));
  return { table: { id: spec.id, sheet, headerRow: row, cols, rows }, diagnostics };
}

/** The A1 address of a structural table's cell, falling back to the first column when `key` is missing. */
export function cellAddress<K extends string>(table: StructuralTable<K>, row: number, key: K): string {
  const col = table.cols.get(key) ?? Math.min(...table.cols.values());
  return addressOf(row, col);
}

/** Reads the cells of one structural table's rows by column key (a class: this runs for every row of every workbook). */
export class TableReader<K extends string> {
  constructor(protected readonly t: StructuralTable<K>) {}

  protected cell(row: number, key: K): CellValue | undefined {
    const col = this.t.cols.get(key);
    return col === undefined ? undefined : cellAt(this.t.sheet, { row, col });
  }

  text(row: number, key: K): string {
    return cellText(this.cell(row, key));
  }

  number(row: number, key: K): number | null {
    return cellNumber(this.cell(row, key));
  }

  ref(row: number, key: K): CellRef {
    return { sheet: this.t.sheet.name, address: cellAddress(this.t, row, key) };
  }

  /** Where a problem of the row's `key` cell is shown, labelled with its column header. */
  at(row: number, key: K, labels: Readonly<Record<K, string>>, name?: string): Location {
    const ref = this.ref(row, key);
    return name === undefined ? { ...ref, label: labels[key] } : { ...ref, name, label: labels[key] };
  }
}
