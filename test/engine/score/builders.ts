/** Small builders for templates and input values in scoring tests. */
import Decimal from "decimal.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type {
  ColumnDef,
  FieldDef,
  FieldType,
  GradeBandDef,
  RubricRowDef,
  TableDef,
  Template,
  AdjustmentDef,
} from "../../../src/engine/compile/read/types";
import type { InputValues, TableRowValues, TypedValue } from "../../../src/engine/model/values";
import { RUBRIC_COLUMNS } from "../../../src/engine/compile/read/labels";

export const RUBRIC_SHEET = "指标体系";
export const RUBRIC_FIRST_ROW = 2; // 0-based: header on row 2 (Excel 2), data from Excel row 3
const COLS: Record<string, number> = Object.fromEntries(Object.keys(RUBRIC_COLUMNS).map((k, i) => [k, i]));

type RowSpec = Partial<Omit<RubricRowDef, "row" | "sheet" | "cols">> & { id: string };

/** A rubric row; sheet rows are assigned in order by `rubric()`. */
export function l1(id: string, name: string, weight: number | null): RowSpec {
  return { id, level1: name, weight };
}
export function l2(id: string, name: string, weight: number | null): RowSpec {
  return { id, level2: name, weight };
}
export function leaf(
  id: string,
  name: string,
  weight: number | null,
  formula: string,
  ruleKind: string,
  ruleParams = "",
  extra: Partial<RubricRowDef> = {},
): RowSpec {
  return { id, level3: name, weight, formula, ruleKind, ruleParams, ...extra };
}
export function manual(id: string, name: string, weight: number, score: number | null, reason = ""): RowSpec {
  return { id, level3: name, weight, ruleKind: "人工评分", manualScore: score, manualReason: reason };
}

/** Rubric rows on 指标体系 from Excel row 3 down, in the standard column order. */
export function rubric(specs: readonly RowSpec[]): RubricRowDef[] {
  return specs.map((s, i) => ({
    level1: "",
    level2: "",
    level3: "",
    weight: null,
    formula: "",
    ruleKind: "",
    ruleParams: "",
    expand: "",
    manualScore: null,
    manualReason: "",
    description: "",
    phrase: "",
    ...s,
    row: RUBRIC_FIRST_ROW + 1 + i,
    sheet: RUBRIC_SHEET,
    cols: COLS,
  }));
}

let fieldRow = 0;
/** A single-value field on 基本情况 column B. */
export function field(name: string, type: FieldType = "amount", output = false): FieldDef {
  fieldRow++;
  const sheet = output ? "评价结果" : "基本情况";
  return {
    name,
    label: name,
    type,
    required: !output,
    min: null,
    max: null,
    output,
    ref: { sheet, address: `B${fieldRow}`, name },
    defRef: { sheet: "字段定义", address: `A${fieldRow}` },
  };
}

/** A table: header at `headerRow` (0-based), columns A, B, C … in the order given, data rows below. */
export function table(
  id: string,
  sheet: string,
  headerRow: number,
  columns: readonly [string, FieldType, boolean?][],
  rows: number,
  lastRowLimit = headerRow + 50,
): TableDef {
  const cols: ColumnDef[] = columns.map(([key, type, output], col) => ({
    key,
    label: key,
    type,
    required: false,
    min: null,
    max: null,
    output: output ?? false,
    col,
  }));
  return {
    id,
    label: id,
    sheet,
    headerRow,
    rows: Array.from({ length: rows }, (_, i) => headerRow + 1 + i),
    columns: cols,
    lastRowLimit,
  };
}

export const STANDARD_GRADES: GradeBandDef[] = [
  { grade: "优", min: 90, ref: { sheet: RUBRIC_SHEET, address: "B40" } },
  { grade: "良", min: 80, ref: { sheet: RUBRIC_SHEET, address: "B41" } },
  { grade: "中", min: 60, ref: { sheet: RUBRIC_SHEET, address: "B42" } },
  { grade: "差", min: 0, ref: { sheet: RUBRIC_SHEET, address: "B43" } },
];

/** A template from parts (the identity is irrelevant to scoring). */
export function template(parts: {
  fields?: readonly FieldDef[];
  tables?: readonly TableDef[];
  rubric: readonly RubricRowDef[];
  grades?: readonly GradeBandDef[];
  adjustments?: readonly AdjustmentDef[];
}): Template {
  return {
    info: { id: "cn.perfeval.dept-overall", version: "1.0.0", title: "部门整体支出绩效评价" },
    fields: new Map((parts.fields ?? []).map((f) => [f.name, f])),
    tables: new Map((parts.tables ?? []).map((t) => [t.id, t])),
    checks: [],
    rubric: parts.rubric,
    grades: parts.grades ?? STANDARD_GRADES,
    adjustments: parts.adjustments ?? [],
  };
}

type Raw = number | string | boolean | null | undefined;
const typed = (v: Raw): TypedValue =>
  v === undefined || v === null ? null : typeof v === "number" ? new Decimal(String(v)) : v;

/** Input values from plain JS: numbers become exact Decimals; table rows get sheet rows under their header. */
export function inputs(
  fields: Record<string, Raw>,
  tables: Record<string, { headerRow: number; rows: Record<string, Raw>[] }> = {},
): InputValues {
  return {
    fields: new Map(Object.entries(fields).map(([k, v]) => [k, typed(v)])),
    tables: new Map(
      Object.entries(tables).map(([id, t]) => [
        id,
        t.rows.map((r, i): TableRowValues => ({
          row: t.headerRow + 1 + i,
          values: new Map(Object.entries(r).map(([k, v]) => [k, typed(v)])),
        })),
      ]),
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// The standard rubric of docs/standard-rubric.md and the Wanzhou 2020 figures.

export interface Wanzhou {
  inputs: Record<string, number | string>;
  tasks: { name: string; weight: number; completion: number; reason?: string }[];
  satisfaction: { group: string; questionnaires: number; satisfaction: number; weight: number }[];
  manual_scores: { indicator: string; weight: number; score: number; reason?: string }[];
  expected: {
    indicator_scores: Record<string, number>;
    values: Record<string, number | string>;
    task_scores: number[];
    level_subtotals: Record<string, number>;
    second_level_subtotals: Record<string, number>;
    total: number;
    grade: string;
  };
}

export function loadWanzhou(): Wanzhou {
  return JSON.parse(readFileSync(join(__dirname, "../../../assets/examples/wanzhou-2020.json"), "utf8")) as Wanzhou;
}

export const TASKS_HEADER = 2;
export const SATISFACTION_HEADER = 2;

/** The standard tables the rubric uses, plus the 评价结果 levels table. */
export function standardTables(taskRows: number, satisfactionRows: number): TableDef[] {
  return [
    table(
      "tasks",
      "重点工作",
      TASKS_HEADER,
      [
        ["name", "text"],
        ["weight", "number"],
        ["completion", "rate"],
        ["description", "text"],
        ["reason", "text"],
        ["score", "number", true],
      ],
      taskRows,
      TASKS_HEADER + 30,
    ),
    table(
      "satisfaction",
      "满意度",
      SATISFACTION_HEADER,
      [
        ["group", "text"],
        ["count", "integer"],
        ["rate", "rate"],
        ["weight", "rate"],
      ],
      satisfactionRows,
    ),
    table(
      "levels",
      "评价结果",
      6,
      [
        ["level", "text", true],
        ["name", "text", true],
        ["weight", "number", true],
        ["score", "number", true],
      ],
      0,
      30,
    ),
  ];
}

const MANUAL = (m: Map<string, { score: number; reason?: string }>, id: string, name: string, w: number) =>
  manual(id, name, w, m.get(name)?.score ?? null, m.get(name)?.reason ?? "");

/** The standard rubric, row by row from standard-rubric.md; manual scores from the given map. */
export function standardRubricRows(manualScores: Map<string, { score: number; reason?: string }>): RowSpec[] {
  return [
    l1("1", "投入", 5),
    l2("1.1", "预算配置", 5),
    leaf(
      "1.1.1",
      "财政供养人员控制率",
      2,
      "ratio(staff_actual, staff_quota)",
      "超限扣分",
      "limit=100%; dir=above; deduct=10%",
    ),
    leaf(
      "1.1.2",
      "“三公”经费变动率",
      3,
      "change(sangong_total, sangong_prev)",
      "超限扣分",
      "limit=0; deduct=10%; undefined=100%",
    ),
    l1("2", "过程", 25),
    l2("2.1", "预算执行", 10),
    leaf(
      "2.1.1",
      "预算调整率",
      2,
      "ratio(abs(budget_final − budget_initial), budget_initial)",
      "分档",
      "=0: 100%; (0,10%]: 80%; (10%,20%]: 50%; (20%,30%]: 20%; >30%: 0; gaps=allow",
    ),
    leaf("2.1.2", "支付进度", 3, "ratio(project_funds_paid, project_funds_due)", "按比例", "target=100%"),
    leaf("2.1.3", "指标或资金收回", 3, "funds_recalled_count", "按次扣分", "deduct=1"),
    leaf(
      "2.1.4",
      "“三公”经费控制率",
      2,
      "ratio(sangong_actual_budget_scope, sangong_budget)",
      "超限扣分",
      "limit=100%; deduct=10%",
    ),
    l2("2.2", "预算管理", 10),
    MANUAL(manualScores, "2.2.1", "管理制度健全性", 1.5),
    MANUAL(manualScores, "2.2.2", "资金使用合规性", 2),
    MANUAL(manualScores, "2.2.3", "预决算信息公开性和完善性", 2.5),
    leaf("2.2.4", "政府采购执行率", 2, "ratio(procurement_actual, procurement_budget)", "按比例"),
    leaf(
      "2.2.5",
      "公务卡刷卡率",
      2,
      "ratio(card_settlement, card_settlement + cash_settlement)",
      "按比例",
      "target=50%",
    ),
    l2("2.3", "资产管理", 5),
    MANUAL(manualScores, "2.3.1", "资产管理制度健全性", 2),
    MANUAL(manualScores, "2.3.2", "资产管理安全性", 2),
    leaf("2.3.3", "固定资产利用率", 1, "ratio(fixed_assets_in_use, fixed_assets_total)", "按比例"),
    l1("3", "产出", 50),
    l2("3.1", "职责履行", 50),
    leaf("3.1.1", "重点工作任务", 50, "tasks.completion", "按比例", "", { expand: "tasks" }),
    l1("4", "效果", 20),
    l2("4.1", "履职效益", 20),
    MANUAL(manualScores, "4.1.1", "经济效益", 7),
    MANUAL(manualScores, "4.1.2", "社会效益", 8),
    leaf(
      "4.1.3",
      "社会公众或服务对象满意度",
      5,
      "weighted(satisfaction.rate, satisfaction.weight)",
      "分档",
      ">=90%: 100%; [80%,90%): 80%; [60%,80%): 60%; <60%: 0",
    ),
  ];
}

const RATE_FIELDS = new Set<string>();
const INTEGER_FIELDS = new Set([
  "eval_year",
  "unit_founded_year",
  "staff_quota",
  "staff_actual",
  "funds_recalled_count",
]);

/** The standard template with the Wanzhou figures: the template, the values, and the seed's expectations. */
export function wanzhouCase(edit: (rows: RowSpec[]) => RowSpec[] = (r) => r) {
  const w = loadWanzhou();
  const manualScores = new Map(
    w.manual_scores.map((m) => [m.indicator, { score: m.score, ...(m.reason ? { reason: m.reason } : {}) }]),
  );
  const fields = [
    ...Object.keys(w.inputs).map((n) =>
      field(n, n === "unit_name" ? "text" : INTEGER_FIELDS.has(n) ? "integer" : RATE_FIELDS.has(n) ? "rate" : "amount"),
    ),
    field("result_total", "number", true),
    field("result_grade", "text", true),
    field("result_raw_total", "number", true),
  ];
  const tpl = template({
    fields,
    tables: standardTables(w.tasks.length, w.satisfaction.length),
    rubric: rubric(edit(standardRubricRows(manualScores))),
  });
  const values = inputs(w.inputs, {
    tasks: {
      headerRow: TASKS_HEADER,
      rows: w.tasks.map((t) => ({
        name: t.name,
        weight: t.weight,
        completion: t.completion,
        reason: t.reason ?? null,
      })),
    },
    satisfaction: {
      headerRow: SATISFACTION_HEADER,
      rows: w.satisfaction.map((s) => ({
        group: s.group,
        count: s.questionnaires,
        rate: s.satisfaction,
        weight: s.weight,
      })),
    },
  });
  return { template: tpl, values, expected: w.expected, raw: w };
}
