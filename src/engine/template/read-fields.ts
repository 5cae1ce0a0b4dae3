/**
 * 字段定义 (`tbl_fields`): one row per single-value field (a defined name) or table column
 * (`<table>.<key>`). Bad rows give `schema_invalid` at the offending cell and are skipped or defaulted.
 */
import type { CellRef } from "../model/cell";
import type { WorkbookSnapshot } from "../model/snapshot";
import { cellAt } from "../model/snapshot";
import type { Diagnostic, Location } from "../diagnostics/types";
import { diag } from "../diagnostics/types";
import type { FieldType } from "./types";
import { addressOf, cellNumber, cellText } from "./cells";
import { DIRECTION_LABELS, FIELD_COLUMNS, FIELD_TYPE_LABELS, YES_NO_LABELS } from "./labels";
import { problem } from "../diagnostics/problems";
import type { StructuralTable } from "./read-structural";

/** One definition row of 字段定义, before it is tied to a cell or table column. */
export interface FieldSpec {
  /** The full 名称: "staff_quota" or "tasks.weight". */
  readonly name: string;
  /** Table id for a column ("tasks"), null for a single-value field. */
  readonly table: string | null;
  /** Column key ("weight") or the field name itself. */
  readonly key: string;
  readonly label: string;
  readonly type: FieldType;
  readonly required: boolean;
  readonly min: number | null;
  readonly max: number | null;
  readonly output: boolean;
  /** The 名称 cell of the definition row. */
  readonly defRef: CellRef;
}

const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/;

/** 类型 text (Chinese name or English id) → FieldType. */
export function parseFieldType(text: string): FieldType | null {
  const t = text.trim();
  for (const [id, zh] of Object.entries(FIELD_TYPE_LABELS) as [FieldType, string][]) {
    if (t === zh || t.toLowerCase() === id) return id;
  }
  return null;
}

/** 是/否 (also TRUE/FALSE, yes/no) → boolean; blank → the default; anything else → undefined. */
export function parseYesNo(text: string, blank: boolean): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (t === "") return blank;
  if (t === YES_NO_LABELS.yes || t === "true" || t === "yes" || t === "y") return true;
  if (t === YES_NO_LABELS.no || t === "false" || t === "no" || t === "n") return false;
  return undefined;
}

/** Read every definition row of 字段定义. */
export function readFieldSpecs(
  snapshot: WorkbookSnapshot,
  table: StructuralTable<keyof typeof FIELD_COLUMNS>,
): { specs: FieldSpec[]; diagnostics: Diagnostic[] } {
  const { sheet, cols, rows } = table;
  const diagnostics: Diagnostic[] = [];
  const specs: FieldSpec[] = [];
  const seen = new Set<string>();
  const text = (row: number, key: keyof typeof FIELD_COLUMNS): string => {
    const col = cols.get(key);
    return col === undefined ? "" : cellText(cellAt(sheet, { row, col }));
  };
  const at = (row: number, key: keyof typeof FIELD_COLUMNS, name?: string): Location => ({
    sheet: sheet.name,
    address: addressOf(row, cols.get(key) ?? cols.get("name") ?? 0),
    ...(name ? { name } : {}),
    label: FIELD_COLUMNS[key],
  });
  const bad = (row: number, key: keyof typeof FIELD_COLUMNS, item: string, p: string): void => {
    diagnostics.push(diag("schema_invalid", "error", at(row, key, item), { item, problem: p }));
  };

  for (const row of rows) {
    const name = text(row, "name");
    const item = name === "" ? `${sheet.name}!${addressOf(row, cols.get("name") ?? 0)}` : name;
    if (name === "") {
      bad(row, "name", item, problem("missing_name"));
      continue;
    }
    if (!NAME_RE.test(name)) {
      bad(row, "name", item, problem("bad_name", name));
      continue;
    }
    if (seen.has(name.toLowerCase())) {
      bad(row, "name", item, problem("duplicate_name", name));
      continue;
    }
    const typeText = text(row, "type");
    const type = parseFieldType(typeText);
    if (!type) {
      bad(row, "type", item, typeText === "" ? problem("missing_type") : problem("unknown_type", typeText));
      continue;
    }
    seen.add(name.toLowerCase());
    const requiredText = text(row, "required");
    let required = parseYesNo(requiredText, false);
    if (required === undefined) {
      bad(row, "required", item, problem("bad_required", requiredText));
      required = false;
    }
    const bound = (key: "min" | "max"): number | null => {
      const col = cols.get(key);
      if (col === undefined) return null;
      const cell = cellAt(sheet, { row, col });
      const raw = cellText(cell);
      if (raw === "") return null;
      const n = cellNumber(cell);
      if (n === null) bad(row, key, item, problem("bad_number", raw));
      return n;
    };
    const min = bound("min");
    let max = bound("max");
    if (min !== null && max !== null && min > max) {
      bad(row, "max", item, problem("min_above_max", `${min} > ${max}`));
      max = null;
    }
    const dirText = text(row, "direction");
    let output = false;
    if (dirText === DIRECTION_LABELS.output || dirText.toLowerCase() === "output") output = true;
    else if (!(dirText === "" || dirText === DIRECTION_LABELS.input || dirText.toLowerCase() === "input")) {
      bad(row, "direction", item, problem("bad_direction", dirText));
    }
    const dot = name.indexOf(".");
    const label = text(row, "label") || name;
    specs.push({
      name,
      table: dot < 0 ? null : name.slice(0, dot),
      key: dot < 0 ? name : name.slice(dot + 1),
      label,
      type,
      required,
      min,
      max,
      output,
      defRef: { sheet: sheet.name, address: addressOf(row, cols.get("name") ?? 0) },
    });
  }
  return { specs, diagnostics };
}
