/**
 * readTemplate: a workbook snapshot → the template definition (identity, fields, tables, checks,
 * rubric, grades, adjustments) and every structural problem, as diagnostics. Never throws.
 */
import type { WorkbookSnapshot } from "../model/snapshot";
import { findSheet } from "../model/snapshot";
import type { Diagnostic } from "../diagnostics/types";
import { diag, severityRank } from "../diagnostics/types";
import type { Template } from "./types";
import { FIELD_COLUMNS, META_NAMES, TABLE_NAME_PREFIX } from "./labels";
import type { FieldColumnKey } from "./labels";
import { recognizeTemplate } from "./recognize";
import { readFieldSpecs } from "./read-fields";
import type { FieldSpec } from "./read-fields";
import { readStructuralTable } from "./read-structural";
import { readAdjustments, readChecks, readGrades, readRubric } from "./read-config";
import { readDataTables, readSingleFields } from "./read-data";

export { SUPPORTED_TEMPLATE_VERSION } from "./recognize";

/** What readTemplate returns: the template (null when not recognised or of an unsupported version) and its problems. */
export interface TemplateReading {
  readonly template: Template | null;
  readonly diagnostics: Diagnostic[];
}

/** One `template_sheet_missing` per sheet that a template name points at but the workbook lacks. */
function missingSheets(snapshot: WorkbookSnapshot, specs: readonly FieldSpec[]): Diagnostic[] {
  const relevant = new Set<string>(Object.values(META_NAMES).map((n) => n.toLowerCase()));
  for (const s of specs) if (s.table === null) relevant.add(s.name.toLowerCase());
  const sheets = new Set<string>();
  for (const n of snapshot.names) {
    const lower = n.name.toLowerCase();
    if (!(relevant.has(lower) || lower.startsWith(TABLE_NAME_PREFIX))) continue;
    if (!findSheet(snapshot, n.sheet)) sheets.add(n.sheet);
  }
  return [...sheets].map((sheet) => diag("template_sheet_missing", "error", null, { sheet }));
}

/** Drop repeated template_sheet_missing diagnostics for the same sheet, keeping the most severe. */
function dedupeSheets(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const best = new Map<string, Diagnostic>();
  for (const d of diagnostics) {
    if (d.code !== "template_sheet_missing") continue;
    const prev = best.get(d.params.sheet);
    if (!prev || severityRank(d.severity) < severityRank(prev.severity)) best.set(d.params.sheet, d);
  }
  return diagnostics.filter((d) => d.code !== "template_sheet_missing" || best.get(d.params.sheet) === d);
}

/**
 * Read a template from a workbook snapshot, following docs/template-format.md. Damaged templates give
 * diagnostics, never exceptions; the template is returned whenever its identity is recognised.
 */
export function readTemplate(snapshot: WorkbookSnapshot): TemplateReading {
  const recognition = recognizeTemplate(snapshot);
  if (!recognition.info) return { template: null, diagnostics: recognition.diagnostics };
  const diagnostics: Diagnostic[] = [...recognition.diagnostics];

  const fieldTable = readStructuralTable<FieldColumnKey>(snapshot, {
    id: "fields",
    columns: FIELD_COLUMNS,
    required: ["name", "label", "type"],
    missingSeverity: "error",
  });
  diagnostics.push(...fieldTable.diagnostics);
  const specs = fieldTable.table ? readFieldSpecs(snapshot, fieldTable.table) : { specs: [], diagnostics: [] };
  diagnostics.push(...specs.diagnostics);

  const single = readSingleFields(snapshot, specs.specs);
  const data = readDataTables(snapshot, specs.specs);
  const checks = readChecks(snapshot);
  const rubric = readRubric(snapshot);
  const grades = readGrades(snapshot);
  const adjustments = readAdjustments(snapshot);
  diagnostics.push(
    ...missingSheets(snapshot, specs.specs),
    ...single.diagnostics,
    ...data.diagnostics,
    ...checks.diagnostics,
    ...rubric.diagnostics,
    ...grades.diagnostics,
    ...adjustments.diagnostics,
  );
  const template: Template = {
    info: recognition.info,
    fields: single.fields,
    tables: data.tables,
    checks: checks.checks,
    rubric: rubric.rubric,
    grades: grades.grades,
    adjustments: adjustments.adjustments,
  };
  return { template, diagnostics: dedupeSheets(diagnostics) };
}
