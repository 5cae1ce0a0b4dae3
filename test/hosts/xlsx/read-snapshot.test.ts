import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../../src/engine/model/cell";
import { readSnapshot } from "../../../src/hosts/xlsx/read-snapshot";
import { normalizeCellValue, snapshotFromWorkbook } from "../../../src/hosts/xlsx/snapshot-from-workbook";
import { definedNamesFromXml } from "../../../src/hosts/xlsx/open-workbook";
import { HostError } from "../../../src/hosts/common/types";
import { patchPart, toBytes } from "./helpers";

async function oneCell(set: (cell: ExcelJS.Cell) => void): Promise<CellValue | undefined> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("S");
  set(ws.getCell("B2"));
  ws.getCell("A1").value = "anchor";
  const snap = await readSnapshot(await toBytes(wb));
  return snap.sheets[0]?.cells[1]?.[1];
}

describe("readSnapshot: cell kinds", () => {
  it.each<[string, (c: ExcelJS.Cell) => void, CellValue | undefined]>([
    ["number", (c) => (c.value = 226.86), { t: "n", v: 226.86 }],
    ["zero", (c) => (c.value = 0), { t: "n", v: 0 }],
    ["text", (c) => (c.value = "万州"), { t: "s", v: "万州" }],
    ["text that looks like a formula", (c) => (c.value = "=1+1"), { t: "s", v: "=1+1" }],
    ["empty string", (c) => (c.value = ""), undefined],
    ["boolean", (c) => (c.value = true), { t: "b", v: true }],
    ["date", (c) => (c.value = new Date(Date.UTC(2020, 11, 31))), { t: "d", v: "2020-12-31" }],
    [
      "rich text",
      (c) => (c.value = { richText: [{ text: "基本", font: { bold: true } }, { text: "支出" }] }),
      { t: "s", v: "基本支出" },
    ],
    ["formula with a numeric result", (c) => (c.value = { formula: "A5*2", result: 4 }), { t: "n", v: 4 }],
    ["formula with a text result", (c) => (c.value = { formula: 'A5&"x"', result: "ax" }), { t: "s", v: "ax" }],
    [
      "formula with an error result",
      (c) => (c.value = { formula: "1/0", result: { error: "#DIV/0!" } }),
      { t: "e", v: "#DIV/0!" },
    ],
    ["error", (c) => (c.value = { error: "#N/A" }), { t: "e", v: "#N/A" }],
    [
      "hyperlink",
      (c) => (c.value = { text: "财政局", hyperlink: "https://example.invalid/" }),
      { t: "s", v: "财政局" },
    ],
  ])("%s", async (_label, set, expected) => {
    expect(await oneCell(set)).toEqual(expected);
  });

  it("refuses a formula without a cached result, naming the cell (its value is unknown)", async () => {
    const err = await oneCell((c) => (c.value = { formula: "A5*2" })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err).toMatchObject({ code: "file_unreadable", message: expect.stringContaining("S!B2") });
  });

  it("reads only the top-left cell of a merged range", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = "合并";
    ws.mergeCells("A1:C1");
    const snap = await readSnapshot(await toBytes(wb));
    expect(snap.sheets[0]?.cells[0]).toEqual([{ t: "s", v: "合并" }]);
  });

  it("trims rows after their last value and drops trailing empty rows, keeping gaps as empty", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("C3").value = 1;
    ws.getCell("A5").value = "x";
    ws.getCell("D9").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
    const snap = await readSnapshot(await toBytes(wb));
    expect(snap.sheets[0]?.cells).toEqual([
      [],
      [],
      [{ t: "empty" }, { t: "empty" }, { t: "n", v: 1 }],
      [],
      [{ t: "s", v: "x" }],
    ]);
  });

  it("normalises values exceljs may hand over directly", () => {
    expect(normalizeCellValue(undefined)).toEqual({ t: "empty" });
    expect(normalizeCellValue(Number.NaN)).toEqual({ t: "e", v: "#NUM!" });
    expect(normalizeCellValue({ formula: "A1", result: new Date(Date.UTC(2021, 0, 2)) } as ExcelJS.CellValue)).toEqual({
      t: "d",
      v: "2021-01-02",
    });
    expect(
      normalizeCellValue({
        text: { richText: [{ text: "a" }, { text: "b" }] },
        hyperlink: "x",
      } as unknown as ExcelJS.CellValue),
    ).toEqual({
      t: "s",
      v: "ab",
    });
  });
});

describe("readSnapshot: sheets and names", () => {
  async function workbookWithNames(definedNamesXml: string): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("基本 情况").getCell("B7").value = 7;
    wb.addWorksheet("It's").getCell("A1").value = 1;
    const hidden = wb.addWorksheet("_meta", { state: "hidden" });
    hidden.getCell("A1").value = "template_id";
    wb.addWorksheet("vh", { state: "veryHidden" }).getCell("A1").value = 1;
    return patchPart(await toBytes(wb), "xl/workbook.xml", (xml) =>
      xml
        .replace(/<definedNames>[\s\S]*?<\/definedNames>/, "")
        .replace("</sheets>", `</sheets><definedNames>${definedNamesXml}</definedNames>`),
    );
  }

  it("reads visibility of hidden and very hidden sheets", async () => {
    const snap = await readSnapshot(await workbookWithNames(""));
    expect(snap.sheets.map((s) => [s.name, s.visible])).toEqual([
      ["基本 情况", true],
      ["It's", true],
      ["_meta", false],
      ["vh", false],
    ]);
  });

  it.each([
    ["staff_quota", "'基本 情况'!$B$7", { sheet: "基本 情况", address: "B7" }],
    ["tbl_tasks", "'基本 情况'!$A$3:$F$3", { sheet: "基本 情况", address: "A3:F3" }],
    ["no_dollars", "'基本 情况'!B7", { sheet: "基本 情况", address: "B7" }],
    ["quote_in_sheet", "'It''s'!$A$1", { sheet: "It's", address: "A1" }],
    ["same_cell_range", "'It''s'!$A$1:$A$1", { sheet: "It's", address: "A1" }],
    ["unquoted", "vh!$A$1", { sheet: "vh", address: "A1" }],
    ["amp&amp;", "vh!$A$1", { sheet: "vh", address: "A1" }],
  ])("keeps workbook name %s", async (name, ref, expected) => {
    const snap = await readSnapshot(
      await workbookWithNames(`<definedName name="${name}">${ref.replace(/'/g, "&apos;")}</definedName>`),
    );
    expect(snap.names).toEqual([{ name: name.replace("&amp;", "&"), ...expected }]);
  });

  it.each([
    ["a sheet-scoped name", `<definedName name="local" localSheetId="0">'基本 情况'!$B$7</definedName>`],
    ["several areas", `<definedName name="multi">'基本 情况'!$B$7,'基本 情况'!$B$8</definedName>`],
    ["a #REF! name", `<definedName name="broken">#REF!</definedName>`],
    ["a sheet #REF!", `<definedName name="broken2">'基本 情况'!#REF!</definedName>`],
    ["a name on a deleted sheet (#REF! with an address)", `<definedName name="gone">#REF!$B$4</definedName>`],
    ["a constant", `<definedName name="rate">0.05</definedName>`],
    ["a formula", `<definedName name="f">SUM('基本 情况'!$B$7:$B$8)</definedName>`],
    ["a whole column", `<definedName name="col">'基本 情况'!$B:$B</definedName>`],
    ["a print area", `<definedName name="_xlnm.Print_Area" localSheetId="0">'基本 情况'!$A$1:$C$3</definedName>`],
  ])("skips %s", async (_label, xml) => {
    const snap = await readSnapshot(await workbookWithNames(xml));
    expect(snap.names).toEqual([]);
  });

  it("parses names with entities, self-closing tags and other attributes", () => {
    const xml = `<definedNames><definedName name="a" hidden="1" comment="x &gt; y">'A&amp;B'!$C$2</definedName><definedName name="empty"/></definedNames>`;
    expect(definedNamesFromXml(xml)).toEqual([{ name: "a", sheet: "A&B", address: "C2" }]);
  });

  it("agrees with the in-memory contract helper", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = "x";
    ws.getCell("B2").value = { formula: "1+1", result: 2 };
    ws.getCell("C3").value = { richText: [{ text: "r" }] };
    wb.definedNames.add("'S'!$B$2", "two");
    expect(snapshotFromWorkbook(wb)).toEqual(await readSnapshot(await toBytes(wb)));
  });

  it("accepts an ArrayBuffer as well as a Uint8Array", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("S").getCell("A1").value = 1;
    const bytes = await toBytes(wb);
    const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    expect(await readSnapshot(ab)).toEqual(await readSnapshot(bytes));
  });
});

describe("readSnapshot: files that are not a readable .xlsx", () => {
  async function cases(): Promise<[string, Uint8Array, "not_xlsx" | "file_unreadable"][]> {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("S").getCell("A1").value = "x";
    const good = await toBytes(wb);
    const otherZip = new JSZip();
    otherZip.file("readme.txt", "hello");
    const cfb = new Uint8Array(4096);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const random = new Uint8Array(2048).map((_, i) => (i * 7919 + 13) % 251);
    const brokenXml = await patchPart(good, "xl/worksheets/sheet1.xml", () => "<worksheet><sheetData><row");
    return [
      ["empty bytes", new Uint8Array(0), "file_unreadable"],
      ["random bytes", random, "not_xlsx"],
      ["plain text", new TextEncoder().encode("单位名称,万州"), "not_xlsx"],
      ["a truncated zip", good.slice(0, Math.floor(good.length / 2)), "file_unreadable"],
      ["a zip that is not xlsx", await otherZip.generateAsync({ type: "uint8array" }), "not_xlsx"],
      ["an encrypted (CFB/OLE) file", cfb, "file_unreadable"],
      ["a corrupt sheet part", brokenXml, "file_unreadable"],
    ];
  }

  it("throws HostError with the right code and a Chinese message, never a raw stack", async () => {
    for (const [label, bytes, code] of await cases()) {
      const err = await readSnapshot(bytes).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err, label).toBeInstanceOf(HostError);
      expect((err as HostError).code, label).toBe(code);
      expect((err as HostError).message, label).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
