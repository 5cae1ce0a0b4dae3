// Issues 13 and 16, words right: each rule kind's explanation at its edges — full marks, partial, zero, not
// applicable, undefined, floor and ceil where the kind has them — as the 评分说明 cell and the report's 扣分原因
// read it, in Chinese and English: the indicator named, its value written as its kind (rates as % with two
// decimals, amounts with two decimals, counts whole), the limit apart from the excess.
import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import type { NoValueFacts, RuleSubject } from "../../../src/engine/compile/compile-rule";
import { applyRule, compileRule } from "../../../src/engine/compile/compile-rule";
import type { FormulaValue } from "../../../src/engine/formula/types";
import type { ValueFormat } from "../../../src/engine/model/format";
import { phrase, renderPhrase } from "../../../src/engine/score/phrases";
import { field, inputs, l1, l2, leaf, manual, rubric, table, template } from "./builders";
import { scoreAll } from "./score-all";

const NO_FACTS: NoValueFacts = { blank: [], denominator: "", numerator: "", table: "" };

/** One row of a kind's table: parameters, the value (a number as text, or a value that is no number), score, words. */
type Row = readonly [params: string, value: string | FormulaValue, score: string, zh: string, en: string];

/** Score a value and word it in both languages; the reason is the Chinese sentence, only below full marks. */
function words(kind: string, row: Row, subject: RuleSubject, weight: string, facts?: NoValueFacts) {
  const [params, value] = row;
  const c = compileRule(kind, params, new Decimal(weight));
  if (!c.ok) throw new Error(JSON.stringify(c.problems));
  const v: FormulaValue = typeof value === "string" ? { t: "number", v: new Decimal(value) } : value;
  const o = applyRule(c.rule, v, subject, facts);
  return {
    score: o.score.toString(),
    zh: renderPhrase("zh-CN", o.explain),
    en: renderPhrase("en", o.explain),
    reason: o.deduction ? renderPhrase("zh-CN", o.deduction) : null,
    reasonEn: o.deduction ? renderPhrase("en", o.deduction) : null,
  };
}

/** A table of one kind's edges for an indicator of weight W: each row's exact sentences, the reason below W only. */
function edges(
  kind: string,
  name: string | null,
  format: ValueFormat,
  weight: string,
  rows: readonly Row[],
  facts?: NoValueFacts,
) {
  it.each(rows)("%s at %j → %s: %s", (...row) => {
    const r = words(kind, row, { name, format }, weight, facts);
    const [, , score, zh, en] = row;
    const below = new Decimal(score).lt(weight);
    expect(r).toEqual({ score, zh, en, reason: below ? zh : null, reasonEn: below ? en : null });
  });
}

const NA_ZERO: FormulaValue = { t: "na", why: "zero_denominator" };
const NA_BLANK: FormulaValue = { t: "na", why: "blank_input" };
const NA_EMPTY: FormulaValue = { t: "na", why: "empty_table" };
const UNDEFINED: FormulaValue = { t: "undefined", why: "nonzero_over_zero" };
const TEXT: FormulaValue = { t: "text", v: "全部完成" };

describe("达标 (threshold)", () => {
  edges("threshold", "公务卡刷卡率", "percent", "2", [
    [
      "标准值=50%",
      "0.6",
      "2",
      "公务卡刷卡率为60.00%，不低于标准值50%，达标，得满分",
      "公务卡刷卡率 60.00%, at or above the standard 50%: met, full marks",
    ],
    [
      "标准值=50%",
      "0.5",
      "2",
      "公务卡刷卡率为50.00%，不低于标准值50%，达标，得满分",
      "公务卡刷卡率 50.00%, at or above the standard 50%: met, full marks",
    ],
    [
      "标准值=50%; 未达标得分=50%",
      "0.4999",
      "1",
      "公务卡刷卡率为49.99%，低于标准值50%，未达标，得1分",
      "公务卡刷卡率 49.99%, below the standard 50%: not met, 1 point",
    ],
    [
      "标准值=50%",
      "0.4",
      "0",
      "公务卡刷卡率为40.00%，低于标准值50%，未达标，得0分",
      "公务卡刷卡率 40.00%, below the standard 50%: not met, 0 points",
    ],
    [
      "比较=高于; 标准值=50%",
      "0.5",
      "0",
      "公务卡刷卡率为50.00%，未高于标准值50%，未达标，得0分",
      "公务卡刷卡率 50.00%, not above the standard 50%: not met, 0 points",
    ],
    [
      "比较=不超过; 标准值=10%",
      "0.1",
      "2",
      "公务卡刷卡率为10.00%，不超过标准值10%，达标，得满分",
      "公务卡刷卡率 10.00%, at or below the standard 10%: met, full marks",
    ],
    [
      "比较=不超过; 标准值=10%",
      "0.1001",
      "0",
      "公务卡刷卡率为10.01%，超过标准值10%，未达标，得0分",
      "公务卡刷卡率 10.01%, above the standard 10%: not met, 0 points",
    ],
    [
      "比较=低于; 标准值=10%",
      "0.1",
      "0",
      "公务卡刷卡率为10.00%，未低于标准值10%，未达标，得0分",
      "公务卡刷卡率 10.00%, not below the standard 10%: not met, 0 points",
    ],
    [
      "比较=等于; 标准值=0",
      "0",
      "2",
      "公务卡刷卡率为0.00%，等于标准值0，达标，得满分",
      "公务卡刷卡率 0.00%, equal to the standard 0: met, full marks",
    ],
    [
      "比较=等于; 标准值=0",
      "0.01",
      "0",
      "公务卡刷卡率为1.00%，不等于标准值0，未达标，得0分",
      "公务卡刷卡率 1.00%, not equal to the standard 0: not met, 0 points",
    ],
    ["标准值=50%", NA_ZERO, "2", "分母为0，不适用，得满分", "The denominator is 0: not applicable, full marks"],
    [
      "标准值=50%",
      UNDEFINED,
      "0",
      "分母为0而分子不为0，指标值无法计算，得0分",
      "The denominator is 0 but the numerator is not: the value cannot be computed, 0 points",
    ],
    [
      "标准值=50%; 无法计算时=1.5",
      UNDEFINED,
      "1.5",
      "分母为0而分子不为0，指标值无法计算，得1.5分",
      "The denominator is 0 but the numerator is not: the value cannot be computed, 1.5 points",
    ],
  ]);
  // An amount against a standard in 万元: the value with two decimals, the standard as written.
  edges("threshold", "结转结余", "amount", "2", [
    [
      "比较=不超过; 标准值=50",
      "33.1",
      "2",
      "结转结余为33.10，不超过标准值50，达标，得满分",
      "结转结余 33.10, at or below the standard 50: met, full marks",
    ],
  ]);
});

describe("超限扣分 (deduct_per_point)", () => {
  edges("deduct_per_point", "财政供养人员控制率", "percent", "2", [
    // at the limit, just over, exactly the weight, far over (「扣完为止」)
    [
      "限值=100%; 每点扣分=0.2",
      "1",
      "2",
      "财政供养人员控制率为100.00%，未超过限值100%，得满分",
      "财政供养人员控制率 100.00%, not above the limit 100%: full marks",
    ],
    [
      "限值=100%; 每点扣分=0.2",
      "1.005",
      "1.9",
      "财政供养人员控制率为100.50%，限值为100%，超过限值0.50个百分点，每个百分点扣0.2分，扣0.1分",
      "财政供养人员控制率 100.50%, 0.50 pp above the limit 100%, 0.2 per pp: 0.1 points deducted",
    ],
    [
      "限值=100%; 每点扣分=0.2",
      "1.1",
      "0",
      "财政供养人员控制率为110.00%，限值为100%，超过限值10.00个百分点，每个百分点扣0.2分，扣2分",
      "财政供养人员控制率 110.00%, 10.00 pp above the limit 100%, 0.2 per pp: 2 points deducted",
    ],
    [
      "限值=100%; 每点扣分=0.2",
      "1.3",
      "0",
      "财政供养人员控制率为130.00%，限值为100%，超过限值30.00个百分点，每个百分点扣0.2分，扣完为止，得0分",
      "财政供养人员控制率 130.00%, 30.00 pp above the limit 100%, 0.2 per pp until none are left: 0 points",
    ],
    // below: a started point prorated, counted whole (进位), not counted (舍去)
    [
      "限值=100%; 方向=低于; 每点扣分=0.5",
      "1.2",
      "2",
      "财政供养人员控制率为120.00%，不低于限值100%，得满分",
      "财政供养人员控制率 120.00%, not below the limit 100%: full marks",
    ],
    [
      "限值=100%; 方向=低于; 每点扣分=0.5",
      "0.993",
      "1.65",
      "财政供养人员控制率为99.30%，限值为100%，低于限值0.70个百分点，每个百分点扣0.5分，扣0.35分",
      "财政供养人员控制率 99.30%, 0.70 pp below the limit 100%, 0.5 per pp: 0.35 points deducted",
    ],
    [
      "限值=100%; 方向=低于; 每点扣分=0.5; 不足一点=进位",
      "0.993",
      "1.5",
      "财政供养人员控制率为99.30%，限值为100%，低于限值0.70个百分点，不足1个百分点按1个百分点计，计1个百分点，每个百分点扣0.5分，扣0.5分",
      "财政供养人员控制率 99.30%, 0.70 pp below the limit 100%, counted as 1 pp (a started point counts as one), 0.5 per pp: 0.5 points deducted",
    ],
    [
      "限值=100%; 方向=低于; 每点扣分=0.5; 不足一点=进位",
      "0.98",
      "1",
      "财政供养人员控制率为98.00%，限值为100%，低于限值2.00个百分点，每个百分点扣0.5分，扣1分",
      "财政供养人员控制率 98.00%, 2.00 pp below the limit 100%, 0.5 per pp: 1 point deducted",
    ],
    [
      "限值=100%; 方向=低于; 每点扣分=0.5; 不足一点=舍去",
      "0.993",
      "2",
      "财政供养人员控制率为99.30%，限值为100%，低于限值0.70个百分点，不足1个百分点不扣分，得满分",
      "财政供养人员控制率 99.30%, 0.70 pp below the limit 100%, less than 1 pp: no deduction, full marks",
    ],
    [
      "限值=100%; 方向=低于; 每点扣分=0.5; 不足一点=舍去",
      "0.977",
      "1",
      "财政供养人员控制率为97.70%，限值为100%，低于限值2.30个百分点，不足1个百分点的部分不计，计2个百分点，每个百分点扣0.5分，扣1分",
      "财政供养人员控制率 97.70%, 2.30 pp below the limit 100%, counted as 2 pp (part of a point is not counted), 0.5 per pp: 1 point deducted",
    ],
    // a deduction of 0 per point: the words say so, but no reason at full marks (「扣0分」)
    [
      "限值=100%; 每点扣分=0",
      "1.5",
      "2",
      "财政供养人员控制率为150.00%，限值为100%，超过限值50.00个百分点，每个百分点扣0分，扣0分",
      "财政供养人员控制率 150.00%, 50.00 pp above the limit 100%, 0 per pp: 0 points deducted",
    ],
    [
      "限值=100%; 每点扣分=0.2",
      NA_ZERO,
      "2",
      "分母为0，不适用，得满分",
      "The denominator is 0: not applicable, full marks",
    ],
    [
      "限值=100%; 每点扣分=0.2",
      UNDEFINED,
      "0",
      "分母为0而分子不为0，指标值无法计算，得0分",
      "The denominator is 0 but the numerator is not: the value cannot be computed, 0 points",
    ],
  ]);
  // A zero limit: the limit and the excess apart, never 「超过00.5个百分点」.
  edges("deduct_per_point", "“三公”经费变动率", "percent", "3", [
    [
      "限值=0; 每点扣分=0.3",
      "-0.4556",
      "3",
      "“三公”经费变动率为-45.56%，未超过限值0，得满分",
      "“三公”经费变动率 -45.56%, not above the limit 0: full marks",
    ],
    [
      "限值=0; 每点扣分=0.3",
      "0.005",
      "2.85",
      "“三公”经费变动率为0.50%，限值为0，超过限值0.50个百分点，每个百分点扣0.3分，扣0.15分",
      "“三公”经费变动率 0.50%, 0.50 pp above the limit 0, 0.3 per pp: 0.15 points deducted",
    ],
    [
      "限值=0; 每点扣分=0.1",
      "0.983",
      "0",
      "“三公”经费变动率为98.30%，限值为0，超过限值98.30个百分点，每个百分点扣0.1分，扣完为止，得0分",
      "“三公”经费变动率 98.30%, 98.30 pp above the limit 0, 0.1 per pp until none are left: 0 points",
    ],
  ]);
  // What is missing, by its label, as the pipeline finds it (see "named by the pipeline" below).
  edges(
    "deduct_per_point",
    "“三公”经费变动率",
    "percent",
    "3",
    [
      [
        "限值=0; 每点扣分=0.3",
        NA_BLANK,
        "3",
        "未填写“三公”经费上年支出合计，不适用，得满分",
        "“三公”经费上年支出合计 not filled in: not applicable, full marks",
      ],
      [
        "限值=0; 每点扣分=0.3; 不适用时=0",
        NA_BLANK,
        "0",
        "未填写“三公”经费上年支出合计，不适用，得0分",
        "“三公”经费上年支出合计 not filled in: not applicable, 0 points",
      ],
      [
        "限值=0; 每点扣分=0.3",
        NA_ZERO,
        "3",
        "“三公”经费上年支出合计为0，不适用，得满分",
        "“三公”经费上年支出合计 is 0: not applicable, full marks",
      ],
      [
        "限值=0; 每点扣分=0.3; 无法计算时=100%",
        UNDEFINED,
        "3",
        "“三公”经费上年支出合计为0而“三公”经费支出合计不为0，指标值无法计算，得满分",
        "“三公”经费上年支出合计 is 0 but “三公”经费支出合计 is not: the value cannot be computed, full marks",
      ],
    ],
    {
      blank: ["“三公”经费上年支出合计"],
      denominator: "“三公”经费上年支出合计",
      numerator: "“三公”经费支出合计",
      table: "",
    },
  );
});

describe("分段扣分 (step_per_block)", () => {
  edges("step_per_block", "完成率", "percent", "2", [
    [
      "限值=100%; 每段=5%; 每段扣分=0.5",
      "1",
      "2",
      "完成率为100.00%，不低于限值100%，得满分",
      "完成率 100.00%, not below the limit 100%: full marks",
    ],
    // a started block: counted (进位, the default) or not (舍去)
    [
      "限值=100%; 每段=5%; 每段扣分=0.5",
      "0.993",
      "1.5",
      "完成率为99.30%，限值为100%，低于限值0.70个百分点，每5个百分点为一段，不足一段按一段计，计1段，每段扣0.5分，扣0.5分",
      "完成率 99.30%, 0.70 pp below the limit 100%, in blocks of 5 pp (a started block counts as one): 1 block, 0.5 each: 0.5 points deducted",
    ],
    [
      "限值=100%; 每段=5%; 每段扣分=0.5; 不足一段=舍去",
      "0.993",
      "2",
      "完成率为99.30%，限值为100%，低于限值0.70个百分点，不足一段（每段5个百分点），不扣分，得满分",
      "完成率 99.30%, 0.70 pp below the limit 100%, less than one block of 5 pp: no deduction, full marks",
    ],
    [
      "限值=100%; 每段=5%; 每段扣分=0.5; 不足一段=舍去",
      "0.89",
      "1",
      "完成率为89.00%，限值为100%，低于限值11.00个百分点，每5个百分点为一段，不足一段的部分不计，计2段，每段扣0.5分，扣1分",
      "完成率 89.00%, 11.00 pp below the limit 100%, in blocks of 5 pp (part of a block is not counted): 2 blocks, 0.5 each: 1 point deducted",
    ],
    // whole blocks: nothing to round, so nothing said of it
    [
      "限值=100%; 每段=5%; 每段扣分=0.5",
      "0.9",
      "1",
      "完成率为90.00%，限值为100%，低于限值10.00个百分点，每5个百分点为一段，计2段，每段扣0.5分，扣1分",
      "完成率 90.00%, 10.00 pp below the limit 100%, in blocks of 5 pp: 2 blocks, 0.5 each: 1 point deducted",
    ],
    [
      "限值=100%; 每段=5%; 每段扣分=0.5",
      "0.8",
      "0",
      "完成率为80.00%，限值为100%，低于限值20.00个百分点，每5个百分点为一段，计4段，每段扣0.5分，扣2分",
      "完成率 80.00%, 20.00 pp below the limit 100%, in blocks of 5 pp: 4 blocks, 0.5 each: 2 points deducted",
    ],
    [
      "限值=100%; 每段=5%; 每段扣分=0.5",
      "0.5",
      "0",
      "完成率为50.00%，限值为100%，低于限值50.00个百分点，每5个百分点为一段，计10段，每段扣0.5分，扣完为止，得0分",
      "完成率 50.00%, 50.00 pp below the limit 100%, in blocks of 5 pp: 10 blocks, 0.5 each until none are left: 0 points",
    ],
    [
      "限值=10%; 方向=高于; 每段=5%; 每段扣分=0.5",
      "0.12",
      "1.5",
      "完成率为12.00%，限值为10%，超过限值2.00个百分点，每5个百分点为一段，不足一段按一段计，计1段，每段扣0.5分，扣0.5分",
      "完成率 12.00%, 2.00 pp above the limit 10%, in blocks of 5 pp (a started block counts as one): 1 block, 0.5 each: 0.5 points deducted",
    ],
    [
      "限值=100%; 每段=5%; 每段扣分=0.5",
      NA_EMPTY,
      "2",
      "表中没有数据，不适用，得满分",
      "The table has no rows: not applicable, full marks",
    ],
    [
      "限值=100%; 每段=5%; 每段扣分=0.5",
      TEXT,
      "0",
      "指标值不是数值，无法计算，得0分",
      "The value is not a number and cannot be computed: 0 points",
    ],
  ]);
  // A count: the gap and the block in the value's own units, not in percentage points.
  edges("step_per_block", "超编人数", "integer", "2", [
    [
      "限值=10; 方向=高于; 每段=2; 每段扣分=0.5",
      "13",
      "1",
      "超编人数为13，限值为10，超过限值3，每2为一段，不足一段按一段计，计2段，每段扣0.5分，扣1分",
      "超编人数 13, 3 above the limit 10, in blocks of 2 (a started block counts as one): 2 blocks, 0.5 each: 1 point deducted",
    ],
  ]);
});

describe("分档 (bands)", () => {
  const adjustment = "=0: 2; (0,10%]: 80%; (10%,20%]: 50%; (20%,30%]: 20%; >30%: 0";
  edges("bands", "预算调整率", "percent", "2", [
    [adjustment, "0", "2", "预算调整率为0.00%，等于0，得满分", "预算调整率 0.00%, equal to 0: full marks"],
    [
      adjustment,
      "0.0579",
      "1.6",
      "预算调整率为5.79%，处于0至10%（含）档，得1.6分",
      "预算调整率 5.79%, in the band above 0 up to 10% (inclusive): 1.6 points",
    ],
    [
      adjustment,
      "0.1",
      "1.6",
      "预算调整率为10.00%，处于0至10%（含）档，得1.6分",
      "预算调整率 10.00%, in the band above 0 up to 10% (inclusive): 1.6 points",
    ],
    [
      adjustment,
      "0.125",
      "1",
      "预算调整率为12.50%，处于10%至20%（含）档，得1分",
      "预算调整率 12.50%, in the band above 10% up to 20% (inclusive): 1 point",
    ],
    [adjustment, "0.35", "0", "预算调整率为35.00%，高于30%，得0分", "预算调整率 35.00%, above 30%: 0 points"],
    // in no band: the 无法计算时 score, the value said
    [
      adjustment,
      "-0.01",
      "0",
      "预算调整率为-1.00%，不在任何评分档内，得0分",
      "预算调整率 -1.00%, in no scoring band: 0 points",
    ],
    [
      `${adjustment}; 无法计算时=50%`,
      "-0.01",
      "1",
      "预算调整率为-1.00%，不在任何评分档内，得1分",
      "预算调整率 -1.00%, in no scoring band: 1 point",
    ],
    // the standard template's own first band
    [
      "<=0: 100%; (0,10%]: 80%; >10%: 0",
      "0",
      "2",
      "预算调整率为0.00%，不超过0，得满分",
      "预算调整率 0.00%, at or below 0: full marks",
    ],
    [adjustment, NA_ZERO, "2", "分母为0，不适用，得满分", "The denominator is 0: not applicable, full marks"],
    [adjustment, NA_BLANK, "2", "缺少数据，不适用，得满分", "Data missing: not applicable, full marks"],
  ]);
  const satisfaction = ">=90%: 100%; [80%,90%): 80%; [60%,80%): 60%; <60%: 0";
  edges("bands", "社会公众或服务对象满意度", "percent", "5", [
    [
      satisfaction,
      "0.97",
      "5",
      "社会公众或服务对象满意度为97.00%，不低于90%，得满分",
      "社会公众或服务对象满意度 97.00%, at or above 90%: full marks",
    ],
    [
      satisfaction,
      "0.85",
      "4",
      "社会公众或服务对象满意度为85.00%，处于80%（含）至90%档，得4分",
      "社会公众或服务对象满意度 85.00%, in the band from 80% (inclusive) up to 90%: 4 points",
    ],
    [
      satisfaction,
      "0.5",
      "0",
      "社会公众或服务对象满意度为50.00%，低于60%，得0分",
      "社会公众或服务对象满意度 50.00%, below 60%: 0 points",
    ],
    [
      "[0,60%]: 0; (60%,100%): 80%; [100%,∞): 5",
      "0.8",
      "4",
      "社会公众或服务对象满意度为80.00%，处于60%至100%档，得4分",
      "社会公众或服务对象满意度 80.00%, in the band above 60% up to 100%: 4 points",
    ],
    [
      "[0,60%]: 0; (60%,100%): 80%; [100%,∞): 5",
      "0.6",
      "0",
      "社会公众或服务对象满意度为60.00%，处于0（含）至60%（含）档，得0分",
      "社会公众或服务对象满意度 60.00%, in the band from 0 (inclusive) up to 60% (inclusive): 0 points",
    ],
  ]);
  // Amounts: the value with two decimals, the bounds as numbers.
  edges("bands", "超预算支出", "amount", "2", [
    [
      "[0,100]: 2; >100: 0",
      "12.5",
      "2",
      "超预算支出为12.50，处于0（含）至100（含）档，得满分",
      "超预算支出 12.50, in the band from 0 (inclusive) up to 100 (inclusive): full marks",
    ],
    ["[0,100]: 2; >100: 0", "150", "0", "超预算支出为150.00，高于100，得0分", "超预算支出 150.00, above 100: 0 points"],
  ]);
});

describe("按比例 (proportional)", () => {
  edges("proportional", "支付进度", "percent", "3", [
    [
      "目标值=100%",
      "1",
      "3",
      "支付进度为100.00%，达到目标值100%，得满分",
      "支付进度 100.00%, reaching the target 100%: full marks",
    ],
    [
      "目标值=100%",
      "1.2",
      "3",
      "支付进度为120.00%，达到目标值100%，得满分",
      "支付进度 120.00%, reaching the target 100%: full marks",
    ],
    [
      "目标值=100%",
      "0.95",
      "2.85",
      "支付进度为95.00%，未达到目标值100%，按比例得2.85分",
      "支付进度 95.00%, short of the target 100%: 2.85 points in proportion",
    ],
    [
      "目标值=100%",
      "0.9556",
      "2.8668",
      "支付进度为95.56%，未达到目标值100%，按比例得2.87分",
      "支付进度 95.56%, short of the target 100%: 2.87 points in proportion",
    ],
    [
      "目标值=100%",
      "0",
      "0",
      "支付进度为0.00%，未达到目标值100%，按比例得0分",
      "支付进度 0.00%, short of the target 100%: 0 points in proportion",
    ],
    [
      "目标值=50%",
      "0.3",
      "1.8",
      "支付进度为30.00%，未达到目标值50%，按比例得1.8分",
      "支付进度 30.00%, short of the target 50%: 1.8 points in proportion",
    ],
  ]);
  edges(
    "proportional",
    "政府采购执行率",
    "percent",
    "2",
    [
      // 0 ÷ 0: not applicable, named by the figure that is 0 — never 「请检查分母」 when the data are right
      [
        "目标值=100%",
        NA_ZERO,
        "2",
        "政府采购预算数为0，不适用，得满分",
        "政府采购预算数 is 0: not applicable, full marks",
      ],
      [
        "目标值=100%; 不适用时=50%",
        NA_ZERO,
        "1",
        "政府采购预算数为0，不适用，得1分",
        "政府采购预算数 is 0: not applicable, 1 point",
      ],
      [
        "目标值=100%; 无法计算时=100%",
        UNDEFINED,
        "2",
        "政府采购预算数为0而实际政府采购金额不为0，指标值无法计算，得满分",
        "政府采购预算数 is 0 but 实际政府采购金额 is not: the value cannot be computed, full marks",
      ],
      [
        "目标值=100%",
        UNDEFINED,
        "0",
        "政府采购预算数为0而实际政府采购金额不为0，指标值无法计算，得0分",
        "政府采购预算数 is 0 but 实际政府采购金额 is not: the value cannot be computed, 0 points",
      ],
      [
        "目标值=100%",
        NA_BLANK,
        "2",
        "未填写实际政府采购金额、政府采购预算数，不适用，得满分",
        "实际政府采购金额, 政府采购预算数 not filled in: not applicable, full marks",
      ],
    ],
    {
      ...NO_FACTS,
      blank: ["实际政府采购金额", "政府采购预算数"],
      denominator: "政府采购预算数",
      numerator: "实际政府采购金额",
    },
  );
});

describe("逐项扣分 (checklist)", () => {
  edges(
    "checklist",
    "资料完整性",
    "integer",
    "2",
    [
      ["每项扣分=0.5", "0", "2", "无缺项，得满分", "Nothing missing: full marks"],
      ["每项扣分=0.5", "1", "1.5", "缺少1项，每项扣0.5分，扣0.5分", "1 item missing, 0.5 each: 0.5 points deducted"],
      ["每项扣分=0.5", "3", "0.5", "缺少3项，每项扣0.5分，扣1.5分", "3 items missing, 0.5 each: 1.5 points deducted"],
      ["每项扣分=0.5", "4", "0", "缺少4项，每项扣0.5分，扣2分", "4 items missing, 0.5 each: 2 points deducted"],
      [
        "每项扣分=0.5",
        "5",
        "0",
        "缺少5项，每项扣0.5分，扣完为止，得0分",
        "5 items missing, 0.5 each until none are left: 0 points",
      ],
      ["每项扣分=0", "2", "2", "缺少2项，每项扣0分，扣0分", "2 items missing, 0 each: 0 points deducted"],
      [
        "每项扣分=0.5",
        NA_EMPTY,
        "2",
        "重点工作中没有数据，不适用，得满分",
        "The table 重点工作 has no rows: not applicable, full marks",
      ],
    ],
    { ...NO_FACTS, table: "重点工作" },
  );
});

describe("按次扣分 (per_event)", () => {
  edges(
    "per_event",
    "指标或资金收回",
    "integer",
    "3",
    [
      ["每次扣分=1", "0", "3", "未发生指标或资金收回，得满分", "指标或资金收回: none, full marks"],
      [
        "每次扣分=1",
        "1",
        "2",
        "指标或资金收回1次，每次扣1分，扣1分",
        "指标或资金收回: 1 occurrence, 1 each: 1 point deducted",
      ],
      [
        "每次扣分=0.5",
        "3",
        "1.5",
        "指标或资金收回3次，每次扣0.5分，扣1.5分",
        "指标或资金收回: 3 occurrences, 0.5 each: 1.5 points deducted",
      ],
      [
        "每次扣分=1",
        "3",
        "0",
        "指标或资金收回3次，每次扣1分，扣3分",
        "指标或资金收回: 3 occurrences, 1 each: 3 points deducted",
      ],
      [
        "每次扣分=1",
        "4",
        "0",
        "指标或资金收回4次，每次扣1分，扣完为止，得0分",
        "指标或资金收回: 4 occurrences, 1 each until none are left: 0 points",
      ],
      [
        "每次扣分=0",
        "3",
        "3",
        "指标或资金收回3次，每次扣0分，扣0分",
        "指标或资金收回: 3 occurrences, 0 each: 0 points deducted",
      ],
      [
        "每次扣分=1",
        NA_BLANK,
        "3",
        "未填写被收回指标或资金（次），不适用，得满分",
        "被收回指标或资金（次） not filled in: not applicable, full marks",
      ],
      [
        "每次扣分=1",
        TEXT,
        "0",
        "指标值不是数值，无法计算，得0分",
        "The value is not a number and cannot be computed: 0 points",
      ],
    ],
    { ...NO_FACTS, blank: ["被收回指标或资金（次）"] },
  );
  // Without a name (a rule scored on its own): the events are said without one.
  edges("per_event", null, "integer", "3", [
    ["每次扣分=1", "0", "3", "未发生扣分事项，得满分", "No occurrences: full marks"],
    ["每次扣分=1", "2", "1", "发生2次，每次扣1分，扣2分", "2 occurrences, 1 each: 2 points deducted"],
  ]);
});

describe("人工评分 (manual)", () => {
  it.each([
    ["2", "人工评分，得满分", "Scored by the evaluator: full marks"],
    ["1.5", "人工评分，得1.5分", "Scored by the evaluator: 1.5 points"],
    ["1", "人工评分，得1分", "Scored by the evaluator: 1 point"],
    ["0", "人工评分，得0分", "Scored by the evaluator: 0 points"],
  ])("自评得分 %s: %s", (score, zh, en) => {
    const c = compileRule("manual", "", new Decimal(2));
    if (!c.ok) throw new Error(JSON.stringify(c.problems));
    const r = c.rule.score(new Decimal(score), { name: "管理制度健全性", format: "number" });
    expect([r.score.toString(), renderPhrase("zh-CN", r.explain), renderPhrase("en", r.explain)]).toEqual([
      score,
      zh,
      en,
    ]);
    // The reason below full marks is the evaluator's own (扣分原因), never the rule's words.
    expect(r.deduction).toBeUndefined();
  });

  it("no 自评得分 (an error that blocks scoring, manual_score_missing): 0 points, and why", () => {
    expect(renderPhrase("zh-CN", phrase("manual_missing", {}))).toBe("未填写自评得分，得0分");
    expect(renderPhrase("en", phrase("manual_missing", {}))).toBe(
      "No self-assessed score (自评得分) entered: 0 points",
    );
  });
});

describe("named by the pipeline: the indicator, its value's kind, what is missing", () => {
  const labelled = (name: string, label: string, type: Parameters<typeof field>[1]) => ({
    ...field(name, type),
    label,
  });
  const fields = [
    labelled("sangong_total", "“三公”经费支出合计", "amount"),
    labelled("sangong_prev", "“三公”经费上年支出合计", "amount"),
    labelled("procurement_actual", "实际政府采购金额", "amount"),
    labelled("procurement_budget", "政府采购预算数", "amount"),
    labelled("funds_recalled_count", "被收回指标或资金（次）", "integer"),
    labelled("balance", "结转结余", "amount"),
  ];
  const tasks = {
    ...table(
      "tasks",
      "重点工作",
      2,
      [
        ["name", "text"],
        ["weight", "number"],
        ["completion", "rate"],
      ],
      1,
    ),
  };
  const tpl = template({
    fields,
    tables: [
      {
        ...tasks,
        label: "重点工作",
        columns: tasks.columns.map((c) => (c.key === "completion" ? { ...c, label: "完成率" } : c)),
      },
    ],
    rubric: rubric([
      l1("1", "总", 100),
      l2("1.1", "块", 100),
      leaf(
        "1.1.1",
        "“三公”经费变动率",
        3,
        "change(sangong_total, sangong_prev)",
        "超限扣分",
        "限值=0; 每点扣分=0.3; 无法计算时=100%",
      ),
      leaf("1.1.2", "政府采购执行率", 2, "ratio(procurement_actual, procurement_budget)", "按比例", "目标值=100%"),
      leaf("1.1.3", "指标或资金收回", 3, "funds_recalled_count", "按次扣分", "每次扣分=1"),
      leaf("1.1.4", "结转结余", 2, "balance", "分档", "[0,100]: 2; >100: 0"),
      leaf("1.1.5", "重点工作完成情况", 80, "tasks.completion", "按比例", "目标值=100%", { expand: "tasks" }),
      manual("1.1.6", "管理制度健全性", 10, 10),
    ]),
  });
  const run = (values: Record<string, number | null>, lang: "zh-CN" | "en" = "zh-CN") => {
    const r = scoreAll(
      tpl,
      inputs(values, { tasks: { headerRow: 2, rows: [{ name: "对外交往", weight: 80, completion: 0.5 }] } }),
      { lang },
    );
    if (!r.scores) throw new Error(JSON.stringify(r.diagnostics));
    return new Map(r.scores.indicators.map((i) => [i.id, i]));
  };
  const figures = {
    sangong_total: 60,
    sangong_prev: null,
    procurement_actual: 5,
    procurement_budget: 0,
    funds_recalled_count: 2,
    balance: 150.5,
  };

  it.each([
    // a blank prior year: which input is missing
    [
      "1.1.1",
      "未填写“三公”经费上年支出合计，不适用，得满分",
      "“三公”经费上年支出合计 not filled in: not applicable, full marks",
      "",
    ],
    // actual procurement on a budget of 0: the figure that is 0 and the one that is not
    [
      "1.1.2",
      "政府采购预算数为0而实际政府采购金额不为0，指标值无法计算，得0分",
      "政府采购预算数 is 0 but 实际政府采购金额 is not: the value cannot be computed, 0 points",
      "政府采购预算数为0而实际政府采购金额不为0，指标值无法计算，得0分",
    ],
    // a count of events, written whole
    [
      "1.1.3",
      "指标或资金收回2次，每次扣1分，扣2分",
      "指标或资金收回: 2 occurrences, 1 each: 2 points deducted",
      "指标或资金收回2次，每次扣1分，扣2分",
    ],
    // an amount in 万元, with two decimals
    [
      "1.1.4",
      "结转结余为150.50，高于100，得0分",
      "结转结余 150.50, above 100: 0 points",
      "结转结余为150.50，高于100，得0分",
    ],
    // an expanded task: the sentence starts with the column it reads, not the task's name; its reason is the unit's
    [
      "1.1.5.1",
      "完成率为50.00%，未达到目标值100%，按比例得40分",
      "完成率 50.00%, short of the target 100%: 40 points in proportion",
      "完成率为50.00%，未达到目标值100%，按比例得40分",
    ],
    // the evaluator's full marks
    ["1.1.6", "人工评分，得满分", "Scored by the evaluator: full marks", ""],
  ])("%s: %s", (id, zh, en, reason) => {
    expect(run(figures).get(id)).toMatchObject({ explanation: zh, reason });
    expect(run(figures, "en").get(id)?.explanation).toBe(en);
  });

  it("a zero prior year with spending this year: 无法计算时=100%, full marks, no reason", () => {
    const i = run({ ...figures, sangong_prev: 0 }).get("1.1.1")!;
    expect(i).toMatchObject({
      score: 3,
      explanation: "“三公”经费上年支出合计为0而“三公”经费支出合计不为0，指标值无法计算，得满分",
      reason: "",
    });
  });

  it("0 ÷ 0: named by the denominator, not applicable, full marks", () => {
    const i = run({ ...figures, procurement_actual: 0 }).get("1.1.2")!;
    expect(i).toMatchObject({ score: 2, explanation: "政府采购预算数为0，不适用，得满分", reason: "" });
  });
});
