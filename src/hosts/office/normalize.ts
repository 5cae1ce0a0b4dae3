import type { CellValue, DefinedName } from "../../engine";
import { EMPTY, parseRange } from "../../engine";
import { parseNameRef } from "../../engine";

/** Office.js `Range.valueTypes` entries (string form, so tests need no Excel enum). */
export type OfficeValueType = "Unknown" | "Empty" | "String" | "Integer" | "Double" | "Boolean" | "Error" | "RichValue";

/**
 * True when a number format shows a date or time. Same rule as exceljs' `isDateFmt`, so the Office host and
 * the .xlsx host agree on which numbers are dates: drop `[...]` and quoted text, then look for y m d h M s b.
 */
export function isDateFormat(format: string | null | undefined): boolean {
  if (!format) return false;
  const stripped = format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(stripped);
}

/** Excel serial (1900 system) → ISO yyyy-mm-dd, computed the way exceljs does (Unix epoch = serial 25569). */
export function serialToIsoDate(serial: number): string {
  const ms = Math.round((serial - 25569) * 24 * 3600 * 1000);
  return new Date(ms).toISOString().slice(0, 10);
}

/** One Office.js cell (value + valueType + number format) → the engine's CellValue. */
export function toCellValue(value: unknown, type: OfficeValueType | string | undefined, format?: string): CellValue {
  if (type === "Empty" || value === null || value === undefined) return EMPTY;
  if (type === "Error") return { t: "e", v: String(value) };
  if (typeof value === "boolean") return { t: "b", v: value };
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { t: "e", v: "#NUM!" };
    return isDateFormat(format) ? { t: "d", v: serialToIsoDate(value) } : { t: "n", v: value };
  }
  const text = String(value);
  return text === "" ? EMPTY : { t: "s", v: text };
}

/**
 * A used range's 2-D arrays → snapshot rows starting at A1. `startRow`/`startCol` are the used range's
 * 0-based top-left; rows above it are empty arrays, columns left of it are EMPTY; trailing empties are trimmed
 * so that "missing" and "empty" cells compare equal across hosts.
 */
export function toSnapshotRows(
  values: readonly (readonly unknown[])[],
  types: readonly (readonly string[])[],
  formats: readonly (readonly unknown[])[] | undefined,
  startRow: number,
  startCol: number,
): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let r = 0; r < startRow; r++) rows.push([]);
  values.forEach((rowValues, r) => {
    const row: CellValue[] = [];
    for (let c = 0; c < startCol; c++) row.push(EMPTY);
    rowValues.forEach((v, c) => {
      const fmt = formats?.[r]?.[c];
      row.push(toCellValue(v, types[r]?.[c], typeof fmt === "string" ? fmt : undefined));
    });
    rows.push(trimTrailingEmpty(row));
  });
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
  return rows;
}

function trimTrailingEmpty(row: CellValue[]): CellValue[] {
  let end = row.length;
  while (end > 0 && row[end - 1]!.t === "empty") end--;
  return row.slice(0, end);
}

/**
 * Split "'My Sheet'!$B$3:$F$3" (or "=Sheet1!A1") into the unquoted sheet name and the bare address, with the
 * .xlsx host's own parser so both hosts agree; an unquoted `#REF!` (a name whose sheet was deleted) is null.
 */
export function splitSheetAddress(reference: string): { sheet: string; address: string } | null {
  return parseNameRef(reference.trim().replace(/^=/, ""));
}

/** Quote a sheet name for an A1 reference when Excel would: anything but letters, digits and underscores. */
export function quoteSheet(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** A loaded Office.js NamedItem (only the fields we load). */
export interface NamedItemData {
  readonly name: string;
  readonly type: string;
  readonly formula?: unknown;
  readonly value?: unknown;
}

/** Workbook names → DefinedName[]: only single-area range names that point at a sheet cell or range. */
export function toDefinedNames(items: readonly NamedItemData[]): DefinedName[] {
  const out: DefinedName[] = [];
  for (const item of items) {
    if (item.type !== "Range") continue;
    const ref = typeof item.formula === "string" ? item.formula : typeof item.value === "string" ? item.value : "";
    const split = splitSheetAddress(ref);
    if (split) out.push({ name: item.name, sheet: split.sheet, address: split.address });
  }
  return out;
}

/** The 0-based top-left of an Office.js address such as "Sheet1!B2:F30" (used ranges are one area). */
export function topLeftOf(address: string): { row: number; col: number } | null {
  const split = splitSheetAddress(address);
  const range = split ? parseRange(split.address) : parseRange(address.replace(/\$/g, ""));
  return range ? range.start : null;
}
