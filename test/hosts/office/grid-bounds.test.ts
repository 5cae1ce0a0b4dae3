/**
 * Excel's grid ends at row 1,048,576 and column XFD; a range resized past it fails the batch (the fake's
 * getResizedRange). Issue 14, review finding 12.
 */
import { describe, expect, it } from "vitest";
import { createOfficeHost } from "../../../src/hosts/office/office-host";
import type { Diagnostic } from "../../../src/engine/diagnostics/types";
import { FakeWorkbook } from "./fake-excel";

const problem = (address: string): Diagnostic => ({
  code: "required_missing",
  severity: "error",
  location: { sheet: "表1", address },
  params: { label: address },
});

describe("a sheet with values at the grid's end", () => {
  // Columns only: a value in the last rows would make the fake build a million-row array.
  it.each([
    ["XFD1", 16_384],
    ["XFB3", 16_382],
  ])("with a value in %s still reads and marks", async (far, width) => {
    const wb = new FakeWorkbook();
    wb.addSheet("表1", [["名称", 1]]);
    wb.setCell("表1", far, { value: "x", type: "String" });
    const host = createOfficeHost({ excel: wb.excel, office: wb.office });
    const snap = await host.readSnapshot();
    expect(snap.sheets[0]!.name).toBe("表1");
    expect(Math.max(...snap.sheets[0]!.cells.map((row) => row.length))).toBe(width);
    await host.markDiagnostics([problem("B2")]);
    expect(wb.cell("表1", "B2")?.fill).toBe("#FFC7CE");
    await host.readSnapshot();
    await host.markDiagnostics([]);
    expect(wb.cell("表1", "B2")?.fill).toBeUndefined();
  });
});
