/**
 * The shape of a report phrase file: every word the report prints that is not a user's input or a
 * number — the report's catalog (../i18n/catalog.ts), whose value is this phrase book. One file per
 * language (phrases-zh.ts, phrases-en.ts), typed by this interface, so a missing phrase is a type error.
 */
import type { Lang } from "../i18n/catalog";
import type { Run } from "./tree";

type R = readonly Run[];

/** The five parts of the "三公" costs, in the order the report lists them. */
export type SangongPart =
  | "sangong_abroad"
  | "sangong_vehicle_purchase"
  | "sangong_vehicle_operation"
  | "sangong_reception"
  | "sangong_foreign_reception";

export interface ReportPhrases {
  readonly lang: Lang;
  /** The marker printed for a missing input. */
  missing(item: string): string;
  /** Printed for an optional input left blank (e.g. no prior-year figure). */
  readonly none: string;
  /** Printed for a value that does not apply / cannot be computed. */
  notApplicable(why: string): string;
  /** Why a share does not apply, in words: 政府采购预算数为0. */
  isZero(label: string): string;
  valueUndefined(why: string): string;
  readonly yes: string;
  readonly no: string;
  /** Separator between list items ("、"), between clauses ("；"), sentence end ("。"). */
  readonly listSep: string;
  readonly clauseSep: string;
  readonly period: string;
  /** Between two sentences ("" in Chinese, a space in English). */
  readonly sentenceSep: string;
  /** Number prefix of a section at a depth and 0-based position: 一、 （一） 1. （1）. */
  numbering(depth: 1 | 2 | 3 | 4, index: number): string;
  /** Printed between an inline section title and its text. */
  readonly inlineTitleSep: string;
  /** ① ② … for benefit items. */
  circled(index: number): string;

  reportTitle(p: { year: R }): R;
  /**
   * The introduction; `basis` are the documents of the 评价依据 table (first: "根据…的要求", the rest:
   * "按…文件精神"); with none the clause is left out.
   */
  intro(p: { unit: R; year: R; total: R; grade: R; basis: readonly R[] }): R;
  readonly headings: {
    readonly basic: string;
    readonly duties: string;
    readonly org: string;
    readonly staff: string;
    readonly overall: string;
    readonly spending: string;
    readonly general: string;
    readonly income: string;
    readonly expenditure: string;
    readonly carryover: string;
    readonly sangong: string;
    readonly targets: string;
    readonly evaluation: string;
    readonly conclusion: string;
    readonly problems: string;
    readonly measures: string;
    readonly application: string;
  };
  staff(p: { quota: R; actual: R }): R;
  /** `mainUse`: what the year's money was mainly used for (expend_main_use), when entered. */
  spendingLead(p: { year: R; total: R; mainUse: R | null }): R;
  general(p: { year: R; carryPrev: R; income: R; expend: R; carryEnd: R }): R;
  income(p: { year: R; income: R; fiscal: R; fiscalShare: R }): R;
  expenditure(p: {
    year: R;
    total: R;
    basic: R;
    basicShare: R;
    personnel: R;
    personnelShare: R;
    publicCost: R;
    publicShare: R;
    project: R;
    projectShare: R;
  }): R;
  carryover(p: { year: R; carryEnd: R; share: R }): R;
  /** `scope`: what the budget leaves out (sangong_budget_scope), when entered. */
  sangongBudget(p: { budget: R; scope: R | null; actualScope: R; total: R }): R;
  sangongDecrease(p: { amount: R; rate: R }): R;
  sangongIncrease(p: { amount: R; rate: R }): R;
  readonly sangongSame: string;
  readonly sangongNoPrior: string;
  sangongPriorZero(p: { amount: R }): R;
  readonly sangongPartLabels: Readonly<Record<SangongPart, string>>;
  /** "其中：外事接待费9.01万元，公务用车运行维护费2.95万元" (parts with an amount). */
  sangongBreakdown(parts: readonly { label: string; amount: R }[]): R;
  readonly sangongAllZero: string;
  /** The reasons for the 三公 change; `direction` is the change's sign (减少/增加 in Chinese, as the seed words it). */
  sangongReasons(items: readonly R[], direction: "down" | "up" | "same"): R;

  levelTitle(p: { name: string; weight: R }): R;
  indicatorTitle(p: { name: string; weight: R }): R;
  scoreSentence(p: { score: R }): R;
  deduction(p: { deducted: R; reason: R }): R;
  /** The deduction when the paragraph's body already states the reason (not repeated). */
  deductionStated(p: { deducted: R }): R;
  /** The sentence for an indicator with neither a phrase of its own nor a default. */
  /** A bureau's own indicator: its 指标说明, the formula with the figures, and the 评分标准 its rule generates. */
  genericIndicator(p: {
    description: string;
    formula: R | null;
    figures: R | null;
    value: R | null;
    criterion: string;
  }): R;
  /** Default phrases keyed by standard indicator names, and for expanded tables by table id. */
  readonly indicatorPhrases: Readonly<Record<string, string>>;
  readonly expandPhrases: Readonly<Record<string, string>>;
  benefitList(p: { done: readonly R[]; notDone: readonly R[] }): R;

  conclusion(p: { year: R; levels: readonly { name: string; score: R }[]; total: R; grade: R }): R;
  adjustmentPenalty(p: { name: string; points: R }): R;
  adjustmentCap(p: { name: string; cap: R }): R;
  /** 五's one item for the deductions no entered problem covers, all in one sentence. */
  lostPoints(items: readonly { name: string; deducted: R; score: R; weight: R; reason: R }[]): R;
  readonly application: string;
  /** The 附表 indicator score table: caption, column titles, the subtotal, total and grade rows. */
  readonly scoreTable: {
    readonly caption: string;
    readonly columns: {
      readonly level1: string;
      readonly level2: string;
      readonly level3: string;
      readonly weight: string;
      readonly value: string;
      readonly score: string;
      readonly reason: string;
    };
    subtotal(name: string): string;
    readonly total: string;
    readonly grade: string;
  };
  /** 收支情况表 in 二: its caption, columns and row labels. */
  readonly financeTable: {
    caption(year: R): R;
    readonly columns: { readonly item: string; readonly amount: string; readonly share: string; readonly base: string };
    readonly rows: {
      readonly carryPrev: string;
      readonly income: string;
      readonly fiscal: string;
      readonly expend: string;
      readonly basic: string;
      readonly personnel: string;
      readonly publicCost: string;
      readonly project: string;
      readonly carryEnd: string;
    };
    readonly bases: { readonly income: string; readonly expend: string; readonly basic: string };
  };
  /** 落款's date from a local date-time `YYYY-MM-DD…`: 2026年12月3日. */
  closingDate(year: number, month: number, day: number): string;
}

/** A not-applicable reason in words: the engine's reason codes through the table; other (typed) text as is. */
export function whyText(table: Readonly<Record<string, string>>, why: string): string {
  return table[why] ?? (/^[a-z_]+$/.test(why) ? "" : why);
}
