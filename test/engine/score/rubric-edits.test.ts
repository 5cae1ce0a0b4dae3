// Issue 16: the rubric in a finance bureau's hands — each silent failure of the rubric path is a diagnostic
// the user reads (tested as text) or correct behaviour, on the shipped example edited as a bureau edits it.
import { describe, expect, it } from "vitest";
import { EMPTY, renderDiagnostic, runScores, runScoring } from "../../../src/engine";
import type { Diagnostic } from "../../../src/engine/diagnostics/types";
import type { CellValue } from "../../../src/engine/model/cell";
import { toA1 } from "../../../src/engine/model/cell";
import type { WorkbookSnapshot } from "../../../src/engine/model/snapshot";
import { findName, findSheet } from "../../../src/engine/model/snapshot";
import { parseRange } from "../../../src/engine/model/cell";
import { RUBRIC_COLUMNS } from "../../../src/engine/compile/read/labels";
import type { RubricColumnKey } from "../../../src/engine/compile/read/labels";
import { exampleSnapshot, withCells, withValue } from "../../fixtures";

const RUBRIC = "指标体系";
const text = (v: CellValue | undefined) => (v && "v" in v ? String(v.v) : "");

/** 0-based header row and the column of each rubric label. */
function rubricGrid(s: WorkbookSnapshot) {
  const header = parseRange(findName(s, "tbl_rubric")!.address)!.start.row;
  const sheet = findSheet(s, RUBRIC)!;
  const col = (k: RubricColumnKey) => sheet.cells[header]!.findIndex((c) => text(c) === RUBRIC_COLUMNS[k]);
  /** The row whose 编号 is `id`. */
  const row = (id: string) => sheet.cells.findIndex((r, i) => i > header && text(r[col("id")]) === id);
  return { sheet, header, col, row };
}

/** Set rubric cells by 编号 and column. */
function edit(s: WorkbookSnapshot, edits: [id: string, key: RubricColumnKey, value: string | number | null][]) {
  const g = rubricGrid(s);
  return withCells(
    s,
    edits.map(([id, key, v]) => ({
      sheet: RUBRIC,
      row: g.row(id),
      col: g.col(key),
      value: v === null ? { t: "empty" } : typeof v === "number" ? { t: "n", v } : { t: "s", v },
    })),
  );
}

/** Clear every cell of a rubric row (select the row, press Delete). */
function clearRow(s: WorkbookSnapshot, id: string) {
  const g = rubricGrid(s);
  const row = g.row(id);
  const width = g.sheet.cells[g.header]!.length;
  return withCells(
    s,
    Array.from({ length: width }, (_, col) => ({ sheet: RUBRIC, row, col, value: { t: "empty" } as CellValue })),
  );
}

const zh = (d: Diagnostic) => renderDiagnostic(d, "zh-CN");
const withCode = (ds: readonly Diagnostic[], code: string) => ds.filter((d) => d.code === code);

describe("the shipped example", () => {
  it("scores 94 优 with no rubric diagnostic", () => {
    const r = runScores(exampleSnapshot());
    expect(r.scores?.total).toBe(94);
    expect(r.scores?.grade).toBe("优");
    expect(r.diagnostics.filter((d) => d.code.startsWith("rubric"))).toEqual([]);
  });
});

describe("first-level weights against the full score of 100", () => {
  it.each([
    [104, "104", "投入 9 + 过程 25 + 产出 50 + 效果 20"],
    [98, "98", "投入 3 + 过程 25 + 产出 50 + 效果 20"],
  ])("a rubric totalling %s is an error at 指标体系, not graded against 90/80/60", (total, actual, levels) => {
    // 投入 (5) → 1.1 → 1.1.1 …: raise or lower the whole branch so every lower sum still holds.
    const delta = total - 100;
    let s = exampleSnapshot();
    const g = rubricGrid(s);
    const weight = (id: string) => Number(text(g.sheet.cells[g.row(id)]![g.col("weight")]));
    const firstLeaf = g.sheet.cells.map((r) => text(r[g.col("id")])).find((id) => /^1\.\d+\.\d+$/.test(id))!;
    const l2 = firstLeaf.split(".").slice(0, 2).join(".");
    s = edit(s, [
      ["1", "weight", weight("1") + delta],
      [l2, "weight", weight(l2) + delta],
      [firstLeaf, "weight", weight(firstLeaf) + delta],
    ]);
    const r = runScores(s);
    expect(r.scores).toBeNull();
    const [d] = withCode(r.diagnostics, "rubric_full_score_mismatch");
    expect(d?.location).toMatchObject({ sheet: RUBRIC, address: toA1({ row: g.row("1"), col: g.col("weight") }) });
    expect(zh(d!).message).toBe(
      `指标体系的一级指标分值合计为 ${actual} 分（${levels}），不等于满分 100 分；等级标准（优 90 分等）按满分 100 分设定。`,
    );
    expect(r.diagnostics.filter((x) => x.severity === "error").map((x) => x.code)).toEqual([
      "rubric_full_score_mismatch",
    ]);
  });
});

describe("a rubric row cleared instead of deleted", () => {
  it("gets its own diagnostic naming the row; nothing below it is dropped", () => {
    let s = exampleSnapshot();
    const g = rubricGrid(s);
    // 1.1.2 cleared; its points moved to 1.1.1 as the weight-sum advice says.
    const w = (id: string) => Number(text(g.sheet.cells[g.row(id)]![g.col("weight")]));
    const excelRow = g.row("1.1.2") + 1;
    s = edit(s, [["1.1.1", "weight", w("1.1.1") + w("1.1.2")]]);
    s = clearRow(s, "1.1.2");
    const r = runScores(s);
    const [blank] = withCode(r.diagnostics, "rubric_blank_row");
    expect(zh(blank!).message).toBe(`指标体系第 ${excelRow} 行是空行，已跳过；它下面的指标照常读取。`);
    expect(blank!.severity).toBe("warning");
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    // Every indicator below the blank row is still scored: the example has 24 of them before the edit.
    const before = runScores(exampleSnapshot()).scores!;
    expect(r.scores!.indicators.length).toBe(before.indicators.length - 1);
    expect(r.scores!.indicators.map((i) => i.id)).toContain("4.1.3");
    expect(r.scores!.total).toBeGreaterThan(80);
  });

  it("a cleared row left as it is: the blank row and the parent's weight sum, both named", () => {
    const s = clearRow(exampleSnapshot(), "1.1.2");
    const r = runScores(s);
    expect(r.diagnostics.map((d) => d.code)).toEqual(
      expect.arrayContaining(["rubric_blank_row", "rubric_weight_sum_mismatch"]),
    );
  });

  it("a note typed under the rubric after a blank line is not read as an indicator", () => {
    const s0 = exampleSnapshot();
    const g = rubricGrid(s0);
    // The last indicator row, then a cleared row, then a note in 编号 where the 合计 row's name would be.
    const last = g.row("4.1.3");
    const s = withCells(clearRow(s0, "4.1.3"), [
      { sheet: RUBRIC, row: last + 1, col: g.col("id"), value: { t: "s", v: "注：满意度按问卷统计" } },
    ]);
    const r = runScores(s);
    expect(r.diagnostics.filter((d) => d.code === "rubric_structure")).toEqual([]);
  });

  it("blank rows after the last indicator (before 合计) are not reported", () => {
    const r = runScores(exampleSnapshot());
    expect(withCode(r.diagnostics, "rubric_blank_row")).toEqual([]);
  });
});

describe("a task below full marks without its reason", () => {
  it("asks for the column by its own title, 未完成原因", () => {
    const s0 = exampleSnapshot();
    const header = parseRange(findName(s0, "tbl_tasks")!.address)!.start.row;
    const sheet = findSheet(s0, findName(s0, "tbl_tasks")!.sheet)!;
    const col = sheet.cells[header]!.findIndex((c) => text(c) === "未完成原因");
    const row = sheet.cells.findIndex((r, i) => i > header && text(r[col]) !== "");
    const s = withCells(s0, [{ sheet: sheet.name, row, col, value: { t: "empty" } }]);
    const [d] = withCode(runScores(s).diagnostics, "reason_missing");
    expect(zh(d!).message).toMatch(/但没有填写未完成原因。$/);
    expect(zh(d!).fix).toBe("请在「未完成原因」列写明原因。");
  });
});

describe("分值 as typed", () => {
  it("reads 「2分」 as 2 points: the example still scores 94", () => {
    const s0 = exampleSnapshot();
    const g = rubricGrid(s0);
    const w = text(g.sheet.cells[g.row("1.1.1")]![g.col("weight")]);
    const r = runScores(edit(s0, [["1.1.1", "weight", `${w}分`]]));
    expect(r.scores?.total).toBe(94);
  });

  it("quotes what was typed when it is no number", () => {
    const r = runScores(edit(exampleSnapshot(), [["1.1.1", "weight", "两分"]]));
    const [d] = withCode(r.diagnostics, "rubric_weight_invalid");
    expect(zh(d!).message).toMatch(/的分值“两分”不是有效数字。$/);
  });
});

describe("a formula written with labels or misspelt names", () => {
  it("a label typed in the formula is answered with the 字段定义 names to write", () => {
    const r = runScores(edit(exampleSnapshot(), [["1.1.1", "formula", "ratio(在职人数, staff_quota)"]]));
    const [d] = withCode(r.diagnostics, "formula_invalid");
    expect(zh(d!).message).toContain("公式中不能使用符号“在”");
    expect(zh(d!).fix).toBe(
      "公式中请写「字段定义」中的名称，不要写标签，例如：staff_actual（年末实有在职人数（人））。",
    );
  });

  it("a misspelt name is answered with the nearest names", () => {
    const r = runScores(edit(exampleSnapshot(), [["1.1.1", "formula", "ratio(staff_actul, staff_quota)"]]));
    const [d] = withCode(r.diagnostics, "formula_unknown_field");
    expect(zh(d!).fix).toBe(
      "是否应为：staff_actual（年末实有在职人数（人））？请改正公式中的名称，或在「字段定义」中定义该字段。",
    );
  });
});

describe("a value that cannot be computed although the data is right", () => {
  it("says what it scores and that nothing needs doing when the figures are right", () => {
    const r = runScores(withValue(exampleSnapshot(), "sangong_budget", 0));
    const [d] = withCode(r.diagnostics, "value_undefined");
    expect(zh(d!)).toEqual(
      expect.objectContaining({
        message: "「“三公”经费控制率」的指标值无法计算：分母为0而分子不为0。",
        fix: "如数据无误，该指标按评分参数“无法计算时”得 0 分，无需处理；如分母等数据填错，请改正后重新评分。",
      }),
    );
  });
});

describe("指标说明 against 评分参数", () => {
  it("the shipped example's descriptions agree with its parameters", () => {
    expect(withCode(runScores(exampleSnapshot()).diagnostics, "description_mismatch")).toEqual([]);
  });

  it("a deduction changed in 评分参数 but not in 指标说明 is a warning quoting both", () => {
    const r = runScores(edit(exampleSnapshot(), [["1.1.1", "ruleParams", "限值=100%; 方向=高于; 每点扣分=0.3"]]));
    const [d] = withCode(r.diagnostics, "description_mismatch");
    expect(d!.severity).toBe("warning");
    expect(zh(d!).message).toBe(
      "指标「财政供养人员控制率」的指标说明写的是“扣 0.2 分”，而按评分参数，评分标准是 “不超过100%得满分，每超过1个百分点扣0.3分，扣完为止”，两者不一致；评分按评分参数计算。",
    );
    expect(r.scores?.total).toBe(94);
  });

  it("a limit changed in 评分参数 is flagged at the figure the 指标说明 still quotes, the 评分标准 beside it", () => {
    const r = runScores(edit(exampleSnapshot(), [["2.2.5", "ruleParams", "目标值=60%"]]));
    const [d] = withCode(r.diagnostics, "description_mismatch");
    expect(d!.location).toMatchObject({ sheet: "指标体系", label: "公务卡刷卡率" });
    expect(zh(d!).message).toContain("“50%”");
    expect(zh(d!).message).toContain("“达到60%得满分，未达到的按比例得分（指标值÷60%×分值）”");
    // The indicator's own 评分标准, as the sheet, the pane and the report show it, follows the parameters.
    expect(r.scores!.indicators.find((i) => i.id === "2.2.5")!.criterion).toMatch(/^达到60%得满分/);
  });

  it("a 指标说明 quoting figures its rule does not say is flagged; one quoting none, or a manual row, is not", () => {
    const flagged = runScores(edit(exampleSnapshot(), [["2.1.3", "description", "每被收回一次扣 2 分"]]));
    expect(withCode(flagged.diagnostics, "description_mismatch").map((d) => zh(d).message)).toEqual([
      expect.stringContaining("“扣 2 分”"),
    ]);
    const plain = runScores(edit(exampleSnapshot(), [["2.1.3", "description", "指标或资金被收回的次数"]]));
    expect(withCode(plain.diagnostics, "description_mismatch")).toEqual([]);
    const manual = runScores(edit(exampleSnapshot(), [["2.2.1", "description", "制度健全得 1.5 分，每缺一项扣 9 分"]]));
    expect(withCode(manual.diagnostics, "description_mismatch")).toEqual([]);
  });

  it("a share of the weight is compared in points", () => {
    // 1.1.1 is worth 2: 10% of it is 0.2 points, as its 指标说明 says
    const r = runScores(edit(exampleSnapshot(), [["1.1.1", "ruleParams", "limit=100%; deduct=10%"]]));
    expect(withCode(r.diagnostics, "description_mismatch")).toEqual([]);
  });
});

describe("评分标准 in the sheet follows the parameters", () => {
  /** What 评分 writes into a rubric row's cell: the value the plan puts at (row, column of key). */
  function written(s: WorkbookSnapshot, id: string, key: RubricColumnKey) {
    const g = rubricGrid(s);
    const target = toA1({ row: g.row(id), col: g.col(key) });
    const col = target.replace(/\d+$/, "");
    for (const op of runScoring(s).writePlan.ops) {
      if (op.kind !== "values" || op.sheet !== RUBRIC || !op.address.startsWith(col)) continue;
      const first = Number(op.address.slice(col.length));
      const i = Number(target.slice(col.length)) - first;
      if (/^\d+$/.test(op.address.slice(col.length)) && i >= 0 && i < op.values.length) return op.values[i]![0];
    }
    return undefined;
  }

  it("the example's template already shows each row's 评分标准; 评分 rewrites it from the rule", () => {
    const s = exampleSnapshot();
    const g = rubricGrid(s);
    expect(text(g.sheet.cells[g.row("1.1.1")]![g.col("outCriterion")])).toBe(
      "不超过100%得满分，每超过1个百分点扣0.2分，扣完为止",
    );
    expect(written(s, "1.1.1", "outCriterion")).toBe("不超过100%得满分，每超过1个百分点扣0.2分，扣完为止");
    const edited = edit(s, [["1.1.1", "ruleParams", "限值=105%；方向=高于；每点扣分=0.5；不足一点=进位"]]);
    expect(written(edited, "1.1.1", "outCriterion")).toBe(
      "不超过105%得满分，每超过1个百分点扣0.5分，不足1个百分点按1个百分点计，扣完为止",
    );
    // The expanded 重点工作 row once, not per task.
    expect(written(s, "3.1.1", "outCriterion")).toBe("达到100%得满分，未达到的按比例得分（指标值÷100%×分值）");
  });

  it("a workbook of format 1.1, without the 评分标准 column, still reads and scores", () => {
    const s = exampleSnapshot();
    const g = rubricGrid(s);
    const col = g.col("outCriterion");
    const without = {
      ...s,
      sheets: s.sheets.map((sh) =>
        sh.name !== RUBRIC ? sh : { ...sh, cells: sh.cells.map((r) => r.map((c, i) => (i === col ? EMPTY : c))) },
      ),
    };
    const r = runScoring(without);
    expect(r.scores?.total).toBe(94);
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});
