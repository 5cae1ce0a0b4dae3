/**
 * Every workbook the product writes, opened in LibreOffice as a reader opens it: the blank template, the
 * filled example, the example scored by the CLI, the 报告 sheet. What is asserted is what a reader sees —
 * displayed cell text (number formats applied) and the printed pages — never our own internal values.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";
import { runReport } from "../../src/engine";
import { layoutTemplate, standardTemplateDescription } from "../../src/templates/standard";
import { applyWritePlan } from "../../src/hosts/xlsx/apply-plan";
import { SEED_EXPEND_MAIN_USE, SEED_SANGONG_BUDGET_SCOPE } from "../../src/templates/standard/example-text";
import { readSnapshot } from "../../src/hosts/xlsx/read-snapshot";
import seed from "../../assets/examples/wanzhou-2020.json";
import { isA4, officeSuite, printed, shownSheets } from "./libreoffice";
import type { Printed, ShownSheet } from "./libreoffice";

officeSuite.assertAvailableInCi();

const ROOT = path.resolve(__dirname, "../..");
const BLANK = new Uint8Array(readFileSync(path.join(ROOT, "assets/standard-template.xlsx")));
const EXAMPLE_FILE = path.join(ROOT, "assets/example-wanzhou-2020.xlsx");
const EXAMPLE = new Uint8Array(readFileSync(EXAMPLE_FILE));

/** 2026-12-02 07:04 UTC: 15:04 in Beijing. */
const CLOCK = new Date("2026-12-02T07:04:00Z");

async function cli(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CliIO = { stdout: (t) => (out += t), stderr: (t) => (err += t), isTTY: false, cwd };
  const code = await main(args, io, () => CLOCK);
  return { code, out, err };
}

let scored: Uint8Array = new Uint8Array();
const savedTz = process.env.TZ;

beforeAll(async () => {
  // An accountant in Chongqing: 评分时间 is written in the machine's local time.
  process.env.TZ = "Asia/Shanghai";
  const dir = mkdtempSync(path.join(tmpdir(), "perfeval-suite-"));
  const r = await cli(["score", EXAMPLE_FILE, "-o", "scored.xlsx"], dir);
  expect(r.code, r.err).toBe(0);
  scored = new Uint8Array(readFileSync(path.join(dir, "scored.xlsx")));
});

afterAll(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

/** The pages of one sheet, by the footer every page carries (「<sheet> 第 n 页 共 m 页」). */
function pagesOf(p: Printed, sheet: string): string[] {
  return p.pageTexts.filter((t) => new RegExp(`(^|\\s)${sheet}\\s+第 \\d+ 页 共 \\d+ 页`).test(t));
}

/** For each printed sheet with a table header in its last printed column: that header's text. */
function lastPrintedHeaders(): { sheet: string; header: string }[] {
  const layout = layoutTemplate(standardTemplateDescription());
  return layout.sheets
    .filter((s) => !s.hidden)
    .flatMap((s) => {
      const header = s.cells.find((c) => c.role === "header" && c.col === s.view.printColumns - 1);
      return header && typeof header.value === "string" ? [{ sheet: s.name, header: header.value }] : [];
    });
}

function expectPrintsLikeAForm(p: Printed, maxPages: number): void {
  expect(p.pages).toBeGreaterThan(0);
  expect(p.pages).toBeLessThanOrEqual(maxPages);
  for (const size of p.pageSizes) expect(isA4(size), `page ${size.width}×${size.height} pt`).toBe(true);
  expect(p.pageTexts.join("\n")).not.toContain("###");
  // Every page says which sheet it is and where it stands.
  for (const [i, t] of p.pageTexts.entries()) expect(t).toMatch(new RegExp(`第 ${i + 1} 页 共 ${p.pages} 页`));
  // One page wide: the first page of each sheet already shows the last column of its table.
  for (const { sheet, header } of lastPrintedHeaders()) {
    const pages = pagesOf(p, sheet);
    expect(pages.length, sheet).toBeGreaterThan(0);
    expect(pages[0], `${sheet}: 「${header}」 on its first page`).toContain(header);
  }
}

function row(sheet: ShownSheet, label: string): readonly string[] {
  const r = sheet.rows.find((cells) => cells.includes(label));
  if (!r) throw new Error(`no row 「${label}」 in ${sheet.name}`);
  return r;
}

describe.skipIf(!officeSuite.available)("in LibreOffice: the blank template", () => {
  it(`prints on A4, one page wide, in at most 16 pages; configuration sheets not in the default print`, () => {
    const p = printed(BLANK, "xlsx");
    expectPrintsLikeAForm(p, 16);
    const all = p.pageTexts.join("\n");
    for (const hidden of ["字段定义", "校验规则", "_meta"]) expect(pagesOf(p, hidden)).toEqual([]);
    // The rubric prints what a reader needs — the 评分标准 its rules generate — and the bureau's own wording,
    // formulas and parameters stay on screen only.
    const rubric = pagesOf(p, "指标体系").join("\n");
    expect(rubric).toContain("评分标准");
    expect(rubric.replace(/\s+/g, "")).toContain("不超过100%得满分，每超过1个百分点扣0.2分，扣完为止");
    expect(rubric).not.toContain("指标说明");
    expect(rubric).not.toContain("指标值公式");
    expect(all).not.toContain("ratio(staff_actual");
  });

  it("shows the template as a department fills it: labels, units, empty yellow cells", () => {
    const sheets = shownSheets(BLANK);
    expect([...sheets.keys()]).toEqual(
      expect.arrayContaining(["说明", "基本情况", "收支情况", "指标体系", "评价结果"]),
    );
    expect(row(sheets.get("收支情况")!, "本年支出合计")[1]).toBe("");
    expect(sheets.get("指标体系")!.columnBelow("三级指标")).toContain("财政供养人员控制率");
  });
});

describe.skipIf(!officeSuite.available)("in LibreOffice: the filled example", () => {
  it("displays money in 万元 with two decimals and rates as percentages", () => {
    const sheets = shownSheets(EXAMPLE);
    expect(row(sheets.get("收支情况")!, "本年支出合计")[1]).toBe(Number(seed.inputs.expend_total).toFixed(2));
    expect(row(sheets.get("收支情况")!, "本年支出合计")[1]).toBe("226.86");
    expect(sheets.get("重点工作")!.columnBelow("完成率")[0]).toBe("100.00%");
  });

  it("displays the two report texts of 收支情况 whole: what the money was used for, the 三公 budget's scope", () => {
    const sheets = shownSheets(EXAMPLE);
    expect(row(sheets.get("收支情况")!, "本年支出主要用于")[1]).toBe(SEED_EXPEND_MAIN_USE);
    expect(row(sheets.get("收支情况")!, "“三公”经费预算口径说明")[1]).toBe(SEED_SANGONG_BUDGET_SCOPE);
  });

  it("prints on A4, one page wide, in at most 20 pages", () => {
    expectPrintsLikeAForm(printed(EXAMPLE, "xlsx"), 20);
  });

  it("prints the lists of 基本情况 whole, each item across the page (职能职责, 机构设置, 评价依据)", () => {
    const basic = shownSheets(EXAMPLE).get("基本情况")!;
    const items = ["职能职责", "机构设置", "评价依据"]
      .flatMap((h) => basic.columnBelow(h))
      .filter((t) => t.length > 20);
    expect(items.length).toBeGreaterThan(5);
    const pages = pagesOf(printed(EXAMPLE, "xlsx"), "基本情况").join("").replace(/\s/g, "");
    // A row too low for its text shows only the first lines: the item's last characters would be missing.
    expect(items.filter((t) => !pages.includes(t.replace(/\s/g, "").slice(-4)))).toEqual([]);
  });
});

describe.skipIf(!officeSuite.available)("in LibreOffice: the example scored by the CLI", () => {
  it("shows 总得分 94, 等级 优, the level subtotals and 评分时间 in local time", () => {
    const result = shownSheets(scored).get("评价结果")!;
    expect(row(result, "总得分")[1]).toBe(String(seed.expected.total));
    expect(row(result, "总得分")[1]).toBe("94");
    expect(row(result, "评价等级")[1]).toBe("优");
    expect(row(result, "调整前得分")[1]).toBe("94");
    expect(row(result, "评分时间")[1]).toBe("2026-12-02 15:04");
    for (const [name, score] of Object.entries(seed.expected.level_subtotals)) {
      const r = result.rows.find((cells) => cells[0] === "一级" && cells[1] === name);
      expect(r?.[3], name).toBe(String(score));
    }
    expect(result.rows.filter((cells) => cells[0] === "一级").map((c) => c[3])).toEqual(["5", "24.5", "46", "18.5"]);
  });

  it("shows every indicator score as points and every rate as a percentage (no 200.00%, no ###)", () => {
    const rubric = shownSheets(scored).get("指标体系")!;
    const scores = rubric.columnBelow("得分").filter((t) => t !== "");
    expect(scores.length).toBeGreaterThan(20);
    for (const s of scores) expect(s).toMatch(/^\d+(\.\d+)?$/);
    const values = rubric.columnBelow("指标值");
    expect(values).toContain("100.00%");
    expect(rubric.texts.join("\n")).not.toContain("###");
    // The rubric closes with its 合计 row: the level-1 weights and scores added up.
    const total = row(rubric, "合计");
    expect(total.filter((t) => t !== "" && t !== "合计")).toEqual(["100", String(seed.expected.total)]);
    const tasks = shownSheets(scored).get("重点工作")!;
    expect(tasks.columnBelow("得分").filter((t) => t !== "")).toEqual(seed.expected.task_scores.map(String));
  });

  it("prints on A4, one page wide, in at most 20 pages", () => {
    expectPrintsLikeAForm(printed(scored, "xlsx"), 20);
  });

  it("keeps a number format per cell, by kind: points General, rates 0.00%, money 0.00, counts 0, the time a date", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(scored as unknown as ArrayBuffer);
    const general = (f: string | undefined) => f === undefined || f === "" || f === "General";
    const result = wb.getWorksheet("评价结果")!;
    const byLabel = (ws: ExcelJS.Worksheet, label: string) => {
      let found: ExcelJS.Cell | null = null;
      ws.eachRow((r) => r.eachCell((c) => void (c.value === label && (found = r.getCell(Number(c.col) + 1)))));
      if (!found) throw new Error(label);
      return found as ExcelJS.Cell;
    };
    expect(general(byLabel(result, "总得分").numFmt)).toBe(true);
    expect(general(byLabel(result, "调整前得分").numFmt)).toBe(true);
    expect(byLabel(result, "评分时间").numFmt).toBe("yyyy-mm-dd hh:mm");
    expect(typeof byLabel(result, "评分时间").value).not.toBe("string");
    const finance = wb.getWorksheet("收支情况")!;
    expect(byLabel(finance, "本年支出合计").numFmt).toBe("0.00");
    expect(byLabel(finance, "被收回指标或资金（次）").numFmt).toBe("0");
    // The rubric: each 得分 General, each 指标值 by what the engine decided it is (model/format.ts): a rate
    // 0.00%, a count 0 (被收回指标或资金, funds_recalled_count, is the example's one), anything else General.
    const rubric = wb.getWorksheet("指标体系")!;
    const header = rubric.getRow(3);
    const colOf = (h: string) => {
      let at = 0;
      header.eachCell((c, n) => void (c.value === h && (at = n)));
      return at;
    };
    const scoreCol = colOf("得分");
    const valueCol = colOf("指标值");
    let rates = 0;
    let counts = 0;
    for (let r = 4; r <= rubric.rowCount; r++) {
      const s = rubric.getRow(r).getCell(scoreCol);
      if (typeof s.value === "number") expect(general(s.numFmt), `得分 row ${r}: ${s.numFmt}`).toBe(true);
      const v = rubric.getRow(r).getCell(valueCol);
      if (typeof v.value === "number" && v.numFmt === "0.00%") rates++;
      else if (typeof v.value === "number" && v.numFmt === "0") {
        counts++;
        expect(Number.isInteger(v.value), `指标值 row ${r}: a count`).toBe(true);
      } else if (typeof v.value === "number") expect(general(v.numFmt), `指标值 row ${r}: ${v.numFmt}`).toBe(true);
    }
    expect(rates).toBeGreaterThan(5);
    expect(counts).toBe(1);
  });

  it("asks Excel, WPS and LibreOffice to recalculate on open (formulas may read the written cells)", async () => {
    const { default: JSZip } = await import("jszip");
    const xml = await (await JSZip.loadAsync(scored)).file("xl/workbook.xml")!.async("string");
    expect(xml).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
    const blank = await (await JSZip.loadAsync(BLANK)).file("xl/workbook.xml")!.async("string");
    expect(blank).not.toMatch(/fullCalcOnLoad="1"/);
  });

  it("leaves every input as it was (values and formats)", async () => {
    const before = await readSnapshot(EXAMPLE);
    const after = await readSnapshot(scored);
    for (const sheet of ["基本情况", "收支情况", "满意度", "效益", "问题与措施"]) {
      expect(after.sheets.find((s) => s.name === sheet)?.cells, sheet).toEqual(
        before.sheets.find((s) => s.name === sheet)?.cells,
      );
    }
  });
});

describe.skipIf(!officeSuite.available)("in LibreOffice: the 报告 sheet", () => {
  it("shows the report's paragraphs whole and prints on A4", async () => {
    const outcome = runReport(await readSnapshot(EXAMPLE), { lang: "zh-CN", now: "2026-12-02T15:04:00" });
    const { bytes } = await applyWritePlan(EXAMPLE, outcome.writePlan);
    const report = shownSheets(bytes).get("报告")!;
    expect(report.texts[0]).toContain(seed.inputs.unit_name as string);
    expect(report.texts.some((t) => t.startsWith("一、"))).toBe(true);
    const p = printed(bytes, "xlsx");
    const pages = pagesOf(p, "报告");
    expect(pages.length).toBeGreaterThan(1);
    for (const size of p.pageSizes) expect(isA4(size)).toBe(true);
    // Wrapped, not cut at the page edge: a long paragraph's last characters are printed.
    const longest = [...report.texts].sort((a, b) => b.length - a.length)[0]!;
    expect(pages.join("").replace(/\s/g, "")).toContain(longest.replace(/\s/g, "").slice(-12));
  });
});
