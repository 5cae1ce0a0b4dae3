/**
 * 字段定义 (`tbl_fields`): one row per single-value field (a defined name) or table column
 * (`<table>.<key>`). Bad rows give `schema_invalid` at the offending cell and are skipped or defaulted.
 */
import type { CellRef } from "../../model/cell";
import type { WorkbookSnapshot } from "../../model/snapshot";
import type { Diagnostic, Location } from "../../diagnostics/types";
import { diag } from "../../diagnostics/types";
import type { FieldType, ValueRules } from "./types";
import { addressOf, cellNumber, cellText } from "./cells";
import { DIRECTION_LABELS, FIELD_COLUMNS, FIELD_TYPE_LABELS, YES_NO_LABELS } from "./labels";
import { problem } from "../../diagnostics/problems";
import type { StructuralTable } from "./read-structural";
import { TableReader } from "./read-structural";

/** One definition row of 字段定义, before it is tied to a cell or table column. */
export interface FieldSpec extends ValueRules {
  /** The full 名称: "staff_quota" or "tasks.weight". */
  readonly name: string;
  /** Table id for a column ("tasks"), null for a single-value field. */
  readonly table: string | null;
  /** Column key ("weight") or the field name itself. */
  readonly key: string;
  /** The 名称 cell of the definition row. */
  readonly defRef: CellRef;
}

const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/;

// 类型 texts: the Chinese names exactly, the English ids in any case (looked up lower-cased).
const FIELD_TYPES_BY_TEXT: ReadonlyMap<string, FieldType> = new Map(
  (Object.entries(FIELD_TYPE_LABELS) as [FieldType, string][]).flatMap(([id, zh]) => [
    [zh, id],
    [id, id],
  ]),
);

/** 类型 text (Chinese name or English id) → FieldType. */
export function parseFieldType(text: string): FieldType | null {
  const t = text.trim();
  return FIELD_TYPES_BY_TEXT.get(t) ?? FIELD_TYPES_BY_TEXT.get(t.toLowerCase()) ?? null;
}

/** 是/否 (also TRUE/FALSE, yes/no) → boolean; blank → the default; anything else → undefined. */
export function parseYesNo(text: string, blank: boolean): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (t === "") return blank;
  if (t === YES_NO_LABELS.yes || t === "true" || t === "yes" || t === "y") return true;
  if (t === YES_NO_LABELS.no || t === "false" || t === "no" || t === "n") return false;
  return undefined;
}

type FieldColumn = keyof typeof FIELD_COLUMNS;

/** Reads 字段定义's rows (a structural table) and collects their problems. */
class FieldRows extends TableReader<FieldColumn> {
  readonly diagnostics: Diagnostic[] = [];

  /** The A1 address of the row's 名称 cell. */
  nameAddress(row: number): string {
    return addressOf(row, this.t.cols.get("name") ?? 0);
  }

  bad(row: number, key: FieldColumn, item: string, p: string): void {
    const at: Location = {
      sheet: this.t.sheet.name,
      address: addressOf(row, this.t.cols.get(key) ?? this.t.cols.get("name") ?? 0),
      ...(item ? { name: item } : {}),
      label: FIELD_COLUMNS[key],
    };
    this.diagnostics.push(diag("schema_invalid", "error", at, { item, problem: p }));
  }

  /** 最小值/最大值: null when blank; unreadable text is reported and read as null. */
  bound(row: number, key: "min" | "max", item: string): number | null {
    const cell = this.cell(row, key);
    if (cell === undefined) return null;
    const raw = cellText(cell);
    if (raw === "") return null;
    const n = cellNumber(cell);
    if (n === null) this.bad(row, key, item, problem("bad_number", raw));
    return n;
  }
}

/** Read every definition row of 字段定义. */
export function readFieldSpecs(
  snapshot: WorkbookSnapshot,
  table: StructuralTable<FieldColumn>,
): { specs: FieldSpec[]; diagnostics: Diagnostic[] } {
  const { sheet, rows } = table;
  const r = new FieldRows(table);
  const specs: FieldSpec[] = [];
  const seen = new Set<string>();

  for (const row of rows) {
    const name = r.text(row, "name");
    const item = name === "" ? `${sheet.name}!${r.nameAddress(row)}` : name;
    if (name === "") {
      r.bad(row, "name", item, problem("missing_name"));
      continue;
    }
    if (!NAME_RE.test(name)) {
      r.bad(row, "name", item, problem("bad_name", name));
      continue;
    }
    if (seen.has(name.toLowerCase())) {
      r.bad(row, "name", item, problem("duplicate_name", name));
      continue;
    }
    const typeText = r.text(row, "type");
    const type = parseFieldType(typeText);
    if (!type) {
      r.bad(row, "type", item, typeText === "" ? problem("missing_type") : problem("unknown_type", typeText));
      continue;
    }
    seen.add(name.toLowerCase());
    const requiredText = r.text(row, "required");
    let required = parseYesNo(requiredText, false);
    if (required === undefined) {
      r.bad(row, "required", item, problem("bad_required", requiredText));
      required = false;
    }
    const min = r.bound(row, "min", item);
    let max = r.bound(row, "max", item);
    if (min !== null && max !== null && min > max) {
      r.bad(row, "max", item, problem("min_above_max", `${min} > ${max}`));
      max = null;
    }
    const dirText = r.text(row, "direction");
    let output = false;
    if (dirText === DIRECTION_LABELS.output || dirText.toLowerCase() === "output") output = true;
    else if (!(dirText === "" || dirText === DIRECTION_LABELS.input || dirText.toLowerCase() === "input")) {
      r.bad(row, "direction", item, problem("bad_direction", dirText));
    }
    const dot = name.indexOf(".");
    const label = r.text(row, "label") || name;
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
      defRef: { sheet: sheet.name, address: r.nameAddress(row) },
    });
  }
  return { specs, diagnostics: r.diagnostics };
}
