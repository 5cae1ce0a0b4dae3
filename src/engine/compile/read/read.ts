/**
 * readTemplate: a workbook snapshot → the template definition (identity, fields, tables, checks,
 * rubric, grades, adjustments) and every structural problem, as diagnostics. Never throws.
 */
import type { WorkbookSnapshot } from "../../model/snapshot";
import { findSheet } from "../../model/snapshot";
import type { Diagnostic } from "../../diagnostics/types";
import type { CheckDef, FieldDef, Template } from "./types";
import { FIELD_COLUMNS, META_NAMES, STRUCTURE_TABLE_NAMES, TABLE_NAME_PREFIX } from "./labels";
import type { FieldColumnKey } from "./labels";
import { recognizeTemplate } from "./recognize";
import type { Recognition } from "./recognize";
import type { ConfigurationMemo } from "./configuration";
import { readFieldSpecs } from "./read-fields";
import type { FieldSpec } from "./read-fields";
import { readStructuralTable } from "./read-structural";
import { readAdjustments, readChecks, readGrades, readRubric } from "./read-config";
import { readDataTables, readSingleFields } from "./read-data";
import type { SheetResolver } from "./missing-sheets";
import type { KnownTemplates } from "./missing-sheets";
import { foldMissingSheets, lostOnSheet, NO_KNOWN_TEMPLATES, sheetResolver } from "./missing-sheets";

export { SUPPORTED_TEMPLATE_VERSION } from "./recognize";

/** What readTemplate returns: the template (null when not recognised or of an unsupported version) and its problems. */
export interface TemplateReading {
  readonly template: Template | null;
  readonly diagnostics: Diagnostic[];
}

/**
 * The names no reader looks at (the identity names, `tbl_*` names of no known table) that point at a
 * missing sheet: one lost named cell each, so a sheet holding only those is reported too.
 */
const META_NAME_SET: ReadonlySet<string> = new Set(Object.values(META_NAMES));

function otherLostNames(snapshot: WorkbookSnapshot, specs: readonly FieldSpec[], sheets: SheetResolver): Diagnostic[] {
  // A name loses its sheet only when that sheet is gone or the name reads #REF!: the usual workbook has neither.
  if (snapshot.names.every((n) => findSheet(snapshot, n.sheet) !== undefined)) return [];
  const read = new Set<string>(Object.values(STRUCTURE_TABLE_NAMES));
  for (const s of specs) read.add((s.table === null ? s.name : `${TABLE_NAME_PREFIX}${s.table}`).toLowerCase());
  const out: Diagnostic[] = [];
  for (const n of snapshot.names) {
    const lower = n.name.toLowerCase();
    if (read.has(lower) || !(META_NAME_SET.has(lower) || lower.startsWith(TABLE_NAME_PREFIX))) continue;
    const lost = sheets.lostSheet(n.name);
    if (lost !== null) out.push(lostOnSheet(lost, "error"));
  }
  return out;
}

/** What the configuration sheets alone decide (template/configuration.ts): read once per template in a batch. */
interface Configuration {
  readonly recognition: Recognition;
  readonly fieldTableDiagnostics: readonly Diagnostic[];
  readonly specs: readonly FieldSpec[];
  readonly specDiagnostics: readonly Diagnostic[];
  readonly fields: ReadonlyMap<string, FieldDef>;
  readonly fieldDiagnostics: readonly Diagnostic[];
  readonly checks: readonly CheckDef[];
  readonly checkDiagnostics: readonly Diagnostic[];
  readonly otherLost: readonly Diagnostic[];
}

/** Identity, 字段定义, the single fields' cells and 校验规则: reads only names, sheet names and the configuration sheets. */
function readConfiguration(snapshot: WorkbookSnapshot, known: KnownTemplates): Configuration {
  const recognition = recognizeTemplate(snapshot);
  if (!recognition.info) {
    // Not a template: readTemplate stops at the recognition's diagnostics.
    const fields = new Map<string, FieldDef>();
    return {
      recognition,
      fieldTableDiagnostics: [],
      specs: [],
      specDiagnostics: [],
      fields,
      fieldDiagnostics: [],
      checks: [],
      checkDiagnostics: [],
      otherLost: [],
    };
  }
  const fieldTable = readStructuralTable<FieldColumnKey>(snapshot, {
    id: "fields",
    columns: FIELD_COLUMNS,
    required: ["name", "label", "type"],
    missingSeverity: "error",
  });
  const specs = fieldTable.table ? readFieldSpecs(snapshot, fieldTable.table) : { specs: [], diagnostics: [] };
  const sheets = sheetResolver(snapshot, recognition.info.id, known);
  const single = readSingleFields(snapshot, specs.specs, sheets);
  const checks = readChecks(snapshot);
  return {
    recognition,
    fieldTableDiagnostics: fieldTable.diagnostics,
    specs: specs.specs,
    specDiagnostics: specs.diagnostics,
    fields: single.fields,
    fieldDiagnostics: single.diagnostics,
    checks: checks.checks,
    checkDiagnostics: checks.diagnostics,
    otherLost: otherLostNames(snapshot, specs.specs, sheets),
  };
}

/**
 * Read a template from a workbook snapshot, following docs/template-format.md. Damaged templates give
 * diagnostics, never exceptions; the template is returned whenever its identity is recognised.
 */
export function readTemplate(
  snapshot: WorkbookSnapshot,
  known: KnownTemplates = NO_KNOWN_TEMPLATES,
  memo?: ConfigurationMemo,
): TemplateReading {
  const config = memo ? memo.read(snapshot, readConfiguration, known) : readConfiguration(snapshot, known);
  const recognition = config.recognition;
  if (!recognition.info) return { template: null, diagnostics: [...recognition.diagnostics] };

  const sheets = sheetResolver(snapshot, recognition.info.id, known);
  const data = readDataTables(snapshot, config.specs, sheets);
  const rubric = readRubric(snapshot);
  const grades = readGrades(snapshot);
  const adjustments = readAdjustments(snapshot);
  const diagnostics: Diagnostic[] = [
    ...recognition.diagnostics,
    ...config.fieldTableDiagnostics,
    ...config.specDiagnostics,
    ...config.otherLost,
    ...config.fieldDiagnostics,
    ...data.diagnostics,
    ...config.checkDiagnostics,
    ...rubric.diagnostics,
    ...grades.diagnostics,
    ...adjustments.diagnostics,
  ];
  const template: Template = {
    info: recognition.info,
    fields: config.fields,
    tables: data.tables,
    checks: config.checks,
    rubric: rubric.rubric,
    grades: grades.grades,
    adjustments: adjustments.adjustments,
  };
  // One diagnostic per missing sheet, however many named cells and tables lived on it.
  return { template, diagnostics: foldMissingSheets(diagnostics, recognition.info.id, known) };
}
