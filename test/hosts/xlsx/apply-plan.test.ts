import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { WorkbookSnapshot } from "../../../src/engine/model/snapshot";
import type { WritePlan } from "../../../src/engine/model/write-plan";
import { HostError } from "../../../src/hosts/common/types";
import { applyWritePlan } from "../../../src/hosts/xlsx/apply-plan";
import { readSnapshot } from "../../../src/hosts/xlsx/read-snapshot";
import { buildStandardTemplate } from "../../../src/hosts/xlsx/standard";
import { partText, patchPart, sheetPart, toBytes, validationCounts } from "./helpers";

const load = async (bytes: Uint8Array) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
};

/** Every non-empty cell as "sheet!row,col" → value, except the skipped positions. */
function without(snap: WorkbookSnapshot, skip: (sheet: string, row: number, col: number) => boolean) {
  const out: Record<string, unknown> = {};
  for (const s of snap.sheets) {
    out[`${s.name} visible`] = s.visible;
    s.cells.forEach((r, ri) =>
      r.forEach((c, ci) => {
        if (c.t !== "empty" && !skip(s.name, ri, ci)) out[`${s.name}!${ri},${ci}`] = c;
      }),
    );
  }
  return out;
}

describe("applyWritePlan on the standard template", async () => {
  const template = await buildStandardTemplate();
  const before = await readSnapshot(template);
  const plan: WritePlan = {
    ops: [
      { kind: "values", sheet: "评价结果", address: "B3", values: [[94], ["优"], [94.5]], numberFormats: ["0.00"] },
      {
        kind: "values",
        sheet: "重点工作",
        address: "E4",
        values: [[6], ['=HYPERLINK("http://x")'], ["+1"], ["-2"], ["@SUM(A1)"], [null]],
      },
      { kind: "clear", sheet: "评价结果", range: "B5:B5" },
      { kind: "ensureSheet", sheet: "报告", columnWidths: [100] },
      { kind: "values", sheet: "报告", address: "A1", values: [["一、单位基本情况"]] },
      { kind: "ensureSheet", sheet: "评价结果" },
    ],
  };
  const { bytes, summary } = await applyWritePlan(template, plan);
  const after = await readSnapshot(bytes);

  it("reports what it wrote", () => {
    expect(summary).toEqual({ cellsBySheet: { 评价结果: 3, 重点工作: 6, 报告: 1 }, createdSheets: ["报告"] });
  });

  it("writes numbers and text as values", () => {
    const result = after.sheets.find((s) => s.name === "评价结果")!;
    expect(result.cells[2]?.[1]).toEqual({ t: "n", v: 94 });
    expect(result.cells[3]?.[1]).toEqual({ t: "s", v: "优" });
    expect(result.cells[4]?.[1] ?? { t: "empty" }).toEqual({ t: "empty" }); // cleared after being written
  });

  it("writes injection-looking text as plain text, never as a formula", async () => {
    const tasks = after.sheets.find((s) => s.name === "重点工作")!;
    expect(tasks.cells.slice(4, 8).map((r) => r[4])).toEqual([
      { t: "s", v: '=HYPERLINK("http://x")' },
      { t: "s", v: "+1" },
      { t: "s", v: "-2" },
      { t: "s", v: "@SUM(A1)" },
    ]);
    expect(await partText(bytes, sheetPart(5))).not.toContain("<f>");
  });

  it("creates the report sheet at the end with its widths", async () => {
    expect(after.sheets.map((s) => s.name).slice(-2)).toEqual(["_meta", "报告"]);
    const wb = await load(bytes);
    expect(wb.getWorksheet("报告")!.getColumn(1).width).toBe(100);
  });

  it("leaves every other cell, the names and the visibility unchanged", () => {
    const written = (sheet: string, row: number, col: number) =>
      (sheet === "评价结果" && col === 1 && row >= 2 && row <= 4) ||
      (sheet === "重点工作" && col === 4 && row >= 3 && row <= 8);
    const afterOld = { ...after, sheets: after.sheets.filter((s) => s.name !== "报告") };
    expect(without(afterOld, written)).toEqual(without(before, written));
    expect(after.names).toEqual(before.names);
  });

  it("keeps styles, number formats, protection flags and validations", async () => {
    const wb = await load(bytes);
    const result = wb.getWorksheet("评价结果")!;
    expect(result.getCell("B3").numFmt).toBe("0.00");
    const fill = result.getCell("B3").fill;
    expect(fill?.type === "pattern" ? fill.fgColor?.argb : null).toBe("FFE2EFDA");
    const basic = wb.getWorksheet("基本情况")!;
    expect(basic.getCell("B3").protection?.locked).toBe(false);
    expect(wb.getWorksheet("重点工作")!.getColumn(4).width).toBe(60);
    expect(wb.getWorksheet("_meta")!.state).toBe("hidden");
    const counts = await validationCounts(bytes);
    const original = await validationCounts(template);
    for (const [part, n] of Object.entries(original)) expect(counts[part], part).toBe(n);
  });

  it("does not duplicate data validations over repeated round trips", async () => {
    let b = bytes;
    for (let i = 0; i < 3; i++) b = (await applyWritePlan(b, { ops: [] })).bytes;
    expect(await validationCounts(b)).toEqual(await validationCounts(bytes));
    expect(await partText(b, sheetPart(5))).toBe(await partText(bytes, sheetPart(5)));
  });

  it("refuses to write to a missing sheet", async () => {
    const err = await applyWritePlan(template, {
      ops: [{ kind: "values", sheet: "不存在", address: "A1", values: [[1]] }],
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).code).toBe("sheet_missing");
  });

  it("rejects bad bytes with a HostError", async () => {
    const err = await applyWritePlan(new Uint8Array([1, 2, 3]), { ops: [] }).catch((e: unknown) => e);
    expect((err as HostError).code).toBe("not_xlsx");
  });
});

describe("what an exceljs round trip keeps and loses (docs/xlsx-round-trip.md)", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("S");
  ws.getCell("A1").value = "有批注";
  ws.getCell("A1").note = "请填写单位全称";
  ws.getCell("B1").value = 1;
  ws.getCell("C1").note = "空单元格上的批注";
  ws.getCell("B2").dataValidation = { type: "whole", operator: "greaterThanOrEqual", formulae: [0], allowBlank: true };
  ws.getCell("B3").dataValidation = { type: "whole", operator: "greaterThanOrEqual", formulae: [0], allowBlank: true };
  ws.mergeCells("D1:E1");
  ws.views = [{ state: "frozen", ySplit: 1 }];
  await ws.protect("", { selectLockedCells: true, selectUnlockedCells: true });
  wb.addWorksheet("T");
  let original = await toBytes(wb);
  original = await patchPart(original, "xl/workbook.xml", (xml) =>
    xml.replace(
      /<definedNames>[\s\S]*?<\/definedNames>|(?=<calcPr)/,
      `<definedNames><definedName name="local_x" localSheetId="1">S!$B$1</definedName><definedName name="plain">S!B1</definedName><definedName name="multi">S!$A$1,S!$B$2</definedName><definedName name="rate">0.05</definedName></definedNames>`,
    ),
  );
  const jszip = (await import("jszip")).default;
  const zip = await jszip.loadAsync(original);
  zip.file("customXml/item1.xml", "<settings/>");
  original = await zip.generateAsync({ type: "uint8array" });

  const raw = await (async () => {
    const loaded = await load(original);
    return new Uint8Array((await loaded.xlsx.writeBuffer()) as ArrayBuffer);
  })();
  const fixed = (await applyWritePlan(original, { ops: [] })).bytes;

  it("exceljs alone drops names without $, constants, and sheet scope; applyWritePlan restores them", async () => {
    const rawNames = await partText(raw, "xl/workbook.xml");
    expect(rawNames).not.toContain('name="plain"');
    expect(rawNames).not.toContain('name="rate"');
    expect(rawNames).not.toMatch(/name="local_x" localSheetId/);
    const fixedNames = await partText(fixed, "xl/workbook.xml");
    expect(fixedNames).toContain('<definedName name="local_x" localSheetId="1">S!$B$1</definedName>');
    expect(fixedNames).toContain('<definedName name="plain">S!B1</definedName>');
    expect(fixedNames).toContain('<definedName name="rate">0.05</definedName>');
    expect(fixedNames).toContain('<definedName name="multi">S!$A$1,S!$B$2</definedName>');
  });

  it("loses custom XML parts", async () => {
    const parts = Object.keys((await jszip.loadAsync(fixed)).files);
    expect(parts.some((p) => p.startsWith("customXml/"))).toBe(false);
  });

  it("keeps sheet protection, merges, frozen panes, notes on cells with values, and validations without duplicates", async () => {
    const sheet = await partText(fixed, sheetPart(1));
    expect(sheet).toContain("<sheetProtection");
    expect(sheet).toContain('<mergeCell ref="D1:E1"/>');
    expect(sheet).toContain('state="frozen"');
    expect((sheet.match(/<dataValidation\s/g) ?? []).length).toBe(1);
    expect(sheet).toMatch(/sqref="B2:B3"/);
    const reloaded = await load(fixed);
    expect(reloaded.getWorksheet("S")!.getCell("A1").note).toBe("请填写单位全称");
  });

  it("loses a note on a cell that has no value", async () => {
    const reloaded = await load(fixed);
    expect(reloaded.getWorksheet("S")!.getCell("C1").note).toBeUndefined();
  });
});
