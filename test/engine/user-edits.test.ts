import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readSnapshot } from "../../src/hosts/xlsx/read-snapshot";
import { runScoring } from "../../src/engine";
import { toA1, parseRange } from "../../src/engine/model/cell";
import { findName, findSheet, type WorkbookSnapshot } from "../../src/engine/model/snapshot";
import { RUBRIC_COLUMNS } from "../../src/engine/compile/read/labels";
import { withCell, type CellInput } from "../fixtures";

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
