/**
 * The engine's public entry points: a workbook snapshot in; diagnostics, scores, the report and
 * write plans out. Pure: no I/O, no host types. Hosts read, the engine decides, hosts write.
 *
 * Hosts and the command line hold an engine session (`createEngine`), which remembers what it compiled of a
 * template for the next workbook of the same template; runValidation & co. are one-off sessions.
 */
import type { WorkbookSnapshot } from "./model/snapshot";
import type { ScoresOutcome, ScoringOutcome, ValidationOutcome } from "./api";
import type { EngineOptions, ReportOutcome } from "./session";
import { createEngine } from "./session";

export type { ValidationOutcome, ScoresOutcome, ScoringOutcome, PublishOutcome } from "./api";
export { configurationCells, fingerprintOf } from "./compile/published";
export { readPublished, PUBLISHED_KEYS } from "./compile/published-record";
export type { ConfigCell, PublishedRecord } from "./compile/published-record";
export type { ActionOptions, EngineOptions, EngineSession, ReportOutcome, SessionOptions } from "./session";
export { createEngine } from "./session";

/** 校验 in a one-off session (see EngineSession.validate). */
export function runValidation(
  snapshot: WorkbookSnapshot,
  options: Pick<EngineOptions, "knownTemplates"> = {},
): ValidationOutcome {
  return createEngine(options).validate(snapshot);
}

/** 评分 in a one-off session (see EngineSession.score). */
export function runScoring(snapshot: WorkbookSnapshot, options: EngineOptions = {}): ScoringOutcome {
  return createEngine(options).score(snapshot, options);
}

/** The scores of 评分 without a write plan, in a one-off session (see EngineSession.scores). */
export function runScores(snapshot: WorkbookSnapshot, options: EngineOptions = {}): ScoresOutcome {
  return createEngine(options).scores(snapshot, options);
}

/** 报告 in a one-off session (see EngineSession.report). */
export function runReport(snapshot: WorkbookSnapshot, options: EngineOptions = {}): ReportOutcome {
  return createEngine(options).report(snapshot, options);
}

export {
  ADJUSTMENT_COLUMNS,
  CHECK_COLUMNS,
  DIRECTION_LABELS,
  FIELD_COLUMNS,
  FIELD_TYPE_LABELS,
  GRADE_COLUMNS,
  META_KEYS,
  META_NAMES,
  META_SHEET,
  RUBRIC_COLUMNS,
  RUBRIC_OUTPUT_KEYS,
  SEVERITY_LABELS,
  STRUCTURE_TABLE_NAMES,
  TABLE_NAME_PREFIX,
  YES_NO_LABELS,
} from "./compile/read/labels";
export type { RubricColumnKey } from "./compile/read/labels";
export type { FieldType, TemplateInfo, ValueRules } from "./compile/read/types";
export type { RuleKindId } from "./compile/rule-types";
export type { Catalog, Catalogs, Lang, NoParams } from "./i18n/catalog";
export { DEFAULT_LANG, LANGS, catalogIn, defineCatalogs, isLang, langIn, langOf, translate } from "./i18n/catalog";
export { renderDiagnostic, sortDiagnostics } from "./diagnostics/render";
export { EngineInvariantError, severityRank } from "./diagnostics/types";
export type { Diagnostic, Severity } from "./diagnostics/types";
export { EMPTY, columnLetters, parseA1, parseRange, rangeToA1, toA1 } from "./model/cell";
export type { CellRef, CellValue } from "./model/cell";
export { cellAtRef, findName, findSheet } from "./model/snapshot";
export type { DefinedName, SheetSnapshot, WorkbookSnapshot } from "./model/snapshot";
export type { OutputValue, WriteOp, WritePlan } from "./model/write-plan";
export { layoutReport } from "./report/layout";
export type { ReportLine } from "./report/layout";
export { runsText } from "./report/tree";
export type { ReportTree, Run } from "./report/tree";
export { pointsWord } from "./score/phrases";
export type { IndicatorResult, LevelResult, ScoreSheet } from "./score/result-types";

export { absoluteRef, parseNameRef } from "./model/defined-names";
export type { KnownTemplates } from "./compile/read/missing-sheets";
export { NO_KNOWN_TEMPLATES } from "./compile/read/missing-sheets";
export { templateOutputCells } from "./compile/template-outputs";
export { parameterGuideLines } from "./compile/param-guide";
export { formulaReadings } from "./formula-reading";
