/**
 * The fixed Chinese labels of the template format (docs/template-format.md), in one place so the
 * reader, the validator and the standard template generator agree on every header text.
 * Only structural labels live here: nothing about a particular template family's fields.
 */
import type { FieldType } from "./types";

/** Header labels of 字段定义 (`tbl_fields`), keyed by column key. */
export const FIELD_COLUMNS = {
  name: "名称",
  label: "标签",
  type: "类型",
  required: "必填",
  min: "最小值",
  max: "最大值",
  direction: "方向",
  note: "说明",
} as const;

/** Header labels of 校验规则 (`tbl_checks`). */
export const CHECK_COLUMNS = {
  id: "编号",
  condition: "前提",
  rule: "规则",
  tolerance: "容差",
  materiality: "重大差额",
  severity: "级别",
  description: "说明",
} as const;

/** Header labels of 指标体系 (`tbl_rubric`), in the standard order. */
export const RUBRIC_COLUMNS = {
  id: "编号",
  level1: "一级指标",
  level2: "二级指标",
  level3: "三级指标",
  weight: "分值",
  formula: "指标值公式",
  ruleKind: "评分方法",
  ruleParams: "评分参数",
  expand: "逐项展开",
  manualScore: "自评得分",
  manualReason: "扣分原因",
  description: "指标说明",
  phrase: "报告表述",
  outValue: "指标值",
  outScore: "得分",
  outExplain: "评分说明",
  /** The 评分标准 the row's rule and parameters say, written by 评分 (optional column, format 1.2). */
  outCriterion: "评分标准",
  /** The unit's own account of a manually scored indicator: the report paragraph's body (optional column, format 1.1). */
  situation: "情况说明",
} as const;

/** Header labels of the grade bands (`tbl_grades`). */
export const GRADE_COLUMNS = {
  grade: "等级",
  min: "最低分",
} as const;

/** Header labels of the total adjustments (`tbl_adjustments`). */
export const ADJUSTMENT_COLUMNS = {
  id: "编号",
  name: "名称",
  formula: "指标值公式",
  ruleKind: "调整方式",
  ruleParams: "参数",
} as const;

export type FieldColumnKey = keyof typeof FIELD_COLUMNS;
export type CheckColumnKey = keyof typeof CHECK_COLUMNS;
export type RubricColumnKey = keyof typeof RUBRIC_COLUMNS;

/** The rubric's output columns: what 评分 writes on each row (评分标准 is optional, from format 1.2). */
export const RUBRIC_OUTPUT_KEYS = [
  "outValue",
  "outScore",
  "outExplain",
  "outCriterion",
] as const satisfies readonly RubricColumnKey[];
export type RubricOutputKey = (typeof RUBRIC_OUTPUT_KEYS)[number];
export type GradeColumnKey = keyof typeof GRADE_COLUMNS;
export type AdjustmentColumnKey = keyof typeof ADJUSTMENT_COLUMNS;

/** 类型 column: the Chinese type names, keyed by FieldType. */
export const FIELD_TYPE_LABELS = {
  text: "文本",
  integer: "整数",
  amount: "金额",
  rate: "比率",
  year: "年份",
  number: "数值",
  yesno: "是否",
} as const satisfies Record<FieldType, string>;

/** 必填 column and 是否 cells. */
export const YES_NO_LABELS = { yes: "是", no: "否" } as const;

/** 方向 column. */
export const DIRECTION_LABELS = { input: "输入", output: "输出" } as const;

/** 级别 column of 校验规则. */
export const SEVERITY_LABELS = { error: "错误", warning: "警告", info: "提示" } as const;

/** Workbook-level defined names of the template identity. */
export const META_NAMES = {
  id: "perfeval_template_id",
  version: "perfeval_template_version",
  title: "perfeval_template_title",
} as const;

/** The hidden identity sheet and its keys (column A), values in column B. */
export const META_SHEET = "_meta";
export const META_KEYS = {
  id: "template_id",
  version: "template_version",
  title: "template_title",
} as const;

/** Defined names of the structural tables' header rows. */
export const STRUCTURE_TABLE_NAMES = {
  fields: "tbl_fields",
  checks: "tbl_checks",
  rubric: "tbl_rubric",
  grades: "tbl_grades",
  adjustments: "tbl_adjustments",
} as const;

/** Prefix of every table's header defined name: `tbl_<id>`. */
export const TABLE_NAME_PREFIX = "tbl_";

/** The sheets holding the structural tables in the standard layout (for messages and the generator). */
export const STRUCTURE_SHEETS = {
  fields: "字段定义",
  checks: "校验规则",
  rubric: "指标体系",
  grades: "指标体系",
  adjustments: "指标体系",
} as const;

/** How the structural tables are named in messages. */
export const STRUCTURE_TABLE_LABELS = {
  fields: "字段定义",
  checks: "校验规则",
  rubric: "指标体系",
  grades: "评价等级",
  adjustments: "总分调整",
} as const;

export type StructureTableId = keyof typeof STRUCTURE_TABLE_NAMES;

/** The defined name of the template's 满分 setting (指标体系, above the grades). */
export const FULL_SCORE_FIELD = "rubric_full_score";
