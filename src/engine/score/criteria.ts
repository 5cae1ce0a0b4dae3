/**
 * 评分标准: what a rule says, generated from its kind and parameters (never typed), so the sheet, the pane and
 * the report cannot quote a deduction the scoring does not make. One catalog per language (../i18n/catalog.ts).
 * Figures arrive as the value's kind writes them ("100%", "0.2", "5个百分点" as a Gap).
 */
import type { Catalog, Catalogs, Lang } from "../i18n/catalog";
import { defineCatalogs, translate } from "../i18n/catalog";
import type { BandWords, Comparison, Direction, Gap, Got } from "./phrases";
import { MET_EN, MET_ZH, pointsWord } from "./phrases";

/** The arguments of each rule kind's 评分标准. */
export interface CriterionArgs {
  threshold: { op: Comparison; limit: string; else: Got };
  deduct_per_point: { dir: Direction; limit: string; deduct: string; partial: "prorate" | "ceil" | "floor" };
  step_per_block: { dir: Direction; limit: string; block: Gap; deduct: string; partial: "ceil" | "floor" };
  bands: { bands: readonly { readonly band: BandWords; readonly got: Got }[] };
  proportional: { target: string };
  checklist: { deduct: string };
  per_event: { deduct: string };
  /** The bureau's own wording of a manual indicator is its criterion ("" when none). */
  manual: { description: string; step: string };
}

export type CriterionKey = keyof CriterionArgs;

/** A rule's 评分标准: its kind's sentence and the shared 不适用时 / 无法计算时 scores where they are not the default. */
export type Criterion = {
  [K in CriterionKey]: {
    readonly key: K;
    readonly args: CriterionArgs[K];
    readonly na: Got | null;
    readonly undefined: Got | null;
  };
}[CriterionKey];

// ---- Chinese, as a bureau writes a 评分标准 (「不超过100%得满分，每超过1个百分点扣0.2分，扣完为止」).

const gotZh = (g: Got): string => (g.full ? "得满分" : `得${g.score}分`);
const gapZh = (g: Gap): string => (g.pp ? `${g.amount}个百分点` : g.amount);
const trimEnd = (s: string): string => s.trim().replace(/[。；;，,、.\s]+$/, "");

function bandZh(b: BandWords): string {
  switch (b.k) {
    case "eq":
      return `等于${b.v}`;
    case "from":
      return `${b.closed ? "不低于" : "高于"}${b.v}`;
    case "to":
      return `${b.closed ? "不超过" : "低于"}${b.v}`;
    case "between":
      return `${b.loClosed ? "不低于" : "高于"}${b.lo}且${b.hiClosed ? "不超过" : "低于"}${b.hi}`;
    case "any":
      return "任何取值";
  }
}

const zhCN: Catalog<CriterionArgs> = {
  threshold: (a) => `${MET_ZH[a.op]}${a.limit}得满分，否则${gotZh(a.else)}`,
  deduct_per_point: (a) =>
    `${a.dir === "above" ? "不超过" : "不低于"}${a.limit}得满分，每${a.dir === "above" ? "超过" : "低于"}1个百分点扣${a.deduct}分` +
    (a.partial === "ceil" ? "，不足1个百分点按1个百分点计" : a.partial === "floor" ? "，不足1个百分点的部分不计" : "") +
    "，扣完为止",
  step_per_block: (a) =>
    `${a.dir === "above" ? "不超过" : "不低于"}${a.limit}得满分，每${a.dir === "above" ? "超过" : "低于"}${gapZh(a.block)}扣${a.deduct}分` +
    (a.partial === "ceil" ? "，不足一段按一段计" : "，不足一段的部分不计") +
    "，扣完为止",
  bands: (a) => a.bands.map((b) => `${bandZh(b.band)}${gotZh(b.got)}`).join("；"),
  proportional: (a) => `达到${a.target}得满分，未达到的按比例得分（指标值÷${a.target}×分值）`,
  checklist: (a) => `每缺一项扣${a.deduct}分，扣完为止`,
  per_event: (a) => `每发生一次扣${a.deduct}分，扣完为止`,
  manual: (a) =>
    a.description.trim()
      ? `${trimEnd(a.description)}；人工评分，以${a.step}分为单位`
      : `人工评分，由单位对照指标自评打分，以${a.step}分为单位`,
};

// ---- English.

const gotEn = (g: Got): string => (g.full ? "full marks" : `${g.score} ${pointsWord(g.score)}`);
const gapEn = (g: Gap): string => (g.pp ? `${g.amount} pp` : g.amount);

function bandEn(b: BandWords): string {
  switch (b.k) {
    case "eq":
      return `equal to ${b.v}`;
    case "from":
      return `${b.closed ? "at or above" : "above"} ${b.v}`;
    case "to":
      return `${b.closed ? "at or below" : "below"} ${b.v}`;
    case "between":
      return `${b.loClosed ? "at or above" : "above"} ${b.lo} and ${b.hiClosed ? "at or below" : "below"} ${b.hi}`;
    case "any":
      return "any value";
  }
}

const en: Catalog<CriterionArgs> = {
  threshold: (a) => `${MET_EN[a.op]} ${a.limit}: full marks, otherwise ${gotEn(a.else)}`,
  deduct_per_point: (a) =>
    `${a.dir === "above" ? "at or below" : "at or above"} ${a.limit}: full marks; ${a.deduct} ${pointsWord(a.deduct)} off per pp ${a.dir} it` +
    (a.partial === "ceil"
      ? " (a started point counts as one)"
      : a.partial === "floor"
        ? " (part of a point is not counted)"
        : "") +
    ", down to 0",
  step_per_block: (a) =>
    `${a.dir === "above" ? "at or below" : "at or above"} ${a.limit}: full marks; ${a.deduct} ${pointsWord(a.deduct)} off per ${gapEn(a.block)} ${a.dir} it` +
    (a.partial === "ceil" ? " (a started block counts as one)" : " (part of a block is not counted)") +
    ", down to 0",
  bands: (a) => a.bands.map((b) => `${bandEn(b.band)}: ${gotEn(b.got)}`).join("; "),
  proportional: (a) => `reaching ${a.target}: full marks; below it in proportion (value ÷ ${a.target} × weight)`,
  checklist: (a) => `${a.deduct} ${pointsWord(a.deduct)} off per missing item, down to 0`,
  per_event: (a) => `${a.deduct} ${pointsWord(a.deduct)} off per occurrence, down to 0`,
  manual: (a) =>
    a.description.trim()
      ? `${trimEnd(a.description)}; scored by the evaluator in steps of ${a.step}`
      : `scored by the evaluator against the indicator, in steps of ${a.step}`,
};

export const CRITERIA: Catalogs<Catalog<CriterionArgs>> = defineCatalogs(zhCN, en);

/** The shared scores a bureau changed (不适用时 / 无法计算时), after the kind's sentence, and what joins them. */
export interface TailArgs {
  na: { got: Got };
  undefined: { got: Got };
  separator: Record<string, never>;
}

export const TAILS: Catalogs<Catalog<TailArgs>> = defineCatalogs<Catalog<TailArgs>>(
  { na: (a) => `不适用时${gotZh(a.got)}`, undefined: (a) => `无法计算时${gotZh(a.got)}`, separator: () => "；" },
  {
    na: (a) => `not applicable: ${gotEn(a.got)}`,
    undefined: (a) => `cannot be computed: ${gotEn(a.got)}`,
    separator: () => "; ",
  },
);

/** A rule's 评分标准 in a language, with its 不适用时 / 无法计算时 scores where they are not the default. */
export function renderCriterion(lang: Lang, c: Criterion): string {
  const body = translate(CRITERIA, lang, c.key, c.args as never);
  const tail = [
    c.na ? translate(TAILS, lang, "na", { got: c.na }) : "",
    c.undefined ? translate(TAILS, lang, "undefined", { got: c.undefined }) : "",
  ].filter((s) => s !== "");
  return [body, ...tail].join(translate(TAILS, lang, "separator", {}));
}

/** Build a criterion with its arguments checked against its key. */
export function criterion<K extends CriterionKey>(key: K, args: CriterionArgs[K]): Criterion {
  return { key, args, na: null, undefined: null } as Criterion;
}
