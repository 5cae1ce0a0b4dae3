/** The single-value fields of docs/fields.md and its consistency identities, as a test template. */
import type { FieldRow, MiniTemplate } from "../../fixtures";
import seedJson from "../../../assets/examples/wanzhou-2020.json";

const amount = (name: string, label: string, required = true): FieldRow => ({
  name,
  label,
  type: "金额",
  required: required ? "是" : "否",
  min: 0,
});

export const FIELDS_MD: readonly FieldRow[] = [
  { name: "unit_name", label: "单位名称", type: "文本", required: "是" },
  { name: "eval_year", label: "评价年度", type: "整数", required: "是", min: 2000, max: 2100 },
  { name: "unit_founded_year", label: "成立年份", type: "整数", required: "否" },
  { name: "staff_quota", label: "编制数（人）", type: "整数", required: "是", min: 0 },
  { name: "staff_actual", label: "年末实有在职人数（人）", type: "整数", required: "是", min: 0 },
  amount("carryover_prev", "上年结转"),
  amount("income_total", "本年收入合计"),
  amount("income_fiscal", "其中：财政拨款收入"),
  amount("budget_initial", "年初预算数"),
  amount("budget_final", "全年预算数（调整后）"),
  amount("expend_total", "本年支出合计"),
  amount("expend_basic", "基本支出"),
  amount("expend_personnel", "其中：人员经费"),
  amount("expend_public", "其中：公用经费"),
  amount("expend_project", "项目支出"),
  amount("carryover_end", "年末结转结余"),
  amount("project_funds_due", "项目资金应支付数"),
  amount("project_funds_paid", "项目资金已支付数"),
  { name: "funds_recalled_count", label: "被收回指标或资金（次）", type: "整数", required: "是", min: 0 },
  amount("sangong_budget", "“三公”经费预算数"),
  amount("sangong_actual_budget_scope", "“三公”经费实际支出（与预算同口径）"),
  amount("sangong_total", "“三公”经费本年支出合计"),
  amount("sangong_prev", "“三公”经费上年支出合计", false),
  amount("sangong_abroad", "其中：因公出国（境）费", false),
  amount("sangong_vehicle_purchase", "其中：公务用车购置费", false),
  amount("sangong_vehicle_operation", "其中：公务用车运行维护费", false),
  amount("sangong_reception", "其中：公务接待费", false),
  amount("sangong_foreign_reception", "其中：外事接待费", false),
  amount("procurement_budget", "政府采购预算数"),
  amount("procurement_actual", "政府采购实际金额"),
  amount("card_settlement", "公务卡结算金额"),
  amount("cash_settlement", "现金结算金额（公务卡强制结算目录内）"),
  amount("fixed_assets_total", "固定资产总额"),
  amount("fixed_assets_in_use", "在用固定资产总额"),
];

/** The identities of fields.md (tolerance 0.005 万元) as 校验规则 rows. */
export const FIELDS_MD_CHECKS: readonly (readonly (string | number | null)[])[] = [
  ["C01", null, "expend_basic + expend_project = expend_total", 0.005, "警告", "基本支出 + 项目支出 = 本年支出合计"],
  ["C02", null, "expend_personnel + expend_public = expend_basic", 0.005, "警告", "人员经费 + 公用经费 = 基本支出"],
  [
    "C03",
    null,
    "carryover_prev + income_total − expend_total = carryover_end",
    0.005,
    "警告",
    "上年结转 + 本年收入 − 本年支出 = 年末结转结余",
  ],
  [
    "C04",
    null,
    "sangong_abroad + sangong_vehicle_purchase + sangong_vehicle_operation + sangong_reception + sangong_foreign_reception = sangong_total",
    0.005,
    "警告",
    "“三公”经费各项之和 = 合计",
  ],
  ["C05", null, "project_funds_paid <= project_funds_due", null, "警告", "已支付数不超过应支付数"],
  ["C06", null, "income_fiscal <= income_total", null, "错误", "财政拨款收入不超过收入合计"],
  ["C07", "unit_founded_year = eval_year", "blank(sangong_prev)", null, "警告", "新成立单位没有上年“三公”经费"],
  ["C08", null, "fixed_assets_in_use ≤ fixed_assets_total", null, "警告", "在用固定资产不超过固定资产总额"],
  ["C09", null, "unit_founded_year <= eval_year", null, "错误", "成立年份不晚于评价年度"],
];

/** The figures of the seed report (assets/examples/wanzhou-2020.json "inputs"). */
export const WANZHOU_2020: Readonly<Record<string, string | number>> = seedJson.inputs;

export const FIELDS_MD_TEMPLATE: MiniTemplate = {
  fields: FIELDS_MD,
  values: WANZHOU_2020,
  checks: FIELDS_MD_CHECKS,
};
