/**
 * The `_marks` record written through Range.values, which Excel parses like typed input (the fake's
 * excelParse): every text in it is escaped like the host's other writes (issue 14, review finding 9).
 */
import { describe, expect, it } from "vitest";
import { createOfficeHost } from "../../../src/hosts/office/office-host";
import type { Diagnostic } from "../../../src/engine/diagnostics/types";
import { FakeWorkbook } from "./fake-excel";

const hostFor = (wb: FakeWorkbook) => createOfficeHost({ excel: wb.excel, office: wb.office });

function diag(address: string): Diagnostic {
  return {
    code: "required_missing",
    severity: "error",
    location: { sheet: "表1", address },
    params: { label: address },
  };
}

describe("the _marks record", () => {
  it.each(["2020-01", "1-2", "1.10", "TRUE", "-附表", "50%"])(
    "keeps the marks of a sheet named %s (its rows escaped like every written text)",
    async (name) => {
      const wb = new FakeWorkbook();
      wb.addSheet(name, [["x", 1]]);
      const host = hostFor(wb);
      const problem: Diagnostic = { ...diag("B2"), location: { sheet: name, address: "B2" } };
      await host.markDiagnostics([problem]);
      expect(wb.cell(name, "B2")?.fill).toBe("#FFC7CE");
      expect(wb.cell("_marks", "A1")?.value).toBe(name);
      await hostFor(wb).markDiagnostics([]);
      expect(wb.cell(name, "B2")?.fill).toBeUndefined();
      expect(wb.notes.size).toBe(0);
    },
  );
});

describe("校验 when nothing changed", () => {
  it("writes nothing: not the same marks again, not an empty _marks", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("表1", [["x", 1]]);
    const host = hostFor(wb);
    await host.readSnapshot();
    await host.markDiagnostics([diag("B2"), diag("C3")]);
    // Marks set: the same problems found again on a fresh read — nothing to mark or unmark.
    await host.readSnapshot();
    let writes = wb.writes;
    await host.markDiagnostics([diag("B2"), diag("C3")]);
    expect(wb.writes - writes).toBe(0);
    expect(wb.cell("表1", "B2")?.fill).toBe("#FFC7CE");
    // Also from a new host instance (the pane reopened): the record read back from _marks.
    const reopened = hostFor(wb);
    await reopened.readSnapshot();
    writes = wb.writes;
    await reopened.markDiagnostics([diag("B2"), diag("C3")]);
    expect(wb.writes - writes).toBe(0);
    // All fixed: the marks are undone (writes), then a clean workbook with an empty _marks writes nothing.
    await reopened.readSnapshot();
    await reopened.markDiagnostics([]);
    expect(wb.cell("表1", "B2")?.fill).toBeUndefined();
    await reopened.readSnapshot();
    writes = wb.writes;
    await reopened.markDiagnostics([]);
    expect(wb.writes - writes).toBe(0);
  });

  it("still writes when a mark was removed by the user or its problem changed", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("表1", [["x", 1]]);
    const host = hostFor(wb);
    await host.markDiagnostics([diag("B2")]);
    wb.setCell("表1", "B2", { value: 1, type: "Double" });
    wb.notes.clear();
    await host.readSnapshot();
    await host.markDiagnostics([diag("B2")]);
    expect(wb.cell("表1", "B2")?.fill).toBe("#FFC7CE");
    expect(wb.notes.get("表1!B2")).toMatch(/^【绩效评价助手】/);
    await host.readSnapshot();
    await host.markDiagnostics([{ ...diag("B2"), severity: "warning" }]);
    expect(wb.cell("表1", "B2")?.fill).toBe("#FFEB9C");
  });
});

describe("reading", () => {
  it("never writes: cold, warm, after marks, from a new host instance", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("表1", [["x", 1]]);
    const host = hostFor(wb);
    await host.readSnapshot();
    await host.readSnapshot();
    expect(wb.writes).toBe(0);
    await host.markDiagnostics([diag("B2")]);
    const writes = wb.writes;
    await host.readSnapshot();
    await hostFor(wb).readSnapshot();
    expect(wb.writes).toBe(writes);
  });
});
