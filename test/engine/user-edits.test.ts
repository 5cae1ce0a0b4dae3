import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readSnapshot } from "../../src/hosts/xlsx/read-snapshot";
import { runScoring } from "../../src/engine";
import { toA1, parseRange } from "../../src/engine/model/cell";
import { findName, findSheet, type WorkbookSnapshot } from "../../src/engine/model/snapshot";
import { RUBRIC_COLUMNS } from "../../src/engine/compile/read/labels";
import { withCell, withName, withoutName, withValue, type CellInput } from "../fixtures";

// A bureau or an accountant edits the real example workbook the way they would in Excel; the engine must follow.
const example = () => readSnapshot(readFileSync(path.resolve(__dirname, "../../assets/example-wanzhou-2020.xlsx")));

const text = (v: unknown) => (v && typeof v === "object" && "v" in v ? String((v as { v: unknown }).v) : "");

/** The A1 address of a table's column (by header label) on the row whose `keyLabel` column reads `key`. */
function tableCell(
  s: WorkbookSnapshot,
  tableName: string,
  keyLabel: string,
  key: string,
  label: string,
): { sheet: string; address: string } {
  const header = findName(s, tableName)!;
  const range = parseRange(header.address)!;
  const sheet = findSheet(s, header.sheet)!;
  const headerRow = sheet.cells[range.start.row]!;
  const col = (l: string) => headerRow.findIndex((c) => text(c) === l);
  const keyCol = col(keyLabel);
  const row = sheet.cells.findIndex((r, i) => i > range.start.row && text(r[keyCol]) === key);
  expect(row, `${key} in ${tableName}`).toBeGreaterThan(range.start.row);
  return { sheet: header.sheet, address: toA1({ row, col: col(label) }) };
}

/** The first blank row under a table's data, as addresses of the given column labels. */
function nextBlankRow(s: WorkbookSnapshot, tableName: string, labels: string[]): Record<string, string> {
  const header = findName(s, tableName)!;
  const range = parseRange(header.address)!;
  const sheet = findSheet(s, header.sheet)!;
  const headerRow = sheet.cells[range.start.row]!;
  let row = range.start.row + 1;
  while (text(sheet.cells[row]?.[range.start.col]) !== "") row++;
  return Object.fromEntries(labels.map((l) => [l, toA1({ row, col: headerRow.findIndex((c) => text(c) === l) })]));
}

function set(s: WorkbookSnapshot, at: { sheet: string; address: string }, v: CellInput): WorkbookSnapshot {
  return withCell(s, at.sheet, at.address, v);
}

const rubric = (s: WorkbookSnapshot, indicator: string, column: keyof typeof RUBRIC_COLUMNS) =>
  tableCell(s, "tbl_rubric", RUBRIC_COLUMNS.level3, indicator, RUBRIC_COLUMNS[column]);

const score = (s: WorkbookSnapshot) => runScoring(s).scores;
const scoreOf = (s: WorkbookSnapshot, name: string) => score(s)!.indicators.find((i) => i.name === name)!.score;

describe("a template edited as users edit it", () => {
  it("follows edited weights (kept consistent) into each indicator's score", async () => {
    let s = await example();
    s = set(s, rubric(s, "支付进度", "weight"), 2);
    s = set(s, rubric(s, "指标或资金收回", "weight"), 4);
    expect(scoreOf(s, "支付进度")).toBe(2);
    expect(scoreOf(s, "指标或资金收回")).toBe(4);
    expect(score(s)!.total).toBe(94);
  });

  it("reports an edited weight that breaks its parent's sum at the parent's cell, and scores nothing", async () => {
    let s = await example();
    s = set(s, rubric(s, "支付进度", "weight"), 5);
    const outcome = runScoring(s);
    expect(outcome.scores).toBeNull();
    expect(outcome.writePlan.ops).toEqual([]);
    const d = outcome.diagnostics.find((x) => x.code === "rubric_weight_sum_mismatch");
    expect(d?.params).toMatchObject({ parent: "预算执行", expected: "10", actual: "12" });
    expect(d?.location?.sheet).toBe("指标体系");
  });

  it("scores an added task row (weights rebalanced) by its completion rate", async () => {
    let s = await example();
    s = set(s, tableCell(s, "tbl_tasks", "任务名称", "完成全区涉外疫情防控管理工作", "分值"), 6);
    const row = nextBlankRow(s, "tbl_tasks", ["任务名称", "分值", "完成率", "未完成原因"]);
    s = withCell(s, "重点工作", row["任务名称"]!, "新增：涉外培训");
    s = withCell(s, "重点工作", row["分值"]!, 2);
    s = withCell(s, "重点工作", row["完成率"]!, 0.5);
    s = withCell(s, "重点工作", row["未完成原因"]!, "培训延期");
    const sheet = score(s)!;
    expect(sheet.indicators.find((i) => i.name === "新增：涉外培训")?.score).toBe(1);
    expect(sheet.levels.find((l) => l.name === "产出")?.score).toBe(45);
    expect(sheet.total).toBe(93);
  });

  it("follows a moved band", async () => {
    let s = await example();
    s = set(
      s,
      rubric(s, "社会公众或服务对象满意度", "ruleParams"),
      ">=98%: 100%; [80%,98%): 80%; [60%,80%): 60%; <60%: 0",
    );
    expect(scoreOf(s, "社会公众或服务对象满意度")).toBe(4);
    expect(score(s)!.total).toBe(93);
  });

  it("follows a swapped rule", async () => {
    let s = await example();
    s = set(s, rubric(s, "社会公众或服务对象满意度", "ruleKind"), "按比例");
    s = set(s, rubric(s, "社会公众或服务对象满意度", "ruleParams"), "target=100%");
    expect(scoreOf(s, "社会公众或服务对象满意度")).toBe(4.85);
    expect(score(s)!.total).toBe(93.85);
    expect(score(s)!.grade).toBe("优");
  });

  it("takes the grade bands from the workbook", async () => {
    let s = await example();
    s = set(s, tableCell(s, "tbl_grades", "等级", "优", "最低分"), 95);
    expect(score(s)!.grade).toBe("良");
  });
});

/** Fill the first blank row under a table: label → value. */
function addRow(s: WorkbookSnapshot, tableName: string, cells: Record<string, CellInput>): WorkbookSnapshot {
  const at = nextBlankRow(s, tableName, Object.keys(cells));
  const sheet = findName(s, tableName)!.sheet;
  return Object.entries(cells).reduce((acc, [label, v]) => withCell(acc, sheet, at[label]!, v), s);
}

const FIELD_COLUMNS = ["名称", "标签", "类型", "必填", "最小值", "最大值", "方向", "说明"] as const;
const field = (row: readonly CellInput[]) => Object.fromEntries(FIELD_COLUMNS.map((c, i) => [c, row[i] ?? null]));

// docs/template-format.md, "Recipes": each recipe done on the shipped example exactly as the steps say.
describe("the recipes of docs/template-format.md", () => {
  /** Recipe 1: two input fields (a cell each, its defined name, its 字段定义 row). */
  const withMeetingFields = (s: WorkbookSnapshot, budget: number, actual: number): WorkbookSnapshot => {
    s = withCell(s, "收支情况", "A47", "会议费预算数");
    s = withCell(s, "收支情况", "B47", budget);
    s = withName(s, "meeting_budget", "收支情况!$B$47");
    s = withCell(s, "收支情况", "A48", "会议费支出");
    s = withCell(s, "收支情况", "B48", actual);
    s = withName(s, "meeting_actual", "收支情况!$B$48");
    s = addRow(s, "tbl_fields", field(["meeting_budget", "会议费预算数", "金额", "是", 0, null, "输入", "万元"]));
    return addRow(s, "tbl_fields", field(["meeting_actual", "会议费支出", "金额", "是", 0, null, "输入", "万元"]));
  };

  /** Recipe 2: an indicator in the rubric's spare row, the weights of its group rebalanced (满意度 5 → 3). */
  const withMeetingIndicator = (s: WorkbookSnapshot): WorkbookSnapshot => {
    s = set(s, rubric(s, "社会公众或服务对象满意度", "weight"), 3);
    return addRow(s, "tbl_rubric", {
      [RUBRIC_COLUMNS.id]: "4.1.4",
      [RUBRIC_COLUMNS.level3]: "会议费控制率",
      [RUBRIC_COLUMNS.weight]: 2,
      [RUBRIC_COLUMNS.description]: "会议费支出 ÷ 预算数；不超过 100% 得满分，每超过 1 个百分点扣 0.2 分",
      [RUBRIC_COLUMNS.ruleKind]: "超限扣分",
      [RUBRIC_COLUMNS.ruleParams]: "限值=100%；方向=高于；每点扣分=0.2",
      [RUBRIC_COLUMNS.formula]: "ratio(meeting_actual, meeting_budget)",
    });
  };

  it("1–2: a new field used by a new indicator: 10.5 ÷ 10 = 105%, 5 points over × 0.2 = 1 off, 1 of 2", async () => {
    const s = withMeetingIndicator(withMeetingFields(await example(), 10, 10.5));
    const outcome = runScoring(s);
    expect(outcome.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const meeting = outcome.scores!.indicators.find((i) => i.name === "会议费控制率")!;
    expect([meeting.value, meeting.score]).toEqual([{ t: "number", v: 1.05 }, 1]);
    // 效果: 经济效益 7 + 社会效益 6.5 + 满意度 3 (97% ≥ 90%: full marks) + 会议费 1 = 17.5; total 94 − 2 + 1 = 93.
    expect(outcome.scores!.levels.find((l) => l.name === "效果")?.score).toBe(17.5);
    expect(outcome.scores!.total).toBe(93);
  });

  it("1: a field without its defined name is named as missing, not read as blank", async () => {
    const s = withoutName(withMeetingIndicator(withMeetingFields(await example(), 10, 10.5)), "meeting_actual");
    const codes = runScoring(s).diagnostics.map((d) => d.code);
    expect(codes).toContain("template_name_missing");
  });

  it("3: an indicator scored row by row over a new table: 1 × 100% + 1 × 50% = 1.5 of 2", async () => {
    let s = await example();
    const header = ["培训项目", "分值", "完成率", "未完成原因", "得分"];
    header.forEach((h, i) => (s = withCell(s, "重点工作", `${"ABCDE"[i]}13`, h)));
    s = withName(s, "tbl_trainings", "重点工作!$A$13:$E$13");
    const rows: CellInput[][] = [
      ["涉外礼仪培训", 1, 1],
      ["外语培训", 1, 0.5, "师资不足，下半年课程顺延"],
    ];
    rows.forEach((r, k) => r.forEach((v, i) => (s = withCell(s, "重点工作", `${"ABCD"[i]}${14 + k}`, v))));
    for (const f of [
      ["trainings.name", "培训项目", "文本", "是", null, null, "输入"],
      ["trainings.weight", "分值", "数值", "是", 0, null, "输入"],
      ["trainings.completion", "完成率", "比率", "是", 0, 1, "输入"],
      ["trainings.reason", "未完成原因", "文本", "否", null, null, "输入"],
      ["trainings.score", "得分", "数值", "否", null, null, "输出"],
    ])
      s = addRow(s, "tbl_fields", field(f));
    s = set(s, rubric(s, "社会公众或服务对象满意度", "weight"), 3);
    s = addRow(s, "tbl_rubric", {
      [RUBRIC_COLUMNS.id]: "4.1.4",
      [RUBRIC_COLUMNS.level3]: "培训完成情况",
      [RUBRIC_COLUMNS.weight]: 2,
      [RUBRIC_COLUMNS.ruleKind]: "按比例",
      [RUBRIC_COLUMNS.ruleParams]: "目标值=100%",
      [RUBRIC_COLUMNS.formula]: "trainings.completion",
      [RUBRIC_COLUMNS.expand]: "trainings",
    });
    const outcome = runScoring(s);
    expect(outcome.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const byName = (n: string) => outcome.scores!.indicators.find((i) => i.name === n);
    expect([byName("涉外礼仪培训")?.score, byName("外语培训")?.score]).toEqual([1, 0.5]);
    expect(byName("外语培训")?.reason).toBe("师资不足，下半年课程顺延");
    expect(outcome.scores!.total).toBe(93.5);
  });

  it("4: a cap as published tables write it: 全年执行数 ÷ 全年预算数 = 226.86 ÷ 400 = 56.72% → at most 69", async () => {
    let s = await example();
    s = withValue(s, "budget_final", 400);
    s = addRow(s, "tbl_adjustments", {
      编号: "T1",
      名称: "预算执行率封顶",
      指标值公式: "ratio(expend_total, budget_final)",
      调整方式: "封顶",
      参数: "<60%: 69；<50%: 59",
    });
    const sheet = runScoring(s).scores!;
    // 预算调整率 |400 − 226.86| ÷ 226.86 = 76.32% > 30%: 0 of 2, so 92 before the cap.
    expect([sheet.rawTotal, sheet.total, sheet.grade]).toEqual([92, 69, "中"]);
  });

  it("5: a penalty: 会议费 105% of its budget, above 100% → 2 off the total", async () => {
    let s = withMeetingIndicator(withMeetingFields(await example(), 10, 10.5));
    s = addRow(s, "tbl_adjustments", {
      编号: "P1",
      名称: "会议费超支扣减",
      指标值公式: "ratio(meeting_actual, meeting_budget)",
      调整方式: "扣减",
      参数: "比较=高于；标准值=100%；扣分=2",
    });
    const sheet = runScoring(s).scores!;
    expect([sheet.rawTotal, sheet.total]).toEqual([93, 91]);
    // Within budget nothing is taken off.
    const within = runScoring(withMeetingIndicator(withMeetingFields(await example(), 10, 9))).scores!;
    expect([within.rawTotal, within.total]).toEqual([94, 94]);
  });
});

describe("the rubric's 满分 (指标体系, above the grades)", () => {
  /** 投入 5 → 10 (预算配置 5 → 10, 财政供养人员控制率 2 → 7): the level-1 weights add up to 105. */
  const to105 = (s: WorkbookSnapshot): WorkbookSnapshot => {
    s = set(s, tableCell(s, "tbl_rubric", RUBRIC_COLUMNS.level1, "投入", RUBRIC_COLUMNS.weight), 10);
    s = set(s, tableCell(s, "tbl_rubric", RUBRIC_COLUMNS.level2, "预算配置", RUBRIC_COLUMNS.weight), 10);
    return set(s, rubric(s, "财政供养人员控制率", "weight"), 7);
  };
  const codes = (s: WorkbookSnapshot) => runScoring(s).diagnostics.map((d) => d.code);

  it("ships as 100, and the example's weights add up to it", async () => {
    const s = await example();
    expect(
      text(findSheet(s, "指标体系")!.cells[parseRange(findName(s, "rubric_full_score")!.address)!.start.row]![1]),
    ).toBe("100");
    expect(codes(s)).not.toContain("rubric_full_score_mismatch");
  });

  it("weights of 105 against 满分 100 are an error naming both; declared 105 they score: 94 + 5 = 99", async () => {
    const s = to105(await example());
    const d = runScoring(s).diagnostics.find((x) => x.code === "rubric_full_score_mismatch");
    expect(d).toMatchObject({ severity: "error", params: { expected: "100", actual: "105" } });
    const declared = withValue(s, "rubric_full_score", 105);
    const outcome = runScoring(declared);
    expect(outcome.diagnostics.filter((x) => x.severity === "error")).toEqual([]);
    expect([outcome.scores!.total, outcome.scores!.fullScore, outcome.scores!.grade]).toEqual([99, 105, "优"]);
  });

  it("grade bands are checked against it: 满分 50 leaves 优 (90), 良 (80) and 中 (60) out of reach", async () => {
    const outcome = runScoring(withValue(await example(), "rubric_full_score", 50));
    const above = outcome.diagnostics.filter((d) => d.code === "grade_bands_invalid");
    expect(above.map((d) => [d.location?.label, d.params])).toEqual(
      [
        ["优", "90"],
        ["良", "80"],
        ["中", "60"],
      ].map(([g, min]) => [g, { problem: "grade_above_full", detail: [g, min, "50"] }]),
    );
    expect(outcome.scores).toBeNull();
  });

  it("blank, or a workbook made before the setting existed, means 100", async () => {
    const blank = withValue(await example(), "rubric_full_score", null);
    expect(runScoring(blank).scores?.total).toBe(94);
    // Before the setting: no defined name and no 字段定义 row (the table's last row moved into its place).
    let older = withoutName(await example(), "rubric_full_score");
    const fields = findSheet(older, "字段定义")!.cells;
    const at = fields.findIndex((r) => text(r?.[0]) === "rubric_full_score");
    let last = fields.length - 1;
    while (last > at && text(fields[last]?.[0]) === "") last--;
    for (let c = 0; c < 8; c++) {
      const moved = fields[last]?.[c];
      older = withCell(older, "字段定义", toA1({ row: at, col: c }), moved ? text(moved) || null : null);
      older = withCell(older, "字段定义", toA1({ row: last, col: c }), null);
    }
    expect(runScoring(older).scores?.total).toBe(94);
    expect(codes(to105(older))).toContain("rubric_full_score_mismatch");
  });
});

describe("a 评分参数 that names a field (目标值=card_target)", () => {
  /** 公务卡 8.50 against 现金 8.50: a card rate of 50%; 公务卡刷卡率's target from a new rate field. */
  const withTarget = async (target: number | null): Promise<WorkbookSnapshot> => {
    let s = withValue(await example(), "cash_settlement", 8.5);
    s = withCell(s, "收支情况", "A47", "公务卡刷卡率目标");
    s = withCell(s, "收支情况", "B47", target);
    s = withName(s, "card_target", "收支情况!$B$47");
    s = addRow(s, "tbl_fields", field(["card_target", "公务卡刷卡率目标", "比率", "否", 0, 1, "输入"]));
    return set(s, rubric(s, "公务卡刷卡率", "ruleParams"), "目标值=card_target");
  };

  it("takes the field's value: 50% of a target of 80% → 2 × 50 ÷ 80 = 1.25", async () => {
    const outcome = runScoring(await withTarget(0.8));
    expect(outcome.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const card = outcome.scores!.indicators.find((i) => i.name === "公务卡刷卡率")!;
    expect(card.score).toBe(1.25);
    expect(card.explanation).toBe("公务卡刷卡率为50.00%，未达到目标值80%，按比例得1.25分");
  });

  it("a blank field is an error at the 评分参数 cell naming the field, and nothing is scored", async () => {
    const outcome = runScoring(await withTarget(null));
    const d = outcome.diagnostics.find((x) => x.code === "rule_invalid");
    expect(d).toMatchObject({
      severity: "error",
      location: { sheet: "指标体系", address: rubric(await withTarget(null), "公务卡刷卡率", "ruleParams").address },
      params: { problem: "param_field_blank", detail: ["公务卡刷卡率目标", "card_target"] },
    });
    expect(outcome.scores).toBeNull();
  });
});

describe("room to grow in the rubric", () => {
  it("blank rows above 合计 take new indicators by typing; blank rows left between are named and skipped", async () => {
    let s = await example();
    const first = nextBlankRow(s, "tbl_rubric", [RUBRIC_COLUMNS.id])[RUBRIC_COLUMNS.id]!;
    const row = Number(first.slice(1));
    const total = findName(s, "result_rubric_weight")!;
    // The shipped template leaves six rows between the last indicator and 合计.
    expect(parseRange(total.address)!.start.row + 1 - row).toBeGreaterThanOrEqual(6);
    // An indicator typed into the third blank row (满意度 5 → 3 to make room for 2 points).
    s = set(s, rubric(s, "社会公众或服务对象满意度", "weight"), 3);
    const at = (label: string) => toA1({ row: row + 1, col: columnIndex(s, label) });
    s = withCell(s, "指标体系", at(RUBRIC_COLUMNS.id), "4.1.4");
    s = withCell(s, "指标体系", at(RUBRIC_COLUMNS.level3), "会议费控制率");
    s = withCell(s, "指标体系", at(RUBRIC_COLUMNS.weight), 2);
    s = withCell(s, "指标体系", at(RUBRIC_COLUMNS.ruleKind), "人工评分");
    s = withCell(s, "指标体系", at(RUBRIC_COLUMNS.manualScore), 2);
    const outcome = runScoring(s);
    expect(outcome.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(outcome.scores!.indicators.find((i) => i.name === "会议费控制率")?.score).toBe(2);
    expect(outcome.scores!.total).toBe(94);
    const blanks = outcome.diagnostics.filter((d) => d.code === "rubric_blank_row").map((d) => d.location?.address);
    expect(blanks).toEqual([`A${row}`, `A${row + 1}`]);
  });
});

function columnIndex(s: WorkbookSnapshot, label: string): number {
  const header = findName(s, "tbl_rubric")!;
  const range = parseRange(header.address)!;
  return findSheet(s, header.sheet)!.cells[range.start.row]!.findIndex((c) => text(c) === label);
}
