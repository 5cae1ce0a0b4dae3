/**
 * Builds the narrative report (the seed report's structure, 一 to 七) as a plain tree from the
 * scoring result and the workbook's text inputs. Every figure comes from a cell or is computed here
 * with exact decimals; a missing input leaves a visible placeholder and a `report_input_missing`
 * warning. Renderers (text, the 报告 sheet, .docx) turn the tree into output.
 */
import Decimal from "decimal.js";
import type { Diagnostic } from "../diagnostics/types";
import type { InputValues } from "../model/values";
import type { ScoreSheet } from "../score/result-types";
import type { Template } from "../compile/read/types";
import { buildBasicSection, buildOverallSection, buildTargetsSection, para } from "./build-basic";
import { ReportContext, trimEnd } from "./build-context";
import {
  buildApplicationSection,
  buildEvaluationSection,
  buildMeasuresSection,
  buildProblemsSection,
} from "./build-evaluation";
import type { ReportPhrases } from "./phrases";
import type { Params } from "../compile/params";
import type { ParseResult } from "../formula/types";
import { PHRASES_EN } from "./phrases-en";
import { PHRASES_ZH } from "./phrases-zh";
import { num, text } from "./runs";
import { buildScoreTable } from "./build-table";
import type { ReportTree, Run } from "./tree";
import type { Catalogs, Lang } from "../i18n/catalog";
import { catalogIn, defineCatalogs } from "../i18n/catalog";

/** What buildReport needs: the recognised template, its typed inputs and the scores. */
export interface BuildReportInput {
  readonly template: Template;
  readonly values: InputValues;
  readonly scores: ScoreSheet;
  /** Chinese by default; "en" renders the same structure with the English phrase file. */
  readonly lang?: Lang;
  /**
   * Each indicator's rule parameters (by indicator id) as scoring compiled them: {param.…} comes from here
   * (the one reading of 评分参数, defaults included), so the report never reads 评分参数 again.
   */
  readonly ruleParams?: ReadonlyMap<string, Params>;
  /** When the report is made (local `YYYY-MM-DD…`): the date of the 落款 under the body; none without it. */
  readonly date?: string;
  /** The formula parser to show formulas with (the session's remembers scoring's parses); the engine's by default. */
  readonly parse?: (text: string) => ParseResult;
}

/** 落款: the unit and the day of `date` (a local `YYYY-MM-DD…`), or nothing when there is no valid date. */
function closingOf(
  date: string | undefined,
  unit: readonly Run[],
  phrases: ReportPhrases,
): Pick<ReportTree, "closing"> {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})/.exec(date) : null;
  if (!m) return {};
  return { closing: { unit, date: [text(phrases.closingDate(Number(m[1]), Number(m[2]), Number(m[3])))] } };
}

/** The report's phrase books in every language. */
export const REPORT_PHRASES: Catalogs<ReportPhrases> = defineCatalogs(PHRASES_ZH, PHRASES_EN);

/**
 * Build the report tree. Never throws on bad input: gaps become placeholders plus warnings
 * (code `report_input_missing`) in `diagnostics`.
 */
export function buildReport(input: BuildReportInput): { tree: ReportTree; diagnostics: Diagnostic[] } {
  const phrases = catalogIn(REPORT_PHRASES, input.lang);
  const ctx = new ReportContext(input.template, input.values, input.scores, phrases, input.ruleParams, input.parse);
  const unit = ctx.fieldText("unit_name");
  const year = ctx.year();
  const grade: Run[] = input.scores.grade.trim() ? [text(input.scores.grade)] : ctx.marker("等级");
  // 评价依据 is optional: no rows means no citation, not a gap.
  const basis = ctx.texts("basis").map((t) => [text(trimEnd(t))]);
  const tree: ReportTree = {
    lang: phrases.lang,
    titleBlock: { unitName: unit, title: [...phrases.reportTitle({ year })] },
    intro: [
      para(phrases.intro({ unit, year, total: [num(new Decimal(String(input.scores.total)), "score")], grade, basis })),
    ],
    sections: [
      buildBasicSection(ctx),
      buildOverallSection(ctx),
      buildTargetsSection(ctx),
      buildEvaluationSection(ctx),
      buildProblemsSection(ctx),
      buildMeasuresSection(ctx),
      buildApplicationSection(ctx),
    ],
    ...closingOf(input.date, unit, phrases),
    appendix: [buildScoreTable(ctx)],
  };
  return { tree, diagnostics: ctx.diagnostics };
}
