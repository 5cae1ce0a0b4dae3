/** The data tables of the standard template (docs/template-format.md, "Standard tables"). */
import type { FieldType } from "../../engine";
import type { ColumnSpec, TableSpec } from "../layout/types";

interface ColOpts {
  readonly required?: boolean;
  readonly min?: number | null;
  readonly max?: number | null;
  readonly output?: boolean;
  readonly note?: string;
  readonly choices?: readonly string[];
}

function col(key: string, label: string, type: FieldType, o: ColOpts = {}): ColumnSpec {
  const base: ColumnSpec = {
    key,
    label,
    type,
    required: o.required ?? false,
    min: o.min ?? null,
    max: o.max ?? null,
    output: o.output ?? false,
    note: o.note ?? "",
  };
  return o.choices ? { ...base, choices: o.choices } : base;
}

function table(id: string, label: string, blankRows: number, columns: readonly ColumnSpec[]): TableSpec {
  return { id, label, columns, blankRows, rows: [] };
}

/** Benefit categories offered in the 类别 drop-down. */
export const BENEFIT_CATEGORIES = ["经济效益", "社会效益"] as const;

export const STANDARD_TABLES: readonly TableSpec[] = [
  table("duties", "职能职责", 12, [col("text", "职能职责", "text", { required: true, note: "每行一条" })]),
  table("org", "机构设置", 3, [col("text", "机构设置", "text", { required: true, note: "每行一段" })]),
  // Optional: the report's introduction cites these documents; with none it omits the clause.
  table("basis", "评价依据", 3, [
    col("text", "评价依据", "text", { note: "每行一份文件，如《……的通知》（××发〔2021〕4号）；可不填" }),
  ]),
  table("sangong_reasons", "“三公”经费变动原因", 5, [col("text", "“三公”经费变动原因", "text", { note: "每行一条" })]),
  // 三、绩效目标及完成情况: the year's goals and what was done — a list of its own, not the scored 重点工作 tasks.
  table("goals", "年度绩效目标及完成情况", 10, [
    col("goal", "绩效目标", "text", { required: true, note: "一句话，作为报告中的小标题" }),
    col("result", "完成情况", "text", { note: "写入报告的完成情况段落；可分行" }),
  ]),
  table("tasks", "重点工作", 10, [
    col("name", "任务名称", "text", { required: true }),
    col("weight", "分值", "number", { required: true, min: 0, note: "各任务分值之和等于“职责履行”的分值" }),
    col("completion", "完成率", "rate", { required: true, min: 0, max: 1, note: "填百分比，如 100%" }),
    col("reason", "未完成原因", "text", { note: "完成率低于 100% 时必填" }),
    col("score", "得分", "number", { output: true, note: "评分后自动填写" }),
  ]),
  table("satisfaction", "满意度调查", 4, [
    col("group", "调查对象", "text", { required: true }),
    col("count", "问卷数", "integer", { min: 0 }),
    col("rate", "满意度", "rate", { required: true, min: 0, max: 1 }),
    col("weight", "权重", "rate", { required: true, min: 0, max: 1, note: "各调查对象权重之和为 100%" }),
  ]),
  table("benefits", "效益", 8, [
    col("category", "类别", "text", { required: true, choices: BENEFIT_CATEGORIES }),
    col("content", "内容", "text", { required: true }),
    col("done", "是否完成", "yesno", { required: true }),
  ]),
  table("problems", "存在的问题", 5, [col("text", "存在的问题", "text", { required: true })]),
  table("measures", "改进措施", 5, [col("text", "改进措施", "text", { required: true })]),
  table("levels", "分级得分", 12, [
    col("level", "层级", "text", { output: true }),
    col("name", "指标", "text", { output: true }),
    col("weight", "分值", "number", { output: true }),
    col("score", "得分", "number", { output: true }),
  ]),
];
