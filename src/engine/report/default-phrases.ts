/**
 * The default 报告表述 (report phrase template) of each standard indicator, worded after the seed
 * report (Wanzhou 2020). The standard template generator writes these into the rubric's 报告表述
 * column, so a bureau can reword them in the workbook; the report falls back to them when the cell is
 * blank. Syntax: see phrase-template.ts. The score sentence ("根据评分标准，本部门该项指标得X分") and
 * the deduction with its reason are appended by the report unless a phrase uses {score} / {reason}.
 *
 * Sentences state the figures; they never assert facts that no cell holds. Manually scored indicators have
 * no phrase of their own: their body is the unit's 情况说明 (a rubric column), else the score and the
 * deduction only — never the rubric's 「该指标考察……」.
 */

/** Default phrases keyed by the standard 三级指标 name (quotes normalised, see normalizeIndicatorName). */
export const DEFAULT_PHRASES: Readonly<Record<string, string>> = {
  财政供养人员控制率:
    "本部门{eval_year}年年末实际在职人员为{staff_actual}人，核定的编制人数为{staff_quota}人，财政供养人员控制率＝（在职人员数÷编制数）×100%＝（{staff_actual}÷{staff_quota}）×100%＝{value}。",
  "“三公”经费变动率":
    "“三公”经费预算数为{sangong_budget}万元，本年“三公”经费支出合计为{sangong_total}万元，{sangong_comparison}。{sangong_breakdown}。“三公”经费变动率＝（本年度“三公”经费支出－上年度“三公”经费支出）÷上年度“三公”经费支出×100%＝（{sangong_total}－{sangong_prev}）÷{sangong_prev}×100%＝{value}。",
  预算调整率:
    "本部门{eval_year}年收入{income_total}万元，支出{expend_total}万元；年初预算数为{budget_initial}万元，调整后全年预算数为{budget_final}万元，预算调整率＝｜全年预算数－年初预算数｜÷年初预算数×100%＝｜{budget_final}－{budget_initial}｜÷{budget_initial}×100%＝{value}。",
  支付进度:
    "本部门项目资金应支付{project_funds_due}万元，已支付{project_funds_paid}万元，支付进度＝（已支付数÷应支付数）×100%＝（{project_funds_paid}÷{project_funds_due}）×100%＝{value}。",
  指标或资金收回:
    "[!funds_recalled_count: 本部门{eval_year}年无指标或资金被收回。][?funds_recalled_count: 本部门{eval_year}年被收回指标或资金{funds_recalled_count}次。]",
  "“三公”经费控制率":
    "本部门{eval_year}年度“三公”经费预算数为{sangong_budget}万元，与预算同口径的“三公”经费实际支出为{sangong_actual_budget_scope}万元（“三公”经费本年支出合计{sangong_total}万元），“三公”经费控制率＝（实际支出÷预算数）×100%＝（{sangong_actual_budget_scope}÷{sangong_budget}）×100%＝{value}。",
  政府采购执行率:
    "[!procurement_budget: 本部门{eval_year}年无政府采购预算[?procurement_actual: ，实际政府采购金额为{procurement_actual}万元]，该指标不适用。][?procurement_budget: 本部门政府采购预算数为{procurement_budget}万元，实际政府采购金额为{procurement_actual}万元，政府采购执行率＝（实际政府采购金额÷政府采购预算数）×100%＝（{procurement_actual}÷{procurement_budget}）×100%＝{value}。]",
  公务卡刷卡率:
    "本部门公务卡结算金额为{card_settlement}万元，现金结算金额为{cash_settlement}万元，公务卡刷卡率＝公务卡结算金额÷（公务卡结算金额＋现金结算金额）×100%＝{card_settlement}÷（{card_settlement}＋{cash_settlement}）×100%＝{value}。",
  固定资产利用率:
    "本部门{eval_year}年固定资产总额为{fixed_assets_total}万元，实际在用固定资产总额为{fixed_assets_in_use}万元，固定资产利用率＝（实际在用固定资产总额÷所有固定资产总额）×100%＝（{fixed_assets_in_use}÷{fixed_assets_total}）×100%＝{value}。",
  经济效益: "{benefit_list}",
  社会效益: "{benefit_list}",
  社会公众或服务对象满意度:
    "本次绩效自评共调查问卷{sum:satisfaction.count}份（[satisfaction:{group}{count}份]），满意度分别为：[satisfaction:{group}{rate}]，社会公众或服务对象综合满意度＝（[satisfaction|＋:{group}满意度×{weight}]）＝[satisfaction|＋:{rate}×{weight}]＝{value}。",
};

/** Default phrase of an indicator expanded over a table (one indicator per row), keyed by table id. */
export const DEFAULT_EXPAND_PHRASES: Readonly<Record<string, string>> = {
  tasks: "全年工作完成情况为{tasks.completion}。",
};

/** Indicator names compared without spaces and with every kind of double quote made “…”. */
/**
 * The standard rubric's 编号 → its 三级指标 name: a default phrase is found by the indicator's code too, so a
 * bureau that renames an indicator (财政供养人员控制率 → 在职人员控制率) keeps its sentence. build-indicator.ts
 * takes the code's phrase only when it speaks of the row's own figures (a renumbered rubric does not borrow one).
 */
export const STANDARD_CODES: Readonly<Record<string, string>> = {
  "1.1.1": "财政供养人员控制率",
  "1.1.2": "“三公”经费变动率",
  "2.1.1": "预算调整率",
  "2.1.2": "支付进度",
  "2.1.3": "指标或资金收回",
  "2.1.4": "“三公”经费控制率",
  "2.2.4": "政府采购执行率",
  "2.2.5": "公务卡刷卡率",
  "2.3.3": "固定资产利用率",
  "4.1.3": "社会公众或服务对象满意度",
};

export function normalizeIndicatorName(name: string): string {
  let open = true;
  return name.replace(/\s+/g, "").replace(/["＂“”]/g, () => {
    const q = open ? "“" : "”";
    open = !open;
    return q;
  });
}

/**
 * The seed-like default 报告表述 for a standard indicator name ("“三公”经费变动率" and
 * "\"三公\"经费变动率" are the same), or undefined for a name the standard rubric does not have.
 */
export function defaultIndicatorPhrase(indicatorName: string): string | undefined {
  return DEFAULT_PHRASES[normalizeIndicatorName(indicatorName)];
}

/** The default 报告表述 for a rubric row expanded over a table (e.g. "tasks"), or undefined. */
export function defaultExpandPhrase(tableId: string): string | undefined {
  return DEFAULT_EXPAND_PHRASES[tableId];
}
