/** Section 四 (整体支出绩效评价: each indicator, then the conclusion) and 五–七. */
import Decimal from "decimal.js";
import type { IndicatorResult, LevelResult } from "../score/result-types";
import { para, section } from "./build-basic";
import { trimEnd, type ReportContext } from "./build-context";
import { indicatorRuns } from "./build-indicator";
import { join, num, numOf, text } from "./runs";
import type { Block, Run, Section } from "./tree";

interface Group {
  readonly name: string;
  readonly indicators: IndicatorResult[];
  readonly children: Group[];
}

// Group indicators by their level-1 and level-2 names, in rubric order.
function groupIndicators(indicators: readonly IndicatorResult[]): Group[] {
  const top: Group[] = [];
  for (const ind of indicators) {
    const [l1 = "", l2] = ind.path;
    let g1 = top.find((g) => g.name === l1);
    if (!g1) top.push((g1 = { name: l1, indicators: [], children: [] }));
    if (l2 === undefined || ind.path.length < 3) {
      g1.indicators.push(ind);
      continue;
    }
    let g2 = g1.children.find((g) => g.name === l2);
    if (!g2) g1.children.push((g2 = { name: l2, indicators: [], children: [] }));
    g2.indicators.push(ind);
  }
  return top;
}

function levelOf(ctx: ReportContext, name: string, depth: 1 | 2): LevelResult | undefined {
  return ctx.scores.levels.find((l) => l.depth === depth && l.name === name);
}

function weightOf(ctx: ReportContext, g: Group, depth: 1 | 2): Decimal {
  const level = levelOf(ctx, g.name, depth);
  if (level) return new Decimal(String(level.weight));
  const all = [...g.indicators, ...g.children.flatMap((c) => c.indicators)];
  return all.reduce((s, i) => s.plus(new Decimal(String(i.weight))), new Decimal(0));
}

function indicatorSection(ctx: ReportContext, ind: IndicatorResult, depth: 3 | 4): Section {
  const title = ctx.phrases.indicatorTitle({ name: ind.name, weight: [numOf(ind.weight, "score")] });
  return section(
    `indicator:${ind.id}`,
    depth,
    title,
    [para(indicatorRuns(ctx, ind))],
    true,
    ctx.phrases.inlineTitleSep,
  );
}

/** 四、整体支出绩效评价. */
export function buildEvaluationSection(ctx: ReportContext): Section {
  const p = ctx.phrases;
  const groups = groupIndicators(ctx.scores.indicators);
  const blocks: Block[] = groups.map((g1, i1) =>
    section(`evaluation.${i1 + 1}`, 2, g1.name, [
      ...g1.indicators.map((ind) => indicatorSection(ctx, ind, 3)),
      ...g1.children.map((g2, i2) =>
        section(
          `evaluation.${i1 + 1}.${i2 + 1}`,
          3,
          p.levelTitle({ name: g2.name, weight: [num(weightOf(ctx, g2, 2), "score")] }),
          g2.indicators.map((ind) => indicatorSection(ctx, ind, 4)),
        ),
      ),
    ]),
  );
  blocks.push(section("evaluation.conclusion", 2, p.headings.conclusion, conclusion(ctx, groups)));
  return section("evaluation", 1, p.headings.evaluation, blocks);
}

function conclusion(ctx: ReportContext, groups: readonly Group[]): Block[] {
  const p = ctx.phrases;
  const s = ctx.scores;
  const levels = groups.map((g) => {
    const level = levelOf(ctx, g.name, 1);
    const score = level
      ? new Decimal(String(level.score))
      : [...g.indicators, ...g.children.flatMap((c) => c.indicators)].reduce(
          (a, i) => a.plus(new Decimal(String(i.score))),
          new Decimal(0),
        );
    return { name: g.name, score: [num(score, "score")] };
  });
  const grade: Run[] = s.grade.trim() ? [text(s.grade)] : ctx.missing("等级", null);
  const runs: Run[] = [
    ...p.conclusion({ year: ctx.year(), levels, total: [num(new Decimal(String(s.total)), "score")], grade }),
  ];
  const adjustments = s.adjustments.flatMap((a) => {
    if (a.penalty > 0)
      return [...p.adjustmentPenalty({ name: a.name, points: [num(new Decimal(String(a.penalty)), "score")] })];
    if (a.cap !== null) return [...p.adjustmentCap({ name: a.name, cap: [num(new Decimal(String(a.cap)), "score")] })];
    return [];
  });
  return [para(join(runs, adjustments))];
}

const PUNCT = /[\s\p{P}\p{S}]/gu;

function bigrams(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < s.length; i++) out.push(s.slice(i, i + 2));
  return out;
}

/**
 * True when an entered problem already covers a deduction: the problem contains the deduction's
 * reason or the indicator's name (ignoring punctuation), or most of the reason's character pairs.
 */
export function problemCovers(problem: string, indicatorName: string, reason: string): boolean {
  return coversStripped(problem.replace(PUNCT, ""), indicatorName.replace(PUNCT, ""), reason.replace(PUNCT, ""));
}

// problemCovers on texts already stripped of punctuation (the problems section strips each text once).
function coversStripped(pr: string, nm: string, rs: string): boolean {
  if ((rs && pr.includes(rs)) || (nm && pr.includes(nm))) return true;
  const pairs = bigrams(rs);
  if (pairs.length === 0) return false;
  const hit = pairs.filter((b) => pr.includes(b)).length;
  // Reworded problems keep most of the reason's wording; 60 % of its character pairs is a match.
  return hit / pairs.length >= 0.6;
}

/** The indicators that lost points, in rubric order. */
export function deductions(indicators: readonly IndicatorResult[]): IndicatorResult[] {
  // Numbers compare as their shortest decimal texts do (what the Decimals would be built from).
  return indicators.filter((i) => i.score < i.weight);
}

function itemSections(key: string, items: readonly Run[][]): Section[] {
  return items.map((runs, i) => section(`${key}.${i + 1}`, 2, runs, [], true));
}

/**
 * 五、存在的问题: the entered problems as entered, then — once, in one sentence — the deductions none of them
 * covers, so 五 stays paired with 六's measures (the review saw seven machine-worded items with none in 六).
 */
export function buildProblemsSection(ctx: ReportContext): Section {
  const p = ctx.phrases;
  const entered = ctx.texts("problems");
  const items: Run[][] = entered.map((t) => [text(t)]);
  const stripped = entered.map((t) => t.replace(PUNCT, ""));
  const uncovered: Parameters<typeof p.lostPoints>[0][number][] = [];
  for (const ind of deductions(ctx.scores.indicators)) {
    const reason = ind.reason.trim() || ind.explanation.trim();
    if (stripped.length > 0) {
      const nm = ind.name.replace(PUNCT, "");
      const rs = reason.replace(PUNCT, "");
      if (stripped.some((pr) => coversStripped(pr, nm, rs))) continue;
    }
    const weight = new Decimal(String(ind.weight));
    const score = new Decimal(String(ind.score));
    uncovered.push({
      name: ind.name,
      deducted: [num(weight.minus(score), "score")],
      score: [num(score, "score")],
      weight: [num(weight, "score")],
      reason: reason ? [text(trimEnd(reason).replace(/[。．.]$/, ""))] : ctx.marker(`${ind.name}：扣分原因`),
    });
  }
  if (uncovered.length > 0) items.push([...p.lostPoints(uncovered)]);
  const children: Block[] =
    items.length > 0
      ? itemSections("problems", items)
      : [para(ctx.missing(ctx.template.tables.get("problems")?.label ?? "problems", ctx.tableLocation("problems")))];
  return section("problems", 1, p.headings.problems, children);
}

/** 六、改进措施: the entered measures. */
export function buildMeasuresSection(ctx: ReportContext): Section {
  const measures = ctx.texts("measures").map((t) => [text(t)]);
  const children: Block[] =
    measures.length > 0
      ? itemSections("measures", measures)
      : [para(ctx.missing(ctx.template.tables.get("measures")?.label ?? "measures", ctx.tableLocation("measures")))];
  return section("measures", 1, ctx.phrases.headings.measures, children);
}

/** 七、绩效自评结果拟应用和公开情况. */
export function buildApplicationSection(ctx: ReportContext): Section {
  return section("application", 1, ctx.phrases.headings.application, [para([text(ctx.phrases.application)])]);
}
