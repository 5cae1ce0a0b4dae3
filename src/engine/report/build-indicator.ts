/** One indicator's paragraph: its phrase template rendered with the indicator's figures, then its score. */
import Decimal from "decimal.js";
import type { TableRowValues } from "../model/values";
import type { IndicatorResult } from "../score/result-types";
import type { RubricRowDef } from "../compile/read/types";
import { prevYear, sangongBreakdown, sangongComparison } from "./build-basic";
import { asDecimal, trimEnd, type ReportContext } from "./build-context";
import { normalizeIndicatorName, STANDARD_CODES } from "./default-phrases";
import { styleOfFieldType } from "./format";
import { styleOfValue } from "../model/format";
import { displayFormula, type FormulaLeaves } from "./formula-display";
import { phrasePlaceholders, renderPhrase, type PhraseScope } from "./phrase-template";
import { join, joinWith, num, numOf, text } from "./runs";
import type { Run } from "./tree";
import type { ParseResult } from "../formula/types";

/** The rubric row an indicator comes from, and for an expanded row the table row it stands for. */
export interface IndicatorSource {
  readonly rubric: RubricRowDef | undefined;
  readonly expandRow: { table: string; row: TableRowValues } | undefined;
}

/** Find the rubric row (by 编号, or `<编号>.<n>` for the n-th expanded row) and the table row. */
export function indicatorSource(ctx: ReportContext, ind: IndicatorResult): IndicatorSource {
  const exact = ctx.rubricRow(ind.id);
  if (exact && !exact.expand) return { rubric: exact, expandRow: undefined };
  const m = /^(.*)\.(\d+)$/.exec(ind.id);
  const rubric = exact ?? (m ? ctx.rubricRow(m[1]!) : undefined);
  if (rubric?.expand && m) {
    const row = ctx.rows(rubric.expand)[Number(m[2]) - 1];
    return { rubric, expandRow: row ? { table: rubric.expand, row } : undefined };
  }
  return { rubric, expandRow: undefined };
}

/** The field or column a formula divides by (ratio(a, b), a ÷ b, change(a, b)), or null. */
function denominatorOf(formula: string, parse: (text: string) => ParseResult): string | null {
  const r = formula.trim() ? parse(formula) : null;
  if (!r?.ok) return null;
  let e = r.expr;
  if (e.k === "call" && e.fn === "abs" && e.args[0]) e = e.args[0];
  const d =
    e.k === "call" && (e.fn === "ratio" || e.fn === "change")
      ? e.args[1]
      : e.k === "bin" && e.op === "/"
        ? e.r
        : undefined;
  if (d?.k === "field") return d.name;
  if (d?.k === "col") return `${d.table}.${d.key}`;
  return null;
}

function labelOf(ctx: ReportContext, name: string): string {
  const [t, k] = name.split(".");
  return k && t ? ctx.columnLabel(t, k) : ctx.fieldLabel(name);
}

/** The indicator's value as runs: a number, or why it does not apply; null when there is none (manual). */
export function valueRuns(ctx: ReportContext, ind: IndicatorResult): Run[] | null {
  const v = ind.value;
  if (v.t === "number") return [numOf(v.v, styleOfValue(ind.valueFormat ?? "number"))];
  if (v.t === "na") {
    // 0 ÷ 0: name what is zero (政府采购预算数为0) rather than the arithmetic (分母为0), as a reader says it.
    const denominator = v.why === "zero_denominator" ? denominatorOf(ind.formula, ctx.parse) : null;
    const label = denominator ? labelOf(ctx, denominator) : "";
    return [text(ctx.phrases.notApplicable(label ? ctx.phrases.isZero(label) : v.why))];
  }
  if (v.t === "undefined") return [text(ctx.phrases.valueUndefined(v.why))];
  return null;
}

/** Benefit items of the indicator's category (类别 contains the indicator name or the reverse). */
function benefitList(ctx: ReportContext, name: string): Run[] {
  const key = name.replace(/效益$/, "");
  const rows = ctx.rows("benefits").filter((r) => {
    const c = r.values.get("category");
    return typeof c === "string" && c.trim() !== "" && (c.includes(key) || name.includes(c.trim()));
  });
  if (rows.length === 0)
    return ctx.missing(
      `${ctx.template.tables.get("benefits")?.label ?? "benefits"}（${name}）`,
      ctx.tableLocation("benefits"),
    );
  const item = (r: TableRowValues): Run[] => [text(trimEnd(String(r.values.get("content") ?? "")))];
  const done = rows.filter((r) => r.values.get("done") !== false && r.values.get("done") !== "否").map(item);
  const notDone = rows.filter((r) => r.values.get("done") === false || r.values.get("done") === "否").map(item);
  return [...ctx.phrases.benefitList({ done, notDone })];
}

/** Leaves of a displayed formula: labels, or the actual figures (per row for table columns). */
class IndicatorFormulaLeaves implements FormulaLeaves {
  constructor(
    private readonly ctx: ReportContext,
    private readonly figures: boolean,
    private readonly expand: IndicatorSource["expandRow"],
  ) {}

  leaf(name: string): Run[] {
    const { ctx, figures, expand } = this;
    const [t, k] = name.split(".");
    if (k) {
      if (!figures) return [text(ctx.columnLabel(t!, k))];
      if (expand && expand.table === t) return ctx.cell(t, k, expand.row);
      return joinWith(
        ctx.rows(t!).map((r) => ctx.cell(t!, k, r)),
        "＋",
      );
    }
    return figures ? ctx.field(name) : [text(ctx.fieldLabel(name))];
  }

  rows(name: string): Run[][] | undefined {
    const { ctx, figures, expand } = this;
    const [t, k] = name.split(".");
    if (!figures || !k || (expand && expand.table === t)) return undefined;
    return ctx.rows(t!).map((r) => ctx.cell(t!, k, r));
  }
}

function formulaLeaves(ctx: ReportContext, figures: boolean, expand: IndicatorSource["expandRow"]): FormulaLeaves {
  return new IndicatorFormulaLeaves(ctx, figures, expand);
}

/** The placeholders every indicator phrase knows, by name. */
const SPECIALS: Readonly<Record<string, (ctx: ReportContext, ind: IndicatorResult, src: IndicatorSource) => Run[]>> = {
  value: (ctx, ind) => valueRuns(ctx, ind) ?? ctx.missing(`${ind.name}：指标值`, null),
  score: (_ctx, ind) => [numOf(ind.score, "score")],
  weight: (_ctx, ind) => [numOf(ind.weight, "score")],
  deduction: (_ctx, ind) => [num(new Decimal(String(ind.weight)).minus(new Decimal(String(ind.score))), "score")],
  name: (_ctx, ind) => [text(ind.name)],
  reason: (ctx, ind) => (ind.reason.trim() ? [text(trimEnd(ind.reason))] : [text(ctx.phrases.none)]),
  description: (_ctx, _ind, src) => [text(src.rubric?.description.trim() ?? "")],
  criterion: (_ctx, ind) => [text(ind.criterion)],
  situation: (_ctx, _ind, src) => situationRuns(src),
  formula: (ctx, ind, src) => displayFormula(ind.formula, formulaLeaves(ctx, false, src.expandRow), ctx.parse),
  figures: (ctx, ind, src) => displayFormula(ind.formula, formulaLeaves(ctx, true, src.expandRow), ctx.parse),
  prev_year: (ctx) => prevYear(ctx),
  sangong_comparison: (ctx) => sangongComparison(ctx),
  sangong_breakdown: (ctx) => sangongBreakdown(ctx),
  benefit_list: (ctx, ind) => benefitList(ctx, ind.name),
};

/**
 * The phrase scope of one indicator (see phrase-template.ts for the placeholders). A class, so the
 * methods are shared by every indicator rather than made anew for each.
 */
class IndicatorScope implements PhraseScope {
  constructor(
    private readonly ctx: ReportContext,
    private readonly ind: IndicatorResult,
    private readonly src: IndicatorSource,
  ) {}

  resolve(name: string, row?: { table: string; row: TableRowValues }): Run[] | undefined {
    const { ctx, src } = this;
    if (row && !name.includes(".") && !name.includes(":")) {
      if (ctx.columnType(row.table, name) !== null || row.row.values.has(name))
        return ctx.cell(row.table, name, row.row);
    }
    const special = Object.hasOwn(SPECIALS, name) ? SPECIALS[name] : undefined;
    if (special) return special(ctx, this.ind, src);
    if (name.startsWith("sum:")) return sumColumn(ctx, name.slice(4));
    if (name.startsWith("param.")) {
      // As scoring read 评分参数 (normalised, defaults included): the compiled rule of this indicator.
      const p = ctx.ruleParams.get(this.ind.id)?.raw.get(name.slice(6));
      return p === undefined ? undefined : [text(p)];
    }
    const [t, k] = name.split(".");
    if (k !== undefined && t !== undefined) {
      if (!ctx.values.tables.has(t) && !ctx.template.tables.has(t)) return undefined;
      if (src.expandRow && src.expandRow.table === t) return ctx.cell(t, k, src.expandRow.row);
      return joinWith(
        ctx.rows(t).map((r) => ctx.cell(t, k, r)),
        ctx.phrases.listSep,
      );
    }
    return ctx.hasField(name) ? ctx.field(name) : undefined;
  }

  rows(table: string): readonly TableRowValues[] | undefined {
    return this.ctx.values.tables.has(table) || this.ctx.template.tables.has(table) ? this.ctx.rows(table) : undefined;
  }

  unknown(ph: string): Run[] {
    return this.ctx.missing(`{${ph}}`, this.src.rubric ? rubricLocation(this.src.rubric, this.ind) : null);
  }

  emptyTable(table: string): Run[] {
    return this.ctx.missing(this.ctx.template.tables.get(table)?.label ?? table, this.ctx.tableLocation(table));
  }
}

function rubricLocation(rubric: RubricRowDef, ind: IndicatorResult): { sheet: string; address: string; label: string } {
  return { sheet: ind.ref.sheet || rubric.sheet, address: ind.ref.address, label: ind.name };
}

function sumColumn(ctx: ReportContext, ref: string): Run[] | undefined {
  const [t, k] = ref.split(".");
  if (!t || !k || (!ctx.values.tables.has(t) && !ctx.template.tables.has(t))) return undefined;
  let total = new Decimal(0);
  for (const r of ctx.rows(t)) {
    const d = asDecimal(r.values.get(k));
    if (d === null) return ctx.missing(ctx.columnLabel(t, k), ctx.tableLocation(t));
    total = total.plus(d);
  }
  const type = ctx.columnType(t, k);
  return [num(total, (type ? styleOfFieldType(type) : null) ?? "number")];
}

/** The phrase template an indicator uses: the workbook's 报告表述, else the language's default, else none. */
export function indicatorPhrase(ctx: ReportContext, ind: IndicatorResult, src: IndicatorSource): string | null {
  // Workbook phrases are written in the template's language (Chinese); other languages use their defaults.
  const own = ctx.phrases.lang === "zh-CN" ? src.rubric?.phrase.trim() : "";
  if (own) return own;
  if (src.rubric?.expand) return ctx.phrases.expandPhrases[src.rubric.expand] ?? null;
  const byName = ctx.phrases.indicatorPhrases[normalizeIndicatorName(ind.name)];
  if (byName) return byName;
  // Renamed: the standard code's phrase, when it speaks of this row's own figures (a field of its formula).
  const standard = STANDARD_CODES[ind.id];
  const byCode = standard ? ctx.phrases.indicatorPhrases[standard] : undefined;
  if (!byCode || !ind.formula) return null;
  const parsed = ctx.parse(ind.formula);
  const figures = parsed.ok ? new Set(parsed.fields) : new Set<string>();
  return [...phrasePlaceholders(byCode)].some((p) => figures.has(p)) ? byCode : null;
}

/** The unit's 情况说明 of an indicator as one sentence (its own full stop kept or added), or none. */
function situationRuns(src: IndicatorSource): Run[] {
  const s = (src.rubric?.situation ?? "").trim();
  if (s === "") return [];
  return [text(/[。！？.!?]$/.test(s) ? s : `${s}。`)];
}

/** A computed indicator's 情况说明 after its figures, as the next sentence. */
function afterFigures(ctx: ReportContext, src: IndicatorSource): Run[] {
  const s = situationRuns(src);
  return s.length > 0 && ctx.phrases.sentenceSep ? join(ctx.phrases.sentenceSep, s) : s;
}

const isManual = (ind: IndicatorResult): boolean => ind.ruleKind === "manual";

/**
 * The paragraph runs of one indicator: body, score sentence, deduction with reason. A manual indicator's body
 * is the unit's 情况说明 (first, unless the phrase places it with {situation}), never the rubric's 指标说明; a
 * computed one's 情况说明 follows its figures.
 */
export function indicatorRuns(ctx: ReportContext, ind: IndicatorResult): Run[] {
  const p = ctx.phrases;
  const src = indicatorSource(ctx, ind);
  const phrase = indicatorPhrase(ctx, ind, src);
  const scope = new IndicatorScope(ctx, ind, src);
  let body: Run[];
  let used = new Set<string>();
  if (phrase !== null) {
    used = phrasePlaceholders(phrase);
    body = renderPhrase(phrase, scope);
    if (!used.has("situation"))
      body = isManual(ind) ? join(situationRuns(src), body) : join(body, afterFigures(ctx, src));
  } else if (isManual(ind)) {
    body = situationRuns(src);
  } else {
    const value = valueRuns(ctx, ind);
    const hasFormula = ind.formula.trim() !== "";
    body = [
      ...p.genericIndicator({
        description: src.rubric?.description.trim() ?? "",
        formula: hasFormula ? displayFormula(ind.formula, formulaLeaves(ctx, false, src.expandRow), ctx.parse) : null,
        figures: hasFormula ? displayFormula(ind.formula, formulaLeaves(ctx, true, src.expandRow), ctx.parse) : null,
        value,
        criterion: ind.criterion,
      }),
      ...afterFigures(ctx, src),
    ];
  }
  const tail: Run[] = [];
  if (!used.has("score")) {
    tail.push(...p.scoreSentence({ score: [numOf(ind.score, "score")] }));
    // Numbers compare as their shortest decimal texts do, so this is the Decimal comparison without the Decimals.
    if (ind.score < ind.weight && !used.has("reason")) {
      const deducted = new Decimal(String(ind.weight)).minus(new Decimal(String(ind.score)));
      if (ind.reason.trim() && statedIn(body, ind.reason)) {
        // The body already says it (效益's 「未完成：…」 is the reason): the deduction, not the words again.
        tail.push(...p.deductionStated({ deducted: [num(deducted, "score")] }));
        tail.push(text(p.period));
        return join(body, tail);
      }
      const reason = ind.reason.trim()
        ? [text(trimEnd(ind.reason))]
        : ind.explanation.trim()
          ? [text(trimEnd(ind.explanation))]
          : ctx.missing(`${ind.name}：扣分原因`, rubricLocationOrNull(src, ind));
      tail.push(...p.deduction({ deducted: [num(deducted, "score")], reason }));
    }
    tail.push(text(p.period));
  }
  return join(body, tail);
}

/** Letters and digits only: how "未完成：甲；乙。" and "未完成甲、乙" are compared. */
const bare = (s: string): string => s.replace(/[^\p{L}\p{N}]/gu, "");

/** Whether the paragraph's body already states the reason, word for word up to punctuation. */
function statedIn(body: readonly Run[], reason: string): boolean {
  const want = bare(reason);
  return want.length > 0 && bare(body.map((r) => r.text).join("")).includes(want);
}

function rubricLocationOrNull(
  src: IndicatorSource,
  ind: IndicatorResult,
): { sheet: string; address: string; label: string } | null {
  return src.rubric ? rubricLocation(src.rubric, ind) : null;
}
