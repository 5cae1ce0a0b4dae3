import type { OutputValue } from "../../engine";

/**
 * Text that Excel would turn into something else when written through `Range.values`: a formula (= + - @),
 * a number/date/percent/boolean/error, or text that already starts with the apostrophe text prefix.
 */
const REINTERPRETED = /^(?:[=+\-@'#]|\s|[0-9.,(（$¥￥%])|^(?:true|false)$/i;

/**
 * One output value → what to assign in `Range.values`. Risky text gets Excel's leading-apostrophe text prefix,
 * which Excel stores as "quote prefix" (the apostrophe is not part of the value), so it stays literal text.
 * null clears the cell ("" is Excel's "clear" for values).
 */
export function toExcelInput(value: OutputValue): string | number {
  if (value === null) return "";
  if (typeof value === "number") return value;
  if (value === "") return "";
  return REINTERPRETED.test(value) ? `'${value}` : value;
}

/**
 * A block of output values → the 2-D array for `Range.values`, padded to a rectangle with `null`, which
 * Office.js skips on update — so cells a ragged plan row does not name are never touched.
 */
export function toExcelBlock(values: readonly (readonly OutputValue[])[]): (string | number | null)[][] {
  const width = Math.max(1, ...values.map((r) => r.length));
  return values.map((row) => {
    const out: (string | number | null)[] = [];
    for (let c = 0; c < width; c++) out.push(c < row.length ? toExcelInput(row[c] ?? null) : null);
    return out;
  });
}

/** How many cells a block really writes (padding excluded). */
export function countCells(values: readonly (readonly OutputValue[])[]): number {
  return values.reduce((n, row) => n + row.length, 0);
}
