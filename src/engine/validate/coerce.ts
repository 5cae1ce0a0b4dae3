/**
 * coerceInputs: every input cell of the template (single fields, table rows, the rubric's 自评得分)
 * read into typed values, with a diagnostic per problem at the cell it concerns.
 */
import type { CellRef } from "../model/cell";
import { columnLetters, toA1 } from "../model/cell";
import type { WorkbookSnapshot } from "../model/snapshot";
import { cellAt, cellAtRef, findSheet } from "../model/snapshot";
import type { InputValues, TableRowValues, TypedValue } from "../model/values";
import type { Diagnostic, Location } from "../diagnostics/types";
import { diag } from "../diagnostics/types";
import type { RubricRowDef, TableDef, Template } from "../compile/read/types";
import { TABLE_NAME_PREFIX } from "../compile/read/labels";
import { coerceCell } from "./coerce-cell";

/** Typed input values and the problems found reading them. */
export interface CoercedInputs {
  readonly values: InputValues;
  readonly diagnostics: Diagnostic[];
}

function locationOf(ref: CellRef, name: string, label: string): Location {
  return { sheet: ref.sheet, address: ref.address, name, label };
}

function readTable(table: TableDef, snapshot: WorkbookSnapshot): { rows: TableRowValues[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const sheet = findSheet(snapshot, table.sheet);
  const inputs = table.columns.filter((c) => !c.output);
  if (!sheet) return { rows: [], diagnostics };
  const names = inputs.map((c) => `${table.id}.${c.key}`);
  const rows: TableRowValues[] = [];
  for (const row of table.rows) {
    const values = new Map<string, TypedValue>();
    for (let i = 0; i < inputs.length; i++) {
      const c = inputs[i]!;
      const pos = { row, col: c.col };
      const where: Location = { sheet: sheet.name, address: toA1(pos), name: names[i]!, label: c.label };
      const r = coerceCell(cellAt(sheet, pos), c, where);
      values.set(c.key, r.value);
      for (const d of r.diagnostics) diagnostics.push(d);
    }
    rows.push({ row, values });
  }
  if (rows.length === 0 && inputs.some((c) => c.required)) {
    const cols = table.columns.map((c) => c.col);
    const h = table.headerRow + 1;
    const address =
      cols.length > 1
        ? `${columnLetters(Math.min(...cols))}${h}:${columnLetters(Math.max(...cols))}${h}`
        : `${columnLetters(cols[0] ?? 0)}${h}`;
    const where: Location = {
      sheet: table.sheet,
      address,
      name: `${TABLE_NAME_PREFIX}${table.id}`,
      label: table.label,
    };
    diagnostics.push(diag("table_empty", "warning", where, { table: table.label }));
  }
  return { rows, diagnostics };
}

/** The name shown for a rubric row: its most specific level. */
export function rubricRowName(r: RubricRowDef): string {
  return r.level3 || r.level2 || r.level1 || r.id;
}

function readManualScores(template: Template, snapshot: WorkbookSnapshot): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const r of template.rubric) {
    const col = r.cols?.["manualScore"];
    const sheet = findSheet(snapshot, r.sheet);
    if (col === undefined || !sheet) continue;
    const address = toA1({ row: r.row, col });
    const label = rubricRowName(r);
    // Literals, not a spread: this runs for every rubric row.
    const where: Location = r.id ? { sheet: r.sheet, address, name: r.id, label } : { sheet: r.sheet, address, label };
    const spec = { label, type: "number" as const, required: false, min: null, max: null };
    for (const d of coerceCell(cellAt(sheet, { row: r.row, col }), spec, where).diagnostics) diagnostics.push(d);
  }
  return diagnostics;
}

/**
 * Read every input cell of the template as its declared type (字段定义). Output fields and output
 * columns are not read. Never throws; problems are diagnostics located at the cell.
 */
export function coerceInputs(template: Template, snapshot: WorkbookSnapshot): CoercedInputs {
  const diagnostics: Diagnostic[] = [];
  const fields = new Map<string, TypedValue>();
  for (const f of template.fields.values()) {
    if (f.output) continue;
    const r = coerceCell(cellAtRef(snapshot, f.ref), f, locationOf(f.ref, f.name, f.label));
    fields.set(f.name, r.value);
    for (const d of r.diagnostics) diagnostics.push(d);
  }
  const tables = new Map<string, readonly TableRowValues[]>();
  for (const t of template.tables.values()) {
    const r = readTable(t, snapshot);
    tables.set(t.id, r.rows);
    diagnostics.push(...r.diagnostics);
  }
  diagnostics.push(...readManualScores(template, snapshot));
  return { values: { fields, tables }, diagnostics };
}
