import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { layoutTemplate, layoutToSnapshot, standardTemplateDescription } from "../../../src/templates/standard";
import type { WorkbookSnapshot } from "../../../src/engine/model/snapshot";
import { readSnapshot } from "../../../src/hosts/xlsx/read-snapshot";
import { buildTemplateWorkbook } from "../../../src/hosts/xlsx/write-template";
import { applyWritePlan } from "../../../src/hosts/xlsx/apply-plan";
import { partText, sheetPart, validationCounts } from "./helpers";

const byName = (s: WorkbookSnapshot) => ({ ...s, names: [...s.names].sort((a, b) => a.name.localeCompare(b.name)) });

describe("buildTemplateWorkbook", async () => {
  const desc = standardTemplateDescription();
  const bytes = await buildTemplateWorkbook(desc);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const fillOf = (sheet: string, addr: string) => {
    const fill = wb.getWorksheet(sheet)!.getCell(addr).fill;
    return fill && fill.type === "pattern" ? fill.fgColor?.argb : undefined;
  };

  it("reads back as exactly the layout's snapshot (values, sheets, visibility, names)", async () => {
    expect(byName(await readSnapshot(bytes))).toEqual(byName(layoutToSnapshot(layoutTemplate(desc))));
  });

  it.each([
    ["基本情况", "B3", "FFFFF2CC"], // unit_name input
    ["重点工作", "A4", "FFFFF2CC"], // first task row
    ["重点工作", "E4", "FFE2EFDA"], // tasks.score output
    ["评价结果", "B3", "FFE2EFDA"], // result_total
    ["指标体系", "A4", "FFDDEBF7"], // rubric config
  ])("fills %s!%s with %s", (sheet, addr, argb) => {
    expect(fillOf(sheet, addr)).toBe(argb);
  });

  it("unlocks input cells only", () => {
    const ws = wb.getWorksheet("基本情况")!;
    expect(ws.getCell("B3").protection?.locked).toBe(false);
    expect(ws.getCell("A3").protection?.locked).not.toBe(false);
  });

  it("makes headers bold and formats amounts and rates", () => {
    expect(wb.getWorksheet("重点工作")!.getCell("A3").font?.bold).toBe(true);
    expect(wb.getWorksheet("收支情况")!.getCell("B4").numFmt).toBe("0.00");
    expect(wb.getWorksheet("重点工作")!.getCell("C4").numFmt).toBe("0.00%");
  });

  it("sets column widths and hides _meta", () => {
    expect(wb.getWorksheet("重点工作")!.getColumn(4).width).toBe(60);
    expect(wb.getWorksheet("_meta")!.state).toBe("hidden");
  });

  it("adds list and range validations on bounded cell ranges, never whole columns", async () => {
    const tasks = await partText(bytes, sheetPart(5));
    expect(tasks).toMatch(/<dataValidation type="decimal"[^>]*sqref="C4:C13"/);
    const benefits = await partText(bytes, sheetPart(7));
    expect(benefits).toContain("&quot;是,否&quot;");
    const rubric = await partText(bytes, sheetPart(9));
    expect(rubric).toContain("&quot;达标,超限扣分,分段扣分,分档,按比例,逐项扣分,按次扣分,人工评分&quot;");
    for (const xml of [tasks, benefits, rubric]) {
      for (const [, sqref] of xml.matchAll(/sqref="([^"]+)"/g)) expect(sqref).toMatch(/^([A-Z]+\d+(:[A-Z]+\d+)?\s?)+$/);
    }
    const counts = await validationCounts(bytes);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBeGreaterThan(20);
  });

  it("checks each 自评得分 against its own row's 分值 cell, so a changed weight changes the bound", async () => {
    const ws = wb.getWorksheet("指标体系")!;
    let header = 0;
    const col: Record<string, number> = {};
    ws.eachRow((row, n) => {
      if (header) return;
      row.eachCell((c, k) => void (typeof c.value === "string" && (col[c.value] = k)));
      if (col["自评得分"] && col["分值"] && col["评分方法"]) header = n;
    });
    expect(header).toBeGreaterThan(0);
    const letter = (k: number) => String.fromCharCode(64 + k);
    const manual: number[] = [];
    ws.eachRow((row, n) => {
      if (n > header && row.getCell(col["评分方法"]!).value === "人工评分") manual.push(n);
    });
    expect(manual.length).toBeGreaterThanOrEqual(5);
    const rule = (n: number) =>
      `AND(ISNUMBER(${letter(col["自评得分"]!)}${n}),${letter(col["自评得分"]!)}${n}>=0,` +
      `${letter(col["自评得分"]!)}${n}<=$${letter(col["分值"]!)}$${n})`;
    for (const n of manual) {
      const dv = ws.getCell(n, col["自评得分"]!).dataValidation;
      expect(dv, `row ${n}`).toMatchObject({ type: "custom", formulae: [rule(n)] });
      expect(dv.error).toContain("本行分值");
    }
    // Scoring writes the workbook through exceljs: the rules come out as they went in.
    const scored = await applyWritePlan(bytes, { ops: [] });
    const again = new ExcelJS.Workbook();
    await again.xlsx.load(scored.bytes as unknown as ExcelJS.Buffer);
    for (const n of manual) {
      const dv = again.getWorksheet("指标体系")!.getCell(n, col["自评得分"]!).dataValidation;
      expect(dv).toMatchObject({ type: "custom", formulae: [rule(n)] });
    }
  });

  it("is deterministic: two builds have the same sheet XML and document properties", async () => {
    const again = await buildTemplateWorkbook(desc);
    for (const part of [
      "xl/workbook.xml",
      "docProps/core.xml",
      "xl/styles.xml",
      "xl/sharedStrings.xml",
      ...[1, 2, 3, 8, 12].map(sheetPart),
    ]) {
      expect(await partText(again, part), part).toBe(await partText(bytes, part));
    }
    expect(await partText(bytes, "docProps/core.xml")).toContain("2021-01-01T00:00:00Z");
  });
});
