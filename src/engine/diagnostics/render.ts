/**
 * Diagnostics in words: the message, what to do, and where ("「收支情况」!C7"); plus ordering and counts
 * for lists and exit codes.
 */
import type { Diagnostic, DiagnosticParamsByCode, Location, Severity } from "./types";
import { severityRank } from "./types";
import { parseA1 } from "../model/cell";
import type { Catalog, Catalogs, Lang } from "../i18n/catalog";
import { DEFAULT_LANG, catalogIn, defineCatalogs, translate } from "../i18n/catalog";
import type { DiagnosticText } from "./catalog-types";
import { CATALOG_ZH } from "./catalog-zh";
import { CATALOG_EN } from "./catalog-en";

export type { DiagnosticText } from "./catalog-types";

/** The diagnostics' catalogs: a message and a fix for every code, in every language. */
export const CATALOGS: Catalogs<Catalog<DiagnosticParamsByCode, DiagnosticText>> = defineCatalogs(
  CATALOG_ZH,
  CATALOG_EN,
);

/** A diagnostic rendered for people. `where` is "" when the problem has no cell. */
export interface RenderedDiagnostic extends DiagnosticText {
  readonly where: string;
}

/** A cell in words: 「收支情况」!C7 in Chinese, '收支情况'!C7 in English. */
const WHERE: Catalogs<(l: Location) => string> = defineCatalogs(
  (l) => `「${l.sheet}」!${l.address}`,
  (l) => `'${l.sheet}'!${l.address}`,
);

/** "「收支情况」!C7" (zh-CN) or "'收支情况'!C7" (en); "" without a location. */
export function formatWhere(location: Location | null, lang: Lang = DEFAULT_LANG): string {
  return location ? catalogIn(WHERE, lang)(location) : "";
}

/** The message and fix of a diagnostic in one language. */
export function diagnosticText(d: Diagnostic, lang: Lang = DEFAULT_LANG): DiagnosticText {
  return translate(CATALOGS, lang, d.code, d.params);
}

/** Render a diagnostic: message, fix and location text. */
export function renderDiagnostic(d: Diagnostic, lang: Lang = DEFAULT_LANG): RenderedDiagnostic {
  return { ...diagnosticText(d, lang), where: formatWhere(d.location, lang) };
}

function position(location: Location | null): [number, number] {
  const p = location ? parseA1(location.address.split(":")[0] ?? "") : null;
  return p ? [p.row, p.col] : [-1, -1];
}

/**
 * Errors first, then warnings, then info; within a severity grouped by sheet (in `sheetOrder`, else in
 * order of first appearance; workbook-wide problems first), then by row and column. Stable; returns a copy.
 */
export function sortDiagnostics(diagnostics: readonly Diagnostic[], sheetOrder: readonly string[] = []): Diagnostic[] {
  const order = new Map<string, number>(sheetOrder.map((s, i) => [s, i]));
  for (const d of diagnostics) {
    if (d.location && !order.has(d.location.sheet)) order.set(d.location.sheet, order.size);
  }
  const sheetRank = (d: Diagnostic) => (d.location ? (order.get(d.location.sheet) ?? 0) : -1);
  return diagnostics
    .map((d, i) => ({ d, i, pos: position(d.location) }))
    .sort(
      (a, b) =>
        severityRank(a.d.severity) - severityRank(b.d.severity) ||
        sheetRank(a.d) - sheetRank(b.d) ||
        a.pos[0] - b.pos[0] ||
        a.pos[1] - b.pos[1] ||
        a.i - b.i,
    )
    .map((x) => x.d);
}

/** How many diagnostics of each severity. */
export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity] += 1;
  return counts;
}
