import type { Diagnostic } from "../../../src/engine/diagnostics/types";
import { renderDiagnostic } from "../../../src/engine/diagnostics/render";
import { gradeFor } from "../../../src/engine/score/grade";
import { checkGrades } from "../../../src/engine/compile/grades";
import { scoreAll } from "./score-all";
import type { GradeBandDef } from "../../../src/engine/compile/read/types";
import Decimal from "decimal.js";
import { field, inputs, l1, l2, leaf, manual, rubric, table, template, wanzhouCase } from "./builders";

const codes = (ds: readonly Diagnostic[]) => ds.map((d) => `${d.code}@${d.location?.address ?? "-"}`);

/**
 * The rubric completed to the full score of 100 (rubric_full_score_mismatch otherwise): a last level-1 其他 of
 * 100 − W with one manual indicator scored `fillerScore` (default full marks), below every row under test.
 */
function toFull(rows: ReturnType<typeof leaf>[], weight: number, fillerScore = 100 - weight) {
  if (weight >= 100) return rows;
  const rest = 100 - weight;
  return [...rows, l1("9", "其他", rest), l2("9.1", "其他", rest), manual("9.1.1", "其他", rest, fillerScore, "不足")];
}

/** A one-block rubric: 总 (W) → 块 (W) → the given leaves, with fields a, b, c (then 其他, to 100 points). */
function small(
  leaves: ReturnType<typeof leaf>[],
  weight: number,
  values: Record<string, number | null> = {},
  fillerScore?: number,
) {
  const tpl = template({
    fields: [field("a"), field("b"), field("c")],
    rubric: rubric(toFull([l1("1", "总", weight), l2("1.1", "块", weight), ...leaves], weight, fillerScore)),
  });
  return scoreAll(tpl, inputs(values));
}

describe("rubric structure and weights", () => {
  it("reports children whose weights do not add up, at the parent's 分值 cell", () => {
    const r = small([leaf("1.1.1", "甲", 2, "a", "按比例"), leaf("1.1.2", "乙", 2, "b", "按比例")], 5, { a: 1, b: 1 });
    expect(r.scores).toBeNull();
    // 总 on Excel row 4 and 块 on row 5; 分值 is column E
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        code: "rubric_weight_sum_mismatch",
        location: expect.objectContaining({ address: "E5" }),
        params: { parent: "块", expected: "5", actual: "4" },
      }),
    ]);
  });

  it.each([
    [
      "a duplicate id",
      [leaf("1.1.1", "甲", 1, "a", "按比例"), leaf("1.1.1", "乙", 1, "b", "按比例")],
      ["rubric_duplicate_id@A7"],
    ],
    ["an unknown field", [leaf("1.1.1", "甲", 2, "zz / a", "按比例")], ["formula_unknown_field@F6"]],
    ["an unknown column", [leaf("1.1.1", "甲", 2, "sum(t.x)", "按比例")], ["formula_unknown_field@F6"]],
    ["a broken formula", [leaf("1.1.1", "甲", 2, "ratio(a", "按比例")], ["formula_invalid@F6"]],
    ["a missing formula", [leaf("1.1.1", "甲", 2, "", "按比例")], ["formula_invalid@F6"]],
    ["an unknown rule", [leaf("1.1.1", "甲", 2, "a", "拍脑袋")], ["rule_unknown@G6"]],
    ["a bad parameter", [leaf("1.1.1", "甲", 2, "a", "达标", "limit=abc")], ["rule_invalid@H6"]],
    ["overlapping bands", [leaf("1.1.1", "甲", 2, "a", "分档", "<=1: 2; >=1: 0")], ["rule_bands_overlap@H6"]],
    ["a gap between bands", [leaf("1.1.1", "甲", 2, "a", "分档", "<1: 2; >1: 0")], ["rule_bands_gap@H6"]],
    [
      "a blank weight",
      [leaf("1.1.1", "甲", null, "a", "按比例"), leaf("1.1.2", "乙", 2, "a", "按比例")],
      ["rubric_weight_invalid@E6"],
    ],
  ])("reports %s at its cell", (_what, leaves, expected) => {
    const r = small(leaves, 2, { a: 1, b: 1 });
    expect(r.scores).toBeNull();
    expect(codes(r.diagnostics)).toEqual(expected);
  });

  it("reports a leaf with no level-2 row above it", () => {
    const tpl = template({
      fields: [field("a")],
      rubric: rubric([l1("1", "总", 2), leaf("1.1", "甲", 2, "a", "按比例")]),
    });
    const r = scoreAll(tpl, inputs({ a: 1 }));
    expect(r.scores).toBeNull();
    expect(codes(r.diagnostics)).toContain("rubric_structure@D5");
  });

  it("checks that an expanded leaf's rows add up to its 分值", () => {
    const tasks = table(
      "tasks",
      "重点工作",
      2,
      [
        ["name", "text"],
        ["weight", "number"],
        ["completion", "rate"],
        ["reason", "text"],
        ["score", "number", true],
      ],
      2,
    );
    const tpl = template({
      tables: [tasks],
      rubric: rubric(
        toFull(
          [
            l1("3", "产出", 10),
            l2("3.1", "职责履行", 10),
            leaf("3.1.1", "任务", 10, "tasks.completion", "按比例", "", { expand: "tasks" }),
          ],
          10,
        ),
      ),
    });
    const rows = [
      { name: "甲", weight: 6, completion: 1 },
      { name: "乙", weight: 3, completion: 1 },
    ];
    const r = scoreAll(tpl, inputs({}, { tasks: { headerRow: 2, rows } }));
    expect(r.scores).toBeNull();
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        code: "rubric_weight_sum_mismatch",
        location: expect.objectContaining({ address: "E6" }),
        params: { parent: "任务", expected: "10", actual: "9" },
      }),
    ]);
  });
});

describe("a table-expanded indicator", () => {
  const tasks = table(
    "tasks",
    "重点工作",
    2,
    [
      ["name", "text"],
      ["weight", "number"],
      ["completion", "rate"],
      ["reason", "text"],
      ["score", "number", true],
    ],
    2,
  );
  const run = (formula: string) => {
    const tpl = template({
      tables: [tasks],
      rubric: rubric(
        toFull(
          [
            l1("3", "产出", 10),
            l2("3.1", "职责履行", 10),
            leaf("3.1.1", "任务", 10, formula, "按比例", "", { expand: "tasks" }),
          ],
          10,
        ),
      ),
    });
    const rows = [
      { name: "甲", weight: 6, completion: 1.2, reason: "" },
      { name: "乙", weight: 4, completion: 0.5, reason: "资金未到位" },
    ];
    const s = scoreAll(tpl, inputs({}, { tasks: { headerRow: 2, rows } })).scores!;
    return s.indicators.filter((i) => i.id.startsWith("3.1.1.")).map((i) => [i.value, i.score]);
  };

  it("reads a column as the current row inside min() and max(), as the docs say (issue 16)", () => {
    // 甲 capped at 100% → 6 of 6; 乙 50% → 2 of 4. Read as the whole column, min(…) was 50% for both (3 and 2).
    expect(run("min(tasks.completion, 100%)")).toEqual([
      [{ t: "number", v: 1 }, 6],
      [{ t: "number", v: 0.5 }, 2],
    ]);
    expect(run("max(tasks.completion, 80%)")).toEqual([
      [{ t: "number", v: 1.2 }, 6],
      [{ t: "number", v: 0.8 }, 3.2],
    ]);
  });

  it("over a table with no 分值 column: one error saying so, not one per made-up row (issue 16)", () => {
    const noWeight = table(
      "benefits",
      "效益",
      2,
      [
        ["name", "text"],
        ["done", "yesno"],
      ],
      2,
    );
    const tpl = template({
      tables: [noWeight],
      rubric: rubric(
        toFull(
          [
            l1("3", "产出", 10),
            l2("3.1", "职责履行", 10),
            leaf("3.1.1", "任务", 10, "benefits.done", "按比例", "", { expand: "benefits" }),
          ],
          10,
        ),
      ),
    });
    const rows = [
      { name: "甲", done: true },
      { name: "乙", done: false },
    ];
    const r = scoreAll(tpl, inputs({}, { benefits: { headerRow: 2, rows } }));
    expect(r.diagnostics.filter((d) => d.code === "rubric_structure")).toHaveLength(1);
    const d = r.diagnostics.find((x) => x.code === "rubric_structure")!;
    expect(d.location?.address).toBe("I6");
    expect(renderDiagnostic(d, "zh-CN").message).toContain(
      "表格“benefits”没有分值列，不能逐项展开（逐项展开的表格需要名称和分值两列，并列在「字段定义」中；该表现有的列：name、done）",
    );
    expect(r.diagnostics.filter((x) => x.code === "rubric_weight_invalid")).toEqual([]);
  });

  it("puts an expanded row's note on its table row, not on the shared formula cell (issue 16)", () => {
    const tpl = template({
      tables: [tasks],
      rubric: rubric(
        toFull(
          [
            l1("3", "产出", 10),
            l2("3.1", "职责履行", 10),
            leaf("3.1.1", "任务", 10, "ratio(tasks.completion, tasks.weight - tasks.weight)", "按比例", "", {
              expand: "tasks",
            }),
          ],
          10,
        ),
      ),
    });
    const rows = [
      { name: "甲", weight: 6, completion: 1, reason: "x" },
      { name: "乙", weight: 4, completion: 0.5, reason: "x" },
    ];
    const r = scoreAll(tpl, inputs({}, { tasks: { headerRow: 2, rows } }));
    const notes = r.diagnostics.filter((d) => d.code === "value_undefined");
    expect(notes.map((d) => `${d.location?.sheet}!${d.location?.address}`)).toEqual(["重点工作!A4", "重点工作!A5"]);
  });

  it("keeps sum() an aggregate of the column", () => {
    expect(run("tasks.completion * 10 / sum(tasks.weight)")).toEqual([
      [{ t: "number", v: 1.2 }, 6],
      [{ t: "number", v: 0.5 }, 2],
    ]);
  });
});

describe("manual indicators", () => {
  it.each([
    [null, "", ["manual_score_missing@J6"], null],
    [2.5, "", ["manual_score_out_of_range@J6"], null],
    [-1, "太差", ["manual_score_out_of_range@J6", "manual_score_step@J6"].slice(0, 1), null],
    [1.3, "有不足", ["manual_score_step@J6"], 1.3],
    [1.5, "", ["reason_missing@K6"], 1.5],
    [1.5, "制度有待加强", [], 1.5],
    [2, "", [], 2],
  ])("score %s with reason %j → %j", (score, reason, expected, result) => {
    const r = small([manual("1.1.1", "制度", 2, score, reason)], 2);
    expect(codes(r.diagnostics)).toEqual(expected);
    expect(r.scores?.indicators[0]?.score ?? null).toBe(result);
  });

  it("honours the template's step", () => {
    const spec = { ...manual("1.1.1", "制度", 2, 1.25, "x"), ruleParams: "step=0.25" };
    expect(codes(small([spec], 2).diagnostics)).toEqual([]);
  });

  it("warns when a task below full marks has no 未完成原因", () => {
    const { template: tpl, values } = wanzhouCase();
    const tasks = values.tables
      .get("tasks")!
      .map((r) => ({ ...r, values: new Map([...r.values].filter(([k]) => k !== "reason")) }));
    const r = scoreAll(tpl, { ...values, tables: new Map([...values.tables, ["tasks", tasks]]) });
    expect(codes(r.diagnostics).filter((c) => c.startsWith("reason_missing"))).toEqual(["reason_missing@E8"]);
    // Named by the column's own title (issue 16: was always 「扣分原因」); the standard title is in rubric-edits.test.ts
    const missing = r.diagnostics.find((d) => d.code === "reason_missing")!;
    expect(missing.params).toMatchObject({ column: "reason" });
    expect(r.scores!.indicators.find((i) => i.id === "3.1.1.5")!.reason).toBe(
      // the test template's column label is its key (completion)
      "completion为50.00%，未达到目标值100%，按比例得4分",
    );
  });
});

describe("not applicable and undefined values", () => {
  it.each([
    // 三公经费控制率: budget 0 and actual 0 → na, W; budget 0 and actual > 0 → undefined, 0
    [{ a: 0, b: 0 }, 2, "not_applicable"],
    [{ a: 1, b: 0 }, 0, "value_undefined"],
    [{ a: null, b: 4 }, 2, "not_applicable"],
    [{ a: 4.1, b: 4 }, 1.5, null],
  ])("%j → %s (%s)", (vals, score, code) => {
    const r = small([leaf("1.1.1", "控制率", 2, "ratio(a, b)", "超限扣分", "limit=100%; deduct=10%")], 2, vals);
    expect(r.scores!.indicators[0]!.score).toBe(score);
    expect(r.diagnostics.map((d) => d.code)).toEqual(code ? [code] : []);
  });
});

describe("grades", () => {
  const g = (grade: string, min: number): GradeBandDef => ({ grade, min, ref: { sheet: "指标体系", address: "A1" } });
  const standard = [g("优", 90), g("良", 80), g("中", 60), g("差", 0)];
  it.each([
    ["100", "优"],
    ["90", "优"],
    ["89.99", "良"],
    ["89.999999", "良"],
    ["80", "良"],
    ["79.99", "中"],
    ["60", "中"],
    ["59.99", "差"],
    ["0", "差"],
  ])("%s → %s", (total, grade) => {
    expect(gradeFor(new Decimal(total), standard)).toBe(grade);
  });

  it("uses custom bands in any order", () => {
    const custom = [g("C", 0), g("A", 85), g("B", 70)];
    expect(gradeFor(new Decimal("84.99"), custom)).toBe("B");
    expect(gradeFor(new Decimal("85"), custom)).toBe("A");
    expect(checkGrades(custom)).toEqual([]);
  });

  it.each([
    [[], "grades_empty", []],
    [[g("优", 90), g("良", 90), g("差", 0)], "grades_same_min", ["优", "良", "90"]],
    [[g("优", 90), g("良", 80)], "grade_floor_missing", ["80"]],
    [[g("优", 90), g("良", Number.NaN), g("差", 0)], "grade_without_min", ["良"]],
    [[g("优", 120), g("良", 80), g("差", 0)], "grade_above_full", ["优", "120", "100"]],
  ])("rejects %j as %s %j", (bands, problem, detail) => {
    expect(checkGrades(bands).map((d) => (d.code === "grade_bands_invalid" ? d.params : d.code))).toEqual([
      { problem, detail },
    ]);
  });

  it("says a grade above the full score of 100 cannot be reached (issue 16)", () => {
    const [d] = checkGrades([g("优", 120), g("良", 80), g("差", 0)]);
    expect(renderDiagnostic(d!, "zh-CN").message).toContain(
      "等级“优”的最低分 120 分高于满分 100 分，任何单位都评不到这个等级",
    );
  });

  it("grades the unrounded total: three leaves of 29.9966… total 89.99 → 良", () => {
    const leaves = ["甲", "乙", "丙"].map((n, i) => leaf(`1.1.${i + 1}`, n, 30, "a", "按比例"));
    const r = small(leaves, 90, { a: 0.99989 }, 0);
    expect(r.scores!.totalExact).toBe("89.9901");
    expect(r.scores!.grade).toBe("良");
    expect(r.scores!.total).toBe(89.99);
  });
});

describe("total adjustments", () => {
  const adj = (id: string, kind: string, params: string) => ({
    id,
    name: `调整${id}`,
    formula: "a",
    ruleKind: kind,
    ruleParams: params,
    ref: { sheet: "指标体系", address: `B5${id}` },
    cells: {
      formula: { sheet: "指标体系", address: `D5${id}` },
      ruleKind: { sheet: "指标体系", address: `E5${id}` },
      ruleParams: { sheet: "指标体系", address: `F5${id}` },
    },
  });
  const run = (a: number, adjustments: ReturnType<typeof adj>[]) => {
    const tpl = template({
      fields: [field("a"), field("b")],
      rubric: rubric([l1("1", "总", 100), l2("1.1", "块", 100), leaf("1.1.1", "甲", 100, "b", "按比例")]),
      adjustments,
    });
    return scoreAll(tpl, inputs({ a, b: 0.95 }));
  };
  const cap = adj("1", "封顶", "[70%,80%): 89; [60%,70%): 79; [50%,60%): 69; <50%: 59");
  const penalty = adj("2", "penalty", "op=>=; limit=130%; deduct=2");

  it.each([
    [0.9, 95, 95, "优"],
    [0.75, 95, 89, "良"],
    [0.65, 95, 79, "中"],
    [0.4, 95, 59, "差"],
  ])("caps the total for budget execution %s: %s → %s", (a, raw, total, grade) => {
    const r = run(a, [cap]);
    expect(r.scores!.rawTotal).toBe(raw);
    expect(r.scores!.total).toBe(total);
    expect(r.scores!.grade).toBe(grade);
    expect(r.diagnostics.map((d) => d.code)).toEqual(total < raw ? ["total_capped"] : []);
  });

  it.each([
    [1.3, 93],
    [1.2999, 95],
  ])("applies the over-achievement penalty at %s → %s", (a, total) => {
    const r = run(a, [penalty]);
    expect(r.scores!.total).toBe(total);
    expect(r.scores!.adjustments[0]).toMatchObject({ id: "2", penalty: total === 93 ? 2 : 0, cap: null });
  });

  it("reports unknown adjustment kinds and bad parameters", () => {
    // At the cell that is wrong (调整方式, 参数), not the 编号 (issue 16).
    expect(codes(run(1, [adj("3", "翻倍", "")]).diagnostics)).toEqual(["rule_unknown@E53"]);
    expect(codes(run(1, [adj("4", "扣减", "op=>=")]).diagnostics)).toEqual(["rule_invalid@F54", "rule_invalid@F54"]);
  });

  it("reads published caps in order as they are written: overlapping, the lowest applicable one wins", () => {
    const published = adj("5", "封顶", "<60%: 69; <50%: 59");
    expect(run(0.55, [published]).scores!.total).toBe(69);
    expect(run(0.4, [published]).scores!.total).toBe(59);
    expect(run(0.7, [published]).scores!.total).toBe(95);
    expect(run(0.4, [published]).scores!.adjustments[0]).toMatchObject({ cap: 59 });
  });

  it("accepts Chinese keys in a penalty", () => {
    expect(run(1.3, [adj("6", "扣减", "比较=不低于; 标准值=130%; 扣分=2")]).scores!.total).toBe(93);
  });

  it.each([
    [null, "缺少数据"],
    ["ratio(a, 0)", "分母为0而分子不为0"],
    ["ratio(0, 0)", "分母为0"],
  ])("says why an adjustment over %j was not applied, at its formula", (formula, why) => {
    const a =
      formula === null
        ? adj("7", "扣减", "标准值=130%; 扣分=2")
        : { ...adj("7", "扣减", "标准值=130%; 扣分=2"), formula };
    const tpl = template({
      fields: [field("a"), field("b")],
      rubric: rubric([l1("1", "总", 100), l2("1.1", "块", 100), leaf("1.1.1", "甲", 100, "b", "按比例")]),
      adjustments: [a],
    });
    const r = scoreAll(tpl, inputs({ a: formula === null ? null : 1, b: 0.95 }));
    expect(r.scores!.total).toBe(95);
    const d = r.diagnostics.find((x) => x.code === "adjustment_not_applied");
    expect(d?.location?.address).toBe("D57");
    expect(renderDiagnostic(d!, "zh-CN").message).toBe(`总分调整“调整7”未执行：指标值无法计算（${why}）。`);
  });
});

describe("a bureau's edits to the standard rubric", () => {
  type Rows = Parameters<NonNullable<Parameters<typeof wanzhouCase>[0]>>[0];
  const edit = (name: string, change: Record<string, unknown>) => (rows: Rows) =>
    rows.map((r) => (r.level3 === name || r.level2 === name || r.level1 === name ? { ...r, ...change } : r));

  it("moves a point between two indicators (sums kept): scores follow the new weights", () => {
    const e = (rows: Rows) =>
      edit("财政供养人员控制率", { weight: 3, ruleParams: "limit=100%; deduct=10%" })(
        edit("“三公”经费变动率", { weight: 2 })(rows),
      );
    const { template: tpl, values } = wanzhouCase(e);
    const s = scoreAll(tpl, values).scores!;
    expect(s.indicators.find((i) => i.name === "财政供养人员控制率")!.score).toBe(3);
    expect(s.indicators.find((i) => i.name === "“三公”经费变动率")!.score).toBe(2);
    expect(s.total).toBe(94);
  });

  it("moves a satisfaction band above 97%: 5 → 4, total 93", () => {
    const { template: tpl, values } = wanzhouCase(
      edit("社会公众或服务对象满意度", { ruleParams: ">=98%: 100%; [80%,98%): 80%; [60%,80%): 60%; <60%: 0" }),
    );
    const s = scoreAll(tpl, values).scores!;
    expect(s.indicators.find((i) => i.name === "社会公众或服务对象满意度")!.score).toBe(4);
    expect(s.levels.find((l) => l.name === "效果")!.score).toBe(17.5);
    expect(s.total).toBe(93);
    expect(s.grade).toBe("优");
  });

  it("swaps the tasks' rule to all-or-nothing: the half-done task scores 0, total 90", () => {
    const { template: tpl, values } = wanzhouCase(
      edit("重点工作任务", { ruleKind: "threshold", ruleParams: "op=>=; limit=100%" }),
    );
    const s = scoreAll(tpl, values).scores!;
    expect(s.indicators.filter((i) => i.id.startsWith("3.1.1.")).map((i) => i.score)).toEqual([6, 8, 6, 6, 0, 8, 8]);
    expect(s.total).toBe(90);
    expect(s.grade).toBe("优");
  });

  it("an edit that breaks the sums is an error and blocks scoring", () => {
    const { template: tpl, values } = wanzhouCase(edit("财政供养人员控制率", { weight: 3 }));
    const r = scoreAll(tpl, values);
    expect(r.scores).toBeNull();
    expect(r.diagnostics.map((d) => d.code)).toEqual(["rubric_weight_sum_mismatch"]);
  });
});
