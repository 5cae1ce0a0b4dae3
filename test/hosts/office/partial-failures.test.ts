/**
 * Office.js batches are not transactional (test/hosts/office/fake-excel.ts: failAfterActions, cellEditMode,
 * structureProtected). Whatever part of a write runs, the workbook is left restorable and a retry works
 * (issue 14, review findings 2 and 3).
 */
import { describe, expect, it } from "vitest";
import { createOfficeHost } from "../../../src/hosts/office/office-host";
import type { Diagnostic } from "../../../src/engine/diagnostics/types";
import type { WritePlan } from "../../../src/engine/model/write-plan";
import { FakeWorkbook, OfficeError } from "./fake-excel";
import { caught } from "./caught";

const MARK_FILLS = new Set(["#FFC7CE", "#FFEB9C"]);

function workbook(): FakeWorkbook {
  const wb = new FakeWorkbook();
  wb.addSheet("表1", [
    ["名称", 1],
    [null, "x"],
  ]);
  wb.setCell("表1", "C3", { value: "", type: "Empty", fill: "#FFF2CC" });
  return wb;
}

const hostFor = (wb: FakeWorkbook) => createOfficeHost({ excel: wb.excel, office: wb.office });

function diag(address: string, severity: "error" | "warning" = "error"): Diagnostic {
  return { code: "required_missing", severity, location: { sheet: "表1", address }, params: { label: address } };
}

const REPORT_PLAN: WritePlan = {
  ops: [
    { kind: "ensureSheet", sheet: "报告", columnWidths: [80] },
    { kind: "values", sheet: "报告", address: "A1", values: [["一、部门概况"], ["二、绩效目标"]] },
  ],
};

/** Cells showing a mark colour, and notes left, on 表1. */
function leftovers(wb: FakeWorkbook): string[] {
  const fills = [...wb.sheet("表1")!.cells].filter(([, c]) => c.fill && MARK_FILLS.has(c.fill)).map(([a]) => a);
  return [...fills, ...[...wb.notes.keys()]];
}

describe("a write refused half-way", () => {
  it("keeps every touched cell on record, whichever action fails: the next run restores them all", async () => {
    for (let after = 1; after <= 12; after++) {
      const wb = workbook();
      const host = hostFor(wb);
      await host.readSnapshot();
      wb.failAfterActions = { after, error: new OfficeError("GeneralException") };
      await host.markDiagnostics([diag("B2"), diag("C3", "warning"), diag("D4")]).catch(() => undefined);
      await hostFor(wb).markDiagnostics([]);
      expect({ after, left: leftovers(wb) }).toEqual({ after, left: [] });
      expect(wb.cell("表1", "C3")?.fill).toBe("#FFF2CC");
    }
  });

  it("also when old marks are being replaced by new ones", async () => {
    for (let after = 1; after <= 16; after++) {
      const wb = workbook();
      const host = hostFor(wb);
      await host.markDiagnostics([diag("B2"), diag("C3")]);
      await host.readSnapshot();
      wb.failAfterActions = { after, error: new OfficeError("GeneralException") };
      await host.markDiagnostics([diag("C3", "warning"), diag("D4")]).catch(() => undefined);
      await host.markDiagnostics([]);
      expect({ after, left: leftovers(wb) }).toEqual({ after, left: [] });
      expect(wb.cell("表1", "C3")?.fill).toBe("#FFF2CC");
    }
  });

  it("writes nothing in a structure-protected workbook that has no _marks yet, and says why", async () => {
    const wb = workbook();
    wb.structureProtected = true;
    const host = hostFor(wb);
    await host.readSnapshot();
    const error = await caught(host.markDiagnostics([diag("B2")]));
    expect(error.code).toBe("sheet_protected");
    expect(error.message).toContain("工作簿结构受保护");
    // No trailing （…）: the pane reads that as the names of protected sheets.
    expect(error.message).not.toMatch(/（[^（）]+）$/);
    expect(leftovers(wb)).toEqual([]);
    expect(wb.sheet("_marks")).toBeUndefined();
    // 评分 likewise: no score written when its marks could not be recorded.
    const scored = await caught(
      host.applyAndMark({ ops: [{ kind: "values", sheet: "表1", address: "H1", values: [[94]] }] }, [diag("B2")]),
    );
    expect(scored.code).toBe("sheet_protected");
    expect(wb.cell("表1", "H1")).toBeUndefined();
    // Values alone still go in: they need no new sheet.
    await host.applyWritePlan({ ops: [{ kind: "values", sheet: "表1", address: "H1", values: [[94]] }] });
    expect(wb.cell("表1", "H1")?.value).toBe(94);
  });
});

describe("a write whose sync rejects after everything ran", () => {
  it("is retried without doubling anything, and every mark is restored later", async () => {
    const wb = workbook();
    const host = hostFor(wb);
    await host.readSnapshot();
    wb.rejectAfterRun = new OfficeError("GeneralException");
    await caught(host.applyAndMark(REPORT_PLAN, [diag("B2"), diag("C3", "warning")]));
    expect(wb.cell("报告", "A1")?.value).toBe("一、部门概况");
    // The retry (what the user does after the error) finds 报告 and the marks in place.
    await host.applyAndMark(REPORT_PLAN, [diag("B2"), diag("C3", "warning")]);
    expect(wb.sheets.filter((s) => s.name === "报告")).toHaveLength(1);
    expect(wb.notes.size).toBe(2);
    await host.markDiagnostics([]);
    expect(leftovers(wb)).toEqual([]);
    expect(wb.cell("表1", "C3")?.fill).toBe("#FFF2CC");
  });
});

describe("a note deleted by the user between the read and the write", () => {
  it("fails that run (NoteCollection.getItem of a missing note: ItemNotFound), and the retry works", async () => {
    const wb = workbook();
    const host = hostFor(wb);
    await host.markDiagnostics([diag("B2"), diag("D4")]);
    await host.readSnapshot();
    wb.notes.delete("表1!B2");
    await caught(host.markDiagnostics([diag("D4")]));
    await host.markDiagnostics([diag("D4")]);
    expect(wb.cell("表1", "B2")?.fill).toBeUndefined();
    expect(wb.cell("表1", "D4")?.fill).toBe("#FFC7CE");
    await host.markDiagnostics([]);
    expect(leftovers(wb)).toEqual([]);
  });
});

describe("a retry after a refused write", () => {
  it("succeeds after cell-edit mode refused 写入报告", async () => {
    const wb = workbook();
    const host = hostFor(wb);
    await host.readSnapshot();
    wb.cellEditMode = true;
    expect((await caught(host.applyWritePlan(REPORT_PLAN))).code).toBe("cell_edit_mode");
    expect(wb.sheet("报告")).toBeUndefined();
    wb.cellEditMode = false;
    const summary = await host.applyWritePlan(REPORT_PLAN);
    expect(summary.createdSheets).toEqual(["报告"]);
    expect(wb.cell("报告", "A2")?.value).toBe("二、绩效目标");
  });

  it("succeeds whichever action of 写入报告 failed (报告 created or not)", async () => {
    for (let after = 1; after <= 3; after++) {
      const wb = workbook();
      const host = hostFor(wb);
      await host.readSnapshot();
      wb.failAfterActions = { after, error: new OfficeError("GeneralException") };
      await caught(host.applyWritePlan(REPORT_PLAN));
      await host.applyWritePlan(REPORT_PLAN);
      expect({ after, a2: wb.cell("报告", "A2")?.value }).toEqual({ after, a2: "二、绩效目标" });
    }
  });
});

describe("showing a problem on a hidden sheet", () => {
  it("unhides it on the retry when the first attempt was refused (cell-edit mode)", async () => {
    const wb = workbook();
    wb.addSheet("字段定义", [["name"]], { visibility: "Hidden" });
    const host = hostFor(wb);
    await host.readSnapshot();
    wb.cellEditMode = true;
    expect((await caught(host.selectCell({ sheet: "字段定义", address: "A1" }))).code).toBe("cell_edit_mode");
    wb.cellEditMode = false;
    await host.selectCell({ sheet: "字段定义", address: "A1" });
    expect(wb.sheet("字段定义")?.visibility).toBe("Visible");
    expect(wb.selected).toBe("字段定义!A1");
  });
});
