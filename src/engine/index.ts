/**
 * The engine's public entry points: a workbook snapshot in; diagnostics, scores, the report and
 * write plans out. Pure: no I/O, no host types. Hosts read, the engine decides, hosts write.
 */
import type { WorkbookSnapshot } from "./model/snapshot";
import type { Diagnostic } from "./diagnostics/types";
import { severityRank } from "./diagnostics/types";
import type { WriteOp, WritePlan } from "./model/write-plan";
import type { InputValues } from "./model/values";
import type { Template } from "./compile/read/types";
import type { ScoresOutcome, ScoringOutcome, ValidationOutcome } from "./api";
import type { ScoreSheet } from "./score/result-types";
import type { ReportTree } from "./report/tree";
import { readTemplate } from "./compile/read/read";
import type { KnownTemplates } from "./compile/read/missing-sheets";
import { validateInputs } from "./validate";
import { scoreWorkbook } from "./score/score";
import { scoringWritePlan } from "./score/outputs";
import { buildReport } from "./report/build";
import { renderText } from "./report/render-text";
import { reportWritePlan } from "./report/render-sheet";
import { assertOutputsOnly } from "./model/output-guard";
import { DATE_TIME_FORMAT, excelSerialOfLocal } from "./model/excel-date";

export type { ValidationOutcome, ScoresOutcome, ScoringOutcome } from "./api";

/** Options shared by every action. */
export interface EngineOptions {
  readonly lang?: "zh-CN" | "en";
  /**
   * When the action runs, as the user's local wall-clock time `YYYY-MM-DDTHH:MM[:SS]` (the host applies the
   * clock and its time zone; the engine has neither). Written to result_scored_at as an Excel date-time.
   */
  readonly now?: string;
  /**
   * The template families the caller knows (src/templates' KNOWN_TEMPLATES): where each family keeps its defined
   * names, so a damaged workbook's lost names are placed on the sheet that is missing. Pass the same object each
   * time (a batch reuses the configuration reading only while it is the same).
   */
  readonly knownTemplates?: KnownTemplates;
}

/** What 报告 returns: scoring plus the report tree, its text and the 报告 sheet write plan. */
export interface ReportOutcome extends ScoringOutcome {
  readonly report: ReportTree | null;
  readonly text: string;
}

interface Evaluated {
  readonly template: Template | null;
  readonly values: InputValues | null;
  readonly diagnostics: Diagnostic[];
}

function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) => severityRank(a.d.severity) - severityRank(b.d.severity) || a.i - b.i)
    .map((x) => x.d);
}

function evaluateInputs(snapshot: WorkbookSnapshot, known: KnownTemplates | undefined): Evaluated {
  const read = readTemplate(snapshot, known);
  if (!read.template || read.diagnostics.some((d) => d.severity === "error")) {
    return { template: read.template, values: null, diagnostics: [...read.diagnostics] };
  }
  const checked = validateInputs(read.template, snapshot);
  return {
    template: read.template,
    values: checked.values,
    diagnostics: [...read.diagnostics, ...checked.diagnostics],
  };
}

interface Scored extends Evaluated {
  readonly scores: ScoreSheet | null;
}

function evaluateScores(snapshot: WorkbookSnapshot, options: EngineOptions): Scored {
  const base = evaluateInputs(snapshot, options.knownTemplates);
  if (!base.template || !base.values) return { ...base, scores: null };
  const scored = scoreWorkbook(base.template, base.values, { lang: options.lang ?? "zh-CN" });
  const diagnostics = [...base.diagnostics, ...scored.diagnostics];
  const blocked = diagnostics.some((d) => d.severity === "error");
  return { ...base, diagnostics, scores: blocked ? null : scored.scores };
}

/** The unit and year as entered, read through the stable field names of the standard template family. */
function unitOf(values: InputValues | null): ValidationOutcome["unit"] {
  if (!values) return null;
  const name = values.fields.get("unit_name");
  const year = values.fields.get("eval_year");
  if (name === undefined && year === undefined) return null;
  const text = (v: unknown) => (v === null || v === undefined ? "" : String(v));
  return { name: text(name), year: text(year) };
}

/** When scoring ran, into result_scored_at if the template has that output (the host supplies the clock). */
function stampOps(template: Template, now: string | undefined): WriteOp[] {
  const f = template.fields.get("result_scored_at");
  if (!f?.output || !now) return [];
  const serial = excelSerialOfLocal(now);
  const value = serial === null ? now : serial;
  const formats = serial === null ? {} : { numberFormats: [DATE_TIME_FORMAT] };
  return [{ kind: "values", sheet: f.ref.sheet, address: f.ref.address, values: [[value]], ...formats }];
}

function plan(template: Template | null, ops: readonly WriteOp[]): WritePlan {
  if (template) assertOutputsOnly(template, ops);
  return { ops };
}

/** 校验: recognise the template and check every input cell and identity. */
export function runValidation(
  snapshot: WorkbookSnapshot,
  options: Pick<EngineOptions, "knownTemplates"> = {},
): ValidationOutcome {
  // 校验 also compiles the rubric and checks manual scores, so no problem first appears at 评分.
  const r = evaluateScores(snapshot, { knownTemplates: options.knownTemplates });
  return { template: r.template?.info ?? null, unit: unitOf(r.values), diagnostics: sortDiagnostics(r.diagnostics) };
}

/** 评分: validate, then score every indicator and plan the output cells (nothing is written when errors block scoring). */
export function runScoring(snapshot: WorkbookSnapshot, options: EngineOptions = {}): ScoringOutcome {
  const r = evaluateScores(snapshot, options);
  const ops =
    r.template && r.scores
      ? [...scoringWritePlan(r.template, r.scores, { lang: options.lang }), ...stampOps(r.template, options.now)]
      : [];
  return {
    template: r.template?.info ?? null,
    unit: unitOf(r.values),
    diagnostics: sortDiagnostics(r.diagnostics),
    scores: r.scores,
    writePlan: plan(r.template, ops),
  };
}

/**
 * The scores of 评分 without planning any write: for the command line's batch, which summarises many
 * workbooks and writes none of them. Same diagnostics and scores as runScoring.
 */
export function runScores(snapshot: WorkbookSnapshot, options: EngineOptions = {}): ScoresOutcome {
  const r = evaluateScores(snapshot, options);
  return {
    template: r.template?.info ?? null,
    unit: unitOf(r.values),
    diagnostics: sortDiagnostics(r.diagnostics),
    scores: r.scores,
  };
}

/** 报告: score, then build the narrative report; the plan writes the 报告 sheet only. */
export function runReport(snapshot: WorkbookSnapshot, options: EngineOptions = {}): ReportOutcome {
  const r = evaluateScores(snapshot, options);
  if (!r.template || !r.values || !r.scores) {
    return {
      template: r.template?.info ?? null,
      unit: unitOf(r.values),
      diagnostics: sortDiagnostics(r.diagnostics),
      scores: r.scores,
      writePlan: { ops: [] },
      report: null,
      text: "",
    };
  }
  const built = buildReport({
    template: r.template,
    values: r.values,
    scores: r.scores,
    lang: options.lang ?? "zh-CN",
  });
  return {
    template: r.template.info,
    unit: unitOf(r.values),
    diagnostics: sortDiagnostics([...r.diagnostics, ...built.diagnostics]),
    scores: r.scores,
    writePlan: plan(r.template, reportWritePlan(built.tree)),
    report: built.tree,
    text: renderText(built.tree),
  };
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
  SEVERITY_LABELS,
  STRUCTURE_TABLE_NAMES,
  TABLE_NAME_PREFIX,
  YES_NO_LABELS,
} from "./compile/read/labels";
export type { RubricColumnKey } from "./compile/read/labels";
export type { FieldType, TemplateInfo, ValueRules } from "./compile/read/types";
export type { RuleKindId } from "./compile/rule-types";
export type { DiagnosticLang } from "./diagnostics/catalog-types";
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
