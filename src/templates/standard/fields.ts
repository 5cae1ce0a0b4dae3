/**
 * The single-value fields of the standard template: exactly the names and labels of
 * docs/fields.md (a public interface — never renamed), plus the result outputs.
 */
import type { FieldType } from "../../engine";
import type { FieldSpec } from "../layout/types";

type Req = "required" | "optional";

function field(
  name: string,
  label: string,
  type: FieldType,
  req: Req,
  min: number | null,
  max: number | null,
  note: string,
): FieldSpec {
  return { name, label, type, required: req === "required", min, max, output: false, note };
}

function amount(name: string, label: string, req: Req = "required", note = "万元"): FieldSpec {
  return field(name, label, "amount", req, 0, null, note);
}

/** 基本情况: the unit and its staff. */
export const BASIC_FIELDS: readonly FieldSpec[] = [
  field("unit_name", "单位名称", "text", "required", null, null, "与公章名称一致"),
  field("eval_year", "评价年度", "integer", "required", 2000, 2100, "如 2020"),
  field("unit_founded_year", "成立年份", "integer", "optional", 1900, 2100, "可不填；本年新成立的单位填本年"),
  field("staff_quota", "编制数（人）", "integer", "required", 0, null, "人"),
  field("staff_actual", "年末实有在职人数（人）", "integer", "required", 0, null, "人"),
];

/** 收支情况: every amount, grouped as in the sheet. */
export const INCOME_FIELDS: readonly FieldSpec[] = [
  amount("carryover_prev", "上年结转"),
  amount("income_total", "本年收入合计"),
  amount("income_fiscal", "其中：财政拨款收入", "required", "万元，不大于本年收入合计"),
  amount("budget_initial", "年初预算数"),
  amount("budget_final", "全年预算数（调整后）"),
];

export const EXPEND_FIELDS: readonly FieldSpec[] = [
  amount("expend_total", "本年支出合计", "required", "万元，= 基本支出 + 项目支出"),
  amount("expend_basic", "基本支出", "required", "万元，= 人员经费 + 公用经费"),
  amount("expend_personnel", "其中：人员经费"),
  amount("expend_public", "其中：公用经费"),
  amount("expend_project", "项目支出"),
  amount("carryover_end", "年末结转结余", "required", "万元，= 上年结转 + 本年收入 − 本年支出"),
  field(
    "expend_main_use",
    "本年支出主要用于",
    "text",
    "optional",
    null,
    null,
    "报告写作“部门整体支出……万元，主要用于……”；如：人员基本支出及××等职能职责方面支出",
  ),
];

export const EXECUTION_FIELDS: readonly FieldSpec[] = [
  amount("project_funds_due", "项目资金应支付数"),
  amount("project_funds_paid", "项目资金已支付数", "required", "万元，不大于应支付数"),
  field("funds_recalled_count", "被收回指标或资金（次）", "integer", "required", 0, null, "次；没有填 0"),
];

export const SANGONG_FIELDS: readonly FieldSpec[] = [
  amount("sangong_budget", "“三公”经费预算数"),
  field(
    "sangong_budget_scope",
    "“三公”经费预算口径说明",
    "text",
    "optional",
    null,
    null,
    "预算未包含的项目，如：外事接待和因公出国（境）费用未纳入",
  ),
  amount("sangong_actual_budget_scope", "“三公”经费实际支出（与预算同口径）", "required", "万元，只算预算包含的项目"),
  amount("sangong_total", "“三公”经费本年支出合计", "required", "万元，= 下列五项之和"),
  amount("sangong_prev", "“三公”经费上年支出合计", "optional", "万元；本年新成立的单位不填"),
  amount("sangong_abroad", "其中：因公出国（境）费", "optional"),
  amount("sangong_vehicle_purchase", "其中：公务用车购置费", "optional"),
  amount("sangong_vehicle_operation", "其中：公务用车运行维护费", "optional"),
  amount("sangong_reception", "其中：公务接待费", "optional"),
  amount("sangong_foreign_reception", "其中：外事接待费", "optional"),
];

export const PROCUREMENT_FIELDS: readonly FieldSpec[] = [
  amount("procurement_budget", "政府采购预算数", "required", "万元；没有政府采购预算填 0"),
  amount("procurement_actual", "政府采购实际金额"),
  amount("card_settlement", "公务卡结算金额"),
  amount("cash_settlement", "现金结算金额（公务卡强制结算目录内）"),
];

export const ASSET_FIELDS: readonly FieldSpec[] = [
  amount("fixed_assets_total", "固定资产总额"),
  amount("fixed_assets_in_use", "在用固定资产总额", "required", "万元，不大于固定资产总额"),
];

/** 评价结果: written by the engine only. */
export const RESULT_FIELDS: readonly FieldSpec[] = [
  { ...field("result_total", "总得分", "number", "optional", null, null, "评分后自动填写"), output: true },
  { ...field("result_grade", "评价等级", "text", "optional", null, null, "优/良/中/差"), output: true },
  {
    ...field("result_raw_total", "调整前得分", "number", "optional", null, null, "总分调整（封顶、扣减）前的得分"),
    output: true,
  },
  { ...field("result_scored_at", "评分时间", "text", "optional", null, null, "最近一次评分的时间"), output: true },
];

/** Every input field of fields.md, in the order of fields.md. */
export const INPUT_FIELDS: readonly FieldSpec[] = [
  ...BASIC_FIELDS,
  ...INCOME_FIELDS,
  ...EXPEND_FIELDS,
  ...EXECUTION_FIELDS,
  ...SANGONG_FIELDS,
  ...PROCUREMENT_FIELDS,
  ...ASSET_FIELDS,
];

/** The 合计 row under 指标体系's rubric: the level-1 weights and scores added up (before adjustments). */
export const RUBRIC_TOTAL_FIELDS: readonly FieldSpec[] = [
  { ...field("result_rubric_weight", "分值合计", "number", "optional", null, null, "一级指标分值之和"), output: true },
  {
    ...field("result_rubric_score", "得分合计", "number", "optional", null, null, "一级指标得分之和（调整前）"),
    output: true,
  },
];

/** The bureau's 满分 above the grades: the level-1 weights must add up to it, and no grade may need more. */
export const RUBRIC_SETTING_FIELDS: readonly FieldSpec[] = [
  {
    ...field("rubric_full_score", "满分", "number", "optional", 1, null, "一级指标分值合计应等于满分；等级按满分设定"),
    config: true,
  },
];

/** All single-value fields of the standard template. */
export const STANDARD_FIELDS: readonly FieldSpec[] = [
  ...INPUT_FIELDS,
  ...RESULT_FIELDS,
  ...RUBRIC_TOTAL_FIELDS,
  ...RUBRIC_SETTING_FIELDS,
];
