/**
 * The default rubric of the standard template (docs/standard-rubric.md): the seed's indicator
 * system with value formulas and rules in the syntax of docs/template-format.md. A bureau edits it in
 * the workbook; nothing here is read by the scoring code. 评分参数 are written with their Chinese keys (限值、方向、
 * 每点扣分 …), as a bureau reads and types them; the engine reads the English keys (limit, dir …) the same.
 */
import type { GradeSpec, RubricRowSpec, RuleKindId } from "../layout/types";

/** 评分方法: the Chinese names written into the sheet (the engine accepts these or the ids). */
export const RULE_KIND_NAMES = {
  threshold: "达标",
  deduct_per_point: "超限扣分",
  step_per_block: "分段扣分",
  bands: "分档",
  proportional: "按比例",
  checklist: "逐项扣分",
  per_event: "按次扣分",
  manual: "人工评分",
} as const satisfies Record<RuleKindId, string>;

const BLANK = {
  level1: "",
  level2: "",
  level3: "",
  formula: "",
  kind: "",
  params: "",
  expand: "",
  manualScore: null,
  manualReason: "",
  description: "",
} as const;

function l1(id: string, name: string, weight: number): RubricRowSpec {
  return { ...BLANK, id, level1: name, weight };
}

function l2(id: string, name: string, weight: number): RubricRowSpec {
  return { ...BLANK, id, level2: name, weight };
}

function leaf(
  id: string,
  name: string,
  weight: number,
  formula: string,
  kind: RuleKindId,
  params: string,
  description: string,
): RubricRowSpec {
  return { ...BLANK, id, level3: name, weight, formula, kind, params, description };
}

function manual(id: string, name: string, weight: number, description: string): RubricRowSpec {
  return leaf(id, name, weight, "", "manual", "步长=0.5", description);
}

export const STANDARD_RUBRIC: readonly RubricRowSpec[] = [
  l1("1", "投入", 5),
  l2("1.1", "预算配置", 5),
  leaf(
    "1.1.1",
    "财政供养人员控制率",
    2,
    "ratio(staff_actual, staff_quota)",
    "deduct_per_point",
    "限值=100%；方向=高于；每点扣分=0.2",
    "在职人数 ÷ 编制数；不超过 100% 得满分，每超过 1 个百分点扣 0.2 分，扣完为止",
  ),
  leaf(
    "1.1.2",
    "“三公”经费变动率",
    3,
    "change(sangong_total, sangong_prev)",
    "deduct_per_point",
    "限值=0；方向=高于；每点扣分=0.3；无法计算时=100%",
    "（本年“三公”经费 − 上年）÷ 上年；不增长得满分，每增长 1 个百分点扣 0.3 分，扣完为止；无上年数（新成立单位）或上年为 0 时不适用，得满分",
  ),
  l1("2", "过程", 25),
  l2("2.1", "预算执行", 10),
  leaf(
    "2.1.1",
    "预算调整率",
    2,
    "abs(change(budget_final, budget_initial))",
    "bands",
    "<=0: 100%；(0,10%]: 80%；(10%,20%]: 50%；(20%,30%]: 20%；>30%: 0",
    "|全年预算数 − 年初预算数| ÷ 年初预算数；未调整得满分，调整越多得分越低",
  ),
  leaf(
    "2.1.2",
    "支付进度",
    3,
    "ratio(project_funds_paid, project_funds_due)",
    "proportional",
    "目标值=100%",
    "项目资金已支付数 ÷ 应支付数 × 分值；没有应支付的项目资金时得满分",
  ),
  leaf(
    "2.1.3",
    "指标或资金收回",
    3,
    "funds_recalled_count",
    "per_event",
    "每次扣分=1",
    "每被收回一次扣 1 分，扣完为止",
  ),
  leaf(
    "2.1.4",
    "“三公”经费控制率",
    2,
    "ratio(sangong_actual_budget_scope, sangong_budget)",
    "deduct_per_point",
    "限值=100%；方向=高于；每点扣分=0.2",
    "“三公”经费实际支出（与预算同口径）÷ 预算数；不超过 100% 得满分，每超过 1 个百分点扣 0.2 分；无预算且无支出时得满分",
  ),
  l2("2.2", "预算管理", 10),
  manual("2.2.1", "管理制度健全性", 1.5, "内部财务管理制度是否健全并有效执行"),
  manual("2.2.2", "资金使用合规性", 2, "资金使用是否符合财经法规和预算批复用途"),
  manual("2.2.3", "预决算信息公开性和完善性", 2.5, "预决算信息是否按要求公开，基础数据是否真实完整"),
  leaf(
    "2.2.4",
    "政府采购执行率",
    2,
    "ratio(procurement_actual, procurement_budget)",
    "proportional",
    "目标值=100%；无法计算时=100%",
    "政府采购实际金额 ÷ 预算数 × 分值；没有政府采购预算时不适用，得满分",
  ),
  leaf(
    "2.2.5",
    "公务卡刷卡率",
    2,
    "ratio(card_settlement, card_settlement + cash_settlement)",
    "proportional",
    "目标值=50%",
    "公务卡结算金额 ÷（公务卡 + 现金结算金额）；达到 50% 得满分，不足按比例得分",
  ),
  l2("2.3", "资产管理", 5),
  manual("2.3.1", "资产管理制度健全性", 2, "资产管理制度是否健全并有效执行"),
  manual("2.3.2", "资产管理安全性", 2, "资产是否保存完整、使用合规、账实相符"),
  leaf(
    "2.3.3",
    "固定资产利用率",
    1,
    "ratio(fixed_assets_in_use, fixed_assets_total)",
    "proportional",
    "目标值=100%",
    "在用固定资产 ÷ 固定资产总额 × 分值；没有固定资产时得满分",
  ),
  l1("3", "产出", 50),
  l2("3.1", "职责履行", 50),
  {
    ...leaf(
      "3.1.1",
      "重点工作完成情况",
      50,
      "tasks.completion",
      "proportional",
      "目标值=100%",
      "按“重点工作”表逐项评分：每项任务得分 = 分值 × 完成率",
    ),
    expand: "tasks",
  },
  l1("4", "效果", 20),
  l2("4.1", "履职效益", 20),
  manual("4.1.1", "经济效益", 7, "履职产生的经济效益（见“效益”表）"),
  manual("4.1.2", "社会效益", 8, "履职产生的社会效益（见“效益”表）"),
  leaf(
    "4.1.3",
    "社会公众或服务对象满意度",
    5,
    "weighted(satisfaction.rate, satisfaction.weight)",
    "bands",
    ">=90%: 100%；[80%,90%): 80%；[60%,80%): 60%；<60%: 0",
    "各调查对象满意度按权重加权；90% 以上得满分",
  ),
];

/** 财预〔2020〕10号 grade bands, compared on the unrounded total. */
export const STANDARD_GRADES: readonly GradeSpec[] = [
  { grade: "优", min: 90 },
  { grade: "良", min: 80 },
  { grade: "中", min: 60 },
  { grade: "差", min: 0 },
];
