// Small builders of Template / InputValues / ScoreSheet for the report tests, seeded with the seed
// example (assets/examples/wanzhou-2020.json and the seed report's texts). Each builder takes
// overrides so a test changes one thing.
import Decimal from "decimal.js";
import type { InputValues, TableRowValues, TypedValue } from "../../../src/engine/model/values";
import type { IndicatorResult, IndicatorValue, LevelResult, ScoreSheet } from "../../../src/engine/score/result-types";
import type {
  ColumnDef,
  FieldDef,
  FieldType,
  RubricRowDef,
  TableDef,
  Template,
} from "../../../src/engine/compile/read/types";
import { BASIS, BENEFITS, DUTIES, MEASURES, ORG, PROBLEMS, SANGONG_REASONS, TASK_DESCRIPTIONS } from "./seed-texts";
import seedJson from "../../../assets/examples/wanzhou-2020.json";
import { parseExpression } from "../../../src/engine/formula/parse";
import { valueFormat } from "../../../src/engine/score/units";
import { valueText } from "../../../src/engine/score/score";
import { compileRule } from "../../../src/engine/compile/compile-rule";
import type { Params } from "../../../src/engine/compile/params";
import type { Lang } from "../../../src/engine/i18n/catalog";

type FieldSpec = readonly [name: string, label: string, type: FieldType, required: boolean];

const FIELD_SPECS: readonly FieldSpec[] = [
  ["unit_name", "单位名称", "text", true],
  ["eval_year", "评价年度", "integer", true],
  ["unit_founded_year", "成立年份", "integer", false],
  ["staff_quota", "编制数（人）", "integer", true],
  ["staff_actual", "年末实有在职人数（人）", "integer", true],
  ["carryover_prev", "上年结转", "amount", true],
  ["income_total", "本年收入合计", "amount", true],
  ["income_fiscal", "其中：财政拨款收入", "amount", true],
  ["budget_initial", "年初预算数", "amount", true],
  ["budget_final", "全年预算数（调整后）", "amount", true],
  ["expend_total", "本年支出合计", "amount", true],
  ["expend_basic", "基本支出", "amount", true],
  ["expend_personnel", "其中：人员经费", "amount", true],
  ["expend_public", "其中：公用经费", "amount", true],
  ["expend_project", "项目支出", "amount", true],
  ["carryover_end", "年末结转结余", "amount", true],
  ["project_funds_due", "项目资金应支付数", "amount", true],
  ["project_funds_paid", "项目资金已支付数", "amount", true],
  ["funds_recalled_count", "被收回指标或资金（次）", "integer", true],
  ["sangong_budget", "“三公”经费预算数", "amount", true],
  ["sangong_actual_budget_scope", "“三公”经费实际支出（与预算同口径）", "amount", true],
  ["sangong_total", "“三公”经费本年支出合计", "amount", true],
  ["sangong_prev", "“三公”经费上年支出合计", "amount", false],
  ["sangong_abroad", "其中：因公出国（境）费", "amount", false],
  ["sangong_vehicle_purchase", "其中：公务用车购置费", "amount", false],
  ["sangong_vehicle_operation", "其中：公务用车运行维护费", "amount", false],
  ["sangong_reception", "其中：公务接待费", "amount", false],
  ["sangong_foreign_reception", "其中：外事接待费", "amount", false],
  ["procurement_budget", "政府采购预算数", "amount", true],
  ["procurement_actual", "政府采购实际金额", "amount", true],
  ["card_settlement", "公务卡结算金额", "amount", true],
  ["cash_settlement", "现金结算金额（公务卡强制结算目录内）", "amount", true],
  ["fixed_assets_total", "固定资产总额", "amount", true],
  ["fixed_assets_in_use", "在用固定资产总额", "amount", true],
];

/** The seed's single-value inputs (wanzhou-2020.json "inputs"). */
export const SEED_INPUTS: Readonly<Record<string, string | number>> = seedJson.inputs;

type ColSpec = readonly [key: string, label: string, type: FieldType, output?: boolean];

const TABLE_SPECS: Readonly<Record<string, { label: string; sheet: string; cols: readonly ColSpec[] }>> = {
  duties: { label: "职能职责", sheet: "基本情况", cols: [["text", "职能职责", "text"]] },
  org: { label: "机构设置", sheet: "基本情况", cols: [["text", "机构设置", "text"]] },
  basis: { label: "评价依据", sheet: "基本情况", cols: [["text", "评价依据", "text"]] },
  sangong_reasons: {
    label: "“三公”经费变动原因",
    sheet: "收支情况",
    cols: [["text", "“三公”经费变动原因", "text"]],
  },
  tasks: {
    label: "重点工作",
    sheet: "重点工作",
    cols: [
      ["name", "任务名称", "text"],
      ["weight", "分值", "number"],
      ["completion", "完成率", "rate"],
      ["description", "完成情况", "text"],
      ["reason", "未完成原因", "text"],
      ["score", "得分", "number", true],
    ],
  },
  satisfaction: {
    label: "满意度",
    sheet: "满意度",
    cols: [
      ["group", "调查对象", "text"],
      ["count", "问卷数", "integer"],
      ["rate", "满意度", "rate"],
      ["weight", "权重", "rate"],
    ],
  },
  benefits: {
    label: "效益",
    sheet: "效益",
    cols: [
      ["category", "类别", "text"],
      ["content", "内容", "text"],
      ["done", "是否完成", "yesno"],
    ],
  },
  problems: { label: "存在的问题", sheet: "问题与措施", cols: [["text", "存在的问题", "text"]] },
  measures: { label: "改进措施", sheet: "问题与措施", cols: [["text", "改进措施", "text"]] },
};

/** One standard rubric leaf: id, path, weight, formula, rule kind, 报告表述. */
export interface RubricSpec {
  id: string;
  path: readonly [string, string, string];
  weight: number;
  formula: string;
  ruleKind: string;
  ruleParams?: string;
  expand?: string;
  phrase?: string;
  description?: string;
  /** 情况说明 (manual rows): the unit's own account. */
  situation?: string;
}

export const SEED_RUBRIC: readonly RubricSpec[] = [
  {
    id: "A01",
    path: ["投入", "预算配置", "财政供养人员控制率"],
    weight: 2,
    formula: "ratio(staff_actual, staff_quota)",
    ruleKind: "deduct_per_point",
  },
  {
    id: "A02",
    path: ["投入", "预算配置", "“三公”经费变动率"],
    weight: 3,
    formula: "change(sangong_total, sangong_prev)",
    ruleKind: "deduct_per_point",
  },
  {
    id: "B01",
    path: ["过程", "预算执行", "预算调整率"],
    weight: 2,
    formula: "ratio(abs(budget_final - budget_initial), budget_initial)",
    ruleKind: "bands",
  },
  {
    id: "B02",
    path: ["过程", "预算执行", "支付进度"],
    weight: 3,
    formula: "ratio(project_funds_paid, project_funds_due)",
    ruleKind: "proportional",
  },
  {
    id: "B03",
    path: ["过程", "预算执行", "指标或资金收回"],
    weight: 3,
    formula: "funds_recalled_count",
    ruleKind: "per_event",
  },
  {
    id: "B04",
    path: ["过程", "预算执行", "“三公”经费控制率"],
    weight: 2,
    formula: "ratio(sangong_actual_budget_scope, sangong_budget)",
    ruleKind: "deduct_per_point",
  },
  { id: "B05", path: ["过程", "预算管理", "管理制度健全性"], weight: 1.5, formula: "", ruleKind: "manual" },
  { id: "B06", path: ["过程", "预算管理", "资金使用合规性"], weight: 2, formula: "", ruleKind: "manual" },
  {
    id: "B07",
    path: ["过程", "预算管理", "预决算信息公开性和完善性"],
    weight: 2.5,
    formula: "",
    ruleKind: "manual",
  },
  {
    id: "B08",
    path: ["过程", "预算管理", "政府采购执行率"],
    weight: 2,
    formula: "ratio(procurement_actual, procurement_budget)",
    ruleKind: "proportional",
  },
  {
    id: "B09",
    path: ["过程", "预算管理", "公务卡刷卡率"],
    weight: 2,
    formula: "ratio(card_settlement, card_settlement + cash_settlement)",
    ruleKind: "threshold",
    ruleParams: "op=>=; limit=50%",
  },
  { id: "B10", path: ["过程", "资产管理", "资产管理制度健全性"], weight: 2, formula: "", ruleKind: "manual" },
  { id: "B11", path: ["过程", "资产管理", "资产管理安全性"], weight: 2, formula: "", ruleKind: "manual" },
  {
    id: "B12",
    path: ["过程", "资产管理", "固定资产利用率"],
    weight: 1,
    formula: "ratio(fixed_assets_in_use, fixed_assets_total)",
    ruleKind: "proportional",
  },
  {
    id: "C01",
    path: ["产出", "职责履行", "重点工作完成情况"],
    weight: 50,
    formula: "tasks.completion",
    ruleKind: "proportional",
    expand: "tasks",
  },
  { id: "D01", path: ["效果", "履职效益", "经济效益"], weight: 7, formula: "", ruleKind: "manual" },
  { id: "D02", path: ["效果", "履职效益", "社会效益"], weight: 8, formula: "", ruleKind: "manual" },
  {
    id: "D03",
    path: ["效果", "履职效益", "社会公众或服务对象满意度"],
    weight: 5,
    formula: "weighted(satisfaction.rate, satisfaction.weight)",
    ruleKind: "bands",
  },
];

export const SEED_TASKS = [
  { name: "实施编制“十四五”对外工作规划", weight: 6, completion: 1 },
  { name: "完成全区涉外疫情防控管理工作", weight: 8, completion: 1 },
  { name: "在万外国人管理服务工作", weight: 6, completion: 1 },
  { name: "统筹抓好疫情防控和经济社会发展，推进外资外贸企业复工复产", weight: 6, completion: 1 },
  {
    name: "年度对外交往合作、开展友好城市交往工作",
    weight: 8,
    completion: 0.5,
    reason:
      "受疫情影响奥地利古兴市与万州区建立友好城市2020年度未正式签署协议；未完成年度因公出访计划，取消4批团组出访计划",
  },
  { name: "加强港澳台联动工作，引进高科技产业落户万州协调工作", weight: 8, completion: 1 },
  { name: "海外领事保护服务工作惠民、务实", weight: 8, completion: 1 },
];

/** Build the template: standard fields and tables, the given rubric. */
export function buildTemplate(rubric: readonly RubricSpec[] = SEED_RUBRIC): Template {
  const fields = new Map<string, FieldDef>();
  FIELD_SPECS.forEach(([name, label, type, required], i) => {
    const sheet = i < 5 ? "基本情况" : "收支情况";
    fields.set(name, {
      name,
      label,
      type,
      required,
      min: null,
      max: null,
      output: false,
      ref: { sheet, address: `B${i + 2}`, name },
      defRef: { sheet: "字段定义", address: `A${i + 2}` },
    });
  });
  const tables = new Map<string, TableDef>();
  for (const [id, spec] of Object.entries(TABLE_SPECS)) {
    const columns: ColumnDef[] = spec.cols.map(([key, label, type, output], col) => ({
      key,
      label,
      type,
      required: false,
      min: null,
      max: null,
      output: output ?? false,
      col,
    }));
    tables.set(id, {
      id,
      label: spec.label,
      sheet: spec.sheet,
      headerRow: 2,
      rows: [],
      columns,
      lastRowLimit: 200,
    });
  }
  const rubricRows: RubricRowDef[] = rubric.map((r, i) => ({
    id: r.id,
    level1: r.path[0],
    level2: r.path[1],
    level3: r.path[2],
    weight: r.weight,
    formula: r.formula,
    ruleKind: r.ruleKind,
    ruleParams: r.ruleParams ?? "",
    expand: r.expand ?? "",
    manualScore: null,
    manualReason: "",
    description: r.description ?? "",
    phrase: r.phrase ?? "",
    situation: r.situation ?? "",
    row: i + 3,
    sheet: "指标体系",
  }));
  return {
    info: { id: "cn.perfeval.dept-overall", version: "1.0.0", title: "部门整体支出绩效评价" },
    fields,
    tables,
    checks: [],
    rubric: rubricRows,
    grades: [],
    adjustments: [],
  };
}

function typed(v: string | number | boolean | null | undefined): TypedValue {
  if (v === undefined || v === null) return null;
  if (typeof v === "number") return new Decimal(String(v));
  return v;
}

function rows(items: readonly Readonly<Record<string, string | number | boolean | undefined>>[]): TableRowValues[] {
  return items.map((it, i) => ({
    row: 3 + i,
    values: new Map(Object.entries(it).map(([k, v]) => [k, typed(v)])),
  }));
}

export interface ValuesOverrides {
  fields?: Readonly<Record<string, string | number | null>>;
  tables?: Readonly<Record<string, readonly Readonly<Record<string, string | number | boolean | undefined>>[]>>;
}

/** The seed's inputs (figures and texts); overrides replace single fields (null = blank) or whole tables. */
export function buildValues(overrides: ValuesOverrides = {}): InputValues {
  const fields = new Map<string, TypedValue>();
  for (const [k, v] of Object.entries({ ...SEED_INPUTS, ...overrides.fields })) fields.set(k, typed(v));
  const base: Record<string, readonly Readonly<Record<string, string | number | boolean | undefined>>[]> = {
    duties: DUTIES.map((text) => ({ text })),
    org: ORG.map((text) => ({ text })),
    basis: BASIS.map((text) => ({ text })),
    sangong_reasons: SANGONG_REASONS.map((text) => ({ text })),
    tasks: SEED_TASKS.map((t, i) => ({ ...t, description: TASK_DESCRIPTIONS[i] })),
    satisfaction: [
      { group: "服务对象", count: 20, rate: 0.98, weight: 0.5 },
      { group: "社会群众", count: 20, rate: 0.96, weight: 0.5 },
    ],
    benefits: BENEFITS,
    problems: PROBLEMS.map((text) => ({ text })),
    measures: MEASURES.map((text) => ({ text })),
  };
  const tables = new Map<string, TableRowValues[]>();
  for (const [k, v] of Object.entries({ ...base, ...overrides.tables })) tables.set(k, rows(v));
  return { fields, tables };
}

/** One indicator's outcome as the scoring engine would report it. */
export interface ScoreSpec {
  value?: IndicatorValue;
  score: number;
  reason?: string;
}

const num = (v: number): IndicatorValue => ({ t: "number", v });

/** The seed's scores (wanzhou-2020.json "expected"), keyed by rubric id or task index "C01.n". */
export const SEED_SCORES: Readonly<Record<string, ScoreSpec>> = {
  A01: { value: num(1), score: 2 },
  A02: { value: num((11.96 - 21.97) / 21.97), score: 3 },
  B01: { value: num(0), score: 2 },
  B02: { value: num(1), score: 3 },
  B03: { value: num(0), score: 3 },
  B04: { value: num(2.95 / 4), score: 2 },
  B05: { score: 1, reason: "内部财务管理制度有待加强" },
  B06: { score: 2 },
  B07: { score: 2.5 },
  B08: { value: { t: "na", why: "政府采购预算数为0" }, score: 2 },
  B09: { value: num(1), score: 2 },
  B10: { score: 2 },
  B11: { score: 2 },
  B12: { value: num(1), score: 1 },
  D01: { score: 7 },
  D02: { score: 6.5, reason: "未完成新引进一所国外学校合作办学落户万州" },
  D03: { value: num(0.97), score: 5 },
};

/** Build a ScoreSheet from a rubric, tasks and per-indicator outcomes (subtotals and total are summed). */
export function buildScores(
  rubric: readonly RubricSpec[] = SEED_RUBRIC,
  outcomes: Readonly<Record<string, ScoreSpec>> = SEED_SCORES,
  tasks: readonly { name: string; weight: number; completion: number; reason?: string }[] = SEED_TASKS,
  grade = "优",
): ScoreSheet {
  const indicators: IndicatorResult[] = [];
  for (const r of rubric) {
    if (r.expand) {
      tasks.forEach((t, i) => {
        const score = new Decimal(t.weight).times(t.completion).toNumber();
        indicators.push({
          id: `${r.id}.${i + 1}`,
          path: [r.path[0], r.path[1], t.name],
          name: t.name,
          weight: t.weight,
          ruleKind: r.ruleKind,
          formula: r.formula,
          value: num(t.completion),
          score,
          reason: score < t.weight ? (t.reason ?? "") : "",
          explanation: "",
          criterion: "",
          ref: { sheet: "重点工作", address: `F${4 + i}` },
          inputs: {},
          valueText: "",
        });
      });
      continue;
    }
    const o = outcomes[r.id] ?? { score: r.weight };
    indicators.push({
      id: r.id,
      path: r.path,
      name: r.path[2],
      weight: r.weight,
      ruleKind: r.ruleKind,
      formula: r.formula,
      value: o.value ?? { t: "none" },
      score: o.score,
      reason: o.reason ?? "",
      explanation: "",
      criterion: "",
      ref: { sheet: "指标体系", address: `O${rubric.indexOf(r) + 4}` },
      inputs: {},
      valueText: "",
    });
  }
  const levels: LevelResult[] = [];
  const add = (name: string, depth: 1 | 2, ind: IndicatorResult): void => {
    const i = levels.findIndex((l) => l.name === name && l.depth === depth);
    const prev = levels[i];
    const next: LevelResult = {
      id: prev?.id ?? `${depth}-${name}`,
      name,
      depth,
      weight: new Decimal(prev?.weight ?? 0).plus(ind.weight).toNumber(),
      score: new Decimal(prev?.score ?? 0).plus(ind.score).toNumber(),
      children: [...(prev?.children ?? []), ind.id],
    };
    if (i < 0) levels.push(next);
    else levels[i] = next;
  };
  for (const ind of indicators) {
    add(ind.path[0]!, 1, ind);
    add(ind.path[1]!, 2, ind);
  }
  const total = indicators.reduce((s, i) => s.plus(i.score), new Decimal(0));
  // The value's format and text as the engine decides them for the formula (score/units.ts, model/format.ts).
  const template = buildTemplate(rubric);
  const shown = indicators.map((ind): IndicatorResult => {
    const parsed = ind.formula.trim() ? parseExpression(ind.formula) : null;
    const format = parsed?.ok ? valueFormat(parsed.expr, template) : undefined;
    return {
      ...ind,
      valueText: valueText(ind.value, format ?? "number", "zh-CN"),
      ...(format ? { valueFormat: format } : {}),
    };
  });
  return {
    indicators: shown,
    levels,
    adjustments: [],
    rawTotal: total.toNumber(),
    total: total.toNumber(),
    totalExact: total.toString(),
    grade,
    fullScore: 100,
  };
}

/** The whole seed example as buildReport input. */
export function seedInput(lang: Lang = "zh-CN"): {
  template: Template;
  values: InputValues;
  scores: ScoreSheet;
  lang: Lang;
  ruleParams: ReadonlyMap<string, Params>;
} {
  return {
    template: buildTemplate(),
    values: buildValues(),
    scores: buildScores(),
    lang,
    ruleParams: seedRuleParams(),
  };
}

/** Each leaf's rule parameters compiled as scoring compiles them (the report's {param.…}). */
export function seedRuleParams(rubric: readonly RubricSpec[] = SEED_RUBRIC): ReadonlyMap<string, Params> {
  const out = new Map<string, Params>();
  for (const r of rubric) {
    const compiled = compileRule(r.ruleKind, r.ruleParams ?? "", new Decimal(r.weight));
    if (compiled.ok) out.set(r.id, compiled.rule.params);
  }
  return out;
}
