/**
 * Snapshot builders for engine tests: a WorkbookSnapshot from a compact description, and a small but
 * complete template (identity, 字段定义, data tables, 校验规则, 指标体系, grades) to mutate per test.
 */
import type { CellValue } from "../../../../src/engine/model/cell";
import { parseA1 } from "../../../../src/engine/model/cell";
import type { DefinedName, SheetSnapshot, WorkbookSnapshot } from "../../../../src/engine/model/snapshot";
import {
  ADJUSTMENT_COLUMNS,
  CHECK_COLUMNS,
  FIELD_COLUMNS,
  GRADE_COLUMNS,
  RUBRIC_COLUMNS,
} from "../../../../src/engine/compile/read/labels";

/** A cell as written in a test: a JS value (null = empty) or an explicit CellValue (errors, dates). */
export type CellInput = string | number | boolean | null | undefined | CellValue;

/** An explicit Excel error cell. */
export const err = (v: string): CellValue => ({ t: "e", v });
/** An explicit date cell (ISO yyyy-mm-dd). */
export const date = (v: string): CellValue => ({ t: "d", v });

/** JS value → CellValue. */
export function cell(v: CellInput): CellValue {
  if (v === null || v === undefined) return { t: "empty" };
  if (typeof v === "string") return { t: "s", v };
  if (typeof v === "number") return { t: "n", v };
  if (typeof v === "boolean") return { t: "b", v };
  return v;
}

/** A sheet from rows (A1 first) and/or A1-addressed cells. */
export interface SheetSpec {
  readonly rows?: readonly (readonly CellInput[])[];
  readonly cells?: Readonly<Record<string, CellInput>>;
  readonly visible?: boolean;
}

/** Build a snapshot: sheets by name, names as "Sheet!A1" or "Sheet!A1:F1". */
export function buildSnapshot(spec: {
  readonly sheets: Readonly<Record<string, SheetSpec>>;
  readonly names?: Readonly<Record<string, string>>;
}): WorkbookSnapshot {
  const sheets: SheetSnapshot[] = Object.entries(spec.sheets).map(([name, s]) => {
    const grid: CellValue[][] = (s.rows ?? []).map((r) => r.map(cell));
    for (const [addr, v] of Object.entries(s.cells ?? {})) {
      const p = parseA1(addr);
      if (!p) throw new Error(`bad test address ${addr}`);
      while (grid.length <= p.row) grid.push([]);
      const row = grid[p.row]!;
      while (row.length <= p.col) row.push({ t: "empty" });
      row[p.col] = cell(v);
    }
    return { name, cells: grid, ...(s.visible === undefined ? {} : { visible: s.visible }) };
  });
  const names: DefinedName[] = Object.entries(spec.names ?? {}).map(([name, ref]) => {
    const i = ref.lastIndexOf("!");
    return { name, sheet: ref.slice(0, i), address: ref.slice(i + 1) };
  });
  return { sheets, names };
}

/** A copy with one cell set (the sheet must exist). */
export function withCell(s: WorkbookSnapshot, sheet: string, address: string, v: CellInput): WorkbookSnapshot {
  const p = parseA1(address);
  if (!p) throw new Error(`bad test address ${address}`);
  return {
    ...s,
    sheets: s.sheets.map((sh) => {
      if (sh.name !== sheet) return sh;
      const grid = sh.cells.map((r) => [...r]);
      while (grid.length <= p.row) grid.push([]);
      const row = grid[p.row]!;
      while (row.length <= p.col) row.push({ t: "empty" });
      row[p.col] = cell(v);
      return { ...sh, cells: grid };
    }),
  };
}

/** A copy with a field's defined cell set (looks the name up). */
export function withValue(s: WorkbookSnapshot, name: string, v: CellInput): WorkbookSnapshot {
  const dn = s.names.find((n) => n.name === name);
  if (!dn) throw new Error(`no name ${name}`);
  return withCell(s, dn.sheet, dn.address, v);
}

/** A copy without a defined name. */
export function withoutName(s: WorkbookSnapshot, name: string): WorkbookSnapshot {
  return { ...s, names: s.names.filter((n) => n.name !== name) };
}

/** A copy with a defined name (re)pointed at "Sheet!A1". */
export function withName(s: WorkbookSnapshot, name: string, ref: string): WorkbookSnapshot {
  const i = ref.lastIndexOf("!");
  const dn = { name, sheet: ref.slice(0, i), address: ref.slice(i + 1) };
  return { ...s, names: [...s.names.filter((n) => n.name !== name), dn] };
}

/** A copy without a sheet (its names stay, as when a sheet is deleted and names dangle). */
export function withoutSheet(s: WorkbookSnapshot, sheet: string): WorkbookSnapshot {
  return { ...s, sheets: s.sheets.filter((sh) => sh.name !== sheet) };
}

/** One 字段定义 row. */
export interface FieldRow {
  readonly name: string;
  readonly label: string;
  readonly type: string;
  readonly required?: CellInput;
  readonly min?: CellInput;
  readonly max?: CellInput;
  readonly direction?: CellInput;
}

/** A small template: single fields on sheet 输入 (label in A, value in B), each table on its own sheet. */
export interface MiniTemplate {
  readonly identity?: "names" | "meta-sheet" | "none";
  readonly version?: CellInput;
  readonly fields: readonly FieldRow[];
  /** Single-field values by name. */
  readonly values?: Readonly<Record<string, CellInput>>;
  /** Data rows per table id, cells in the order the table's columns appear in `fields`. */
  readonly tables?: Readonly<Record<string, readonly (readonly CellInput[])[]>>;
  /** 校验规则 rows: [编号, 前提, 规则, 容差, 级别, 说明]. */
  readonly checks?: readonly (readonly CellInput[])[];
  /** 指标体系 rows in RUBRIC_COLUMNS order (编号 … 报告表述); outputs are left blank. */
  readonly rubric?: readonly (readonly CellInput[])[];
  readonly grades?: readonly (readonly CellInput[])[];
  readonly adjustments?: readonly (readonly CellInput[])[];
}

export const INPUT_SHEET = "输入";

const header = (labels: Readonly<Record<string, string>>): string[] => Object.values(labels);

/** Build the snapshot of a MiniTemplate (every structural table with its defined name). */
export function templateSnapshot(t: MiniTemplate): WorkbookSnapshot {
  const sheets: Record<string, SheetSpec> = {};
  const names: Record<string, string> = {};
  const identity = t.identity ?? "names";
  const version = t.version === undefined ? "1.0.0" : t.version;
  if (identity !== "none") {
    sheets["_meta"] = {
      rows: [
        ["template_id", "test.mini"],
        ["template_version", version],
        ["template_title", "测试模板"],
      ],
      visible: false,
    };
    if (identity === "names") {
      names["perfeval_template_id"] = "_meta!B1";
      names["perfeval_template_version"] = "_meta!B2";
      names["perfeval_template_title"] = "_meta!B3";
    }
  }
  const inputRows: CellInput[][] = [];
  const tableCols = new Map<string, FieldRow[]>();
  for (const f of t.fields) {
    const dot = f.name.indexOf(".");
    if (dot >= 0) {
      const id = f.name.slice(0, dot);
      tableCols.set(id, [...(tableCols.get(id) ?? []), f]);
      continue;
    }
    inputRows.push([f.label, t.values?.[f.name] ?? null]);
    names[f.name] = `${INPUT_SHEET}!B${inputRows.length}`;
  }
  sheets[INPUT_SHEET] = { rows: inputRows };
  for (const [id, cols] of tableCols) {
    sheets[`表_${id}`] = { rows: [cols.map((c) => c.label), ...(t.tables?.[id] ?? [])] };
    names[`tbl_${id}`] = `表_${id}!A1:${String.fromCharCode(64 + cols.length)}1`;
  }
  const fieldRows = t.fields.map((f) => [
    f.name,
    f.label,
    f.type,
    f.required ?? "否",
    f.min ?? null,
    f.max ?? null,
    f.direction ?? "输入",
    null,
  ]);
  sheets["字段定义"] = { rows: [header(FIELD_COLUMNS), ...fieldRows] };
  names["tbl_fields"] = "字段定义!A1:H1";
  sheets["校验规则"] = { rows: [header(CHECK_COLUMNS), ...(t.checks ?? [])] };
  names["tbl_checks"] = "校验规则!A1:F1";
  const rubric = t.rubric ?? [
    ["1", "投入", null, null, 100],
    ["1.1", null, "配置", null, 100],
    ["1.1.1", null, null, "人员控制率", 100, "1", "人工评分", "", "", 100],
  ];
  const grades = t.grades ?? [
    ["优", 90],
    ["良", 80],
    ["中", 60],
    ["差", 0],
  ];
  const adjustments = t.adjustments ?? [];
  const gradeStart = rubric.length + 3;
  const adjStart = gradeStart + grades.length + 2;
  const rows: CellInput[][] = [header(RUBRIC_COLUMNS), ...rubric.map((r) => [...r])];
  while (rows.length < gradeStart - 1) rows.push([]);
  rows.push(header(GRADE_COLUMNS), ...grades.map((r) => [...r]));
  while (rows.length < adjStart - 1) rows.push([]);
  rows.push(header(ADJUSTMENT_COLUMNS), ...adjustments.map((r) => [...r]));
  sheets["指标体系"] = { rows };
  names["tbl_rubric"] = "指标体系!A1:P1";
  names["tbl_grades"] = `指标体系!A${gradeStart}:B${gradeStart}`;
  names["tbl_adjustments"] = `指标体系!A${adjStart}:E${adjStart}`;
  return buildSnapshot({ sheets, names });
}
