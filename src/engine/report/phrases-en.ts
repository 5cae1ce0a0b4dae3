/**
 * All English wording of the report, for reviewers who do not read Chinese. Names of indicators and
 * everything users typed (duties, task texts, problems) stay as entered.
 */
import type { ReportPhrases } from "./phrases";
import { whyText } from "./phrases";
import { join, joinWith, r } from "./runs";
import type { Run } from "./tree";
import { runsText } from "./tree";
import { pointsWord } from "../score/phrases";

const MONTHS: readonly string[] = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const ROMAN: readonly string[] = [
  "I",
  "II",
  "III",
  "IV",
  "V",
  "VI",
  "VII",
  "VIII",
  "IX",
  "X",
  "XI",
  "XII",
  "XIII",
  "XIV",
  "XV",
];

const WHY_EN: Readonly<Record<string, string>> = {
  zero_denominator: "the denominator is 0",
  blank_input: "figures missing",
  empty_table: "the table is empty",
  nonzero_over_zero: "the denominator is 0 but the numerator is not",
};

/** "point" or "points" after a figure (scoring/phrases.ts decides, for explanations and the report alike). */
function pts(n: readonly Run[]): string {
  return pointsWord(runsText(n));
}

// ", as required by A and following B, C," — the documents stay as typed (usually Chinese titles).
function basisEn(docs: readonly (readonly Run[])[]): Run[] {
  const [first, ...rest] = docs;
  if (!first) return [];
  return rest.length === 0
    ? r`, as required by ${first},`
    : r`, as required by ${first} and following ${joinWith(rest, ", ")},`;
}

export const PHRASES_EN: ReportPhrases = {
  lang: "en",
  missing: (item) => `[missing: ${item}]`,
  none: "none",
  isZero: (label) => `${label} is 0`,
  notApplicable: (why) => (whyText(WHY_EN, why) ? `not applicable (${whyText(WHY_EN, why)})` : "not applicable"),
  valueUndefined: (why) =>
    whyText(WHY_EN, why) ? `cannot be computed (${whyText(WHY_EN, why)})` : "cannot be computed",
  yes: "yes",
  no: "no",
  listSep: ", ",
  clauseSep: "; ",
  sentenceSep: " ",
  period: ".",
  numbering: (depth, index) => {
    const n = index + 1;
    if (depth === 1) return `${ROMAN[index] ?? n}. `;
    if (depth === 2) return `(${String.fromCharCode(96 + ((index % 26) + 1))}) `;
    if (depth === 3) return `${n}. `;
    return `(${n}) `;
  },
  inlineTitleSep: ". ",
  circled: (i) => `(${i + 1}) `,

  reportTitle: ({ year }) => r`Department-wide expenditure performance evaluation report, ${year}`,
  intro: ({ unit, year, total, grade, basis }) =>
    r`To advance budget performance management, regulate departmental spending and make fiscal funds more effective, ${unit}${basisEn(basis)} evaluated its department-wide budget expenditure for ${year}. Expenditure consists of basic expenditure (kept lean to run the office at low cost) and project expenditure (managed so that earmarked funds are used for their purpose). The self-evaluation score for ${year} is ${total} ${pts(total)}, grade "${grade}". The self-evaluation is reported below.`,
  headings: {
    basic: "Basic information of the unit",
    duties: "Functions and duties",
    org: "Organisation",
    staff: "Staffing",
    overall: "Overall performance",
    spending: "Management and use of the overall expenditure",
    general: "Overview",
    income: "Income",
    expenditure: "Expenditure",
    carryover: "Carry-over and balance",
    sangong: 'Budget and execution of the "three public" costs',
    targets: "Performance targets and their completion",
    evaluation: "Evaluation of the overall expenditure",
    conclusion: "Conclusion",
    problems: "Problems",
    measures: "Improvement measures",
    application: "Use and publication of the self-evaluation results",
  },
  staff: ({ quota, actual }) => r`The authorised headcount is ${quota}; staff in post at year end: ${actual}.`,
  spendingLead: ({ year, total, mainUse }) =>
    mainUse
      ? r`The department's total expenditure in ${year} was ${total} (10k CNY), mainly for: ${mainUse}.`
      : r`The department's total expenditure in ${year} was ${total} (10k CNY).`,
  general: ({ year, carryPrev, income, expend, carryEnd }) =>
    r`Income and expenditure in ${year}: carried over from the prior year ${carryPrev}, income ${income}, expenditure ${expend}, carry-over and balance at year end ${carryEnd} (10k CNY).`,
  income: ({ year, income, fiscal, fiscalShare }) =>
    r`Total income in ${year} was ${income}, of which fiscal appropriations ${fiscal}, ${fiscalShare} of income (10k CNY).`,
  expenditure: (p) =>
    r`Total expenditure in ${p.year} was ${p.total}, of which basic expenditure ${p.basic}, ${p.basicShare} of the total (personnel ${p.personnel}, ${p.personnelShare} of basic expenditure; running costs ${p.publicCost}, ${p.publicShare} of basic expenditure); project expenditure ${p.project}, ${p.projectShare} of the total (10k CNY).`,
  carryover: ({ year, carryEnd, share }) =>
    r`Carry-over and balance at the end of ${year}: ${carryEnd} (10k CNY), ${share} of total expenditure.`,
  sangongBudget: ({ budget, scope, actualScope, total }) =>
    scope
      ? r`The "three public" costs budget was ${budget} (${scope}); actual spending within the budget's scope ${actualScope}. Total "three public" costs this year: ${total} (10k CNY), `
      : r`The "three public" costs budget was ${budget}; actual spending within the budget's scope ${actualScope}. Total "three public" costs this year: ${total} (10k CNY), `,
  sangongDecrease: ({ amount, rate }) => r`a decrease of ${amount} or ${rate} on the prior year`,
  sangongIncrease: ({ amount, rate }) => r`an increase of ${amount} or ${rate} on the prior year`,
  sangongSame: "the same as the prior year",
  sangongNoPrior: "with no prior-year figure to compare with",
  sangongPriorZero: ({ amount }) => r`an increase of ${amount} on the prior year (prior year 0, no rate)`,
  sangongPartLabels: {
    sangong_abroad: "official travel abroad",
    sangong_vehicle_purchase: "vehicle purchase",
    sangong_vehicle_operation: "vehicle operation and maintenance",
    sangong_reception: "official reception",
    sangong_foreign_reception: "foreign-affairs reception",
  },
  sangongBreakdown: (parts) =>
    join(
      " Of which: ",
      joinWith(
        parts.map((p) => r`${p.label} ${p.amount}`),
        ", ",
      ),
    ),
  sangongAllZero: "Every part was 0",
  sangongReasons: (items, direction) =>
    join(
      { down: " Reasons for the decrease: ", up: " Reasons for the increase: ", same: " Reasons: " }[direction],
      joinWith(
        items.map((it, i) => r`(${String(i + 1)}) ${it}`),
        "; ",
      ),
      ".",
    ),

  levelTitle: ({ name, weight }) => r`${name} (${weight} ${pts(weight)})`,
  indicatorTitle: ({ name, weight }) => r`${name} (${weight} ${pts(weight)})`,
  scoreSentence: ({ score }) =>
    r` Under the scoring standard the department scores ${score} ${pts(score)} on this indicator`,
  deduction: ({ deducted, reason }) => r`, ${deducted} ${pts(deducted)} deducted because: ${reason}`,
  deductionStated: ({ deducted }) => r`, ${deducted} ${pts(deducted)} deducted`,
  genericIndicator: ({ description, formula, figures, value, criterion }) =>
    join(
      description.trim() ? join(description.trim().replace(/[。；;，,、.\s]*$/, ""), ".") : "",
      formula && value
        ? join(
            description.trim() ? " " : "",
            "Value = ",
            formula,
            figures ? join(" = ", figures) : "",
            " = ",
            value,
            ".",
          )
        : "",
      criterion.trim()
        ? join(description.trim() || (formula && value) ? " " : "", "Scoring rule: ", criterion.trim(), ".")
        : "",
    ),
  indicatorPhrases: {
    财政供养人员控制率:
      "Staff in post at the end of {eval_year}: {staff_actual}; authorised headcount: {staff_quota}. Staffing control rate = staff in post ÷ headcount × 100% = ({staff_actual}÷{staff_quota}) × 100% = {value}.",
    "“三公”经费变动率":
      'The "three public" costs budget was {sangong_budget}; total "three public" costs this year {sangong_total} (10k CNY), {sangong_comparison}.{sangong_breakdown}. Change rate = (this year − prior year) ÷ prior year × 100% = ({sangong_total}−{sangong_prev})÷{sangong_prev} × 100% = {value}.',
    预算调整率:
      "Income in {eval_year} was {income_total} and expenditure {expend_total}; the initial budget was {budget_initial} and the final budget {budget_final} (10k CNY). Budget adjustment rate = |final − initial| ÷ initial × 100% = |{budget_final}−{budget_initial}|÷{budget_initial} × 100% = {value}.",
    支付进度:
      "Project funds due: {project_funds_due}; paid: {project_funds_paid} (10k CNY). Payment progress = paid ÷ due × 100% = ({project_funds_paid}÷{project_funds_due}) × 100% = {value}.",
    指标或资金收回:
      "[!funds_recalled_count: No budget allocations or funds were recalled in {eval_year}.][?funds_recalled_count: Budget allocations or funds recalled in {eval_year}: {funds_recalled_count} times.]",
    "“三公”经费控制率":
      'The "three public" costs budget for {eval_year} was {sangong_budget}; actual spending within the budget\'s scope {sangong_actual_budget_scope} (total "three public" costs {sangong_total}, 10k CNY). Control rate = actual ÷ budget × 100% = ({sangong_actual_budget_scope}÷{sangong_budget}) × 100% = {value}.',
    政府采购执行率:
      "[!procurement_budget: There was no government procurement budget in {eval_year}[?procurement_actual: ; actual procurement was {procurement_actual} (10k CNY)], so the indicator does not apply.][?procurement_budget: Government procurement budget: {procurement_budget}; actual procurement: {procurement_actual} (10k CNY). Execution rate = actual ÷ budget × 100% = ({procurement_actual}÷{procurement_budget}) × 100% = {value}.]",
    公务卡刷卡率:
      "Paid by official card: {card_settlement}; paid in cash: {cash_settlement} (10k CNY). Card payment rate = card ÷ (card + cash) × 100% = {card_settlement}÷({card_settlement}+{cash_settlement}) × 100% = {value}.",
    固定资产利用率:
      "Fixed assets at the end of {eval_year}: {fixed_assets_total}; in use: {fixed_assets_in_use} (10k CNY). Utilisation rate = in use ÷ total × 100% = ({fixed_assets_in_use}÷{fixed_assets_total}) × 100% = {value}.",
    经济效益: "{benefit_list}",
    社会效益: "{benefit_list}",
    社会公众或服务对象满意度:
      "The survey collected {sum:satisfaction.count} questionnaires ([satisfaction|, :{group} {count}]); satisfaction: [satisfaction|, :{group} {rate}]; overall satisfaction = [satisfaction|+:{group} × {weight}] = [satisfaction|+:{rate}×{weight}] = {value}.",
  },
  expandPhrases: {
    tasks: "Completion for the year: {tasks.completion}.",
  },
  benefitList: ({ done, notDone }) =>
    join(
      done.length > 0
        ? join(
            joinWith(
              done.map((d, i) => join(`(${i + 1}) `, d)),
              "; ",
            ),
            ".",
          )
        : [],
      notDone.length > 0 ? join(done.length > 0 ? " " : "", "Not completed: ", joinWith(notDone, "; "), ".") : "",
    ),

  conclusion: ({ year, levels, total, grade }) =>
    join(
      r`Under the indicator system, the department's overall expenditure performance for ${year} scores: `,
      joinWith(
        levels.map((l) => r`${l.name} ${l.score} ${pts(l.score)}`),
        ", ",
      ),
      r`; total ${total} ${pts(total)}. Grade: "${grade}".`,
    ),
  adjustmentPenalty: ({ name, points }) => r` The total is reduced by ${points} ${pts(points)} under "${name}".`,
  adjustmentCap: ({ name, cap }) => r` The total is capped at ${cap} ${pts(cap)} under "${name}".`,
  lostPoints: (items) =>
    join(
      "Points were lost on ",
      joinWith(
        items.map(
          ({ name, deducted, score, weight, reason }) =>
            r`${name}: ${deducted} ${pts(deducted)} deducted (${score} of ${weight} ${pts(weight)}) because ${reason}`,
        ),
        "; ",
      ),
      ".",
    ),
  application:
    "After this evaluation, the self-evaluation results will be published as required and open to public scrutiny.",
  scoreTable: {
    caption: "Annex: indicator scores of the overall expenditure evaluation",
    columns: {
      level1: "Level 1",
      level2: "Level 2",
      level3: "Indicator",
      weight: "Points",
      value: "Value",
      score: "Score",
      reason: "Reason for lost points",
    },
    subtotal: (name) => `Subtotal: ${name}`,
    total: "Total",
    grade: "Grade",
  },
  closingDate: (y, m, d) => `${d} ${MONTHS[m - 1] ?? String(m)} ${y}`,
  financeTable: {
    caption: (year) => r`Income and expenditure, ${year}`,
    columns: { item: "Item", amount: "Amount (10k CNY)", share: "Share", base: "Share of" },
    rows: {
      carryPrev: "Carried over from last year",
      income: "Income this year",
      fiscal: "of which: fiscal appropriations",
      expend: "Expenditure this year",
      basic: "Basic expenditure",
      personnel: "of which: personnel",
      publicCost: "public operating costs",
      project: "Project expenditure",
      carryEnd: "Carried forward at year end",
    },
    bases: { income: "income", expend: "expenditure", basic: "basic expenditure" },
  },
};
