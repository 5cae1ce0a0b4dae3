// The report as a department prints it: the shipped example through the engine session and renderDocx, opened and
// printed by LibreOffice. What is checked is what the reader sees on paper: A4 pages, the 公文 margins (text
// starts 28 mm from the left, 37 mm from the top, ends 26 mm from the right), the page numbers 「— n —」 on the
// outer side, the indicator table with its header on every page it runs over, and every figure of it.
import { readFileSync } from "node:fs";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { createEngine } from "../../src/engine";
import { readSnapshot } from "../../src/hosts/xlsx";
import { renderDocx } from "../../src/render";
import { KNOWN_TEMPLATES } from "../../src/templates";
import { isA4, officeSuite, printed, printedWords, type PrintedWord } from "../office-suite/libreoffice";

officeSuite.assertAvailableInCi();

const MM = 72 / 25.4;
let docx: Uint8Array;
let scores: NonNullable<ReturnType<ReturnType<typeof createEngine>["report"]>["scores"]>;

beforeAll(async () => {
  const snapshot = await readSnapshot(readFileSync("assets/example-wanzhou-2020.xlsx"));
  const outcome = createEngine({ knownTemplates: KNOWN_TEMPLATES }).report(snapshot, { now: "2026-12-03T10:00" });
  scores = outcome.scores!;
  docx = await renderDocx(outcome.report!);
});

describe("the .docx as written", () => {
  it("sets GB/T 9704's page, type and page numbers", async () => {
    const zip = await JSZip.loadAsync(docx);
    const document = await zip.file("word/document.xml")!.async("string");
    const styles = await zip.file("word/styles.xml")!.async("string");
    const fonts = await zip.file("word/fontTable.xml")!.async("string");
    const settings = await zip.file("word/settings.xml")!.async("string");
    // 37/35/28/26 mm in twips.
    expect(document).toMatch(/<w:pgMar [^>]*w:top="2098"[^>]*w:right="1474"[^>]*w:bottom="1984"[^>]*w:left="1587"/);
    expect(styles).toMatch(
      /<w:docDefaults>[\s\S]*w:eastAsia="仿宋_GB2312"[\s\S]*<w:sz w:val="32"\/>[\s\S]*<\/w:docDefaults>/,
    );
    expect(styles).toMatch(/w:line="579" w:lineRule="exact"/);
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(settings).toContain("<w:evenAndOddHeaders/>");
    expect(document).toContain("<w:tblHeader/>");
  });
});

describe.skipIf(!officeSuite.available)("in LibreOffice: the report of the shipped example, printed", () => {
  it("prints on A4, a plausible length for the seed report plus its table", () => {
    const pdf = printed(docx, "docx");
    expect(pdf.pageSizes.every(isA4)).toBe(true);
    expect(pdf.pages).toBeGreaterThanOrEqual(12);
    expect(pdf.pages).toBeLessThanOrEqual(24);
  });

  it("keeps the text inside the 公文 type area and numbers pages on the outer side", () => {
    const pages = printedWords(docx, "docx");
    const body = (words: readonly PrintedWord[]) => words.filter((w) => !/^[—\d]+$/.test(w.text));
    for (const words of pages.slice(1, 6)) {
      const b = body(words);
      expect(Math.min(...b.map((w) => w.xMin)) / MM).toBeCloseTo(28, 0);
      expect(Math.min(...b.map((w) => w.yMin)) / MM).toBeGreaterThan(36);
      // 26 mm on the right, less one character: a closing 。，、 may hang into the margin (标点悬挂), as LibreOffice
      // and WPS set Chinese.
      expect(595.3 / MM - Math.max(...b.map((w) => w.xMax)) / MM).toBeGreaterThan(26 - 6);
    }
    // 「— 2 —」 on an even page sits left, 「— 3 —」 on an odd page right.
    const number = (k: number) => pages[k - 1]!.filter((w) => w.text === String(k)).sort((a, b) => b.yMin - a.yMin)[0]!;
    expect(number(2).xMin / MM).toBeLessThan(60);
    expect(number(3).xMax / MM).toBeGreaterThan(150);
  });

  it("prints the indicator table: a header on every page it covers, each indicator's score, the total and grade", () => {
    const pdf = printed(docx, "docx");
    const start = pdf.pageTexts.findIndex((t) => t.includes("附表：部门整体支出绩效评价指标得分表"));
    expect(start).toBeGreaterThan(5);
    const tablePages = pdf.pageTexts.slice(start);
    expect(tablePages.length).toBeGreaterThan(1);
    for (const t of tablePages) expect(t).toMatch(/一级指标\s+二级指标\s+三级指标\s+分值\s+指标值\s+得分\s+扣分原因/);
    const text = tablePages.join("\n").replace(/\s+/g, "");
    for (const name of ["财政供养人员控制率", "预算管理小计", "资产管理安全性", "过程小计", "总分", "评价等次"])
      expect(text).toContain(name);
    expect(text).toContain("内部财务管理"); // 管理制度健全性's reason (it wraps within its cell)
    expect(text).toMatch(/总分10094评价等次优/);
    expect(scores.total).toBe(94);
  });

  it("prints the 收支情况表 in section 二, before the 三公 paragraph, with its amounts and shares", () => {
    const all = printed(docx, "docx").pageTexts.join("\n").replace(/\s+/g, "");
    const at = all.indexOf("2020年度收支情况表");
    expect(at).toBeGreaterThan(all.indexOf("二、整体绩效完成情况"));
    expect(at).toBeLessThan(all.indexOf("（二）“三公”经费预算及执行情况"));
    expect(all.slice(at)).toMatch(/^2020年度收支情况表项目金额（万元）占比占比口径上年结转0\.00本年收入合计226\.86/);
    expect(all.slice(at, at + 400)).toContain("基本支出166.0373.19%本年支出");
  });

  it("ends the body with the unit and the date (落款)", () => {
    const pdf = printed(docx, "docx");
    const end = pdf.pageTexts.findIndex((t) => t.includes("附表"));
    const before = pdf.pageTexts[end - 1]!.replace(/\s+/g, "");
    expect(before).toMatch(/重庆市万州区人民政府外事办公室2026年12月3日/);
  });
});
