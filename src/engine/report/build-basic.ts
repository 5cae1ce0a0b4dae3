/** Sections 一 (单位基本情况), 二 (整体绩效完成情况) and 三 (绩效目标及完成情况). */
import Decimal from "decimal.js";
import { buildFinanceTable } from "./build-table";
import type { ReportContext } from "./build-context";
import { trimEnd } from "./build-context";
import type { SangongPart } from "./phrases";
import { join, num, text } from "./runs";
import type { Block, Paragraph, Run, Section } from "./tree";

/** A body paragraph. */
export function para(runs: readonly Run[], role: Paragraph["role"] = "body"): Paragraph {
  return { kind: "paragraph", runs, role };
}

/** A section; `inline` sections print their title at the start of their first paragraph. */
export function section(
  key: string,
  depth: Section["depth"],
  title: readonly Run[] | string,
  children: readonly Block[],
  inline = false,
  titleSeparator?: string,
): Section {
  const t = typeof title === "string" ? [text(title)] : title;
  // Optional keys assigned in order rather than spread in: a report has a section per indicator.
  const s: { -readonly [K in keyof Section]: Section[K] } = { kind: "section", key, depth, title: t, children };
  if (inline) s.inline = true;
  if (titleSeparator !== undefined) s.titleSeparator = titleSeparator;
  return s;
}

/** Paragraphs of a text table, numbered 1. 2. … as in the seed's list of duties; empty → placeholder. */
function textList(ctx: ReportContext, table: string, numbered: boolean): Paragraph[] {
  const items = ctx.texts(table);
  if (items.length === 0)
    return [para(ctx.missing(ctx.template.tables.get(table)?.label ?? table, ctx.tableLocation(table)))];
  return items.map((t, i) => para([text(numbered ? `${i + 1}.${t}` : t)], "item"));
}

/** 一、单位基本情况. */
export function buildBasicSection(ctx: ReportContext): Section {
  const h = ctx.phrases.headings;
  return section("basic", 1, h.basic, [
    section(
      "basic.duties",
      2,
      h.duties,
      textList(
        ctx,
        "duties",
        ctx.texts("duties").every((t) => !/^\d+[.．、]/.test(t)),
      ),
    ),
    section("basic.org", 2, h.org, textList(ctx, "org", false)),
    section("basic.staff", 2, h.staff, [
      para(ctx.phrases.staff({ quota: ctx.field("staff_quota"), actual: ctx.field("staff_actual") })),
    ]),
  ]);
}

const SANGONG_PARTS: readonly SangongPart[] = [
  "sangong_abroad",
  "sangong_vehicle_purchase",
  "sangong_vehicle_operation",
  "sangong_reception",
  "sangong_foreign_reception",
];

/** "与上年相比减少10.01万元，减幅45.56%" — or that there is no prior-year figure to compare with. */
export function sangongComparison(ctx: ReportContext): Run[] {
  const p = ctx.phrases;
  const cur = ctx.decimal("sangong_total");
  const prev = ctx.decimal("sangong_prev");
  if (cur === null) return ctx.field("sangong_total");
  if (prev === null) {
    // Blank prior year is an answer for a new unit; anything else in the cell was reported by validation.
    return [text(p.sangongNoPrior)];
  }
  const diff = cur.minus(prev);
  if (diff.isZero()) return [text(p.sangongSame)];
  if (prev.isZero()) return [...p.sangongPriorZero({ amount: [num(diff, "amount")] })];
  const amount = [num(diff.abs(), "amount")];
  const rate = [num(diff.abs().dividedBy(prev), "rate")];
  return [...(diff.isNegative() ? p.sangongDecrease({ amount, rate }) : p.sangongIncrease({ amount, rate }))];
}

/** "其中：外事接待费9.01万元，公务用车运行维护费2.95万元" (only the parts with an amount). */
export function sangongBreakdown(ctx: ReportContext): Run[] {
  const parts = SANGONG_PARTS.flatMap((name) => {
    const v = ctx.decimal(name);
    return v !== null && !v.isZero()
      ? [{ label: ctx.phrases.sangongPartLabels[name], amount: [num(v, "amount")] }]
      : [];
  });
  return parts.length > 0 ? [...ctx.phrases.sangongBreakdown(parts)] : [text(ctx.phrases.sangongAllZero)];
}

/** An optional text field as runs, or null when it is blank. */
function textOrNull(ctx: ReportContext, name: string): Run[] | null {
  const t = ctx.optionalText(name);
  return t === null ? null : [text(t)];
}

function sangongParagraph(ctx: ReportContext): Paragraph {
  const p = ctx.phrases;
  const cur = ctx.decimal("sangong_total");
  const prev = ctx.decimal("sangong_prev");
  const reasons = ctx.texts("sangong_reasons").map((t) => [text(trimEnd(t))]);
  const changed = cur !== null && prev !== null && !cur.equals(prev);
  let reasonRuns: Run[] = [];
  const direction = !changed ? "same" : cur.lessThan(prev) ? "down" : "up";
  if (reasons.length > 0) reasonRuns = [...p.sangongReasons(reasons, direction)];
  else if (changed) {
    const label = ctx.template.tables.get("sangong_reasons")?.label ?? "sangong_reasons";
    reasonRuns = join(ctx.missing(label, ctx.tableLocation("sangong_reasons")), p.period);
  }
  return para(
    join(
      p.sangongBudget({
        budget: ctx.field("sangong_budget"),
        scope: textOrNull(ctx, "sangong_budget_scope"),
        actualScope: ctx.field("sangong_actual_budget_scope"),
        total: ctx.field("sangong_total"),
      }),
      sangongComparison(ctx),
      p.period,
      sangongBreakdown(ctx),
      p.period,
      reasonRuns,
    ),
  );
}

/** 二、整体绩效完成情况: totals, income, expenditure with each part's share, carry-over, 三公. */
export function buildOverallSection(ctx: ReportContext): Section {
  const p = ctx.phrases;
  const h = p.headings;
  const year = ctx.year();
  const f = (n: string): Run[] => ctx.field(n);
  const inline = (key: string, title: string, runs: readonly Run[]): Section =>
    section(`overall.spending.${key}`, 3, title, [para(runs)], true);
  return section("overall", 1, h.overall, [
    section("overall.spending", 2, h.spending, [
      para(p.spendingLead({ year, total: f("expend_total"), mainUse: textOrNull(ctx, "expend_main_use") })),
      inline(
        "general",
        h.general,
        p.general({
          year,
          carryPrev: f("carryover_prev"),
          income: f("income_total"),
          expend: f("expend_total"),
          carryEnd: f("carryover_end"),
        }),
      ),
      inline(
        "income",
        h.income,
        p.income({
          year,
          income: f("income_total"),
          fiscal: f("income_fiscal"),
          fiscalShare: ctx.share("income_fiscal", "income_total"),
        }),
      ),
      inline(
        "expenditure",
        h.expenditure,
        p.expenditure({
          year,
          total: f("expend_total"),
          basic: f("expend_basic"),
          basicShare: ctx.share("expend_basic", "expend_total"),
          personnel: f("expend_personnel"),
          personnelShare: ctx.share("expend_personnel", "expend_basic"),
          publicCost: f("expend_public"),
          publicShare: ctx.share("expend_public", "expend_basic"),
          project: f("expend_project"),
          projectShare: ctx.share("expend_project", "expend_total"),
        }),
      ),
      inline(
        "carryover",
        h.carryover,
        p.carryover({ year, carryEnd: f("carryover_end"), share: ctx.share("carryover_end", "expend_total") }),
      ),
      buildFinanceTable(ctx),
    ]),
    section("overall.sangong", 2, h.sangong, [sangongParagraph(ctx)]),
  ]);
}

/**
 * 三、绩效目标及完成情况: one inline section per goal of the 绩效目标 table (heading 目标, body 完成情况). A workbook of
 * template 1.0, which has no goals table, gives the section from the 重点工作 tasks' 完成情况 as before.
 */
export function buildTargetsSection(ctx: ReportContext): Section {
  const fromGoals = ctx.template.tables.has("goals") || ctx.values.tables.has("goals");
  const [table, headKey, bodyKey] = fromGoals ? ["goals", "goal", "result"] : ["tasks", "name", "description"];
  const rows = ctx.rows(table);
  const children: Block[] =
    rows.length === 0
      ? [para(ctx.missing(ctx.template.tables.get(table)?.label ?? table, ctx.tableLocation(table)))]
      : rows.map((row, i) => {
          const name = ctx.cell(table, headKey, row);
          const desc = withoutLeadingName(row.values.get(bodyKey), row.values.get(headKey));
          const lines =
            typeof desc === "string" && desc.trim() !== ""
              ? desc
                  .split(/\r?\n/)
                  .map((l) => l.trim())
                  .filter((l) => l !== "")
                  .map((l) => para([text(l)]))
              : [para(ctx.cell(table, bodyKey, row))];
          return section(`targets.${i + 1}`, 2, trimTitle(name), lines, true);
        });
  return section("targets", 1, ctx.phrases.headings.targets, children);
}

/** A 完成情况 that opens by repeating the task's name would print the name twice after the heading. */
function withoutLeadingName(desc: unknown, name: unknown): unknown {
  if (typeof desc !== "string" || typeof name !== "string") return desc;
  const head = trimEnd(name.trim());
  const body = desc.trimStart();
  if (head === "" || !body.startsWith(head)) return desc;
  const rest = body.slice(head.length);
  return /^[。．.]/.test(rest) ? rest.slice(1).trimStart() : desc;
}

// A task name ending in "。" would double the separator the renderer adds.
function trimTitle(runs: Run[]): Run[] {
  const last = runs[runs.length - 1];
  if (last?.kind !== "text") return runs;
  return [...runs.slice(0, -1), text(trimEnd(last.text))];
}

/** eval_year − 1 as printed, for "2019年度决算". */
export function prevYear(ctx: ReportContext): Run[] {
  const y = ctx.decimal("eval_year");
  return y === null ? ctx.field("eval_year") : [num(y.minus(new Decimal(1)), "integer")];
}
