/**
 * Syncs per whole pane action (read + write), as the task pane runs them:
 * 校验 = readSnapshot + markDiagnostics, 评分 = readSnapshot + applyAndMark, 报告 = readSnapshot + applyWritePlan.
 */
import { describe, expect, it } from "vitest";
import { createOfficeHost } from "../../../src/hosts/office/office-host";
import type { OfficeHost } from "../../../src/hosts/office/office-host";
import type { Diagnostic } from "../../../src/engine/diagnostics/types";
import type { WritePlan } from "../../../src/engine/model/write-plan";
import { toA1 } from "../../../src/engine/model/cell";
import { FakeWorkbook } from "./fake-excel";

const INPUT_FILL = "#FFF2CC";

const ROWS = 200;

/**
 * n sheets shaped like a template's tables: 200 rows, labels and figures in A, B, D–F, the input column C
 * empty (every third input cell filled like a template's input area).
 */
function workbook(sheets: number, apiVersion = 18): FakeWorkbook {
  const wb = new FakeWorkbook();
  wb.apiVersion = apiVersion;
  for (let i = 0; i < sheets; i++) {
    const rows = Array.from({ length: ROWS }, (_, r) =>
      Array.from({ length: 6 }, (_, c) => (c === 2 ? null : `${i}-${r}-${c}`)),
    );
    wb.addSheet(`表${i + 1}`, rows);
    for (let r = 0; r < ROWS; r += 3) {
      wb.setCell(`表${i + 1}`, `C${r + 1}`, { value: "", type: "Empty", fill: INPUT_FILL });
    }
  }
  wb.names.push({ name: "unit_name", type: "Range", formula: "='表1'!$B$1" });
  return wb;
}

/** `count` distinct problem cells in the input column C, spread over the sheets. */
function diagnostics(count: number, sheets: number, shift = 0): Diagnostic[] {
  return Array.from({ length: count }, (_, i) => ({
    code: "required_missing",
    severity: i % 4 === 0 ? "warning" : "error",
    location: {
      sheet: `表${(i % sheets) + 1}`,
      address: toA1({ row: Math.floor(i / sheets) + shift, col: 2 }),
    },
    params: { label: String(i) },
  }));
}

const SCORE_PLAN: WritePlan = {
  ops: [
    { kind: "ensureSheet", sheet: "评分结果", columnWidths: [20, 10] },
    { kind: "values", sheet: "评分结果", address: "A1", values: [["总分", 94]] },
    { kind: "values", sheet: "表1", address: "H1", values: [["优"]] },
  ],
};
const REPORT_PLAN: WritePlan = {
  ops: [
    { kind: "ensureSheet", sheet: "报告", columnWidths: [80] },
    { kind: "values", sheet: "报告", address: "A1", values: [["一、部门概况"], ["二、绩效目标"]] },
  ],
};

type Action = "校验" | "评分" | "报告";

async function run(host: OfficeHost, action: Action, ds: readonly Diagnostic[]): Promise<void> {
  await host.readSnapshot();
  if (action === "校验") await host.markDiagnostics(ds);
  else if (action === "评分") await host.applyAndMark(SCORE_PLAN, ds);
  else await host.applyWritePlan(REPORT_PLAN);
}

async function syncsOf(wb: FakeWorkbook, body: () => Promise<void>): Promise<number> {
  const before = wb.syncs;
  await body();
  return wb.syncs - before;
}

describe("syncs per action", () => {
  const cases = ([3, 30] as const).flatMap((sheets) =>
    ([0, 5, 500] as const).flatMap((count) =>
      (["校验", "评分", "报告"] as const).map((action) => [action, sheets, count] as const),
    ),
  );

  it.each(cases)(
    "%s on %i sheets with %i diagnostics: 3 cold, 2 warm (校验 unchanged: 1), 2 again",
    async (action, sheets, count) => {
      const wb = workbook(sheets);
      const host = createOfficeHost({ excel: wb.excel, office: wb.office });
      const ds = diagnostics(count, sheets);
      // 校验 of a clean workbook that was never marked has nothing to write: it skips its write sync.
      const write = action === "校验" && count === 0 ? 0 : 1;
      // Cold: the first read after opening does not know the sheet names yet.
      expect(await syncsOf(wb, () => run(host, action, ds))).toBe(2 + write);
      // Warm: one read sync, one write sync — whatever the template size or the number of marks. 校验 finding
      // the same problems on cells that already show them writes nothing (the workbook stays unmodified).
      const writes = wb.writes;
      expect(await syncsOf(wb, () => run(host, action, ds))).toBe(1 + (action === "校验" ? 0 : write));
      if (action === "校验") expect(wb.writes).toBe(writes);
      // Warm again with other problem cells (the old marks are restored in the same write).
      expect(await syncsOf(wb, () => run(host, action, diagnostics(count, sheets, 1)))).toBe(1 + write);
    },
  );

  it.each([3, 30])("校验 after 评分 after 校验 on %i sheets: 2 syncs each once warm, marks right", async (sheets) => {
    const wb = workbook(sheets);
    const host = createOfficeHost({ excel: wb.excel, office: wb.office });
    await host.readSnapshot();
    const first = diagnostics(500, sheets);
    expect(await syncsOf(wb, () => run(host, "校验", first))).toBe(2);
    // 500 problem cells marked: errors red, warnings amber, notes on each.
    expect(wb.cell("表1", "C1")?.fill).toBe("#FFEB9C");
    expect(wb.cell("表2", "C1")?.fill).toBe("#FFC7CE");
    const recorded = [...wb.sheet("_marks")!.cells.entries()].filter(([a, c]) => a.startsWith("A") && c.value !== "");
    expect(recorded).toHaveLength(500);
    expect(wb.notes.size).toBe(500);

    // 评分 with only 5 problems left: plan written, 495 marks undone, 5 set — one write sync.
    const five = diagnostics(5, sheets);
    expect(await syncsOf(wb, () => run(host, "评分", five))).toBe(2);
    expect(wb.cell("评分结果", "B1")?.value).toBe(94);
    expect(wb.notes.size).toBe(5);

    // 校验 with nothing wrong: every mark undone, the template's own input fills back.
    expect(await syncsOf(wb, () => run(host, "校验", []))).toBe(2);
    expect(wb.notes.size).toBe(0);
    for (let s = 1; s <= sheets; s++) {
      for (let r = 0; r < ROWS; r++) {
        expect(wb.cell(`表${s}`, `C${r + 1}`)?.fill).toBe(r % 3 === 0 ? INPUT_FILL : undefined);
      }
    }
  });

  it.each([
    ["the workbook carries a note the add-in did not write", 18, true],
    ["ExcelApi 1.9 (getCellProperties) is missing", 8, false],
  ] as const)("one probe sync more (3 warm, still constant) when %s", async (_why, api, userNote) => {
    const counts: number[] = [];
    for (const sheets of [3, 30]) {
      for (const count of [5, 500]) {
        const wb = workbook(sheets, api);
        if (userNote) wb.notes.set("表1!F20", "用户的批注");
        const host = createOfficeHost({ excel: wb.excel, office: wb.office });
        await host.readSnapshot();
        counts.push(await syncsOf(wb, () => run(host, "校验", diagnostics(count, sheets))));
        expect(wb.cell("表1", "C1")?.fill).toBe("#FFEB9C");
        if (userNote) expect(wb.notes.get("表1!F20")).toBe("用户的批注");
      }
    }
    expect(counts).toEqual([3, 3, 3, 3]);
  });

  it("a user's note on a problem cell is kept and the cell gets fill only", async () => {
    const wb = workbook(3);
    wb.notes.set("表2!C1", "用户的批注");
    const host = createOfficeHost({ excel: wb.excel, office: wb.office });
    await run(host, "校验", diagnostics(5, 3));
    expect(wb.notes.get("表2!C1")).toBe("用户的批注");
    expect(wb.cell("表2", "C1")?.fill).toBe("#FFC7CE");
    expect(wb.notes.get("表1!C1")).toMatch(/^【绩效评价助手】/);
  });

  it("a problem cell beyond the read's fill grid costs one probe sync and is still marked and restored right", async () => {
    const wb = workbook(3);
    // Far below the table: the read gathered no fill there, so the host probes before writing.
    wb.setCell("表1", "C900", { value: "", type: "Empty", fill: "#DDEBF7" });
    const host = createOfficeHost({ excel: wb.excel, office: wb.office });
    await host.readSnapshot();
    const far: Diagnostic = {
      ...diagnostics(1, 3)[0]!,
      severity: "error",
      location: { sheet: "表1", address: "C900" },
    };
    expect(await syncsOf(wb, () => run(host, "校验", [far]))).toBe(3);
    expect(wb.cell("表1", "C900")?.fill).toBe("#FFC7CE");
    expect(await syncsOf(wb, () => run(host, "校验", []))).toBe(2);
    expect(wb.cell("表1", "C900")?.fill).toBe("#DDEBF7");
  });

  it("reads fills of the values area plus a margin only, however far the user's formatting reaches", async () => {
    const wb = workbook(3);
    for (let r = 1; r <= 5000; r += 10) wb.setCell("表2", `Z${r}`, { value: "", type: "Empty", fill: "#EEEEEE" });
    await createOfficeHost({ excel: wb.excel, office: wb.office }).readSnapshot();
    // A1 to the last value (F200), plus 20 rows and 4 columns: 220 × 10 cells a sheet.
    expect(wb.cellPropertyCells).toBe(3 * 220 * 10);
  });
});
