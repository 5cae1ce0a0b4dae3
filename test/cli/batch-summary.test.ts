/**
 * The batch summary as a finance bureau reads it: `perfeval batch <files…> -o summary.xlsx` over the shipped
 * example, a copy that loses points, a duplicate, a blank template and a file that is no workbook, then the
 * summary opened in LibreOffice (what Calc displays, what prints) and in exceljs (filter, panes, page setup).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { main, EXIT } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";
import { ranks } from "../../src/hosts/xlsx/write-summary";
import { isA4, officeSuite, printed, shownSheets, type ShownSheet } from "../office-suite/libreoffice";

officeSuite.assertAvailableInCi();

const EXAMPLE = path.resolve(__dirname, "../../assets/example-wanzhou-2020.xlsx");
const BLANK = path.resolve(__dirname, "../../assets/standard-template.xlsx");
const UNIT = "重庆市万州区人民政府外事办公室";
const HOSTILE_UNIT = "=1+1";

interface Batch {
  code: number;
  out: string;
  err: string;
  bytes: Uint8Array;
}

async function batch(dir: string, files: string[], extra: string[] = []): Promise<Batch> {
  let out = "";
  let err = "";
  const io: CliIO = { stdout: (t) => (out += t), stderr: (t) => (err += t), isTTY: false, cwd: dir };
  const target = path.join(dir, `summary-${extra.join("") || "zh"}.xlsx`);
  const code = await main(["batch", ...files, "-o", target, ...extra], io, () => new Date("2026-11-28T00:00:00Z"));
  return { code, out, err, bytes: new Uint8Array(readFileSync(target)) };
}

/** The example with more staff than its quota (财政供养人员控制率 loses points) and another unit name. */
async function changedCopy(): Promise<{ bytes: Buffer; quota: number; actual: number }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(EXAMPLE) as unknown as ExcelJS.Buffer);
  const cellOf = (name: string) => {
    const [ref] = wb.definedNames.getRanges(name).ranges;
    const m = /^'?(.+?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(ref!)!;
    return wb.getWorksheet(m[1]!)!.getCell(`${m[2]}${m[3]}`);
  };
  const quota = Number(cellOf("staff_quota").value);
  const actual = Math.ceil(quota * 1.1);
  cellOf("staff_actual").value = actual;
  cellOf("unit_name").value = HOSTILE_UNIT;
  // …and a point moved between two indicators of the published rubric (支付进度 3 → 2, 指标或资金收回 3 → 4).
  wb.getWorksheet("指标体系")!.getCell("E11").value = 2;
  wb.getWorksheet("指标体系")!.getCell("E12").value = 4;
  return { bytes: Buffer.from(await wb.xlsx.writeBuffer()), quota, actual };
}

let dir = "";
let files: string[] = [];
let zh: Batch;
let en: Batch;
let changed: { quota: number; actual: number };

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "perfeval-batch-summary-"));
  const c = await changedCopy();
  changed = c;
  const put = (name: string, bytes: Buffer | string) => {
    const f = path.join(dir, name);
    writeFileSync(f, bytes);
    return f;
  };
  files = [
    put("a-example.xlsx", readFileSync(EXAMPLE)),
    put("b-changed.xlsx", c.bytes),
    put("c-copy.xlsx", readFileSync(EXAMPLE)),
    put("d-blank.xlsx", readFileSync(BLANK)),
    put("e-notes.xlsx", "会议纪要：这不是工作簿。\n"),
  ];
  zh = await batch(dir, files);
  en = await batch(dir, files, ["--lang", "en"]);
});

/** The data rows of a table sheet (below its header, down to the first empty row), keyed by header. */
function records(sheet: ShownSheet): Record<string, string>[] {
  const header = sheet.rows[0]!;
  const out: Record<string, string>[] = [];
  for (const row of sheet.rows.slice(1)) {
    if (row.every((c) => c === "")) break;
    out.push(Object.fromEntries(header.map((h, i) => [h, row[i] ?? ""])));
  }
  return out;
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

describe("batch summary: the command", () => {
  it("scores what it can, names every file that it could not, and never aborts", () => {
    // Some were not scored: exit 1, and the summary is still written.
    expect(zh.code).toBe(EXIT.errors);
    expect(zh.out).toContain("已处理 3 个工作簿，2 个无法评分");
    expect(zh.err).toContain("跳过「d-blank.xlsx」：空白模板，尚未填写，未评分");
    expect(zh.err).toContain("跳过「e-notes.xlsx」：无法打开，未评分：");
    expect(zh.err).not.toContain("上面");
  });

  it("ranks by total, ties share a rank, unscored rows get none", () => {
    expect(ranks([94, 90, 94, null, 80])).toEqual([1, 3, 1, null, 4]);
  });
});

describe("batch summary: the workbook as exceljs reads it (no office suite)", () => {
  it("has a filtered, frozen, landscape A4, one-page-wide header on every sheet, and data bars on the total", async () => {
    const wb = await load(zh.bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["汇总", "扣分明细", "问题清单"]);
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(ws.pageSetup).toMatchObject({
        paperSize: 9,
        orientation: "landscape",
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      });
      expect(ws.pageSetup.printTitlesRow).toBe("1:1");
      expect(ws.headerFooter.oddFooter).toBe("&A 第 &P 页 共 &N 页");
      const h = ws.getCell("A1");
      expect(h.font?.bold).toBe(true);
      expect(h.fill).toMatchObject({ type: "pattern", pattern: "solid" });
      expect(h.alignment?.wrapText).toBe(true);
      expect(h.border?.bottom?.style).toBe("thin");
    }
    const summary = wb.getWorksheet("汇总")!;
    expect(summary.views[0]).toMatchObject({ xSplit: 2 });
    const header = (summary.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      "文件",
      "单位名称",
      "评价年度",
      "投入（5分）",
      "过程（25分）",
      "产出（50分）",
      "效果（20分）",
      "总分（100分）",
      "等级",
      "错误",
      "警告",
      "扣分指标数",
      "排名",
      "指标体系是否被改动",
      "说明",
    ]);
    // The filter covers the header and the five file rows, not the statistics below.
    expect(summary.autoFilter).toBe("A1:O6");
    expect(summary.getCell("H2").value).toBe(94);
    expect(summary.getCell("H2").numFmt).toBe("0.00");
    // A unit name that looks like a formula stays text.
    expect(summary.getCell("B3").value).toBe(HOSTILE_UNIT);
    expect(summary.getCell("B3").type).toBe(ExcelJS.ValueType.String);

    const zip = await JSZip.loadAsync(zh.bytes);
    for (let n = 1; n <= 3; n++) {
      const xml = await zip.file(`xl/worksheets/sheet${n}.xml`)!.async("string");
      expect(xml).toMatch(/<sheetPr[^>]*>\s*<pageSetUpPr fitToPage="1"\/>/);
      expect(xml).toMatch(
        /<pageSetup[^>]*paperSize="9"[^>]*orientation="landscape"[^>]*fitToWidth="1"[^>]*fitToHeight="0"/,
      );
      expect(xml).toContain('<autoFilter ref="A1:');
      expect(xml).not.toMatch(/<f[\s>]/);
    }
    const sheet1 = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheet1).toMatch(/<conditionalFormatting sqref="H2:H6">\s*<cfRule type="dataBar"/);
    const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
    expect(workbookXml).toContain("_xlnm.Print_Titles");
  });
});

describe.skipIf(!officeSuite.available)("batch summary: as LibreOffice Calc shows and prints it", () => {
  it("汇总: headers with full marks, the example's scores as displayed, grade, rank, counts", () => {
    const s = shownSheets(zh.bytes).get("汇总")!;
    const rows = records(s);
    expect(rows.map((r) => r["文件"])).toEqual([
      "a-example.xlsx",
      "b-changed.xlsx",
      "c-copy.xlsx",
      "d-blank.xlsx",
      "e-notes.xlsx",
    ]);
    const [a, b, c, d, e] = rows as [Record<string, string>, ...Record<string, string>[]];
    expect(a).toMatchObject({
      单位名称: UNIT,
      评价年度: "2020",
      "投入（5分）": "5.00",
      "过程（25分）": "24.50",
      "产出（50分）": "46.00",
      "效果（20分）": "18.50",
      "总分（100分）": "94.00",
      等级: "优",
      错误: "0",
      警告: "3",
      扣分指标数: "3",
      排名: "1",
    });
    expect(a!["说明"]).toBe("与 c-copy.xlsx 单位、年度相同。");
    // Against the published record: the shipped example and the blank template as published, b with a moved point.
    expect(rows.map((r) => r["指标体系是否被改动"])).toEqual(["否", "是", "否", "否", ""]);
    expect(c).toMatchObject({ "总分（100分）": "94.00", 排名: "1", 说明: "与 a-example.xlsx 单位、年度相同。" });
    // More staff than the quota: 财政供养人员控制率 loses points, 投入 drops, rank 3 behind the tie.
    expect(b).toMatchObject({ 单位名称: HOSTILE_UNIT, 扣分指标数: "4", 排名: "3", 说明: "" });
    expect(Number(b!["投入（5分）"])).toBeLessThan(5);
    expect(Number(b!["总分（100分）"])).toBeLessThan(94);
    // The blank template and the non-workbook: no scores, no rank, a reason that stands on its own.
    expect(d).toMatchObject({ "总分（100分）": "", 等级: "", 排名: "", 扣分指标数: "" });
    expect(d!["说明"]).toMatch(/^空白模板，尚未填写，未评分（\d+ 处错误，详见“问题清单”）。$/);
    expect(Number(d!["错误"])).toBeGreaterThan(0);
    expect(d!["说明"]).toContain(`${d!["错误"]} 处错误`);
    expect(e).toMatchObject({ "总分（100分）": "", 排名: "", 错误: "1", 警告: "0" });
    expect(e!["说明"]).toMatch(/^无法打开，未评分：这不是 Excel 工作簿/);
    for (const r of rows) expect(r["说明"]).not.toContain("上面");

    // The statistics block below the table: over the three scored rows.
    const find = (label: string) => s.rows.find((r) => r[0] === label)!;
    const col = (h: string) => s.rows[0]!.indexOf(h);
    const total = col("总分（100分）");
    expect(find("最高")[total]).toBe("94.00");
    expect(find("最低")[total]).toBe(b!["总分（100分）"]);
    expect(find("平均")[total]).toBe(((94 * 2 + Number(b!["总分（100分）"])) / 3).toFixed(2));
    expect(find("最高")[col("过程（25分）")]).toBe("24.50");
    expect(find("等级分布（个数）")).toBeDefined();
    expect(find("优")[1]).toBe(String([a, b, c].filter((r) => r!["等级"] === "优").length));
    expect(find("差")[1]).toBe("0");
  });

  it("扣分明细: one row per lost point with its full path, marks, score, deduction and reason", () => {
    const rows = records(shownSheets(zh.bytes).get("扣分明细")!);
    expect(Object.keys(rows[0]!)).toEqual(["单位", "文件", "指标", "分值", "得分", "扣分", "原因"]);
    expect(rows.filter((r) => r["文件"] === "a-example.xlsx")).toEqual([
      {
        单位: UNIT,
        文件: "a-example.xlsx",
        指标: "过程/预算管理/管理制度健全性",
        分值: "1.50",
        得分: "1.00",
        扣分: "0.50",
        原因: "内部财务管理制度有待加强",
      },
      expect.objectContaining({
        指标: "产出/职责履行/年度对外交往合作、开展友好城市交往工作",
        分值: "8.00",
        得分: "4.00",
        扣分: "4.00",
      }),
      expect.objectContaining({
        指标: "效果/履职效益/社会效益",
        分值: "8.00",
        得分: "6.50",
        扣分: "1.50",
        原因: "未完成新引进一所国外学校合作办学落户万州",
      }),
    ]);
    const b = rows.filter((r) => r["文件"] === "b-changed.xlsx");
    expect(b).toHaveLength(4);
    const staff = b.find((r) => r["指标"] === "投入/预算配置/财政供养人员控制率")!;
    expect(staff).toMatchObject({ 单位: HOSTILE_UNIT, 分值: "2.00" });
    expect(Number(staff["扣分"])).toBeCloseTo(Math.min(2, (changed.actual / changed.quota - 1) * 100 * 0.2), 1);
    expect(staff["原因"]).not.toBe("");
    expect(rows.some((r) => r["文件"] === "d-blank.xlsx" || r["文件"] === "e-notes.xlsx")).toBe(false);
  });

  it("问题清单: every diagnostic with severity, sheet!cell and the CLI's message", () => {
    const rows = records(shownSheets(zh.bytes).get("问题清单")!);
    expect(Object.keys(rows[0]!)).toEqual(["单位", "文件", "级别", "位置", "说明", "修改建议"]);
    const a = rows.filter((r) => r["文件"] === "a-example.xlsx");
    expect(a.filter((r) => r["级别"] === "警告").map((r) => r["位置"])).toEqual([
      "收支情况!B10",
      "收支情况!B11",
      "收支情况!B15",
    ]);
    expect(a[0]!["说明"]).toBe("基本支出 + 项目支出 = 226.75 万元，与本年支出合计 226.86 万元相差 0.11 万元。");
    expect(a.find((r) => r["级别"] === "提示")?.["位置"]).toMatch(/^指标体系![A-Z]+18$/);
    const blank = rows.filter((r) => r["文件"] === "d-blank.xlsx");
    const summary = records(shownSheets(zh.bytes).get("汇总")!);
    expect(String(blank.filter((r) => r["级别"] === "错误").length)).toBe(summary[3]!["错误"]);
    expect(blank).toContainEqual(expect.objectContaining({ 位置: "基本情况!B3", 说明: "「单位名称」还没有填写。" }));
    const notes = rows.filter((r) => r["文件"] === "e-notes.xlsx");
    expect(notes).toEqual([expect.objectContaining({ 级别: "错误", 位置: "", 说明: summary[4]!["说明"] })]);
  });

  it("prints on A4 landscape, the 汇总 one page wide, with no ### anywhere", () => {
    const p = printed(zh.bytes, "xlsx");
    expect(p.pages).toBeGreaterThanOrEqual(3);
    for (const size of p.pageSizes) {
      expect(isA4(size)).toBe(true);
      expect(size.width).toBeGreaterThan(size.height);
    }
    for (const text of p.pageTexts) expect(text).not.toContain("###");
    // The first page is the whole 汇总 table: its first and last column and every file on one page.
    const first = p.pageTexts[0]!;
    for (const t of ["文件", "排名", "说明", "a-example.xlsx", "e-notes.xlsx", "94.00", "等级分布"])
      expect(first).toContain(t);
    expect(first).toMatch(/汇总 第 1 页 共 \d+ 页/);
    const deductions = p.pageTexts.find((t) => t.includes("管理制度健全性"))!;
    expect(deductions).toContain("原因");
    const shown = [...shownSheets(zh.bytes).values()].flatMap((s) => s.texts);
    expect(shown.filter((t) => t.includes("###"))).toEqual([]);
  });

  it("--lang en: the same summary in English", () => {
    const sheets = shownSheets(en.bytes);
    expect([...sheets.keys()].sort()).toEqual(["Deductions", "Problems", "Summary"]);
    const s = sheets.get("Summary")!;
    expect(s.rows[0]).toEqual([
      "File",
      "Unit",
      "Year",
      "投入 (5 points)",
      "过程 (25 points)",
      "产出 (50 points)",
      "效果 (20 points)",
      "Total (100 points)",
      "Grade",
      "Errors",
      "Warnings",
      "Indicators with deductions",
      "Rank",
      "Rubric changed",
      "Note",
    ]);
    const rows = records(s);
    expect(rows[0]).toMatchObject({
      "Total (100 points)": "94.00",
      Rank: "1",
      Note: "Same unit and year as c-copy.xlsx.",
    });
    expect(rows[3]!["Note"]).toMatch(
      /^Blank template, nothing filled in yet, not scored \(\d+ errors, see the "Problems" sheet\)\.$/,
    );
    expect(rows[4]!["Note"]).toBe(
      "Cannot be opened, not scored: This is not an Excel workbook (.xlsx); choose an .xlsx file.",
    );
    expect(s.rows.some((r) => r[0] === "Average")).toBe(true);
    const problems = records(sheets.get("Problems")!);
    expect(Object.keys(problems[0]!)).toEqual(["Unit", "File", "Severity", "Location", "Message", "How to fix"]);
    expect(problems.filter((r) => r["File"] === "a-example.xlsx" && r["Severity"] === "warning")).toHaveLength(3);
    expect(Object.keys(records(sheets.get("Deductions")!)[0]!)).toEqual([
      "Unit",
      "File",
      "Indicator",
      "Weight",
      "Score",
      "Deducted",
      "Reason",
    ]);
    expect(en.err).not.toMatch(/[\u4e00-\u9fff]{2,}.*not scored|无法/);
  });
});
