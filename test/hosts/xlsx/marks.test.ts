/**
 * Marks in .xlsx files written by the CLI: `perfeval score … -o` and `perfeval validate … -o` fill the problem
 * cells and add a note worded as in the pane, remembered in the hidden `_marks` sheet; the next run clears only
 * its own marks. Values are never changed, and LibreOffice still shows them (and the notes).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { main, EXIT } from "../../../src/cli/main";
import type { CliIO } from "../../../src/cli/io";
import { runScoring, runValidation } from "../../../src/engine";
import { renderDiagnostic } from "../../../src/engine/diagnostics/render";
import { parseA1, parseRange } from "../../../src/engine/model/cell";
import type { WritePlan } from "../../../src/engine/model/write-plan";
import { MARK_COLORS, MARKS_SHEET, NOTE_PREFIX } from "../../../src/hosts/common/marks";
import { fillOf, markText, noteOf, readXlsxMarkRecords } from "../../../src/hosts/xlsx/marks";
import { applyWritePlan } from "../../../src/hosts/xlsx/apply-plan";
import { readSnapshot } from "../../../src/hosts/xlsx/read-snapshot";
import { officeSuite, resaved, shownSheets } from "../../office-suite/libreoffice";
import { toBytes } from "./helpers";

officeSuite.assertAvailableInCi();

const EXAMPLE = path.resolve(__dirname, "../../../assets/example-wanzhou-2020.xlsx");
const SHEET = "收支情况";
const WARNED = ["B10", "B11", "B15"] as const;

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "perfeval-marks-"));
});

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CliIO = { stdout: (t) => (out += t), stderr: (t) => (err += t), isTTY: false, cwd: dir };
  const code = await main(args, io, () => new Date("2026-11-28T00:00:00Z"));
  return { code, out, err };
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
  return wb;
}

/** Every cell value of every sheet, keyed "sheet!A1", leaving out the cells a write plan writes. */
function valuesOf(wb: ExcelJS.Workbook, skip: ReadonlySet<string> = new Set()): Map<string, string> {
  const out = new Map<string, string>();
  for (const ws of wb.worksheets) {
    if (ws.name === MARKS_SHEET) continue;
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const key = `${ws.name}!${cell.address}`;
        if (!skip.has(key)) out.set(key, JSON.stringify(cell.value));
      }),
    );
  }
  return out;
}

/** The cells a plan writes (values and cleared ranges), "sheet!A1". */
function planned(plan: WritePlan): Set<string> {
  const out = new Set<string>();
  const col = (c: number) => {
    let s = "";
    for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  for (const op of plan.ops) {
    if (op.kind === "values") {
      const start = parseA1(op.address)!;
      op.values.forEach((r, ri) =>
        r.forEach((_v, ci) => out.add(`${op.sheet}!${col(start.col + ci)}${start.row + ri + 1}`)),
      );
    } else if (op.kind === "clear") {
      const r = parseRange(op.range)!;
      for (let row = r.start.row; row <= r.end.row; row++) {
        for (let c = r.start.col; c <= r.end.col; c++) out.add(`${op.sheet}!${col(c)}${row + 1}`);
      }
    }
  }
  return out;
}

describe("perfeval score -o marks the problem cells of 评分", () => {
  let outFile = "";
  let outBytes: Uint8Array;

  beforeAll(async () => {
    outFile = path.join(dir, "scored.xlsx");
    const r = await cli(["score", EXAMPLE, "-o", outFile]);
    expect(r.code).toBe(EXIT.ok);
    outBytes = new Uint8Array(readFileSync(outFile));
  });

  it("fills the three warnings at 收支情况 B10, B11, B15 and adds a note with the pane's wording", async () => {
    const wb = await load(outFile);
    const ws = wb.getWorksheet(SHEET)!;
    const diagnostics = runScoring(await readSnapshot(readFileSync(EXAMPLE)), {
      now: "2026-11-28T08:00:00",
    }).diagnostics;
    for (const a of WARNED) {
      const cell = ws.getCell(a);
      expect(fillOf(cell)).toBe(MARK_COLORS.warning);
      const d = diagnostics.find((x) => x.location?.sheet === SHEET && x.location.address === a)!;
      const r = renderDiagnostic(d, "zh-CN");
      expect(noteOf(cell)).toBe(`${NOTE_PREFIX}${r.message}\n处理：${r.fix}`);
      expect(noteOf(cell)).toBe(`${NOTE_PREFIX}${markText("zh-CN")(d)}`);
    }
    // Only the three warnings (the info at 指标体系 N18 is not marked).
    const records = readXlsxMarkRecords(wb);
    expect(records.map((r) => `${r.sheet}!${r.address}`).sort()).toEqual(WARNED.map((a) => `${SHEET}!${a}`).sort());
    expect(records.every((r) => r.originalColor === "#FFF2CC" && r.note)).toBe(true);
    expect(wb.getWorksheet(MARKS_SHEET)?.state).toBe("veryHidden");
    // Unmarked cells keep their own fill: the style shared by every input cell was copied, not changed.
    expect(fillOf(ws.getCell("B9"))).toBe(fillOf((await load(EXAMPLE)).getWorksheet(SHEET)!.getCell("B9")));
    expect(fillOf(ws.getCell("B12"))).toBe("#FFF2CC");
  });

  it("changes no input value, and a re-read still scores 94 优", async () => {
    const before = await load(EXAMPLE);
    const plan = runScoring(await readSnapshot(readFileSync(EXAMPLE)), { now: "2026-11-28T08:00:00" }).writePlan;
    const skip = planned(plan);
    // Every cell of the original either is written by the plan or keeps its value.
    const after = valuesOf(await load(outFile), skip);
    const expected = valuesOf(before, skip);
    for (const [k, v] of expected) expect(after.get(k), k).toBe(v);
    const again = runScoring(await readSnapshot(outBytes), { now: "2026-11-28T08:00:00" });
    expect(again.scores?.total.toFixed(2)).toBe("94.00");
    expect(again.scores?.grade).toBe("优");
  });

  it("re-scoring after fixing a value clears that mark, keeps the others", async () => {
    const wb = await load(outFile);
    // 年末结转结余: 0.11 → 0.00 makes C03 hold.
    wb.getWorksheet(SHEET)!.getCell("B15").value = 0;
    const fixed = path.join(dir, "fixed.xlsx");
    writeFileSync(fixed, await toBytes(wb));
    const r = await cli(["score", fixed, "--in-place"]);
    expect(r.code).toBe(EXIT.ok);
    const ws = (await load(fixed)).getWorksheet(SHEET)!;
    expect(fillOf(ws.getCell("B15"))).toBe("#FFF2CC");
    expect(noteOf(ws.getCell("B15"))).toBeNull();
    expect(fillOf(ws.getCell("B10"))).toBe(MARK_COLORS.warning);
    expect(noteOf(ws.getCell("B10"))).toMatch(/^【绩效评价助手】基本支出 \+ 项目支出 = /);
    expect(fillOf(ws.getCell("B11"))).toBe(MARK_COLORS.warning);
  });

  it("writes the notes as comments in the package", async () => {
    const zip = await JSZip.loadAsync(outBytes);
    const parts = Object.keys(zip.files).filter((f) => /^xl\/comments\d*\.xml$/.test(f));
    expect(parts.length).toBeGreaterThan(0);
    const xml = (await Promise.all(parts.map((p) => zip.file(p)!.async("string")))).join("");
    expect(xml.split(NOTE_PREFIX).length - 1).toBe(3);
  });
});

describe("perfeval validate -o", () => {
  it("writes a copy with the marks and nothing else changed; the input file is untouched", async () => {
    const input = readFileSync(EXAMPLE);
    const out = path.join(dir, "marked.xlsx");
    const r = await cli(["validate", EXAMPLE, "-o", out]);
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toContain("已标出 3 个问题单元格");
    expect(readFileSync(EXAMPLE).equals(input)).toBe(true);
    const wb = await load(out);
    expect(valuesOf(wb)).toEqual(valuesOf(await load(EXAMPLE)));
    expect(fillOf(wb.getWorksheet(SHEET)!.getCell("B10"))).toBe(MARK_COLORS.warning);
    expect(runValidation(await readSnapshot(readFileSync(out))).diagnostics).toEqual(
      runValidation(await readSnapshot(input)).diagnostics,
    );
  });

  it("--in-place marks the file itself; -o with --in-place is a usage error", async () => {
    const copy = path.join(dir, "inplace.xlsx");
    writeFileSync(copy, readFileSync(EXAMPLE));
    expect((await cli(["validate", copy, "--in-place"])).code).toBe(EXIT.ok);
    expect(noteOf((await load(copy)).getWorksheet(SHEET)!.getCell("B11"))).toMatch(
      /^【绩效评价助手】人员经费 \+ 公用经费 = /,
    );
    expect((await cli(["validate", copy, "--in-place", "-o", "x.xlsx"])).code).toBe(EXIT.usage);
  });

  it("--lang en words the notes in English", async () => {
    const out = path.join(dir, "marked-en.xlsx");
    expect((await cli(["validate", EXAMPLE, "-o", out, "--lang", "en"])).code).toBe(EXIT.ok);
    expect(noteOf((await load(out)).getWorksheet(SHEET)!.getCell("B10"))).toMatch(/^【绩效评价助手】.*\nWhat to do: /s);
  });
});

describe("sheet names that look like numbers, dates or booleans", () => {
  it("round-trip through _marks as text", async () => {
    const wb = new ExcelJS.Workbook();
    for (const name of ["2020-01", "1.10", "TRUE"]) wb.addWorksheet(name).getCell("A1").value = "x";
    const bytes = await toBytes(wb);
    const diagnostics = ["2020-01", "1.10", "TRUE"].map((sheet) => ({
      code: "required_missing" as const,
      severity: "error" as const,
      location: { sheet, address: "B2" },
      params: { label: "B2" },
    }));
    const marked = await applyWritePlan(bytes, { ops: [] }, { marks: { diagnostics, describe: () => "缺" } });
    const reopened = new ExcelJS.Workbook();
    await reopened.xlsx.load(marked.bytes as unknown as ExcelJS.Buffer);
    expect(readXlsxMarkRecords(reopened).map((r) => r.sheet)).toEqual(["2020-01", "1.10", "TRUE"]);
    const cleared = await applyWritePlan(marked.bytes, { ops: [] }, { marks: { diagnostics: [], describe: () => "" } });
    const last = new ExcelJS.Workbook();
    await last.xlsx.load(cleared.bytes as unknown as ExcelJS.Buffer);
    for (const name of ["2020-01", "1.10", "TRUE"]) {
      expect(fillOf(last.getWorksheet(name)!.getCell("B2"))).toBe("");
      expect(noteOf(last.getWorksheet(name)!.getCell("B2"))).toBeNull();
    }
  });
});

describe.skipIf(!officeSuite.available)("the marked workbook in LibreOffice", () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    const out = path.join(dir, "lo.xlsx");
    expect((await cli(["score", EXAMPLE, "-o", out])).code).toBe(EXIT.ok);
    bytes = new Uint8Array(readFileSync(out));
  });

  it("shows the marked cells' values unchanged", () => {
    const shown = shownSheets(bytes).get(SHEET)!;
    expect(shown.cell("B10")).toBe("226.86");
    expect(shown.cell("B11")).toBe("166.03");
    expect(shown.cell("B15")).toBe("0.11");
  }, 180_000);

  it("reads the notes: they survive LibreOffice's re-save as comments", async () => {
    const lo = resaved(bytes, "xlsx", "xlsx:Calc MS Excel 2007 XML", "xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(lo as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet(SHEET)!;
    for (const a of WARNED) expect(noteOf(ws.getCell(a)), a).toMatch(/^【绩效评价助手】/);
    expect(fillOf(ws.getCell("B10"))).toBe(MARK_COLORS.warning);
  }, 180_000);
});

describe("the browser page's download", () => {
  it("carries the marks of 校验 and of 评分 (applyAndMark), with the grid marks kept", async () => {
    const { BrowserHost } = await import("../../../src/hosts/browser/browser-host");
    const [read, apply] = await Promise.all([
      import("../../../src/hosts/xlsx/read-snapshot"),
      import("../../../src/hosts/xlsx/apply-plan"),
    ]);
    const downloads: Uint8Array[] = [];
    const host = new BrowserHost({
      loadCodec: async () => ({ readSnapshot: read.readSnapshot, applyWritePlan: apply.applyWritePlan, markText }),
      fetchAsset: async () => new Uint8Array(readFileSync(EXAMPLE)),
      download: (_name, bytes) => downloads.push(bytes),
      lang: () => "zh-CN",
    });
    await host.openExample();
    const validation = runValidation(await host.readSnapshot());
    await host.markDiagnostics(validation.diagnostics);
    expect(host.getState().marks.get(`${SHEET}!B10`)).toBe("warning");
    await host.downloadWorkbook();
    let wb = new ExcelJS.Workbook();
    await wb.xlsx.load(downloads[0] as unknown as ExcelJS.Buffer);
    const d = validation.diagnostics.find((x) => x.location?.address === "B10")!;
    expect(fillOf(wb.getWorksheet(SHEET)!.getCell("B10"))).toBe(MARK_COLORS.warning);
    expect(noteOf(wb.getWorksheet(SHEET)!.getCell("B10"))).toBe(`${NOTE_PREFIX}${markText("zh-CN")(d)}`);

    const scoring = runScoring(await host.readSnapshot(), { now: "2026-11-28T08:00:00" });
    await host.applyAndMark(
      scoring.writePlan,
      scoring.diagnostics.filter((x) => x.location?.address !== "B15"),
    );
    expect(host.getState().marks.has(`${SHEET}!B15`)).toBe(false);
    expect(host.getState().written).toBe(true);
    await host.downloadWorkbook();
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(downloads[1] as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet(SHEET)!;
    expect(fillOf(ws.getCell("B11"))).toBe(MARK_COLORS.warning);
    expect(fillOf(ws.getCell("B15"))).toBe("#FFF2CC");
    expect(noteOf(ws.getCell("B15"))).toBeNull();
    const rescored = runScoring(await readSnapshot(downloads[1]!), { now: "2026-11-28T08:00:00" });
    expect(rescored.scores?.grade).toBe("优");
  });
});
