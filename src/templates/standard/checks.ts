/** 校验规则 of the standard template: the identities and comparisons of docs/fields.md. */
import type { CheckSpec } from "../layout/types";

/**
 * Half a cent of the last digit of 万元 amounts given to 2 decimals: a gap within it is rounding. Beyond it, up
 * to 重大差额 (the larger of 1 万元 and 0.5 % of the total), the identity is a warning; beyond that, an error.
 */
export const AMOUNT_TOLERANCE = 0.005;

export const STANDARD_CHECKS: readonly CheckSpec[] = [
  {
    id: "C01",
    condition: "",
    rule: "expend_basic + expend_project = expend_total",
    tolerance: AMOUNT_TOLERANCE,
    materiality: "1；0.5%",
    severity: "warning",
    description: "基本支出 + 项目支出 = 本年支出合计",
  },
  {
    id: "C02",
    condition: "",
    rule: "expend_personnel + expend_public = expend_basic",
    tolerance: AMOUNT_TOLERANCE,
    materiality: "1；0.5%",
    severity: "warning",
    description: "人员经费 + 公用经费 = 基本支出",
  },
  {
    id: "C03",
    condition: "",
    rule: "carryover_prev + income_total - expend_total = carryover_end",
    tolerance: AMOUNT_TOLERANCE,
    materiality: "1；0.5%",
    severity: "warning",
    description: "上年结转 + 本年收入合计 − 本年支出合计 = 年末结转结余",
  },
  {
    id: "C04",
    condition: "",
    rule: "sangong_abroad + sangong_vehicle_purchase + sangong_vehicle_operation + sangong_reception + sangong_foreign_reception = sangong_total",
    tolerance: AMOUNT_TOLERANCE,
    materiality: "1；0.5%",
    severity: "warning",
    description: "“三公”经费各项之和 = “三公”经费本年支出合计",
  },
  {
    id: "C05",
    condition: "",
    rule: "income_fiscal <= income_total",
    tolerance: null,
    materiality: "",
    severity: "error",
    description: "财政拨款收入不能大于本年收入合计",
  },
  {
    id: "C06",
    condition: "",
    rule: "fixed_assets_in_use <= fixed_assets_total",
    tolerance: null,
    materiality: "",
    severity: "error",
    description: "在用固定资产不能大于固定资产总额",
  },
  {
    id: "C07",
    condition: "",
    rule: "project_funds_paid <= project_funds_due",
    tolerance: null,
    materiality: "",
    severity: "error",
    description: "项目资金已支付数不能大于应支付数",
  },
  {
    id: "C08",
    condition: "",
    rule: "unit_founded_year <= eval_year",
    tolerance: null,
    materiality: "",
    severity: "error",
    description: "成立年份不能晚于评价年度",
  },
  {
    id: "C09",
    condition: "",
    rule: "sum(satisfaction.weight) = 1",
    tolerance: 0.0001,
    materiality: "",
    severity: "warning",
    description: "满意度各调查对象的权重之和应为 100%",
  },
  {
    id: "C10",
    condition: "unit_founded_year = eval_year",
    rule: "blank(sangong_prev)",
    tolerance: null,
    materiality: "",
    severity: "warning",
    description: "新成立单位没有上年“三公”经费",
  },
];
