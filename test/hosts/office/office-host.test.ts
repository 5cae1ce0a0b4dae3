import { describe, expect, it } from "vitest";
import JSZip from "jszip";
import { createOfficeHost } from "../../../src/hosts/office/office-host";
import type { OfficeHostOptions } from "../../../src/hosts/office/office-host";
import type { Diagnostic } from "../../../src/engine/diagnostics/types";
import { FakeWorkbook, OfficeError } from "./fake-excel";
import type { FakeValue } from "./fake-excel";
import { caught } from "./caught";

function hostFor(wb: FakeWorkbook, extra: Partial<OfficeHostOptions> = {}) {
  return createOfficeHost({ excel: wb.excel, office: wb.office, ...extra });
}

function workbookWith(sheetCount: number): FakeWorkbook {
  const wb = new FakeWorkbook();
  for (let i = 0; i < sheetCount; i++) {
    wb.addSheet(`表${i + 1}`, [
      ["名称", i],
      [null, "x", true],
    ]);
  }
  wb.names.push({ name: "unit_name", type: "Range", formula: "='表1'!$B$1" });
  return wb;
}

describe("readSnapshot", () => {
  it("takes the same constant number of syncs for 3 and 30 sheets (2 cold, 1 warm)", async () => {
    const counts: number[][] = [];
    for (const n of [3, 30]) {
      const wb = workbookWith(n);
      const host = hostFor(wb);
      const snap = await host.readSnapshot();
      expect(snap.sheets).toHaveLength(n);
      const cold = wb.syncs;
      await host.readSnapshot();
      counts.push([cold, wb.syncs - cold]);
    }
    expect(counts[0]).toEqual([2, 1]);
    expect(counts[1]).toEqual(counts[0]);
  });

  it("normalises values like the .xlsx host: numbers, text, booleans, errors, dates, empty text", async () => {
    const wb = new FakeWorkbook();
    const s = wb.addSheet("基本情况");
    wb.setCell("基本情况", "B2", { value: 12.5, type: "Double" });
    wb.setCell("基本情况", "C2", { value: "万州区", type: "String" });
    wb.setCell("基本情况", "D2", { value: false, type: "Boolean" });
    wb.setCell("基本情况", "E2", { value: "#DIV/0!", type: "Error" });
    wb.setCell("基本情况", "F2", { value: 43831, type: "Double", format: "yyyy/m/d" });
    wb.setCell("基本情况", "G2", { value: 0.25, type: "Double", format: "0.00%" });
    wb.setCell("基本情况", "B3", { value: "  ", type: "String" });
    expect(s.cells.size).toBe(7);
    wb.addSheet("_meta", [["template_id", "cn.perfeval.dept-overall"]], { visibility: "VeryHidden" });
    wb.addSheet("空表");
    wb.names.push(
      { name: "eval_year", type: "Range", formula: "=基本情况!$B$2" },
      { name: "tbl_tasks", type: "Range", formula: "='基本情况'!$B$2:$G$2" },
      { name: "a_constant", type: "Integer", formula: "=3" },
      { name: "broken", type: "Error", formula: "=#REF!$B$2" },
    );
    const snap = await hostFor(wb).readSnapshot();
    expect(snap.sheets.map((x) => [x.name, x.visible])).toEqual([
      ["基本情况", true],
      ["_meta", false],
      ["空表", true],
    ]);
    expect(snap.sheets[0]!.cells).toEqual([
      [],
      [
        { t: "empty" },
        { t: "n", v: 12.5 },
        { t: "s", v: "万州区" },
        { t: "b", v: false },
        { t: "e", v: "#DIV/0!" },
        { t: "d", v: "2020-01-01" },
        { t: "n", v: 0.25 },
      ],
      [{ t: "empty" }, { t: "s", v: "  " }],
    ]);
    expect(snap.sheets[2]!.cells).toEqual([]);
    expect(snap.names).toEqual([
      { name: "eval_year", sheet: "基本情况", address: "B2" },
      { name: "tbl_tasks", sheet: "基本情况", address: "B2:G2" },
    ]);
  });

  it("still reads correctly when a sheet was deleted or added since the last read (bounded syncs)", async () => {
    const wb = workbookWith(4);
    const host = hostFor(wb);
    await host.readSnapshot();
    wb.sheets.splice(1, 1);
    wb.addSheet("新表", [["新"]]);
    const before = wb.syncs;
    const snap = await host.readSnapshot();
    expect(snap.sheets.map((s) => s.name)).toEqual(["表1", "表3", "表4", "新表"]);
    expect(snap.sheets[3]!.cells).toEqual([[{ t: "s", v: "新" }]]);
    expect(wb.syncs - before).toBeLessThanOrEqual(3);
  });
});

describe("applyWritePlan", () => {
  it("writes everything in one sync, formula-looking and number-looking text as text", async () => {
    const wb = workbookWith(1);
    const host = hostFor(wb);
    await host.readSnapshot();
    const before = wb.syncs;
    const texts = ["=SUM(A1:A9)", "+86 023", "-负数说明", "@user", "'引号", "001", "TRUE", "普通文字"];
    const summary = await host.applyWritePlan({
      ops: [
        { kind: "values", sheet: "表1", address: "D1", values: texts.map((t) => [t]) },
        {
          kind: "values",
          sheet: "表1",
          address: "E1",
          values: [[92.5, null]],
          numberFormats: ["0.00", null],
        },
        { kind: "ensureSheet", sheet: "报告", columnWidths: [80] },
        { kind: "values", sheet: "报告", address: "A1", values: [["一、部门概况"]] },
      ],
    });
    expect(wb.syncs - before).toBe(1);
    texts.forEach((t, i) => {
      expect(wb.cell("表1", `D${i + 1}`)).toMatchObject({ value: t, type: "String" });
      expect(wb.cell("表1", `D${i + 1}`)?.formula).toBeUndefined();
    });
    expect(wb.cell("表1", "E1")).toMatchObject({ value: 92.5, format: "0.00" });
    expect(wb.cell("报告", "A1")?.value).toBe("一、部门概况");
    expect(summary).toEqual({ cellsBySheet: { 表1: 10, 报告: 1 }, createdSheets: ["报告"] });
    expect(wb.calcSuspended).toBe(1);
  });

  it("never touches cells a ragged plan row does not name, and clears only values", async () => {
    const wb = workbookWith(1);
    wb.setCell("表1", "B5", { value: "用户的", type: "String", fill: "#FFF2CC" });
    wb.setCell("表1", "C6", { value: 7, type: "Integer", fill: "#E2EFDA" });
    const host = hostFor(wb);
    await host.readSnapshot();
    await host.applyWritePlan({
      ops: [
        { kind: "values", sheet: "表1", address: "A5", values: [["a"], ["b", "c"]] },
        { kind: "clear", sheet: "表1", range: "C6" },
      ],
    });
    expect(wb.cell("表1", "B5")?.value).toBe("用户的");
    expect(wb.cell("表1", "B6")?.value).toBe("c");
    expect(wb.cell("表1", "C6")).toMatchObject({ value: "", fill: "#E2EFDA" });
  });

  it.each([
    [
      "a protected sheet",
      "sheet_protected",
      (wb: FakeWorkbook): void => void (wb.sheet("表2")!.protected = true),
      "before",
    ],
    ["an unknown sheet", "sheet_missing", (): void => undefined, "unknown"],
    [
      "a sheet renamed after the read",
      "sheet_missing",
      (wb: FakeWorkbook): void => void (wb.sheet("表2")!.name = "改名"),
      "after",
    ],
  ] as const)("refuses to write to %s and writes nothing", async (_what, code, change, when) => {
    const wb = workbookWith(2);
    const host = hostFor(wb);
    if (when === "before") change(wb);
    await host.readSnapshot();
    if (when === "after") change(wb);
    const target = when === "unknown" ? "没有" : "表2";
    const error = await caught(
      host.applyWritePlan({
        ops: [
          { kind: "values", sheet: "表1", address: "H1", values: [["先写的"]] },
          { kind: "values", sheet: target, address: "H1", values: [["后写的"]] },
        ],
      }),
    );
    expect(error.code).toBe(code);
    expect(wb.cell("表1", "H1")).toBeUndefined();
    expect(error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it.each([
    ["InvalidOperationInCellEditMode", "cell_edit_mode"],
    ["AccessDenied", "sheet_protected"],
    ["ItemNotFound", "sheet_missing"],
    ["ApiNotFound", "api_unsupported"],
    ["ResponsePayloadSizeLimitExceeded", "unknown"],
    ["SomethingElse", "unknown"],
  ] as const)("maps Office error %s to HostError %s", async (officeCode, code) => {
    const wb = workbookWith(1);
    const host = hostFor(wb);
    await host.readSnapshot();
    wb.failNextSync = new OfficeError(officeCode);
    const error = await caught(
      host.applyWritePlan({ ops: [{ kind: "values", sheet: "表1", address: "A9", values: [[1]] }] }),
    );
    expect(error.code).toBe(code);
    expect(error.detail).toContain(officeCode);
    expect(wb.cell("表1", "A9")).toBeUndefined();
  });
});

function diag(sheet: string, address: string, severity: "error" | "warning" | "info" = "error"): Diagnostic {
  return { code: "required_missing", severity, location: { sheet, address }, params: { label: address } };
}

describe("markDiagnostics", () => {
  it("fills problem cells in 1 sync after a read, adds notes, and restores its own marks next run without touching other fills", async () => {
    const wb = workbookWith(1);
    wb.setCell("表1", "B3", { value: "", type: "Empty", fill: "#FFF2CC" });
    wb.setCell("表1", "D4", { value: "", type: "Empty", fill: "#DDEBF7" });
    const host = hostFor(wb, { describeDiagnostic: (d) => `必填：${d.code}` });
    await host.readSnapshot();
    const before = wb.syncs;
    await host.markDiagnostics([diag("表1", "B3"), diag("表1", "C3", "warning"), diag("表1", "A1", "info")]);
    // The read gathered every fill and note marking needs: only the write sync is left.
    expect(wb.syncs - before).toBe(1);
    expect(wb.cell("表1", "B3")?.fill).toBe("#FFC7CE");
    expect(wb.cell("表1", "C3")?.fill).toBe("#FFEB9C");
    expect(wb.cell("表1", "A1")?.fill).toBeUndefined();
    expect(wb.cell("表1", "D4")?.fill).toBe("#DDEBF7");
    expect(wb.notes.get("表1!B3")).toBe("【绩效评价助手】必填：required_missing");
    expect(wb.sheet("_marks")?.visibility).toBe("VeryHidden");

    // The user recolours C3 themselves; the next run must leave that alone.
    wb.setCell("表1", "C3", { value: "", type: "Empty", fill: "#00FF00" });
    // No read since the last write: one probe sync for the fills, then the write.
    const again = wb.syncs;
    await host.markDiagnostics([diag("表1", "D4")]);
    expect(wb.syncs - again).toBe(2);
    expect(wb.cell("表1", "B3")?.fill).toBe("#FFF2CC");
    expect(wb.cell("表1", "C3")?.fill).toBe("#00FF00");
    expect(wb.cell("表1", "D4")?.fill).toBe("#FFC7CE");
    expect(wb.notes.has("表1!B3")).toBe(false);

    await host.markDiagnostics([]);
    expect(wb.cell("表1", "D4")?.fill).toBe("#DDEBF7");
    expect(wb.notes.size).toBe(0);
  });

  it("remembers marks across host instances through the hidden _marks sheet", async () => {
    const wb = workbookWith(1);
    await hostFor(wb).markDiagnostics([diag("表1", "B2")]);
    expect(wb.cell("表1", "B2")?.fill).toBe("#FFC7CE");
    await hostFor(wb).markDiagnostics([]);
    expect(wb.cell("表1", "B2")?.fill).toBeUndefined();
  });

  it("keeps a user's own note and uses fill only without ExcelApi 1.18", async () => {
    const wb = workbookWith(1);
    wb.notes.set("表1!B2", "用户的批注");
    await hostFor(wb).markDiagnostics([diag("表1", "B2")]);
    expect(wb.notes.get("表1!B2")).toBe("用户的批注");
    const old = new FakeWorkbook();
    old.apiVersion = 8;
    old.addSheet("表1", [["x"]]);
    await hostFor(old).markDiagnostics([diag("表1", "A1")]);
    expect(old.cell("表1", "A1")?.fill).toBe("#FFC7CE");
    expect(old.notes.size).toBe(0);
  });
});

describe("selectCell", () => {
  it("activates the sheet and selects the cell in one sync; a missing sheet is sheet_missing", async () => {
    const wb = workbookWith(2);
    const host = hostFor(wb);
    await host.selectCell({ sheet: "表2", address: "C7" });
    expect(wb.selected).toBe("表2!C7");
    expect(wb.syncs).toBe(1);
    expect((await caught(host.selectCell({ sheet: "无", address: "A1" }))).code).toBe("sheet_missing");
  });

  it("unhides a hidden configuration sheet (字段定义) to show its cell, in the same sync", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("表1", [["x"]]);
    wb.addSheet("字段定义", [["name"]], { visibility: "Hidden" });
    const host = hostFor(wb);
    await host.readSnapshot();
    const before = wb.syncs;
    await host.selectCell({ sheet: "字段定义", address: "A1" });
    expect(wb.syncs - before).toBe(1);
    expect(wb.selected).toBe("字段定义!A1");
    expect(wb.sheets.find((s) => s.name === "字段定义")?.visibility).toBe("Visible");
  });
});

async function templateBytes(sheets: string[], names: [string, string][]): Promise<Uint8Array> {
  const zip = new JSZip();
  const sheetXml = sheets.map((s, i) => `<sheet name="${s}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("");
  const nameXml = names.map(([n, ref]) => `<definedName name="${n}">${ref}</definedName>`).join("");
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="r"><sheets>${sheetXml}</sheets><definedNames>${nameXml}<definedName name="local" localSheetId="0">基本情况!$A$1</definedName></definedNames></workbook>`,
  );
  return zip.generateAsync({ type: "uint8array" });
}

describe("createTemplate", () => {
  const sheetsOf = (names: string[]) =>
    names.map((name) => ({ name, cells: new Map(), visibility: "Visible" as const, protected: false }));

  it("inserts the template's sheets and recreates workbook names Excel dropped", async () => {
    const bytes = await templateBytes(
      ["基本情况", "_meta"],
      [
        ["unit_name", "基本情况!$B$3"],
        ["perfeval_template_id", "_meta!$B$1"],
      ],
    );
    const wb = new FakeWorkbook();
    wb.addSheet("Sheet1");
    wb.insertSheets = sheetsOf(["基本情况", "_meta"]);
    const host = hostFor(wb, { loadAsset: async () => bytes });
    await host.createTemplate();
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1", "基本情况", "_meta"]);
    expect(wb.names).toEqual([
      { name: "unit_name", type: "Range", formula: "='基本情况'!$B$3" },
      { name: "perfeval_template_id", type: "Range", formula: "=_meta!$B$1" },
    ]);
    expect(wb.syncs).toBeLessThanOrEqual(3);
  });

  it("refuses when a template sheet already exists and writes nothing", async () => {
    const bytes = await templateBytes(["基本情况", "指标体系"], []);
    const wb = new FakeWorkbook();
    wb.addSheet("指标体系");
    wb.insertSheets = sheetsOf(["基本情况", "指标体系"]);
    const error = await caught(hostFor(wb, { loadAsset: async () => bytes }).createTemplate());
    expect(error.code).toBe("sheets_exist");
    expect(error.message).toContain("指标体系");
    expect(wb.inserted).toEqual([]);
    expect(wb.sheets.map((s) => s.name)).toEqual(["指标体系"]);
  });

  it("explains that the template file must be opened when ExcelApi 1.13 is missing", async () => {
    const wb = new FakeWorkbook();
    wb.apiVersion = 12;
    const error = await caught(hostFor(wb, { loadAsset: async () => new Uint8Array() }).createTemplate());
    expect(error.code).toBe("api_unsupported");
    expect(error.message).toContain("standard-template.xlsx");
  });
});

describe("openExample", () => {
  it.each([
    [8, "ok"],
    [7, "api_unsupported"],
  ] as const)("with ExcelApi 1.%i → %s", async (version, outcome) => {
    const wb = new FakeWorkbook();
    wb.apiVersion = version;
    const host = hostFor(wb, { loadAsset: async () => new Uint8Array([80, 75, 3, 4]) });
    if (outcome === "ok") {
      await host.openExample();
      expect(wb.createdWorkbooks).toEqual(["UEsDBA=="]);
    } else {
      expect((await caught(host.openExample())).code).toBe(outcome);
    }
  });
});

describe("capabilities", () => {
  it.each([
    [18, { notes: true, insertWorksheets: true, createWorkbook: true, changeEvents: true }],
    [9, { notes: false, insertWorksheets: false, createWorkbook: true, changeEvents: true }],
    [7, { notes: false, insertWorksheets: false, createWorkbook: false, changeEvents: false }],
  ] as const)("ExcelApi 1.%i", (version, expected) => {
    const wb = new FakeWorkbook();
    wb.apiVersion = version;
    expect(hostFor(wb).capabilities).toEqual(expected);
  });
});

export type { FakeValue };

describe("onUserEdit", () => {
  it("reports the user's edits with the sheet name, never the host's own writes", async () => {
    const wb = workbookWith(1);
    const host = hostFor(wb);
    const seen: string[] = [];
    const unsubscribe = await host.onUserEdit((sheet, address) => seen.push(`${sheet}!${address}`));
    expect(wb.changeHandlers).toHaveLength(1);
    const fire = (triggerSource?: string) =>
      wb.changeHandlers[0]!({ worksheetId: "id0", address: "B2", triggerSource });
    await fire("ThisLocalAddin");
    expect(seen).toEqual([]);
    // An echo of our own write arriving right after it (Excel without triggerSource) is ignored too.
    await host.applyWritePlan({ ops: [{ kind: "values", sheet: "表1", address: "Z1", values: [[1]] }] });
    await fire();
    expect(seen).toEqual([]);
    await new Promise((r) => setTimeout(r, 850));
    await fire();
    expect(seen).toEqual(["表1!B2"]);
    await unsubscribe();
    expect(wb.changeHandlers).toHaveLength(0);
  });

  it("registers nothing without ExcelApi 1.9", async () => {
    const wb = workbookWith(1);
    wb.apiVersion = 8;
    await (
      await hostFor(wb).onUserEdit(() => undefined)
    )();
    expect(wb.changeHandlers).toHaveLength(0);
    expect(wb.syncs).toBe(0);
  });
});

describe("markDiagnostics failure", () => {
  it("writes no fill when the _marks sheet vanished since the last read", async () => {
    const wb = workbookWith(1);
    const host = hostFor(wb);
    await host.markDiagnostics([diag("表1", "B2")]);
    await host.readSnapshot();
    wb.sheets = wb.sheets.filter((s) => s.name !== "_marks");
    const error = await caught(host.markDiagnostics([diag("表1", "C2")]));
    expect(error.code).toBe("sheet_missing");
    expect(wb.cell("表1", "C2")?.fill).toBeUndefined();
  });
});
