/**
 * An engine session: what a host, the page or the command line's batch holds while it works on workbooks.
 * It compiles what a template says — the configuration sheets, every formula, check and rule parameter — and
 * remembers it for the next workbook of the same template (a batch scores hundreds of copies of one). What
 * an action returns depends only on its snapshot and options: the session remembers results, never state
 * that changes them, and nothing in the engine lives at module level. It also keeps what it checked and scored
 * of the last workbook, and reuses it when the next action's snapshot has the same content (校验 → 评分 → 报告
 * on an unchanged workbook reads it three times; an edit anywhere makes the next action start afresh).
 */
import type { WorkbookSnapshot } from "./model/snapshot";
import { indexSnapshot, sameContent } from "./model/snapshot";
import type { Diagnostic } from "./diagnostics/types";
import { severityRank } from "./diagnostics/types";
import type { WriteOp, WritePlan } from "./model/write-plan";
import type { InputValues } from "./model/values";
import type { Template } from "./compile/read/types";
import type { PublishOutcome, ScoresOutcome, ScoringOutcome, ValidationOutcome } from "./api";
import { checkPublished, configurationProblems, editableRanges, publishOps } from "./compile/published";
import type { ScoreSheet } from "./score/result-types";
import type { ReportTree } from "./report/tree";
import type { Lang } from "./i18n/catalog";
import { readTemplate } from "./compile/read/read";
import { ConfigurationMemo } from "./compile/read/configuration";
import type { KnownTemplates } from "./compile/read/missing-sheets";
import type { Parsers } from "./compile/parsers";
import { rememberingParsers } from "./compile/parsers";
import type { ScoringPlan } from "./compile/scoring-plan";
import type { RowRule } from "./compile/rubric";
import { planScoring } from "./compile/scoring-plan";
import { validateInputs } from "./validate";
import { scoreWorkbook } from "./score/score";
import { scoringWritePlan } from "./score/outputs";
import { criteriaWritePlan } from "./score/criterion-of";
import { buildReport } from "./report/build";
import { renderText } from "./report/render-text";
import { reportWritePlan } from "./report/render-sheet";
import { layoutReport } from "./report/layout";
import { assertOutputsOnly } from "./model/output-guard";
import { DATE_TIME_FORMAT, excelSerialOfLocal } from "./model/excel-date";

/** What a session is made with. */
export interface SessionOptions {
  /**
   * The template families the caller knows (src/templates' KNOWN_TEMPLATES): where each family keeps its defined
   * names, so a damaged workbook's lost names are placed on the sheet that is missing.
   */
  readonly knownTemplates?: KnownTemplates;
}

/** Options of one action. */
export interface ActionOptions {
  readonly lang?: Lang;
  /**
   * When the action runs, as the user's local wall-clock time `YYYY-MM-DDTHH:MM[:SS]` (the host applies the
   * clock and its time zone; the engine has neither). Written to result_scored_at as an Excel date-time.
   */
  readonly now?: string;
}

/** The options of a one-off action (runScoring & co.): the session's and the action's together. */
export interface EngineOptions extends SessionOptions, ActionOptions {}

/** What 报告 returns: scoring plus the report tree, its text and the 报告 sheet write plan. */
export interface ReportOutcome extends ScoringOutcome {
  readonly report: ReportTree | null;
  readonly text: string;
}

/** The engine's actions on workbook snapshots, sharing what they compiled of the template. */
export interface EngineSession {
  /** 校验: recognise the template, check every input cell and identity, and the rubric; scores nothing. */
  validate(snapshot: WorkbookSnapshot): ValidationOutcome;
  /** 评分: validate, then score every indicator and plan the output cells (nothing when errors block scoring). */
  score(snapshot: WorkbookSnapshot, options?: ActionOptions): ScoringOutcome;
  /** The scores of 评分 without a write plan (the command line's batch writes no workbook). */
  scores(snapshot: WorkbookSnapshot, options?: ActionOptions): ScoresOutcome;
  /** 报告: score, then build the narrative report; the plan writes the 报告 sheet only. */
  report(snapshot: WorkbookSnapshot, options?: ActionOptions): ReportOutcome;
  /** 发布 (a bureau's template): record the configuration in _meta, so 校验 names any later change. */
  publish(snapshot: WorkbookSnapshot, options: { readonly now: string }): PublishOutcome;
  /**
   * The rubric's 评分标准 cells, generated from each indicator's rule (nothing when the rubric has errors): what a
   * template generator writes so a blank template shows them; 评分 writes them with the scores.
   */
  criteria(snapshot: WorkbookSnapshot, options?: Pick<ActionOptions, "lang">): WritePlan;
}

interface Checked {
  readonly template: Template | null;
  readonly values: InputValues | null;
  readonly plan: ScoringPlan | null;
  /** Every rubric row whose rule compiled (its 评分标准), even when an error elsewhere blocks the plan. */
  readonly rules: readonly RowRule[];
  readonly diagnostics: Diagnostic[];
}

interface Scored extends Checked {
  readonly scores: ScoreSheet | null;
}

function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) => severityRank(a.d.severity) - severityRank(b.d.severity) || a.i - b.i)
    .map((x) => x.d);
}

const hasError = (diagnostics: readonly Diagnostic[]): boolean => diagnostics.some((d) => d.severity === "error");

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

function guarded(template: Template | null, ops: readonly WriteOp[]): WritePlan {
  if (template) assertOutputsOnly(template, ops);
  return { ops };
}

/** What the session checked and scored of the last workbook it saw. */
interface LastWorkbook {
  readonly snapshot: WorkbookSnapshot;
  readonly checked: Checked;
  /** Scoring by language (the explanations are worded in it); nothing else in the options changes it. */
  readonly scored: Map<string, Scored>;
}

class Session implements EngineSession {
  private readonly parsers: Parsers = rememberingParsers();
  private readonly configuration = new ConfigurationMemo();
  private last: LastWorkbook | null = null;

  constructor(private readonly options: SessionOptions) {}

  /** The last workbook's record when `snapshot` has its content, else a new record for `snapshot`. */
  private lastFor(snapshot: WorkbookSnapshot): LastWorkbook {
    if (this.last && sameContent(this.last.snapshot, snapshot)) return this.last;
    this.last = { snapshot, checked: this.checkAfresh(snapshot), scored: new Map() };
    return this.last;
  }

  private check(snapshot: WorkbookSnapshot): Checked {
    return this.lastFor(snapshot).checked;
  }

  /** Read and check everything the inputs and the rubric say, scoring nothing. */
  private checkAfresh(raw: WorkbookSnapshot): Checked {
    const snapshot = indexSnapshot(raw);
    const read = readTemplate(snapshot, this.options.knownTemplates, this.configuration);
    const none = { template: read.template, values: null, plan: null, rules: [] };
    if (!read.template) return { ...none, diagnostics: [...read.diagnostics] };
    const published = checkPublished(snapshot);
    if (hasError(read.diagnostics)) return { ...none, diagnostics: [...read.diagnostics, ...published] };
    const checked = validateInputs(read.template, snapshot, this.parsers);
    const planned = planScoring(read.template, checked.values, this.parsers);
    return {
      template: read.template,
      values: checked.values,
      plan: planned.plan,
      rules: planned.rules,
      diagnostics: [...read.diagnostics, ...published, ...checked.diagnostics, ...planned.diagnostics],
    };
  }

  private scored(snapshot: WorkbookSnapshot, options: ActionOptions): Scored {
    const last = this.lastFor(snapshot);
    const lang = options.lang ?? "zh-CN";
    const known = last.scored.get(lang);
    if (known) return known;
    const result = this.scoreAfresh(last.checked, lang);
    last.scored.set(lang, result);
    return result;
  }

  private scoreAfresh(c: Checked, lang: Lang): Scored {
    if (!c.template || !c.values || !c.plan || hasError(c.diagnostics)) return { ...c, scores: null };
    const scored = scoreWorkbook(c.template, c.values, c.plan, { lang });
    const diagnostics = [...c.diagnostics, ...scored.diagnostics];
    return { ...c, diagnostics, scores: hasError(diagnostics) ? null : scored.scores };
  }

  publish(snapshot: WorkbookSnapshot, options: { readonly now: string }): PublishOutcome {
    const c = this.check(snapshot);
    const outcome = { template: c.template?.info ?? null, unit: unitOf(c.values) };
    // A blank template is published before any department fills it: only the bureau's own settings must be right,
    // and a department's changes or an earlier publication are not what is being published now.
    const template = c.template;
    const configuration = template ? configurationProblems(template) : () => true;
    const diagnostics = sortDiagnostics(
      c.diagnostics.filter(
        (d) => d.code !== "published_changed" && d.code !== "published_record_altered" && configuration(d),
      ),
    );
    if (!template || hasError(diagnostics))
      return { ...outcome, diagnostics, writePlan: { ops: [] }, fingerprint: null, cells: 0, protect: [], unlock: [] };
    const { ops, record } = publishOps(snapshot, options.now);
    const protect = [...new Set(record.cells.map((x) => x.sheet))];
    return {
      ...outcome,
      diagnostics,
      writePlan: { ops },
      fingerprint: record.fingerprint,
      cells: record.cells.length,
      protect,
      unlock: editableRanges(snapshot),
    };
  }

  criteria(snapshot: WorkbookSnapshot, options: Pick<ActionOptions, "lang"> = {}): WritePlan {
    const c = this.check(snapshot);
    if (!c.template) return { ops: [] };
    return guarded(c.template, criteriaWritePlan(c.template, c.rules, options.lang ?? "zh-CN"));
  }

  validate(snapshot: WorkbookSnapshot): ValidationOutcome {
    const c = this.check(snapshot);
    return { template: c.template?.info ?? null, unit: unitOf(c.values), diagnostics: sortDiagnostics(c.diagnostics) };
  }

  scores(snapshot: WorkbookSnapshot, options: ActionOptions = {}): ScoresOutcome {
    const r = this.scored(snapshot, options);
    return {
      template: r.template?.info ?? null,
      unit: unitOf(r.values),
      diagnostics: sortDiagnostics(r.diagnostics),
      scores: r.scores,
    };
  }

  score(snapshot: WorkbookSnapshot, options: ActionOptions = {}): ScoringOutcome {
    const r = this.scored(snapshot, options);
    const ops =
      r.template && r.scores && r.plan
        ? [
            ...scoringWritePlan(r.template, r.scores, { lang: options.lang }),
            ...criteriaWritePlan(r.template, r.rules, options.lang ?? "zh-CN"),
            ...stampOps(r.template, options.now),
          ]
        : [];
    return {
      template: r.template?.info ?? null,
      unit: unitOf(r.values),
      diagnostics: sortDiagnostics(r.diagnostics),
      scores: r.scores,
      writePlan: guarded(r.template, ops),
    };
  }

  report(snapshot: WorkbookSnapshot, options: ActionOptions = {}): ReportOutcome {
    const r = this.scored(snapshot, options);
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
      lang: options.lang,
      ruleParams: new Map((r.plan?.rubric.leaves ?? []).map((l) => [l.id, l.rule.params])),
      date: options.now,
      parse: this.parsers.expression,
    });
    // Laid out once for both the text and the 报告 sheet.
    const lines = layoutReport(built.tree);
    return {
      template: r.template.info,
      unit: unitOf(r.values),
      diagnostics: sortDiagnostics([...r.diagnostics, ...built.diagnostics]),
      scores: r.scores,
      writePlan: guarded(r.template, reportWritePlan(built.tree, "报告", lines)),
      report: built.tree,
      text: renderText(built.tree, lines),
    };
  }
}

/** A new engine session (hosts hold one; the batch holds one for all its workbooks). */
export function createEngine(options: SessionOptions = {}): EngineSession {
  return new Session({ knownTemplates: options.knownTemplates });
}
