/**
 * Every word the scoring module writes into the workbook or the score sheet (评分说明, 指标值 notes,
 * level names), in zh-CN and en: a catalog of the one mechanism (../i18n/catalog.ts), so a key missing from a
 * language is a type error.
 */
import type { Catalog, Catalogs, Lang } from "../i18n/catalog";
import { defineCatalogs, translate } from "../i18n/catalog";

/** The arguments each phrase needs; numbers arrive pre-formatted. */
export interface PhraseArgs {
  threshold_met: { op: string; limit: string };
  threshold_missed: { op: string; limit: string; score: string };
  within_limit: { op: string; limit: string };
  beyond_limit: { dir: "above" | "below"; limit: string; pp: string; deduct: string; points: string };
  /** Beyond the limit by less than the one point `partial=floor` counts: no deduction. */
  beyond_within_point: { dir: "above" | "below"; limit: string };
  blocks_within: { op: string; limit: string };
  /** Beyond the limit by less than one block, which `partial=floor` does not count: no deduction. */
  blocks_partial: { dir: "above" | "below"; limit: string; block: string };
  blocks_beyond: { dir: "above" | "below"; limit: string; blocks: string; block: string; points: string };
  band: { band: string; score: string };
  no_band: Record<string, never>;
  proportional_full: { target: string };
  proportional: { target: string; score: string };
  items_none: Record<string, never>;
  items_missing: { count: string; deduct: string; points: string };
  events_none: Record<string, never>;
  events: { count: string; deduct: string; points: string };
  manual: { score: string };
  not_applicable: { why: WhyKey; score: string };
  undefined_value: { why: WhyKey; score: string };
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

const zhCN: Catalog<PhraseArgs> = {
  threshold_met: (a) => `${a.op}${a.limit}，得满分`,
  threshold_missed: (a) => `未达到${a.op}${a.limit}，得${a.score}分`,
  within_limit: (a) => `${a.op}${a.limit}，得满分`,
  // The limit and the points apart (「超过0，超出0.5个百分点」): run together they read 「超过00.5个百分点」.
  beyond_limit: (a) =>
    a.dir === "above"
      ? `超过${a.limit}，超出${a.pp}个百分点，每个百分点扣${a.deduct}分，扣${a.points}分`
      : `低于${a.limit}，相差${a.pp}个百分点，每个百分点扣${a.deduct}分，扣${a.points}分`,
  beyond_within_point: (a) => `${a.dir === "above" ? "超过" : "低于"}${a.limit}不足1个百分点，不扣分，得满分`,
  blocks_within: (a) => `${a.op}${a.limit}，得满分`,
  blocks_partial: (a) => `${a.dir === "above" ? "超过" : "低于"}${a.limit}不足一段（每段${a.block}），不扣分，得满分`,
  blocks_beyond: (a) =>
    `${a.dir === "above" ? "超过" : "低于"}${a.limit}，按每${a.block}计${a.blocks}档，扣${a.points}分`,
  band: (a) => `属于${a.band}，得${a.score}分`,
  no_band: () => `指标值不在任何评分区间内`,
  proportional_full: (a) => `达到${a.target}，得满分`,
  proportional: (a) => `按完成比例计分（目标${a.target}），得${a.score}分`,
  items_none: () => `无缺项，得满分`,
  items_missing: (a) => `缺少${a.count}项，每项扣${a.deduct}分，扣${a.points}分`,
  events_none: () => `未发生扣分事项，得满分`,
  events: (a) => `发生${a.count}次，每次扣${a.deduct}分，扣${a.points}分`,
  manual: (a) => `人工评分，得${a.score}分`,
  not_applicable: (a) => `不适用（${zhCN[a.why]({})}），得${a.score}分`,
  undefined_value: (a) => `指标值无法计算（${zhCN[a.why]({})}），得${a.score}分`,
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

const en: Catalog<PhraseArgs> = {
  threshold_met: (a) => `${a.op} ${a.limit}: full marks`,
  threshold_missed: (a) => `not ${a.op} ${a.limit}: ${a.score} ${pts(a.score)}`,
  within_limit: (a) => `${a.op} ${a.limit}: full marks`,
  beyond_limit: (a) => `${a.pp} pp ${a.dir} ${a.limit}, ${a.deduct} per pp: ${a.points} ${pts(a.points)} deducted`,
  beyond_within_point: (a) => `${a.dir} ${a.limit} by less than 1 pp: no deduction, full marks`,
  blocks_within: (a) => `${a.op} ${a.limit}: full marks`,
  blocks_partial: (a) => `${a.dir} ${a.limit} by less than one block of ${a.block}: no deduction, full marks`,
  blocks_beyond: (a) =>
    `${a.dir} ${a.limit} by ${a.blocks} block(s) of ${a.block}: ${a.points} ${pts(a.points)} deducted`,
  band: (a) => `in ${a.band}: ${a.score} ${pts(a.score)}`,
  no_band: () => `the value is in no scoring band`,
  proportional_full: (a) => `reaches ${a.target}: full marks`,
  proportional: (a) => `proportional to the target ${a.target}: ${a.score} ${pts(a.score)}`,
  items_none: () => `nothing missing: full marks`,
  items_missing: (a) => `${a.count} item(s) missing, ${a.deduct} each: ${a.points} ${pts(a.points)} deducted`,
  events_none: () => `no events: full marks`,
  events: (a) => `${a.count} event(s), ${a.deduct} each: ${a.points} ${pts(a.points)} deducted`,
  manual: (a) => `scored by the evaluator: ${a.score} ${pts(a.score)}`,
  not_applicable: (a) => `not applicable (${en[a.why]({})}): ${a.score} ${pts(a.score)}`,
  undefined_value: (a) => `the value cannot be computed (${en[a.why]({})}): ${a.score} ${pts(a.score)}`,
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
