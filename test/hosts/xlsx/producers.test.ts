/**
 * Workbooks written by other producers: a SpreadsheetML namespace bound to a prefix (WPS, the OpenXML
 * SDK), inline strings, formulas saved without a result, and the shipped example re-saved by LibreOffice.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { main, EXIT } from "../../../src/cli/main";
import type { CliIO } from "../../../src/cli/io";
import { runScoring } from "../../../src/engine";
import type { WorkbookSnapshot } from "../../../src/engine/model/snapshot";
import { cellAtRef, findName } from "../../../src/engine/model/snapshot";
import { HostError } from "../../../src/hosts/common/types";
import { applyWritePlan } from "../../../src/hosts/xlsx/apply-plan";
import { formulasWithoutValue, MAIN_NS, unprefixNamespace } from "../../../src/hosts/xlsx/normalize-parts";
import { definedNamesFromXml, openWorkbook } from "../../../src/hosts/xlsx/open-workbook";
import { readSnapshot } from "../../../src/hosts/xlsx/read-snapshot";
import { officeSuite, resaved } from "../../office-suite/libreoffice";
import { prefixMainNamespace, prefixedPackage } from "../../office-suite/prefixed";
import { partText, patchPart, sheetPart, toBytes } from "./helpers";

officeSuite.assertAvailableInCi();

const EXAMPLE = path.resolve(__dirname, "../../../assets/example-wanzhou-2020.xlsx");
const exampleBytes = () => new Uint8Array(readFileSync(EXAMPLE));
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

interface Run {
  code: number;
  out: string;
  err: string;
}

async function cli(args: string[], cwd: string): Promise<Run> {
  let out = "";
  let err = "";
  const io: CliIO = { stdout: (t) => (out += t), stderr: (t) => (err += t), isTTY: false, cwd };
  const code = await main(args, io, () => new Date("2026-11-28T00:00:00Z"));
  return { code, out, err };
}

/** Scores like the CLI does: readSnapshot, then the engine. */
async function scoreBytes(bytes: Uint8Array) {
  const snapshot = await readSnapshot(bytes);
  return { snapshot, outcome: runScoring(snapshot, { now: "2026-11-28T00:00:00Z" }) };
}

function expectExampleScore(outcome: ReturnType<typeof runScoring>): void {
  expect(outcome.scores?.total).toBe(94);
  expect(outcome.scores?.grade).toBe("优");
  const warnings = outcome.diagnostics.filter((d) => d.severity === "warning" || d.severity === "error");
  expect(warnings.map((d) => [d.severity, d.code, d.location?.sheet, d.location?.address])).toEqual([
    ["warning", "sum_mismatch", "收支情况", "B10"],
    ["warning", "sum_mismatch", "收支情况", "B11"],
    ["warning", "sum_mismatch", "收支情况", "B15"],
  ]);
}

const sortedNames = (s: WorkbookSnapshot) => [...s.names].sort((a, b) => a.name.localeCompare(b.name));

let dir = "";
let original: WorkbookSnapshot;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "perfeval-producers-"));
  original = await readSnapshot(exampleBytes());
});

describe("unprefixNamespace", () => {
  it("moves the main namespace's prefix to the default namespace and keeps r: and mc: intact", () => {
    const xml =
      `<?xml version="1.0" encoding="UTF-8"?>\n<x:workbook xmlns:x="${MAIN_NS}" xmlns:r="${REL_NS}" ` +
      `xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15" xmlns:x15="urn:x15">` +
      `<!-- <x:kept> --><x:sheets><x:sheet name="a&gt;b" sheetId="1" r:id="rId1"/></x:sheets>` +
      `<x:definedNames><x:definedName name="n">'a&gt;b'!$B$2</x:definedName></x:definedNames></x:workbook>`;
    expect(unprefixNamespace(xml, MAIN_NS)).toBe(
      `<?xml version="1.0" encoding="UTF-8"?>\n<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}" ` +
        `xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15" xmlns:x15="urn:x15">` +
        `<!-- <x:kept> --><sheets><sheet name="a&gt;b" sheetId="1" r:id="rId1"/></sheets>` +
        `<definedNames><definedName name="n">'a&gt;b'!$B$2</definedName></definedNames></workbook>`,
    );
  });

  it("returns a part that already uses the default namespace unchanged", () => {
    const xml = `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetData/></worksheet>`;
    expect(unprefixNamespace(xml, MAIN_NS)).toBe(xml);
  });

  it("gives a default namespace bound to something else a fresh prefix", () => {
    const xml = `<x:worksheet xmlns:x="${MAIN_NS}" xmlns="urn:other"><foo a="1"><x:sheetData/></foo></x:worksheet>`;
    expect(unprefixNamespace(xml, MAIN_NS)).toBe(
      `<worksheet xmlns="${MAIN_NS}"><ns0:foo xmlns:ns0="urn:other" a="1"><sheetData/></ns0:foo></worksheet>`,
    );
  });

  it("drops the main prefix of attributes, and keeps unqualified ones when both are given", () => {
    const xml = `<s:c xmlns:s="${MAIN_NS}" s:r="A1" s:t="s" t="n" xml:space="preserve"><s:v>1</s:v></s:c>`;
    expect(unprefixNamespace(xml, MAIN_NS)).toBe(
      `<c xmlns="${MAIN_NS}" r="A1" t="n" xml:space="preserve"><v>1</v></c>`,
    );
  });

  it("handles a prefix declared below the root and elements in no namespace", () => {
    const xml = `<root><x:sst xmlns:x="${MAIN_NS}"><x:si><x:t>a</x:t></x:si><plain/></x:sst></root>`;
    expect(unprefixNamespace(xml, MAIN_NS)).toBe(
      `<root><sst xmlns="${MAIN_NS}"><si><t>a</t></si><plain xmlns=""/></sst></root>`,
    );
  });

  it("undoes the test's own prefixing on every part of the example, to the same text", async () => {
    const zip = await JSZip.loadAsync(exampleBytes());
    let parts = 0;
    for (const f of Object.values(zip.files)) {
      if (f.dir || !f.name.startsWith("xl/") || !f.name.endsWith(".xml")) continue;
      const xml = await f.async("string");
      const prefixed = prefixMainNamespace(xml, "x");
      if (prefixed === xml) continue;
      parts++;
      expect(prefixed).toMatch(/<x:/);
      expect(unprefixNamespace(prefixed, MAIN_NS)).toBe(xml);
    }
    expect(parts).toBeGreaterThanOrEqual(15);
  });
});

describe("a workbook whose SpreadsheetML uses an x: prefix", () => {
  it("reads the same snapshot as the original", async () => {
    const prefixed = await prefixedPackage(exampleBytes());
    expect(await partText(prefixed, "xl/workbook.xml")).toMatch(/^[\s\S]*<x:workbook xmlns:x=/);
    expect(await partText(prefixed, "xl/sharedStrings.xml")).toContain("<x:sst");
    const snap = await readSnapshot(prefixed);
    expect(snap).toEqual(original);
  });

  it("reads a package where only some parts are prefixed (a program that rewrote the sheets it filled)", async () => {
    const mixed = await prefixedPackage(
      exampleBytes(),
      "x",
      (p) => p === "xl/worksheets/sheet3.xml" || p === "xl/sharedStrings.xml",
    );
    expect(await partText(mixed, "xl/workbook.xml")).not.toContain("<x:");
    expect(await readSnapshot(mixed)).toEqual(original);
  });

  it("recognises the template with _meta very hidden (LibreOffice writes it back as hidden)", async () => {
    const veryHidden = await patchPart(exampleBytes(), "xl/workbook.xml", (xml) =>
      xml.replace(/(<sheet\b[^>]*name="_meta"[^>]*?)state="hidden"/, '$1state="veryHidden"'),
    );
    expect(await partText(veryHidden, "xl/workbook.xml")).toContain('state="veryHidden"');
    const { outcome } = await scoreBytes(await prefixedPackage(veryHidden));
    expectExampleScore(outcome);
  });

  it("gives openWorkbook the normalised workbook.xml, so the names and restoreDefinedNames work", async () => {
    const { workbookXml, workbook } = await openWorkbook(await prefixedPackage(exampleBytes(), "ss"));
    expect(workbookXml).not.toContain("<ss:");
    expect(workbookXml).toContain("<definedNames>");
    expect(definedNamesFromXml(workbookXml)).toEqual(original.names);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(original.sheets.map((s) => s.name));
  });

  it("scores 94 优 through the CLI, and score -o writes the total and keeps the defined names", async () => {
    const file = path.join(dir, "prefixed.xlsx");
    writeFileSync(file, await prefixedPackage(exampleBytes()));
    const r = await cli(["score", file], dir);
    expect(r.err).toBe("");
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toContain("总分 94.00 分，等级「优」。");

    const out = path.join(dir, "prefixed-scored.xlsx");
    const w = await cli(["score", file, "-o", out, "--json"], dir);
    expect(w.code).toBe(EXIT.ok);
    const json = JSON.parse(w.out);
    expect([json.total, json.grade]).toEqual([94, "优"]);
    expect(json.levels.map((l: { score: number }) => l.score)).toEqual([5, 24.5, 46, 18.5]);

    const written = new Uint8Array(readFileSync(out));
    const snap = await readSnapshot(written);
    const total = findName(snap, "result_total")!;
    expect(total.sheet).toBe("评价结果");
    expect(cellAtRef(snap, total)).toEqual({ t: "n", v: 94 });
    expect(sortedNames(snap)).toEqual(sortedNames(original));
    // The restored <definedNames> block is the normalised one: no x: element inside exceljs's default-namespace part.
    const wbXml = await partText(written, "xl/workbook.xml");
    expect(wbXml).not.toContain("<x:");
    expect(wbXml).toContain('<definedName name="result_total">');
  });
});

describe("inline strings", () => {
  async function withCells(cells: string, prefix?: string): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("S").getCell("A1").value = "x";
    const bytes = await patchPart(await toBytes(wb), sheetPart(1), (xml) =>
      xml.replace(/<sheetData>[\s\S]*<\/sheetData>|<sheetData\/>/, `<sheetData><row r="1">${cells}</row></sheetData>`),
    );
    return prefix ? prefixedPackage(bytes, prefix) : bytes;
  }
  const CELLS =
    `<c r="A1" t="inlineStr"><is><t>部门名称</t></is></c>` +
    `<c r="B1" t="inlineStr"><is><r><t>富</t></r><r><rPr><b/></rPr><t xml:space="preserve">文本 </t></r></is></c>` +
    `<c r="C1" t="inlineStr"><is><t></t></is></c><c r="D1" t="inlineStr"><is><t>12</t></is></c>`;

  it.each([[undefined], ["x"]])("are read as text, rich-text runs joined (prefix %s)", async (prefix) => {
    const snap = await readSnapshot(await withCells(CELLS, prefix));
    expect(snap.sheets[0]!.cells[0]).toEqual([
      { t: "s", v: "部门名称" },
      { t: "s", v: "富文本 " },
      { t: "empty" },
      { t: "s", v: "12" },
    ]);
  });
});

describe("formulas saved without a result", () => {
  async function sheets(first: string, secondState?: string, second = ""): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("收支情况").getCell("A1").value = "x";
    const other = wb.addWorksheet("Other sheet");
    other.getCell("A1").value = "y";
    if (secondState) other.state = secondState as ExcelJS.WorksheetState;
    let bytes = await toBytes(wb);
    const body = (cells: string) => (xml: string) =>
      xml.replace(/<sheetData>[\s\S]*<\/sheetData>|<sheetData\/>/, `<sheetData>${cells}</sheetData>`);
    bytes = await patchPart(bytes, sheetPart(1), body(first));
    if (second) bytes = await patchPart(bytes, sheetPart(2), body(second));
    return bytes;
  }

  it("finds <f> without <v>, shared-formula children too; <v></v> is a cached empty text", () => {
    const xml =
      `<sheetData><row r="10"><c r="B10"><f>SUM(B11:B12)</f></c><c r="C10" t="str"><f>""</f><v></v></c>` +
      `<c r="D10"><f>1+1</f><v>2</v></c></row><row r="11"><c r="B11"><f t="shared" ref="B11:C11" si="0">A1</f><v>1</v></c>` +
      `<c r="C11"><f t="shared" si="0"/></c><c><f>A1</f></c></row><row><c r="A13"><v>1</v></c><c><f>A2</f></c></row></sheetData>`;
    expect(formulasWithoutValue(xml)).toEqual(["B10", "C11", "D11", "B13"]);
    expect(formulasWithoutValue(`<dataValidation><formula1>0</formula1></dataValidation>`)).toEqual([]);
  });

  it("refuses the file naming the cells, and asks to recalculate and save in Excel or WPS", async () => {
    const bytes = await sheets(
      `<row r="10"><c r="B10"><f>SUM(B11,B15)</f></c></row>`,
      undefined,
      `<row r="2"><c r="C2"><f>A1</f></c></row>`,
    );
    const err = await readSnapshot(bytes).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).code).toBe("file_unreadable");
    expect((err as HostError).message).toBe(
      "以下单元格的公式没有计算结果：收支情况!B10、'Other sheet'!C2。请在 Excel 或 WPS 中打开，重新计算（F9）并保存后再试。",
    );
  });

  it("lists ten cells and counts the rest", async () => {
    const cells = Array.from({ length: 12 }, (_, i) => `<row r="${i + 1}"><c r="B${i + 1}"><f>A1</f></c></row>`).join(
      "",
    );
    const err = (await readSnapshot(await sheets(cells)).catch((e: unknown) => e)) as HostError;
    expect(err.message).toContain("收支情况!B10 等 12 个单元格。");
    expect(err.message).not.toContain("B11");
    expect(err.detail).toContain("收支情况!B12");
  });

  it("reads cached results, and ignores formulas on hidden sheets (read as empty)", async () => {
    const bytes = await sheets(
      `<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1" t="str"><f>""</f><v></v></c><c r="C1" t="b"><f>TRUE()</f><v>1</v></c></row>`,
      "hidden",
      `<row r="1"><c r="A1"><f>1+1</f></c></row>`,
    );
    const snap = await readSnapshot(bytes);
    expect(snap.sheets[0]!.cells[0]).toEqual([{ t: "n", v: 2 }, { t: "empty" }, { t: "b", v: true }]);
    expect(snap.sheets[1]).toMatchObject({ visible: false, cells: [] });
  });

  it("is reported by the CLI in one line, exit 2", async () => {
    const bytes = await patchPart(exampleBytes(), "xl/worksheets/sheet3.xml", (xml) =>
      xml.replace(/<c r="B10"([^>]*?)(?:\/>|>[\s\S]*?<\/c>)/, `<c r="B10"$1><f>SUM(B11,B15)</f></c>`),
    );
    const file = path.join(dir, "uncached.xlsx");
    writeFileSync(file, bytes);
    const r = await cli(["score", file], dir);
    expect(r.code).toBe(EXIT.usage);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toContain(
      "以下单元格的公式没有计算结果：收支情况!B10。请在 Excel 或 WPS 中打开，重新计算（F9）并保存后再试。",
    );
  });
});

describe.skipIf(!officeSuite.available)("the example re-saved by LibreOffice", () => {
  let lo: Uint8Array;
  beforeAll(() => {
    lo = resaved(exampleBytes(), "xlsx", "xlsx:Calc MS Excel 2007 XML", "xlsx");
  }, 200_000);

  it("is really LibreOffice's file", async () => {
    expect(await partText(lo, "docProps/app.xml")).toMatch(/LibreOffice/);
  });

  it("reads the same names, sheets, visibility and values", async () => {
    const snap = await readSnapshot(lo);
    expect(sortedNames(snap)).toEqual(sortedNames(original));
    expect(snap.sheets.map((s) => [s.name, s.visible])).toEqual(original.sheets.map((s) => [s.name, s.visible]));
    expect(snap.sheets).toEqual(original.sheets);
  });

  it("scores 94 优 with the same levels and the three warnings at 收支情况 B10, B11, B15", async () => {
    const { outcome } = await scoreBytes(lo);
    expectExampleScore(outcome);
    expect(outcome.scores?.levels.filter((l) => l.depth === 1).map((l) => l.score)).toEqual([5, 24.5, 46, 18.5]);
  });

  it("scores through the CLI, and score -o output re-reads with the total in 评价结果", async () => {
    const file = path.join(dir, "libreoffice.xlsx");
    writeFileSync(file, lo);
    const r = await cli(["score", file], dir);
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toContain("总分 94.00 分，等级「优」。");
    expect(r.out.match(/^警告 「收支情况」!B1\d/gm)).toEqual([
      "警告 「收支情况」!B10",
      "警告 「收支情况」!B11",
      "警告 「收支情况」!B15",
    ]);
    expect(r.out).toContain("0 个错误 · 3 个警告 · 1 个提示");

    const out = path.join(dir, "libreoffice-scored.xlsx");
    expect((await cli(["score", file, "-o", out], dir)).code).toBe(EXIT.ok);
    const snap = await readSnapshot(new Uint8Array(readFileSync(out)));
    const total = findName(snap, "result_total")!;
    expect(total.sheet).toBe("评价结果");
    expect(cellAtRef(snap, total)).toEqual({ t: "n", v: 94 });
    expect(sortedNames(snap)).toEqual(sortedNames(original));
    const rescored = runScoring(snap, { now: "2026-11-28T00:00:00Z" });
    expectExampleScore(rescored);
  });

  it("writes with applyWritePlan keeping LibreOffice's names", async () => {
    const { outcome } = await scoreBytes(lo);
    const applied = await applyWritePlan(lo, outcome.writePlan);
    const snap = await readSnapshot(applied.bytes);
    expect(sortedNames(snap)).toEqual(sortedNames(original));
  });
});
