/**
 * Tie 字段定义 to the workbook: single-value fields to their defined names, `<table>.<key>`
 * columns to the header cells of `tbl_<table>`.
 */
import { parseRange, toA1 } from "../../model/cell";
import type { WorkbookSnapshot } from "../../model/snapshot";
import { findName, findSheet } from "../../model/snapshot";
import type { Diagnostic, Location, Severity } from "../../diagnostics/types";
import { diag } from "../../diagnostics/types";
import type { ColumnDef, FieldDef, TableDef } from "./types";
import { rangeToA1 } from "../../model/cell";
import { TABLE_NAME_PREFIX } from "./labels";
import type { FieldSpec } from "./read-fields";
import type { SheetResolver } from "./missing-sheets";
import { lostOnSheet } from "./missing-sheets";
import { dataRows, lastRowLimitFor, locateHeader, matchColumns } from "./read-table";

function defLocation(spec: FieldSpec): Location {
  return { sheet: spec.defRef.sheet, address: spec.defRef.address, name: spec.name, label: spec.label };
}

/**
 * Resolve every single-value field's defined name to one cell. A name whose sheet is missing is reported
 * as that sheet missing (folded by readTemplate), not as a broken name.
 */
export function readSingleFields(
  snapshot: WorkbookSnapshot,
  specs: readonly FieldSpec[],
  sheets: SheetResolver,
): { fields: Map<string, FieldDef>; diagnostics: Diagnostic[] } {
  const fields = new Map<string, FieldDef>();
  const diagnostics: Diagnostic[] = [];
  for (const spec of specs) {
    if (spec.table !== null) continue;
    const dn = findName(snapshot, spec.name);
    const onSheet = dn ? findSheet(snapshot, dn.sheet) : undefined;
    const lost = onSheet ? null : sheets.lostSheet(spec.name);
    if (lost !== null) {
      diagnostics.push(lostOnSheet(lost, "error"));
      continue;
    }
    if (!dn) {
      diagnostics.push(diag("template_name_missing", "error", defLocation(spec), { name: spec.name }));
      continue;
    }
    const range = parseRange(dn.address);
    const single = range !== null && range.start.row === range.end.row && range.start.col === range.end.col;
    if (!onSheet || !single) {
      const target = `${dn.sheet}!${dn.address}`;
      diagnostics.push(diag("template_name_invalid", "error", defLocation(spec), { name: spec.name, target }));
      continue;
    }
    fields.set(spec.name, {
      name: spec.name,
      label: spec.label,
      type: spec.type,
      required: spec.required,
      min: spec.min,
      max: spec.max,
      output: spec.output,
      ref: { sheet: dn.sheet, address: toA1(range.start), name: spec.name },
      defRef: spec.defRef,
    });
  }
  return { fields, diagnostics };
}

/** A table's display label: its column's label for one-column tables, else its sheet's name. */
function tableLabel(columns: readonly FieldSpec[], sheet: string | null, id: string): string {
  if (columns.length === 1 && columns[0]) return columns[0].label;
  return sheet ?? id;
}

/** Resolve every table mentioned in 字段定义 (`<table>.<key>`) to its header and data rows (a missing sheet as in readSingleFields). */
export function readDataTables(
  snapshot: WorkbookSnapshot,
  specs: readonly FieldSpec[],
  sheets: SheetResolver,
): { tables: Map<string, TableDef>; diagnostics: Diagnostic[] } {
  const byTable = new Map<string, FieldSpec[]>();
  for (const s of specs) {
    if (s.table === null) continue;
    const list = byTable.get(s.table) ?? [];
    list.push(s);
    byTable.set(s.table, list);
  }
  const tables = new Map<string, TableDef>();
  const diagnostics: Diagnostic[] = [];
  for (const [id, columns] of byTable) {
    const first = columns[0]!;
    const definedName = `${TABLE_NAME_PREFIX}${id}`;
    const lookup = locateHeader(snapshot, definedName);
    if (!lookup.ok) {
      const where = { ...defLocation(first), name: definedName };
      const lost = lookup.reason === "bad_address" ? null : sheets.lostSheet(definedName);
      if (lost !== null) diagnostics.push(lostOnSheet(lost, "error"));
      else if (lookup.reason === "no_name") {
        diagnostics.push(diag("table_header_missing", "error", where, { table: tableLabel(columns, null, id) }));
      } else {
        const target = `${lookup.name.sheet}!${lookup.name.address}`;
        diagnostics.push(diag("template_name_invalid", "error", where, { name: lookup.name.name, target }));
      }
      continue;
    }
    const { sheet, row, range } = lookup.place;
    const label = tableLabel(columns, sheet.name, id);
    const labels: Record<string, string> = Object.fromEntries(columns.map((c) => [c.key, c.label]));
    const found = matchColumns(sheet, row, labels);
    const headerLoc: Location = { sheet: sheet.name, address: rangeToA1(range), name: definedName, label };
    if (found.size === 0) {
      diagnostics.push(diag("table_header_missing", "error", headerLoc, { table: label }));
      continue;
    }
    const defs: ColumnDef[] = [];
    for (const c of columns) {
      const col = found.get(c.key);
      if (col === undefined) {
        const sev: Severity = c.required || c.output ? "error" : "warning";
        diagnostics.push(diag("table_column_missing", sev, headerLoc, { table: label, column: c.label }));
        continue;
      }
      const { key, type, required, min, max, output } = c;
      defs.push({ key, label: c.label, type, required, min, max, output, col });
    }
    const inputCols = defs.filter((d) => !d.output).map((d) => d.col);
    const limit = lastRowLimitFor(snapshot, sheet, row);
    const rows = dataRows(sheet, row, inputCols.length > 0 ? inputCols : defs.map((d) => d.col), limit);
    tables.set(id, { id, label, sheet: sheet.name, headerRow: row, rows, columns: defs, lastRowLimit: limit });
  }
  return { tables, diagnostics };
}
