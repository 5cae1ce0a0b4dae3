/** The small template most engine tests start from (fields of several types, one table, checks, rubric, grades). */
import type { FieldRow, MiniTemplate } from "./builders";

export const MINI_FIELDS: readonly FieldRow[] = [
  { name: "unit_name", label: "单位名称", type: "文本", required: "是" },
  { name: "eval_year", label: "评价年度", type: "年份", required: "是" },
  { name: "staff_quota", label: "编制数（人）", type: "整数", required: "是", min: 0 },
  { name: "expend_basic", label: "基本支出", type: "金额", required: "是", min: 0 },
  { name: "expend_project", label: "项目支出", type: "金额", required: "是", min: 0 },
  { name: "expend_total", label: "本年支出合计", type: "金额", required: "是", min: 0 },
  { name: "card_rate", label: "公务卡刷卡率", type: "比率", required: "否", min: 0, max: 1 },
  { name: "is_new", label: "是否新成立", type: "是否", required: "否" },
  { name: "result_total", label: "总分", type: "数值", direction: "输出" },
  { name: "tasks.name", label: "任务名称", type: "文本", required: "是" },
  { name: "tasks.weight", label: "分值", type: "数值", required: "是", min: 0 },
  { name: "tasks.completion", label: "完成率", type: "比率", required: "是", min: 0, max: 1 },
  { name: "tasks.score", label: "得分", type: "数值", direction: "输出" },
];

export const MINI: MiniTemplate = {
  fields: MINI_FIELDS,
  values: {
    unit_name: "万州区外事办",
    eval_year: 2020,
    staff_quota: 7,
    expend_basic: 166.03,
    expend_project: 60.72,
    expend_total: 226.75,
    card_rate: 0.5,
    is_new: "否",
  },
  tables: {
    tasks: [
      ["外事接待", 6, 1, null],
      ["因公出国管理", 8, 0.5, null],
    ],
  },
  checks: [
    ["C01", null, "expend_basic + expend_project = expend_total", 0.005, "警告", "基本支出 + 项目支出 = 本年支出合计"],
  ],
};
