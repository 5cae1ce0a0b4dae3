/**
 * Every word the scoring module writes into the workbook or the score sheet (评分说明, 指标值 notes,
 * level names), in zh-CN and en: a catalog of the one mechanism (../i18n/catalog.ts), so a key missing from a
 * language is a type error.
 */
import type { Catalog, Catalogs, Lang } from "../i18n/catalog";
import { defineCatalogs, translate } from "../i18n/catalog";

/** How a comparison of 达标 is written (the operators of 比较). */
export type Comparison = ">=" | ">" | "<=" | "<" | "=";

/** 方向 of 超限扣分 and 分段扣分: points go above the limit, or below it. */
export type Direction = "above" | "below";

/**
 * The indicator and its value, as a sentence starts (「预算调整率为5.79%」): the name ("" → 「指标值」) and the
 * value as the 指标值 cell shows it (rates as % with two decimals, amounts with two decimals, counts whole).
 */
export interface Lead {
  readonly name: string;
  readonly value: string;
}

/** A score as the sentence ends: full marks, or the points. */
export interface Got {
  readonly score: string;
  readonly full: boolean;
}

/** What a deduction took: the points, or everything (「扣完为止」) when the deductions exceed the weight. */
export interface Took {
  readonly deduct: string;
  readonly points: string;
  readonly capped: boolean;
}

/** A distance beyond a limit or a block's length: percentage points (rates) or the value's own units. */
export interface Gap {
  readonly amount: string;
  readonly pp: boolean;
}

/** A band's interval in words, its bounds as the value's kind writes them ("10%", "0", "500"). */
export type BandWords =
  | { readonly k: "eq"; readonly v: string }
  | { readonly k: "from"; readonly v: string; readonly closed: boolean }
  | { readonly k: "to"; readonly v: string; readonly closed: boolean }
  | {
      readonly k: "between";
      readonly lo: string;
      readonly loClosed: boolean;
      readonly hi: string;
      readonly hiClosed: boolean;
    }
  | { readonly k: "any" };

/**
 * Why an indicator has no number to score, naming what is missing where that is known (labels as the sheet
 * shows them; "" or [] when the formula does not tell).
 */
export type NoValue =
  | { readonly k: "zero_denominator"; readonly denominator: string }
  | { readonly k: "blank_input"; readonly inputs: readonly string[] }
  | { readonly k: "empty_table"; readonly table: string }
  | { readonly k: "nonzero_over_zero"; readonly denominator: string; readonly numerator: string }
  | { readonly k: "not_a_number" }
  | ({ readonly k: "no_band" } & Lead);

/** The arguments each phrase needs; numbers arrive pre-formatted. */
export interface PhraseArgs {
  threshold_met: Lead & { op: Comparison; limit: string };
  threshold_missed: Lead & Got & { op: Comparison; limit: string };
  /** 超限扣分 and 分段扣分 within their limit. */
  within_limit: Lead & { dir: Direction; limit: string };
  /** `counted`: the whole points counted when 不足一点 is 进位 (ceil) or 舍去 (floor) and that changed the count. */
  beyond_limit: Lead &
    Took & { dir: Direction; limit: string; pp: string; rounded: "ceil" | "floor" | null; counted: string };
  /** Beyond the limit by less than the one point `partial=floor` counts: no deduction. */
  beyond_within_point: Lead & { dir: Direction; limit: string; pp: string };
  /** Beyond the limit by less than one block, which `partial=floor` does not count: no deduction. */
  blocks_partial: Lead & { dir: Direction; limit: string; gap: Gap; block: Gap };
  blocks_beyond: Lead &
    Took & { dir: Direction; limit: string; gap: Gap; block: Gap; blocks: string; rounded: "ceil" | "floor" | null };
  band: Lead & Got & { band: BandWords };
  proportional_full: Lead & { target: string };
  proportional: Lead & { target: string; score: string };
  items_none: Record<string, never>;
  items_missing: Took & { count: string };
  events_none: { name: string };
  events: Took & { name: string; count: string };
  manual: { score: string };
  manual_full: Record<string, never>;
  /** No 自评得分 entered. */
  manual_missing: Record<string, never>;
  not_applicable: Got & { why: NoValue };
  undefined_value: Got & { why: NoValue };
  why_zero_denominator: Record<string, never>;
  why_blank_input: Record<string, never>;
  why_empty_table: Record<string, never>;
  why_nonzero_over_zero: Record<string, never>;
  why_not_a_number: Record<string, never>;
  why_no_band: Record<string, never>;
  expanded_summary: { count: string; score: string };
  value_na: Record<string, never>;
  value_undefined: Record<string, never>;
  level_1: Record<string, never>;
  level_2: Record<string, never>;
  total_capped: { cap: string };
  total_penalty: { points: string };
}

export type PhraseKey = keyof PhraseArgs;

/** Why an indicator has no ordinary score (na / undefined), as a phrase key without arguments. */
export type WhyKey =
  | "why_zero_denominator"
  | "why_blank_input"
  | "why_empty_table"
  | "why_nonzero_over_zero"
  | "why_not_a_number"
  | "why_no_band";

/** A phrase reference: rendered late, in the requested language. */
export type Explain = { [K in PhraseKey]: { readonly key: K; readonly args: PhraseArgs[K] } }[PhraseKey];

// ---- Chinese: as an accountant writes the 评分说明 (「预算调整率为5.79%，处于0至10%（含）档，得1.6分」).

const leadZh = (a: Lead): string => `${a.name || "指标值"}为${a.value}`;
const gotZh = (a: Got): string => (a.full ? "得满分" : `得${a.score}分`);
const tookZh = (a: Took): string => (a.capped ? "扣完为止，得0分" : `扣${a.points}分`);
const gapZh = (g: Gap): string => (g.pp ? `${g.amount}个百分点` : g.amount);
const beyondZh = (dir: Direction): string => (dir === "above" ? "超过" : "低于");

/** The comparison 达标 asks for, met (不低于标准值50%) and missed (低于标准值50%). */
/** A comparison met, in words (不低于标准值50%); the 评分标准 (criteria.ts) says it the same way. */
export const MET_ZH: Readonly<Record<Comparison, string>> = {
  ">=": "不低于",
  ">": "高于",
  "<=": "不超过",
  "<": "低于",
  "=": "等于",
};
const MISSED_ZH: Readonly<Record<Comparison, string>> = {
  ">=": "低于",
  ">": "未高于",
  "<=": "超过",
  "<": "未低于",
  "=": "不等于",
};

function bandZh(b: BandWords): string {
  switch (b.k) {
    case "eq":
      return `等于${b.v}`;
    case "from":
      return b.closed ? `不低于${b.v}` : `高于${b.v}`;
    case "to":
      return b.closed ? `不超过${b.v}` : `低于${b.v}`;
    case "between":
      return `处于${b.lo}${b.loClosed ? "（含）" : ""}至${b.hi}${b.hiClosed ? "（含）" : ""}档`;
    case "any":
      return "适用各种取值";
  }
}

function noValueZh(w: NoValue): string {
  switch (w.k) {
    case "zero_denominator":
      return `${w.denominator || "分母"}为0`;
    case "blank_input":
      return w.inputs.length > 0 ? `未填写${w.inputs.join("、")}` : "缺少数据";
    case "empty_table":
      return w.table ? `${w.table}中没有数据` : "表中没有数据";
    case "nonzero_over_zero":
      return `${w.denominator || "分母"}为0而${w.numerator || "分子"}不为0`;
    case "not_a_number":
      return "指标值不是数值";
    case "no_band":
      return `${leadZh(w)}，不在任何评分档内`;
  }
}

const zhCN: Catalog<PhraseArgs> = {
  threshold_met: (a) => `${leadZh(a)}，${MET_ZH[a.op]}标准值${a.limit}，达标，得满分`,
  threshold_missed: (a) => `${leadZh(a)}，${MISSED_ZH[a.op]}标准值${a.limit}，未达标，${gotZh(a)}`,
  within_limit: (a) => `${leadZh(a)}，${a.dir === "above" ? "未超过" : "不低于"}限值${a.limit}，得满分`,
  // The limit and the points apart (「限值为0，超过限值0.50个百分点」): run together they read 「超过00.5个百分点」.
  beyond_limit: (a) =>
    `${leadZh(a)}，限值为${a.limit}，${beyondZh(a.dir)}限值${a.pp}个百分点` +
    (a.rounded === "ceil"
      ? `，不足1个百分点按1个百分点计，计${a.counted}个百分点`
      : a.rounded === "floor"
        ? `，不足1个百分点的部分不计，计${a.counted}个百分点`
        : "") +
    `，每个百分点扣${a.deduct}分，${tookZh(a)}`,
  beyond_within_point: (a) =>
    `${leadZh(a)}，限值为${a.limit}，${beyondZh(a.dir)}限值${a.pp}个百分点，不足1个百分点不扣分，得满分`,
  blocks_partial: (a) =>
    `${leadZh(a)}，限值为${a.limit}，${beyondZh(a.dir)}限值${gapZh(a.gap)}，不足一段（每段${gapZh(a.block)}），不扣分，得满分`,
  blocks_beyond: (a) =>
    `${leadZh(a)}，限值为${a.limit}，${beyondZh(a.dir)}限值${gapZh(a.gap)}，每${gapZh(a.block)}为一段` +
    (a.rounded === "ceil" ? "，不足一段按一段计" : a.rounded === "floor" ? "，不足一段的部分不计" : "") +
    `，计${a.blocks}段，每段扣${a.deduct}分，${tookZh(a)}`,
  band: (a) => `${leadZh(a)}，${bandZh(a.band)}，${gotZh(a)}`,
  proportional_full: (a) => `${leadZh(a)}，达到目标值${a.target}，得满分`,
  proportional: (a) => `${leadZh(a)}，未达到目标值${a.target}，按比例得${a.score}分`,
  items_none: () => `无缺项，得满分`,
  items_missing: (a) => `缺少${a.count}项，每项扣${a.deduct}分，${tookZh(a)}`,
  events_none: (a) => (a.name ? `未发生${a.name}，得满分` : `未发生扣分事项，得满分`),
  events: (a) => `${a.name ? `${a.name}` : "发生"}${a.count}次，每次扣${a.deduct}分，${tookZh(a)}`,
  manual: (a) => `人工评分，得${a.score}分`,
  manual_full: () => `人工评分，得满分`,
  manual_missing: () => `未填写自评得分，得0分`,
  not_applicable: (a) => `${noValueZh(a.why)}，不适用，${gotZh(a)}`,
  // A value in no band was computed: it is not said to be 「无法计算」.
  undefined_value: (a) =>
    a.why.k === "no_band"
      ? `${noValueZh(a.why)}，${gotZh(a)}`
      : `${noValueZh(a.why)}，${a.why.k === "not_a_number" ? "" : "指标值"}无法计算，${gotZh(a)}`,
  why_zero_denominator: () => "分母为0",
  why_blank_input: () => "缺少数据",
  why_empty_table: () => "表中没有数据",
  why_nonzero_over_zero: () => "分母为0而分子不为0",
  why_not_a_number: () => "指标值不是数值",
  why_no_band: () => "不在任何评分区间内",
  expanded_summary: (a) => `共${a.count}项，合计${a.score}分`,
  value_na: () => `不适用`,
  value_undefined: () => `无法计算`,
  level_1: () => `一级`,
  level_2: () => `二级`,
  total_capped: (a) => `总分封顶${a.cap}分`,
  total_penalty: (a) => `总分扣减${a.points}分`,
};

/** The English unit after a score as written: "point" after exactly 1, else "points" ("0.5 points", "94 points"). */
export function pointsWord(score: string): string {
  return score === "1" ? "point" : "points";
}

const pts = pointsWord;

/** "1 item", "2 items": the noun after a count as written. */
const counted = (count: string, one: string, many: string): string => `${count} ${count === "1" ? one : many}`;

// ---- English: the same sentences ("预算调整率 5.79%, in the band above 0 up to 10% (inclusive): 1.6 points").

const leadEn = (a: Lead): string => `${a.name || "Value"} ${a.value}`;
const gotEn = (a: Got): string => (a.full ? "full marks" : `${a.score} ${pts(a.score)}`);
const tookEn = (a: Took, per: string): string =>
  a.capped
    ? `${a.deduct} ${per} until none are left: 0 points`
    : `${a.deduct} ${per}: ${a.points} ${pts(a.points)} deducted`;
const gapEn = (g: Gap): string => (g.pp ? `${g.amount} pp` : g.amount);

export const MET_EN: Readonly<Record<Comparison, string>> = {
  ">=": "at or above",
  ">": "above",
  "<=": "at or below",
  "<": "below",
  "=": "equal to",
};
const MISSED_EN: Readonly<Record<Comparison, string>> = {
  ">=": "below",
  ">": "not above",
  "<=": "above",
  "<": "not below",
  "=": "not equal to",
};

function bandEn(b: BandWords): string {
  switch (b.k) {
    case "eq":
      return `equal to ${b.v}`;
    case "from":
      return b.closed ? `at or above ${b.v}` : `above ${b.v}`;
    case "to":
      return b.closed ? `at or below ${b.v}` : `below ${b.v}`;
    case "between":
      return `in the band ${b.loClosed ? `from ${b.lo} (inclusive)` : `above ${b.lo}`} up to ${b.hi}${b.hiClosed ? " (inclusive)" : ""}`;
    case "any":
      return "in the band of every value";
  }
}

function noValueEn(w: NoValue): string {
  switch (w.k) {
    case "zero_denominator":
      return w.denominator ? `${w.denominator} is 0` : "The denominator is 0";
    case "blank_input":
      return w.inputs.length > 0 ? `${w.inputs.join(", ")} not filled in` : "Data missing";
    case "empty_table":
      return w.table ? `The table ${w.table} has no rows` : "The table has no rows";
    case "nonzero_over_zero":
      return `${w.denominator || "The denominator"} is 0 but ${w.numerator || "the numerator"} is not`;
    case "not_a_number":
      return "The value is not a number";
    case "no_band":
      return `${leadEn(w)}, in no scoring band`;
  }
}

const en: Catalog<PhraseArgs> = {
  threshold_met: (a) => `${leadEn(a)}, ${MET_EN[a.op]} the standard ${a.limit}: met, full marks`,
  threshold_missed: (a) => `${leadEn(a)}, ${MISSED_EN[a.op]} the standard ${a.limit}: not met, ${gotEn(a)}`,
  within_limit: (a) => `${leadEn(a)}, not ${a.dir} the limit ${a.limit}: full marks`,
  beyond_limit: (a) =>
    `${leadEn(a)}, ${a.pp} pp ${a.dir} the limit ${a.limit}` +
    (a.rounded === "ceil"
      ? `, counted as ${a.counted} pp (a started point counts as one)`
      : a.rounded === "floor"
        ? `, counted as ${a.counted} pp (part of a point is not counted)`
        : "") +
    `, ${tookEn(a, "per pp")}`,
  beyond_within_point: (a) =>
    `${leadEn(a)}, ${a.pp} pp ${a.dir} the limit ${a.limit}, less than 1 pp: no deduction, full marks`,
  blocks_partial: (a) =>
    `${leadEn(a)}, ${gapEn(a.gap)} ${a.dir} the limit ${a.limit}, less than one block of ${gapEn(a.block)}: no deduction, full marks`,
  blocks_beyond: (a) =>
    `${leadEn(a)}, ${gapEn(a.gap)} ${a.dir} the limit ${a.limit}, in blocks of ${gapEn(a.block)}` +
    (a.rounded === "ceil"
      ? " (a started block counts as one)"
      : a.rounded === "floor"
        ? " (part of a block is not counted)"
        : "") +
    `: ${counted(a.blocks, "block", "blocks")}, ${tookEn(a, "each")}`,
  band: (a) => `${leadEn(a)}, ${bandEn(a.band)}: ${gotEn(a)}`,
  proportional_full: (a) => `${leadEn(a)}, reaching the target ${a.target}: full marks`,
  proportional: (a) => `${leadEn(a)}, short of the target ${a.target}: ${a.score} ${pts(a.score)} in proportion`,
  items_none: () => `Nothing missing: full marks`,
  items_missing: (a) => `${counted(a.count, "item", "items")} missing, ${tookEn(a, "each")}`,
  events_none: (a) => (a.name ? `${a.name}: none, full marks` : `No occurrences: full marks`),
  events: (a) => `${a.name ? `${a.name}: ` : ""}${counted(a.count, "occurrence", "occurrences")}, ${tookEn(a, "each")}`,
  manual: (a) => `Scored by the evaluator: ${a.score} ${pts(a.score)}`,
  manual_full: () => `Scored by the evaluator: full marks`,
  manual_missing: () => `No self-assessed score (自评得分) entered: 0 points`,
  not_applicable: (a) => `${noValueEn(a.why)}: not applicable, ${gotEn(a)}`,
  undefined_value: (a) =>
    a.why.k === "no_band"
      ? `${noValueEn(a.why)}: ${gotEn(a)}`
      : a.why.k === "not_a_number"
        ? `${noValueEn(a.why)} and cannot be computed: ${gotEn(a)}`
        : `${noValueEn(a.why)}: the value cannot be computed, ${gotEn(a)}`,
  why_zero_denominator: () => "zero denominator",
  why_blank_input: () => "missing data",
  why_empty_table: () => "the table has no rows",
  why_nonzero_over_zero: () => "a non-zero amount over zero",
  why_not_a_number: () => "the value is not a number",
  why_no_band: () => "in no scoring band",
  expanded_summary: (a) => `${a.count} item(s), ${a.score} ${pts(a.score)} in all`,
  value_na: () => `not applicable`,
  value_undefined: () => `cannot be computed`,
  level_1: () => `Level 1`,
  level_2: () => `Level 2`,
  total_capped: (a) => `total capped at ${a.cap}`,
  total_penalty: (a) => `${a.points} ${pts(a.points)} deducted from the total`,
};

export const PHRASES: Catalogs<Catalog<PhraseArgs>> = defineCatalogs(zhCN, en);

/** Render a phrase reference in a language. */
export function renderPhrase(lang: Lang, e: Explain): string {
  return translate(PHRASES, lang, e.key, e.args);
}

/** Build a phrase reference with its arguments checked against its key. */
export function phrase<K extends PhraseKey>(key: K, args: PhraseArgs[K]): Explain {
  return { key, args } as Explain;
}
