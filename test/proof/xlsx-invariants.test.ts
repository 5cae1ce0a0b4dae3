/**
 * Invariants through the .xlsx host (what the CLI and the browser page use): input cells are never modified,
 * an action run twice gives the same workbook as once, and user text starting with = + - @ stays text in the
 * sheet, the 报告 sheet and the batch summary workbook.
 */
import { beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { runReport, runScoring, runValidation } from "../../src/engine";
import { readSnapshot } from "../../src/hosts/xlsx/read-snapshot";
import { applyWritePlan } from "../../src/hosts/xlsx/apply-plan";
import { buildTemplateWorkbook } from "../../src/hosts/xlsx/write-template";
import { writeSummaryWorkbook } from "../../src/hosts/xlsx/write-summary";
import { scaledDescription } from "../../bench/generate";
import type { TemplateDescription } from "../../src/templates/standard";
import { FORMULA_LIKE } from "./hostile";
import { inputDigest } from "../fixtures";

const NOW = "2021-03-01T09:00:00";
type Action = "校验" | "评分" | "报告";

/** One action on .xlsx bytes, as the CLI does it (校验 writes nothing). */
async function act(bytes: Uint8Array, action: Action): Promise<Uint8Array> {
  const snapshot = await readSnapshot(bytes);
  if (action === "校验") {
    runValidation(snapshot);
    return bytes;
  }
  const r = action === "评分" ? runScoring(snapshot, { now: NOW }) : runReport(snapshot, { now: NOW });
  if (r.writePlan.ops.length === 0) return bytes;
  return (await applyWritePlan(bytes, r.writePlan)).bytes;
}

/** Every worksheet part's XML and the defined names: what "the same workbook" means for a file. */
async function parts(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files).sort()) {
    if (/^xl\/(worksheets\/sheet\d+|workbook|sharedStrings|styles)\.xml$/.test(name)) {
      // exceljs writes a new sheet's <pageSetup> with fewer default attributes than a reloaded one: print noise.
      out[name] = (await zip.file(name)!.async("string")).replace(/<pageSetup [^>]*\/>/, "<pageSetup/>");
    }
  }
  return out;
}

let example: Uint8Array;
beforeAll(async () => {
  example = await buildTemplateWorkbook(scaledDescription(1));
});

describe(".xlsx host invariants", () => {
  it("input cells are unchanged after 校验, 评分 and 报告 (hash of every input cell)", async () => {
    const before = inputDigest(await readSnapshot(example));
    expect(before.size).toBeGreaterThan(300);
    let bytes = example;
    for (const a of ["校验", "评分", "报告", "评分"] as const) bytes = await act(bytes, a);
    const after = await readSnapshot(bytes);
    expect(inputDigest(after)).toEqual(before);
    // …and the actions did write: scores and the report are there.
    expect(after.sheets.some((s) => s.name === "报告")).toBe(true);
  });

  it.each<Action>(["评分", "报告"])("%s twice gives the same workbook as once", async (action) => {
    const once = await act(example, action);
    const twice = await act(once, action);
    expect(await readSnapshot(twice)).toEqual(await readSnapshot(once));
    expect(await parts(twice)).toEqual(await parts(once));
  });

  it("user text starting with = + - @ stays text in the sheet and the 报告 sheet", async () => {
    const base = scaledDescription(1);
    const desc: TemplateDescription = {
      ...base,
      values: { ...base.values, unit_name: FORMULA_LIKE[0]! },
      tables: base.tables.map((t) =>
        t.id === "tasks"
          ? { ...t, rows: t.rows.map((r, i) => ({ ...r, name: FORMULA_LIKE[i + 1] ?? r.name ?? null })) }
          : t,
      ),
    };
    let bytes = await buildTemplateWorkbook(desc);
    bytes = await act(bytes, "评分");
    bytes = await act(bytes, "报告");
    const zip = await JSZip.loadAsync(bytes);
    for (const name of Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))) {
      expect(await zip.file(name)!.async("string"), name).not.toMatch(/<f[\s>]/);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const reportTexts: string[] = [];
    wb.getWorksheet("报告")!.eachRow((row) => row.eachCell((c) => reportTexts.push(String(c.value))));
    for (const v of FORMULA_LIKE.slice(0, 5)) expect(reportTexts.join("\n")).toContain(v);
  });

  it("user text starting with = + - @ stays text in the batch summary workbook", async () => {
    const rows = FORMULA_LIKE.map((unit, i) => ({
      file: `${unit}.xlsx`,
      unit,
      year: "@2020",
      levels: [{ name: "-投入", score: 5 }],
      total: 90 + i,
      grade: "优",
      errors: 0,
      warnings: 0,
      note: "+说明",
    }));
    const bytes = await writeSummaryWorkbook(rows, {
      headers: ["文件", "单位", "年度", "", "总分", "等级", "错误", "警告", "说明"],
    });
    const sheetXml = await (await JSZip.loadAsync(bytes)).file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheetXml).not.toMatch(/<f[\s>]/);
    const snap = await readSnapshot(bytes);
    const cells = snap.sheets[0]!.cells;
    expect(cells.slice(1).map((r) => r[1])).toEqual(FORMULA_LIKE.map((v) => ({ t: "s", v })));
  });
});
