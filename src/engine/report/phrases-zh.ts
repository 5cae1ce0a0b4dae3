/** All Chinese wording of the report, after the seed report (Wanzhou 2020). */
import { DEFAULT_EXPAND_PHRASES, DEFAULT_PHRASES } from "./default-phrases";
import type { ReportPhrases } from "./phrases";
import { whyText } from "./phrases";
import { join, joinWith, r } from "./runs";
import type { Run } from "./tree";

const CN_DIGITS: readonly string[] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (section numbers stay below 100). */
export function chineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n]!;
  if (n < 20) return `十${n % 10 === 0 ? "" : CN_DIGITS[n % 10]!}`;
  if (n < 100) return `${CN_DIGITS[Math.floor(n / 10)]!}十${n % 10 === 0 ? "" : CN_DIGITS[n % 10]!}`;
  return String(n);
}

const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";

// The engine's reasons for a value that does not apply (FormulaValue "why"), in words.
const WHY_ZH: Readonly<Record<string, string>> = {
  zero_denominator: "分母为0",
  blank_input: "缺少数据",
  empty_table: "表中没有数据",
  nonzero_over_zero: "分母为0而分子不为0",
};

// The seed's citation: "根据《A》（…号）的要求，按《B》（…号）文件精神，"; further documents join B with "、".
function basisZh(docs: readonly (readonly Run[])[]): Run[] {
  const [first, ...rest] = docs;
  if (!first) return [];
  return rest.length === 0 ? r`根据${first}的要求，` : r`根据${first}的要求，按${joinWith(rest, "、")}文件精神，`;
}

export const PHRASES_ZH: ReportPhrases = {
  lang: "zh-CN",
  missing: (item) => `【待补充：${item}】`,
  none: "无",
  isZero: (label) => `${label}为0`,
  notApplicable: (why) => (whyText(WHY_ZH, why) ? `不适用（${whyText(WHY_ZH, why)}）` : "不适用"),
  valueUndefined: (why) => (whyText(WHY_ZH, why) ? `无法计算（${whyText(WHY_ZH, why)}）` : "无法计算"),
  yes: "是",
  no: "否",
  listSep: "、",
  clauseSep: "；",
  sentenceSep: "",
  period: "。",
  numbering: (depth, index) => {
    const n = index + 1;
    if (depth === 1) return `${chineseNumber(n)}、`;
    if (depth === 2) return `（${chineseNumber(n)}）`;
    if (depth === 3) return `${n}.`;
    return `（${n}）`;
  },
  inlineTitleSep: "。",
  circled: (i) => CIRCLED[i] ?? `(${i + 1})`,

  reportTitle: ({ year }) => r`${year}年部门整体支出绩效评价报告`,
  intro: ({ year, total, grade, basis }) =>
    // The title block names the unit; the paragraph speaks as the seed's 我办 does, as 本部门 throughout.
    r`为深入推进预算绩效管理改革，规范部门财政支出，强化部门履职职能，切实提高财政资金使用效益，本部门${basisZh(basis)}对${year}年度部门预算整体支出绩效进行了全面综合评价。整体支出分基本支出和项目支出两部分，基本支出的评价重点是厉行节约保运转，降低行政运行成本；项目支出的评价重点是规范管理促发展，做到专款专用，提高资金使用效益。经相关业务科室全面综合评价，本部门${year}年部门整体支出绩效自评为${total}分，评价等次为“${grade}”。现将自评情况报告如下：`,
  headings: {
    basic: "单位基本情况",
    duties: "职能职责",
    org: "机构设置",
    staff: "人员编制情况",
    overall: "整体绩效完成情况",
    spending: "整体支出管理和使用基本情况",
    general: "总体情况",
    income: "收入情况",
    expenditure: "支出情况",
    carryover: "结转结余情况",
    sangong: "“三公”经费预算及执行情况",
    targets: "整体支出绩效目标及完成情况",
    evaluation: "整体支出绩效评价",
    conclusion: "绩效评价结论",
    problems: "存在的问题",
    measures: "改进措施",
    application: "绩效自评结果拟应用和公开情况",
  },
  staff: ({ quota, actual }) => r`本部门编制数为${quota}人，年末实有在职人数为${actual}人。`,
  spendingLead: ({ year, total, mainUse }) =>
    mainUse
      ? r`本部门${year}年度部门整体支出${total}万元，主要用于${mainUse}。`
      : r`本部门${year}年度部门整体支出${total}万元。`,
  general: ({ year, carryPrev, income, expend, carryEnd }) =>
    r`${year}年度收入支出总体情况：上年结转${carryPrev}万元，本年收入${income}万元，本年支出${expend}万元，年末结转结余${carryEnd}万元。`,
  income: ({ year, income, fiscal, fiscalShare }) =>
    r`${year}年度本年收入合计${income}万元，其中：财政拨款收入${fiscal}万元，占本年收入${fiscalShare}。`,
  expenditure: (p) =>
    r`${p.year}年度本年支出合计${p.total}万元，其中：基本支出${p.basic}万元，占总支出${p.basicShare}（人员经费${p.personnel}万元，占基本支出${p.personnelShare}；公用经费${p.publicCost}万元，占基本支出${p.publicShare}）；项目支出${p.project}万元，占总支出${p.projectShare}。`,
  carryover: ({ year, carryEnd, share }) => r`${year}年度年末结转结余${carryEnd}万元，占总支出${share}。`,
  sangongBudget: ({ budget, scope, actualScope, total }) =>
    scope
      ? r`“三公”经费预算数为${budget}万元（${scope}），与预算同口径的实际支出为${actualScope}万元。本年“三公”经费支出合计为${total}万元，`
      : r`“三公”经费预算数为${budget}万元，与预算同口径的实际支出为${actualScope}万元。本年“三公”经费支出合计为${total}万元，`,
  sangongDecrease: ({ amount, rate }) => r`与上年相比减少${amount}万元，减幅${rate}`,
  sangongIncrease: ({ amount, rate }) => r`与上年相比增加${amount}万元，增幅${rate}`,
  sangongSame: "与上年持平",
  sangongNoPrior: "无上年“三公”经费支出数据，不与上年对比",
  sangongPriorZero: ({ amount }) => r`与上年相比增加${amount}万元（上年为0，不计算增幅）`,
  sangongPartLabels: {
    sangong_abroad: "因公出国（境）费",
    sangong_vehicle_purchase: "公务用车购置费",
    sangong_vehicle_operation: "公务用车运行维护费",
    sangong_reception: "公务接待费",
    sangong_foreign_reception: "外事接待费",
  },
  sangongBreakdown: (parts) =>
    join(
      "其中：",
      joinWith(
        parts.map((p) => r`${p.label}${p.amount}万元`),
        "，",
      ),
    ),
  sangongAllZero: "其中各项支出均为0",
  sangongReasons: (items, direction) =>
    join(
      { down: "减少原因主要是：", up: "增加原因主要是：", same: "原因主要是：" }[direction],
      joinWith(
        items.map((it, i) => r`${chineseNumber(i + 1)}是${it}`),
        "；",
      ),
      "。",
    ),

  levelTitle: ({ name, weight }) => r`${name}（${weight}分）`,
  indicatorTitle: ({ name, weight }) => r`${name}（${weight}分）`,
  scoreSentence: ({ score }) => r`根据评分标准，本部门该项指标得${score}分`,
  deduction: ({ deducted, reason }) => r`，扣${deducted}分，扣分原因：${reason}`,
  deductionStated: ({ deducted }) => r`，扣${deducted}分`,
  // The 指标说明 as a sentence of its own (ended with 。, never run into the formula), then the figures.
  // …then the 评分标准 its rule generates, so the report cannot quote a rule the scoring does not apply.
  genericIndicator: ({ description, formula, figures, value, criterion }) =>
    join(
      description.trim() ? join(description.trim().replace(/[。；;，,、\s]*$/, ""), "。") : "",
      formula && value ? join("该指标值＝", formula, figures ? join("＝", figures) : "", "＝", value, "。") : "",
      criterion.trim() ? join("评分标准：", criterion.trim(), "。") : "",
    ),
  indicatorPhrases: DEFAULT_PHRASES,
  expandPhrases: DEFAULT_EXPAND_PHRASES,
  benefitList: ({ done, notDone }) =>
    join(
      done.length > 0
        ? join(
            joinWith(
              done.map((d, i) => join(CIRCLED[i] ?? `(${i + 1})`, d)),
              "；",
            ),
            "。",
          )
        : "",
      notDone.length > 0 ? join("未完成：", joinWith(notDone, "；"), "。") : "",
    ),

  conclusion: ({ year, levels, total, grade }) =>
    join(
      r`根据评价指标体系测算，本部门${year}年度部门整体支出绩效评价得分是：`,
      joinWith(
        levels.map((l) => r`${l.name}绩效为${l.score}分`),
        "，",
      ),
      r`，总绩效为${total}分。评价结果等次为“${grade}”。`,
    ),
  adjustmentPenalty: ({ name, points }) => r`按“${name}”扣减总分${points}分。`,
  adjustmentCap: ({ name, cap }) => r`按“${name}”总分封顶为${cap}分。`,
  lostPoints: (items) =>
    join(
      "部分指标失分：",
      joinWith(
        items.map(
          ({ name, deducted, score, weight, reason }) =>
            r`${name}扣${deducted}分（满分${weight}分，得${score}分），原因是${reason}`,
        ),
        "；",
      ),
      "。",
    ),
  application: "本绩效评价完成后，绩效自评结果将按相关要求进行信息公开，接受社会监督。",
  scoreTable: {
    caption: "附表：部门整体支出绩效评价指标得分表",
    columns: {
      level1: "一级指标",
      level2: "二级指标",
      level3: "三级指标",
      weight: "分值",
      value: "指标值",
      score: "得分",
      reason: "扣分原因",
    },
    subtotal: (name) => `${name}小计`,
    total: "总分",
    grade: "评价等次",
  },
  closingDate: (y, m, d) => `${y}年${m}月${d}日`,
  financeTable: {
    caption: (year) => r`${year}年度收支情况表`,
    columns: { item: "项目", amount: "金额（万元）", share: "占比", base: "占比口径" },
    rows: {
      carryPrev: "上年结转",
      income: "本年收入合计",
      fiscal: "其中：财政拨款收入",
      expend: "本年支出合计",
      basic: "基本支出",
      personnel: "其中：人员经费",
      publicCost: "公用经费",
      project: "项目支出",
      carryEnd: "年末结转结余",
    },
    bases: { income: "本年收入", expend: "本年支出", basic: "基本支出" },
  },
};
