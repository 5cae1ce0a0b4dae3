/**
 * The 评分参数 guide a bureau reads (the 说明 sheet, docs/template-format.md): every rule kind's and every
 * total adjustment's keys in Chinese and English, their choices and defaults and an example, generated from
 * the schemas so it cannot drift from what the engine reads.
 */
import type { ParamSchema, ParamSpec } from "./param-schema";
import { RULES } from "./registry";
import { COMMON_SCHEMA } from "./read-params";
import { ADJUSTMENT_SCHEMAS } from "./adjustments";

/** The default as a bureau would write it: an enum's first Chinese word (高于), a number as written. */
function shownDefault(spec: ParamSpec): string {
  if (spec.default === null) return "必填";
  if (spec.type !== "enum") return `默认 ${spec.default}`;
  return `默认 ${spec.words[spec.default]?.[0] ?? spec.default}`;
}

/** "方向（dir）：高于/低于，默认 高于" */
function paramText(key: string, spec: ParamSpec): string {
  const choices = spec.type === "enum" ? `${spec.allowed.map((a) => spec.words[a]?.[0] ?? a).join("/")}，` : "";
  return `${spec.zh}（${key}）：${choices}${shownDefault(spec)}`;
}

function schemaText(schema: ParamSchema): string {
  return Object.entries(schema)
    .map(([k, s]) => paramText(k, s))
    .join("；");
}

/** The guide's lines, in order; the first is its heading. */
export function parameterGuideLines(): readonly string[] {
  const kinds = Object.values(RULES).map((d) => {
    const own = Object.keys(d.params).length > 0 ? schemaText(d.params) : "";
    const bands = d.bands ? `分档 区间: ${d.bands.zh}` : "";
    const parts = [bands, own].filter((p) => p !== "").join("；");
    return `${d.zh}（${d.id}）：${parts}。例：${d.example}`;
  });
  return [
    "八、评分参数怎么写",
    "评分参数写作“参数=值”，多个参数用分号（；）或换行隔开，例如：限值=100%；方向=高于；每点扣分=0.2。参数名可写中文或英文（限值 或 limit），百分比写作 10%，没有写的参数按默认值。",
    "分档写作“区间: 得分”，例如 =0: 3；(0,10%]: 2；(10%,20%]: 1；>20%: 0。区间写作 [a,b]、(a,b]、[a,b)、(a,b)、=a、>a、>=a、<b、<=b；得分写分数，或分值的百分比（80%）。",
    ...kinds,
    `每种评分方法都可加：${schemaText(COMMON_SCHEMA)}（可写分数或分值的百分比）。`,
    `总分调整（调整规则表）的调整方式“封顶”（cap）：写作“区间: 总分上限”，区间可以重叠，符合的区间中取最低的上限，例：<60%: 69；<50%: 59；${schemaText(ADJUSTMENT_SCHEMAS.cap)}。`,
    `调整方式“扣减”（penalty）：${schemaText(ADJUSTMENT_SCHEMAS.penalty)}。例：比较=高于；标准值=130%；扣分=2。`,
  ];
}
