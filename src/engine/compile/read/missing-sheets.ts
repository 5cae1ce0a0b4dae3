/**
 * A deleted or renamed template sheet is one problem, not one per defined name that lived on it: the
 * readers ask here whether a name's sheet is missing, report it as `template_sheet_missing` (one named
 * cell or table lost), and readTemplate folds those into one diagnostic per sheet with the count.
 */
import type { WorkbookSnapshot } from "../../model/snapshot";
import { findName, findSheet } from "../../model/snapshot";
import type { Diagnostic, Severity } from "../../diagnostics/types";
import { diag, severityRank } from "../../diagnostics/types";

/**
 * The sheet text left in a name whose sheet Excel deleted (`=#REF!$B$3`): no sheet at all. Both hosts drop
 * such names; a snapshot made elsewhere may keep them, and reads the same.
 */
const DELETED_SHEET = "#ref";

/** Tells, for a template name that cannot be read, which missing sheet it should be on. */
export interface SheetResolver {
  /**
   * The sheet `name` should be on when that sheet is missing from the workbook; null when the sheet is
   * there or cannot be told. `fallback` is the expected sheet when the name is gone (or #REF!).
   */
  lostSheet(name: string, fallback?: string): string | null;
}

/**
 * The template families the caller knows (src/templates): template id → lower-cased defined name → the sheet it
 * lives on. The engine knows no family itself; with this it can say which sheet a lost name belonged to.
 */
export type KnownTemplates = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** No known families: lost names are placed only by what the workbook still says. */
export const NO_KNOWN_TEMPLATES: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map();

/**
 * The missing sheet `name` should be on, or null. A name that points at a sheet the workbook lacks lost
 * that sheet (deleted, or renamed by a tool that left the names behind). A name that is gone or `#REF!`
 * (Excel deleted its sheet) lost `expected` when that sheet is missing too.
 */
export function lostSheet(snapshot: WorkbookSnapshot, name: string, expected: string | undefined): string | null {
  const dn = findName(snapshot, name);
  if (dn && dn.sheet.toLowerCase() !== DELETED_SHEET) return findSheet(snapshot, dn.sheet) ? null : dn.sheet;
  return expected !== undefined && !findSheet(snapshot, expected) ? expected : null;
}

/** A resolver for one snapshot: a name that is gone or `#REF!` is expected where its known template has it. */
export function sheetResolver(snapshot: WorkbookSnapshot, templateId: string, known: KnownTemplates): SheetResolver {
  return new SnapshotSheets(snapshot, known.get(templateId));
}

class SnapshotSheets implements SheetResolver {
  constructor(
    private readonly snapshot: WorkbookSnapshot,
    private readonly nameSheets: ReadonlyMap<string, string> | undefined,
  ) {}

  lostSheet(name: string, fallback?: string): string | null {
    const expected = fallback ?? this.nameSheets?.get(name.toLowerCase());
    return lostSheet(this.snapshot, name, expected);
  }
}

/** One named cell or table that cannot be read because its sheet is missing. */
export function lostOnSheet(sheet: string, severity: Severity): Diagnostic {
  return diag("template_sheet_missing", severity, null, { sheet, namedCount: 1 });
}

/**
 * Fold every `template_sheet_missing` of one sheet into the first of them, with the named cells and
 * tables counted and the most severe severity — always an error for a sheet of the standard template
 * of a known template when that is the template (its absence is damage, not a choice). Other diagnostics keep their order.
 */
export function foldMissingSheets(diagnostics: Diagnostic[], templateId: string, known: KnownTemplates): Diagnostic[] {
  // The usual workbook misses no sheet: nothing to fold.
  if (!diagnostics.some((d) => d.code === "template_sheet_missing")) return diagnostics;
  const merged = new Map<string, { severity: Severity; count: number }>();
  const ownSheets = new Set(known.get(templateId)?.values() ?? []);
  for (const d of diagnostics) {
    if (d.code !== "template_sheet_missing") continue;
    const prev = merged.get(d.params.sheet);
    const required = ownSheets.has(d.params.sheet);
    const severity = required ? "error" : d.severity;
    merged.set(d.params.sheet, {
      severity: prev && severityRank(prev.severity) <= severityRank(severity) ? prev.severity : severity,
      count: (prev?.count ?? 0) + (d.params.namedCount ?? 0),
    });
  }
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    if (d.code !== "template_sheet_missing") {
      out.push(d);
      continue;
    }
    const m = merged.get(d.params.sheet);
    if (!m) continue;
    merged.delete(d.params.sheet);
    const params = m.count > 0 ? { sheet: d.params.sheet, namedCount: m.count } : { sheet: d.params.sheet };
    out.push(diag("template_sheet_missing", m.severity, null, params));
  }
  return out;
}
