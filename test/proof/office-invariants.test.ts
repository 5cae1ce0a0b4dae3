/**
 * Invariants through the Office host (the fake Excel of test/hosts/office, syncs counted): input cells are never
 * modified, an action run twice leaves the same workbook as run once, marks are cleared but the user's own
 * formatting stays, and user text that looks like a formula is written as text.
 */
import { describe, expect, it } from "vitest";
import { paneAction } from "./pane-actions";
import type { PaneAction } from "./pane-actions";
import type { WorkbookSnapshot } from "../../src/engine/model/snapshot";
import { createOfficeHost } from "../../src/hosts/office/office-host";
import { MARK_COLORS } from "../../src/hosts/office/marks";
import type { FakeWorkbook } from "../hosts/office/fake-excel";
import { find } from "./damage";
import { FORMULA_LIKE } from "./hostile";
import { INPUT_FILL, exampleLayout, fakeFromLayout, fakeState, inputDigest } from "../fixtures";
import type { CellEdit } from "../fixtures";
import { layoutToSnapshot } from "../../src/templates/standard";
import { toA1 } from "../../src/engine/model/cell";

const LAYOUT = exampleLayout(1);
const SNAP = layoutToSnapshot(LAYOUT);

type Action = PaneAction;
const act = paneAction;

function setup(edits: readonly CellEdit[] = []): {
  wb: FakeWorkbook;
  host: ReturnType<typeof createOfficeHost>;
} {
  const wb = fakeFromLayout(LAYOUT, edits);
  return { wb, host: createOfficeHost({ excel: wb.excel, office: wb.office }) };
}

const at = (sheet: string, label: string, dCol = 1): { sheet: string; row: number; col: number } => {
  const p = find(SNAP, sheet, label);
  return { sheet, row: p.row, col: p.col + dCol };
};

describe("Office host invariants", () => {
  it.each<Action[]>([["校验"], ["评分"], ["报告"], ["校验", "评分", "报告", "评分", "校验"]])(
    "input cells are unchanged after %s (hash of every input cell)",
    async (...actions) => {
      const { host } = setup();
      const before = inputDigest(await host.readSnapshot());
      expect(before.size).toBeGreaterThan(300);
      for (const a of actions) await act(host, a);
      const afterSnap: WorkbookSnapshot = await host.readSnapshot();
      expect(inputDigest(afterSnap)).toEqual(before);
    },
  );

  it.each<Action>(["校验", "评分", "报告"])("%s twice leaves the same workbook as once", async (action) => {
    const once = setup([{ ...at("基本情况", "编制数（人）"), value: { t: "s", v: "十二" } }]);
    await act(once.host, action);
    const twice = setup([{ ...at("基本情况", "编制数（人）"), value: { t: "s", v: "十二" } }]);
    await act(twice.host, action);
    await act(twice.host, action);
    expect(fakeState(twice.wb)).toEqual(fakeState(once.wb));
  });

  it("marks from an earlier 校验 are cleared; the user's own fills stay", async () => {
    const quota = at("基本情况", "编制数（人）");
    const quotaA1 = toA1(quota);
    const { wb, host } = setup([{ ...quota, value: { t: "s", v: "十二" } }]);
    // The user's own formatting: a blue fill on the bad cell and on an unrelated cell.
    wb.setCell("基本情况", quotaA1, { ...wb.cell("基本情况", quotaA1)!, fill: "#00B0F0" });
    wb.setCell("基本情况", "D1", { value: "我的备注", type: "String", fill: "#92D050" });
    await act(host, "校验");
    expect(wb.cell("基本情况", quotaA1)?.fill).toBe(MARK_COLORS.error);
    // The user fixes the value; the next 校验 finds nothing there and restores the fill the user had.
    wb.setCell("基本情况", quotaA1, { ...wb.cell("基本情况", quotaA1)!, value: 12, type: "Double" });
    await act(host, "校验");
    expect(wb.cell("基本情况", quotaA1)?.fill).toBe("#00B0F0");
    expect(wb.cell("基本情况", "D1")?.fill).toBe("#92D050");
    // Yellow input fills elsewhere are untouched throughout.
    const yellow = [...wb.sheet("收支情况")!.cells.values()].filter((c) => c.fill === INPUT_FILL).length;
    expect(yellow).toBeGreaterThan(20);
    const marked = wb.sheets.flatMap((s) => [...s.cells.values()]).filter((c) => c.fill === MARK_COLORS.error);
    expect(marked).toEqual([]);
  });

  it("user text starting with = + - @ is written as text (results and 报告 sheet), never as a formula", async () => {
    const tasks = find(SNAP, "重点工作", "任务名称");
    const edits: CellEdit[] = [
      { ...at("基本情况", "单位名称"), value: { t: "s", v: FORMULA_LIKE[0]! } },
      ...FORMULA_LIKE.slice(1, 5).map((v, i) => ({
        sheet: "重点工作",
        row: tasks.row + 1 + i,
        col: tasks.col,
        value: { t: "s", v } as const,
      })),
      { sheet: "重点工作", row: tasks.row + 1, col: tasks.col + 3, value: { t: "s", v: FORMULA_LIKE[5]! } },
    ];
    const { wb, host } = setup(edits);
    await act(host, "评分");
    await act(host, "报告");
    const report = wb.sheet("报告");
    expect(report).toBeDefined();
    const all = wb.sheets.flatMap((s) => [...s.cells.entries()].map(([a, c]) => ({ at: `${s.name}!${a}`, ...c })));
    expect(all.filter((c) => c.formula !== undefined)).toEqual([]);
    const reportText = [...report!.cells.values()].map((c) => String(c.value)).join("\n");
    for (const v of FORMULA_LIKE.slice(0, 5)) expect(reportText).toContain(v);
  });
});
