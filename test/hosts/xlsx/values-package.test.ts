import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readSnapshot } from "../../../src/hosts/xlsx/read-snapshot";
import { snapshotFromWorkbook } from "../../../src/hosts/xlsx/snapshot-from-workbook";
import { valuesPackage, withoutBlankCells } from "../../../src/hosts/xlsx/values-package";
import { patchPart, toBytes } from "./helpers";

describe("the package a read for values hands to exceljs", () => {
  it("leaves out formatted blank cells, and nothing else", () => {
    const xml =
      '<sheetData><row r="5"><c r="A5" s="3"/><c r="B5"/><c r="C5" s="1" t="s"><v>0</v></c>' +
      '<c r="D5" t="e"/><c r="E5" s="2"><f>1+1</f></c><col min="1"/></row></sheetData>';
    expect(withoutBlankCells(xml)).toBe(
      '<sheetData><row r="5"><c r="C5" s="1" t="s"><v>0</v></c>' +
        '<c r="D5" t="e"/><c r="E5" s="2"><f>1+1</f></c><col min="1"/></row></sheetData>',
    );
  });

  it("keeps every cell of a sheet where a cell has no place (it follows the cell before it)", () => {
    const xml = '<row r="1"><c r="A1" s="3"/><c s="1" t="s"><v>0</v></c></row>';
    expect(withoutBlankCells(xml)).toBe(xml);
  });

  it("reads a workbook with notes, an image's sheet parts and formatted blanks as exceljs does in memory", async () => {
    const wb = new ExcelJS.Workbook();
    wb.creator = "someone";
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = "x";
    ws.getCell("A1").note = "a note";
    ws.getCell("B2").value = 3;
    ws.getCell("C3").style = {
      numFmt: "0.00%",
      fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } },
    };
    ws.getCell("D4").value = new Date(Date.UTC(2020, 11, 31));
    ws.mergeCells("E5:F6");
    ws.getCell("E5").value = "merged";
    const bytes = await toBytes(wb);
    const parts = Object.keys(unzipSync(valuesPackage(bytes).bytes));
    expect(parts.some((p) => p.startsWith("docProps/") || p.includes("comments") || p.includes("_rels/sheet"))).toBe(
      false,
    );
    expect(parts).toContain("xl/worksheets/sheet1.xml");
    const reloaded = new ExcelJS.Workbook();
    await reloaded.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(await readSnapshot(bytes)).toEqual(snapshotFromWorkbook(reloaded));
  });

  it("keeps a part's byte order mark, as the file has it, and reads the workbook all the same", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("S").getCell("A1").value = "with a mark";
    const bytes = await patchPart(await toBytes(wb), "xl/sharedStrings.xml", (xml) => `\uFEFF${xml}`);
    const { parts, bytes: stored } = valuesPackage(bytes);
    expect(parts.get("xl/sharedStrings.xml")?.startsWith("\uFEFF")).toBe(true);
    expect(Array.from(unzipSync(stored)["xl/sharedStrings.xml"]!.subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    expect((await readSnapshot(bytes)).sheets[0]?.cells[0]?.[0]).toEqual({ t: "s", v: "with a mark" });
  });
});
