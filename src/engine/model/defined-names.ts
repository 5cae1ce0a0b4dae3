import { parseRange, rangeToA1 } from "..";

/** Sheet-qualified A1 references as they appear in defined names (both hosts read and write them). */

/** "基本情况", "B7" → "'基本情况'!$B$7"; "A3:F3" → "'…'!$A$3:$F$3". */
export function absoluteRef(sheet: string, address: string): string {
  const abs = address
    .split(":")
    .map((p) => p.replace(/^\$?([A-Za-z]+)\$?(\d+)$/, "$$$1$$$2"))
    .join(":");
  return `'${sheet.replace(/'/g, "''")}'!${abs}`;
}

/**
 * Splits a defined name's formula text into sheet + address (no `$`), or null when it is not a single
 * rectangular area on one sheet (several areas, a constant, a formula, #REF! with or without an address,
 * whole rows/columns).
 */
export function parseNameRef(text: string): { sheet: string; address: string } | null {
  const m = /^(?:'((?:[^']|'')+)'|([^'!,\s()"]+))!(\$?[A-Za-z]{1,3}\$?\d{1,7}(?::\$?[A-Za-z]{1,3}\$?\d{1,7})?)$/.exec(
    text.trim(),
  );
  if (!m) return null;
  // An unquoted #REF! is where Excel leaves a name whose sheet it deleted: no sheet (the Office host drops these too).
  if (m[2] !== undefined && m[2].toUpperCase() === "#REF") return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!;
  const range = parseRange(m[3]!.replace(/\$/g, ""));
  // "A9:A9" and "A9" are the same cell; report the short form as Excel does.
  return range ? { sheet, address: rangeToA1(range) } : null;
}
