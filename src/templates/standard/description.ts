/** The standard template (cn.perfeval.dept-overall 1.2.0) as a declarative description. */
import type { TemplateInfo } from "../../engine";
import { STANDARD_CHECKS } from "./checks";
import {
  ASSET_FIELDS,
  BASIC_FIELDS,
  EXECUTION_FIELDS,
  EXPEND_FIELDS,
  INCOME_FIELDS,
  PROCUREMENT_FIELDS,
  RESULT_FIELDS,
  RUBRIC_SETTING_FIELDS,
  SANGONG_FIELDS,
  STANDARD_FIELDS,
} from "./fields";
import { INSTRUCTION_LINES, INSTRUCTIONS_TITLE } from "./instructions";
import { STANDARD_GRADES, STANDARD_RUBRIC } from "./rubric";
import { STANDARD_TABLES } from "./tables";
import type { FieldSpec, SheetBlock, SheetSpec, TemplateDescription } from "../layout/types";

export const STANDARD_TEMPLATE_INFO: TemplateInfo = {
  id: "cn.perfeval.dept-overall",
  // 1.1: the 绩效目标 sheet (section 三 of the report) and the rubric's 情况说明 column; 重点工作 without 完成情况.
  version: "1.2.0",
  title: "部门整体支出绩效评价",
};

/** Sheet names of the standard template, in workbook order. */
export const STANDARD_SHEETS = {
  guide: "说明",
  basic: "基本情况",
  finance: "收支情况",
  goals: "绩效目标",
  tasks: "重点工作",
  satisfaction: "满意度",
  benefits: "效益",
  problems: "问题与措施",
  rubric: "指标体系",
  result: "评价结果",
  fields: "字段定义",
  checks: "校验规则",
  meta: "_meta",
} as const;

const names = (fields: readonly FieldSpec[]): readonly string[] => fields.map((f) => f.name);

// Sheet titles carry no 一、二、… numbering: the sheets follow the workbook's order, the report its own.
const SHEETS: readonly SheetSpec[] = [
  {
    name: STANDARD_SHEETS.guide,
    columnWidths: [76],
    blocks: [
      { kind: "title", text: INSTRUCTIONS_TITLE },
      ...INSTRUCTION_LINES.map((text): SheetBlock =>
        /^[一二三四五六七八九十]、/.test(text) ? { kind: "heading", text } : { kind: "text", text },
      ),
    ],
  },
  {
    name: STANDARD_SHEETS.basic,
    columnWidths: [24, 28, 24],
    blocks: [
      { kind: "title", text: "单位基本情况" },
      { kind: "fields", names: names(BASIC_FIELDS), header: true },
      { kind: "text", text: "下面三个表每行填一条；行数不够时在最后一行上方插入整行。" },
      { kind: "table", id: "duties" },
      { kind: "gap" },
      { kind: "table", id: "org" },
      { kind: "gap" },
      { kind: "table", id: "basis" },
    ],
  },
  {
    name: STANDARD_SHEETS.finance,
    columnWidths: [32, 12, 32],
    blocks: [
      { kind: "title", text: "收支情况（金额单位：万元）" },
      { kind: "heading", text: "（一）收入与预算" },
      { kind: "fields", names: names(INCOME_FIELDS), header: true },
      { kind: "heading", text: "（二）支出与结转结余" },
      { kind: "fields", names: names(EXPEND_FIELDS) },
      { kind: "heading", text: "（三）预算执行" },
      { kind: "fields", names: names(EXECUTION_FIELDS) },
      { kind: "heading", text: "（四）“三公”经费" },
      { kind: "fields", names: names(SANGONG_FIELDS) },
      { kind: "heading", text: "（五）政府采购与公务卡" },
      { kind: "fields", names: names(PROCUREMENT_FIELDS) },
      { kind: "heading", text: "（六）固定资产" },
      { kind: "fields", names: names(ASSET_FIELDS) },
      { kind: "gap" },
      { kind: "table", id: "sangong_reasons" },
    ],
  },
  {
    name: STANDARD_SHEETS.goals,
    columnWidths: [22, 56],
    repeatHeader: true,
    blocks: [
      { kind: "title", text: "年度绩效目标及完成情况" },
      {
        kind: "text",
        text: "每个年度绩效目标一行：目标写一句，完成情况写做了什么、做到什么程度。行数不够时在最后一行上方插入整行。",
      },
      { kind: "table", id: "goals" },
    ],
  },
  {
    name: STANDARD_SHEETS.tasks,
    columnWidths: [34, 6, 8, 60, 8],
    landscape: true,
    repeatHeader: true,
    blocks: [
      { kind: "title", text: "重点工作完成情况" },
      { kind: "text", text: "每项重点工作一行；分值合计等于“职责履行”的分值。行数不够时在最后一行上方插入整行。" },
      { kind: "table", id: "tasks" },
    ],
  },
  {
    name: STANDARD_SHEETS.satisfaction,
    columnWidths: [20, 10, 10, 10],
    repeatHeader: true,
    blocks: [
      { kind: "title", text: "社会公众或服务对象满意度" },
      { kind: "text", text: "每个调查对象一行，权重合计 100%。" },
      { kind: "table", id: "satisfaction" },
    ],
  },
  {
    name: STANDARD_SHEETS.benefits,
    columnWidths: [12, 80, 10],
    landscape: true,
    repeatHeader: true,
    blocks: [
      { kind: "title", text: "履职效益" },
      { kind: "text", text: "经济效益、社会效益每条一行。" },
      { kind: "table", id: "benefits" },
    ],
  },
  {
    name: STANDARD_SHEETS.problems,
    columnWidths: [76],
    blocks: [
      { kind: "title", text: "存在的问题和改进措施" },
      { kind: "table", id: "problems" },
      { kind: "gap" },
      { kind: "table", id: "measures" },
    ],
  },
  {
    name: STANDARD_SHEETS.rubric,
    // Printed sheets fit A4 without scaling (portrait ≤ 80 character widths, landscape ≤ 118; portrait sheets keep a few spare, measured in
    // LibreOffice without Calibri's metrics), so wrapped text is never scaled. In the order of RUBRIC_LAYOUT: 编号 一级 二级 三级 分值 评分标准 自评得分 扣分原因 指标值 得分 评分说明 |
    // 指标说明 (the bureau's wording) 情况说明 (the unit's, for the report) | 评分方法 评分参数 指标值公式 逐项展开 报告表述 (the bureau's settings); only the first 11 print.
    columnWidths: [5, 6, 8, 16, 5, 26, 6, 14, 8, 6, 18, 24, 40, 10, 30, 34, 10, 30],
    landscape: true,
    repeatHeader: true,
    freezeColumns: 4,
    printColumns: 11,
    blocks: [
      { kind: "title", text: "整体支出绩效评价指标体系" },
      {
        kind: "text",
        text: "蓝色为财政局设置的指标和评分方法；黄色“自评得分”“扣分原因”“情况说明”由单位填写（情况说明写入报告）；绿色由助手评分后填写。",
      },
      { kind: "structure", id: "rubric", blankRows: 6 },
      { kind: "gap" },
      { kind: "rubricTotal", weight: "result_rubric_weight", score: "result_rubric_score" },
      { kind: "gap" },
      { kind: "fields", names: names(RUBRIC_SETTING_FIELDS) },
      { kind: "structure", id: "grades" },
      { kind: "gap" },
      { kind: "structure", id: "adjustments", blankRows: 2 },
    ],
  },
  {
    name: STANDARD_SHEETS.result,
    columnWidths: [16, 24, 10, 10],
    blocks: [
      { kind: "title", text: "评价结果" },
      { kind: "fields", names: names(RESULT_FIELDS), header: true },
      { kind: "gap" },
      { kind: "table", id: "levels" },
    ],
  },
  {
    name: STANDARD_SHEETS.fields,
    // Configuration: hidden from the departments (and from the default print); a bureau unhides it to edit.
    hidden: true,
    columnWidths: [28, 30, 8, 6, 8, 8, 6, 24],
    landscape: true,
    repeatHeader: true,
    blocks: [
      { kind: "title", text: "字段定义" },
      { kind: "text", text: "每个单值单元格（定义名称）和每个表格列（表名.列名）的标签、类型和取值范围。" },
      { kind: "structure", id: "fields" },
    ],
  },
  {
    name: STANDARD_SHEETS.checks,
    hidden: true,
    columnWidths: [6, 24, 48, 8, 10, 6, 26],
    landscape: true,
    repeatHeader: true,
    blocks: [
      { kind: "title", text: "校验规则" },
      {
        kind: "text",
        text: "“=”在差额不超过容差时通过；超过容差时按“级别”提示，差额超过重大差额（如“1；0.5%”：1 万元与合计的 0.5% 取较大者；空白时金额等式按此默认，写“不限”则不设）时为错误，不能评分。有前提的规则只在前提成立时检查。",
      },
      { kind: "structure", id: "checks" },
    ],
  },
];

/** The blank standard template: no values, empty data tables, the default rubric. */
export function standardTemplateDescription(): TemplateDescription {
  return {
    info: STANDARD_TEMPLATE_INFO,
    sheets: SHEETS,
    fields: STANDARD_FIELDS,
    tables: STANDARD_TABLES,
    checks: STANDARD_CHECKS,
    rubric: STANDARD_RUBRIC,
    grades: STANDARD_GRADES,
    adjustments: [],
    values: { rubric_full_score: 100 },
  };
}
