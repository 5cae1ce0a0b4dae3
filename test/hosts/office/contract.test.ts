/**
 * Contract: the Office host and the .xlsx host give equal snapshots of the same workbook content.
 * The content is described once; (a) becomes a real .xlsx through exceljs and is read by the .xlsx host,
 * (b) becomes the office-addin-mock workbook and is read by the Office host.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { readTemplateFileInfo } from "../../../src/hosts/office/template-file";
import { readSnapshot as readXlsxSnapshot } from "../../../src/hosts/xlsx/read-snapshot";
import { createOfficeHost } from "../../../src/hosts/office/office-host";
import { quoteSheet } from "../../../src/hosts/office/normalize";
import { FakeWorkbook } from "./fake-excel";
import { createEngine, readPublished } from "../../../src/engine";
import { MARK_COLORS } from "../../../src/hosts/common";
import { buildStandardTemplate } from "../../../src/hosts/xlsx/standard";
import { KNOWN_TEMPLATES } from "../../../src/templates";
import type { FakeCell } from "./fake-excel";

type Spec =
  | { kind: "n"; v: number; fmt?: string }
  | { kind: "s"; v: string }
  | { kind: "b"; v: boolean }
  | { kind: "d"; v: string; fmt: string }
  | { kind: "e"; v: string }
  | { kind: "f"; formula: string; result: number };

interface SheetContent {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  cells: Record<string, Spec>;
}

interface Content {
  sheets: SheetContent[];
  names: { name: string; sheet: string; address: string }[];
}

const content: Content = {
  sheets: [
    {
      name: "基本情况",
      state: "visible",
      cells: {
        A1: { kind: "s", v: "单位名称" },
        B1: { kind: "s", v: "重庆市万州区某局" },
        A2: { kind: "s", v: "评价年度" },
        B2: { kind: "n", v: 2020 },
        C3: { kind: "n", v: 1234.56, fmt: "#,##0.00" },
        D3: { kind: "n", v: 0.953, fmt: "0.00%" },
        E4: { kind: "b", v: true },
        F5: { kind: "d", v: "2020-12-31", fmt: "yyyy-mm-dd" },
        B7: { kind: "e", v: "#DIV/0!" },
        C7: { kind: "f", formula: "C3*2", result: 2469.12 },
        A9: { kind: "s", v: "  " },
        D10: { kind: "s", v: "=不是公式" },
      },
    },
    { name: "空表", state: "visible", cells: {} },
    {
      name: "_meta",
      state: "veryHidden",
      cells: {
        A1: { kind: "s", v: "template_id" },
        B1: { kind: "s", v: "cn.perfeval.dept-overall" },
        A2: { kind: "s", v: "template_version" },
        B2: { kind: "s", v: "1.0.0" },
      },
    },
    { name: "隐藏 表", state: "hidden", cells: { B2: { kind: "n", v: -3.5 } } },
  ],
  names: [
    { name: "unit_name", sheet: "基本情况", address: "B1" },
    { name: "eval_year", sheet: "基本情况", address: "B2" },
    { name: "tbl_tasks", sheet: "基本情况", address: "A1:F1" },
    { name: "perfeval_template_id", sheet: "_meta", address: "B1" },
    { name: "odd_sheet", sheet: "隐藏 表", address: "B2" },
  ],
};

const isoToSerial = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000 + 25569;
const abs = (address: string): string =>
  address
    .split(":")
    .map((a) => a.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2"))
    .join(":");

async function asXlsx(c: Content): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of c.sheets) {
    const ws = wb.addWorksheet(s.name, { state: s.state });
    for (const [address, spec] of Object.entries(s.cells)) {
      const cell = ws.getCell(address);
      if (spec.kind === "d") {
        cell.value = new Date(`${spec.v}T00:00:00Z`);
        cell.numFmt = spec.fmt;
      } else if (spec.kind === "e") cell.value = { error: spec.v as ExcelJS.CellErrorValue["error"] };
      else if (spec.kind === "f") cell.value = { formula: spec.formula, result: spec.result };
      else {
        cell.value = spec.v;
        if (spec.kind === "n" && spec.fmt) cell.numFmt = spec.fmt;
      }
    }
  }
  for (const n of c.names) wb.definedNames.add(`${quoteSheet(n.sheet)}!${abs(n.address)}`, n.name);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function asOffice(c: Content): FakeWorkbook {
  const wb = new FakeWorkbook();
  const visibility = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" } as const;
  for (const s of c.sheets) {
    wb.addSheet(s.name, [], { visibility: visibility[s.state] });
    for (const [address, spec] of Object.entries(s.cells)) {
      const cell: FakeCell =
        spec.kind === "d"
          ? { value: isoToSerial(spec.v), type: "Double", format: spec.fmt }
          : spec.kind === "e"
            ? { value: spec.v, type: "Error" }
            : spec.kind === "f"
              ? { value: spec.result, type: "Double", formula: `=${spec.formula}` }
              : spec.kind === "n"
                ? { value: spec.v, type: "Double", format: spec.fmt ?? "General" }
                : spec.kind === "b"
                  ? { value: spec.v, type: "Boolean" }
                  : { value: spec.v, type: "String", format: "General" };
      wb.setCell(s.name, address, cell);
    }
  }
  wb.names = c.names.map((n) => ({
    name: n.name,
    type: "Range",
    formula: `=${quoteSheet(n.sheet)}!${abs(n.address)}`,
  }));
  return wb;
}

describe("contract: Office host ≡ .xlsx host", () => {
  it("gives equal snapshots of the same workbook content", async () => {
    const fromXlsx = await readXlsxSnapshot(await asXlsx(content));
    const office = asOffice(content);
    const fromOffice = await createOfficeHost({ excel: office.excel, office: office.office }).readSnapshot();
    expect(fromOffice).toEqual(fromXlsx);
    // Guard against both hosts agreeing on nothing.
    expect(fromOffice.sheets).toHaveLength(4);
    expect(fromOffice.names).toHaveLength(5);
    expect(fromOffice.sheets[0]!.cells[4]![5]).toEqual({ t: "d", v: "2020-12-31" });
    expect(fromOffice.sheets[0]!.cells[6]![2]).toEqual({ t: "n", v: 2469.12 });
  });
});

/** What Excel would report for an exceljs cell (value, valueType, number format). */
function excelViewOf(cell: ExcelJS.Cell): FakeCell | null {
  if (cell.isMerged && cell.master.address !== cell.address) return null;
  const fmt = cell.numFmt || "General";
  const view = (v: unknown): FakeCell | null => {
    if (v === null || v === undefined) return null;
    if (typeof v === "number") return { value: v, type: "Double", format: fmt };
    if (typeof v === "string") return { value: v, type: v === "" ? "Empty" : "String", format: fmt };
    if (typeof v === "boolean") return { value: v, type: "Boolean", format: fmt };
    if (v instanceof Date) return { value: v.getTime() / 86_400_000 + 25569, type: "Double", format: fmt };
    if (typeof v === "object") {
      const o = v as {
        error?: string;
        richText?: { text: string }[];
        result?: unknown;
        formula?: string;
        text?: unknown;
      };
      if (typeof o.error === "string") return { value: o.error, type: "Error" };
      if (o.richText) return view(o.richText.map((r) => r.text).join(""));
      if ("formula" in o || "sharedFormula" in o) return view(o.result);
      if ("text" in o) return view(o.text);
    }
    return null;
  };
  return view(cell.value);
}

/** The fake Excel holding what Excel would show for an .xlsx file's cells (names are set by the caller). */
async function fakeFromXlsx(bytes: Uint8Array): Promise<FakeWorkbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const wb = new FakeWorkbook();
  const visibility = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" } as const;
  for (const ws of book.worksheets) {
    // The sheet's protection as the file has it (exceljs: formatCells true = formatting allowed).
    const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean; formatCells?: boolean } })
      .sheetProtection;
    wb.addSheet(ws.name, [], {
      visibility: visibility[ws.state ?? "visible"],
      protected: protection?.sheet === true,
      allowFormatCells: protection?.formatCells === true,
    });
    // Every cell the file has, blank ones too: a blank output cell is unlocked as well.
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const v = excelViewOf(cell);
        const unlocked = cell.protection?.locked === false;
        if (v) wb.setCell(ws.name, cell.address, unlocked ? { ...v, locked: false } : v);
        else if (unlocked) wb.setCell(ws.name, cell.address, { value: "", type: "Empty", locked: false });
      }),
    );
  }
  return wb;
}

/** The workbook in the fake Excel with its defined names as Excel's NamedItems (sheet-qualified, absolute). */
async function fakeWithNames(bytes: Uint8Array): Promise<FakeWorkbook> {
  const wb = await fakeFromXlsx(bytes);
  wb.names = (await readXlsxSnapshot(bytes)).names.map((n) => ({
    name: n.name,
    type: "Range",
    formula: `=${quoteSheet(n.sheet)}!${abs(n.address)}`,
  }));
  return wb;
}

const assetBytes = (file: string): Uint8Array =>
  new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../assets/${file}`, import.meta.url))));

describe("contract on the bundled workbooks", () => {
  it.each(["standard-template.xlsx", "example-wanzhou-2020.xlsx"])(
    "%s reads the same through both hosts",
    async (file) => {
      const bytes = new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../assets/${file}`, import.meta.url))));
      const fromXlsx = await readXlsxSnapshot(bytes);
      const wb = await fakeFromXlsx(bytes);
      wb.names = fromXlsx.names.map((n) => ({
        name: n.name,
        type: "Range",
        formula: `=${quoteSheet(n.sheet)}!${abs(n.address)}`,
      }));
      const fromOffice = await createOfficeHost({ excel: wb.excel, office: wb.office }).readSnapshot();
      expect(fromOffice).toEqual(fromXlsx);
      expect(fromOffice.sheets.length).toBeGreaterThan(5);
    },
  );

  it("createTemplate's own reading of the template file finds the same sheets and names as the .xlsx host", async () => {
    const bytes = new Uint8Array(
      readFileSync(fileURLToPath(new URL("../../../assets/standard-template.xlsx", import.meta.url))),
    );
    const info = await readTemplateFileInfo(bytes);
    const snap = await readXlsxSnapshot(bytes);
    expect(info.sheets).toEqual(snap.sheets.map((s) => s.name));
    expect(info.names).toEqual(snap.names);
    expect(info.names.map((n) => n.name)).toContain("perfeval_template_id");
  });
});

describe("createTemplate with the real template", () => {
  it("inserts its sheets into an empty workbook and leaves the same names the .xlsx host reads, even when Excel drops them", async () => {
    const bytes = assetBytes("standard-template.xlsx");
    const template = await fakeFromXlsx(bytes);
    const wb = new FakeWorkbook();
    wb.addSheet("Sheet1");
    wb.insertSheets = template.sheets;
    const host = createOfficeHost({ excel: wb.excel, office: wb.office, loadAsset: async () => bytes });
    await host.createTemplate();
    const snap = await host.readSnapshot();
    const fromXlsx = await readXlsxSnapshot(bytes);
    expect(snap.sheets.slice(1)).toEqual(fromXlsx.sheets);
    expect([...snap.names].sort((a, b) => a.name.localeCompare(b.name))).toEqual(
      [...fromXlsx.names].sort((a, b) => a.name.localeCompare(b.name)),
    );
    // Again, with every template sheet there: nothing inserted, the names checked and left as they are.
    const names = [...wb.names];
    await host.createTemplate();
    expect(wb.inserted).toHaveLength(1);
    expect(wb.names).toEqual(names);
  });
});

describe("the published example in Excel: its configuration sheets are protected", () => {
  const published = () => fakeWithNames(assetBytes("example-wanzhou-2020.xlsx"));

  it("is read as protected, and 评分 writes its outputs there: they are unlocked and formatting is allowed", async () => {
    const wb = await published();
    expect(["指标体系", "字段定义", "校验规则"].map((n) => wb.sheet(n)!.protected)).toEqual([true, true, true]);
    const host = createOfficeHost({ excel: wb.excel, office: wb.office });
    const outcome = createEngine({ knownTemplates: KNOWN_TEMPLATES }).score(await host.readSnapshot(), {
      now: "2026-12-04T10:00:00",
    });
    expect(outcome.scores?.total).toBe(94);
    const written = await host.applyWritePlan(outcome.writePlan);
    expect(written.cellsBySheet["指标体系"]).toBeGreaterThan(50);
    // 1.1.1 财政供养人员控制率: 指标值 I6 and 得分 J6 as Excel holds them now.
    expect([wb.sheet("指标体系")!.cells.get("I6")?.value, wb.sheet("指标体系")!.cells.get("J6")?.value]).toEqual([
      1, 2,
    ]);
  });

  it("校验 marks a problem on a published sheet by its fill (formatting is allowed there), without a note", async () => {
    const wb = await published();
    wb.setCell("指标体系", "E11", { value: 4, type: "Double" }); // 支付进度 3 → 4: 预算执行 adds up to 11
    const host = createOfficeHost({ excel: wb.excel, office: wb.office });
    const outcome = createEngine({ knownTemplates: KNOWN_TEMPLATES }).validate(await host.readSnapshot());
    const sum = outcome.diagnostics.find((d) => d.code === "rubric_weight_sum_mismatch")!;
    expect(sum.location).toMatchObject({ sheet: "指标体系" });
    await host.markDiagnostics(outcome.diagnostics);
    const cell = wb.sheet("指标体系")!.cells.get(sum.location!.address);
    // The error's mark colour, not the cell's own blue configuration fill.
    expect(cell?.fill?.toUpperCase()).toBe(MARK_COLORS.error);
    expect(wb.sheet("指标体系")!.protected).toBe(true);
    // Notes are objects on a protected sheet: none is added there (the pane's card carries the words).
    expect([...wb.notes.keys()].filter((k) => k.includes("指标体系"))).toEqual([]);
  });

  it("a protected sheet whose output cell is locked fails the write as Excel does, named", async () => {
    const wb = await published();
    const cell = wb.sheet("指标体系")!.cells.get("J6")!;
    wb.sheet("指标体系")!.cells.set("J6", { ...cell, locked: true });
    const host = createOfficeHost({ excel: wb.excel, office: wb.office });
    const outcome = createEngine({ knownTemplates: KNOWN_TEMPLATES }).score(await host.readSnapshot(), {
      now: "2026-12-04T10:00:00",
    });
    const failure = await host.applyWritePlan(outcome.writePlan).then(
      () => null,
      (e: unknown) => e as { code?: string },
    );
    expect(failure?.code).toBe("sheet_protected");
  });
});

describe("发布 from the 模板 tab in Excel", () => {
  const unpublished = async () => fakeWithNames(await buildStandardTemplate());
  const CONFIG = ["指标体系", "字段定义", "校验规则"];

  it("protects the configuration sheets, leaves the department's and the add-in's cells open, and records it", async () => {
    const wb = await unpublished();
    expect(CONFIG.map((n) => wb.sheet(n)!.protected)).toEqual([false, false, false]);
    const host = createOfficeHost({ excel: wb.excel, office: wb.office });
    const engine = createEngine({ knownTemplates: KNOWN_TEMPLATES });
    const outcome = engine.publish(await host.readSnapshot(), { now: "2026-12-05" });
    expect([...outcome.protect].sort()).toEqual([...CONFIG].sort());
    await host.publish!({ writePlan: outcome.writePlan, protect: outcome.protect, unlock: outcome.unlock });
    expect(CONFIG.map((n) => [wb.sheet(n)!.protected, wb.sheet(n)!.allowFormatCells])).toEqual([
      [true, true],
      [true, true],
      [true, true],
    ]);
    // 2.2.1 (row 15): 自评得分 G and 情况说明 M and the outputs (评分标准 F, 得分 J) open; 分值 E and 评分参数 O locked.
    const rubric = wb.sheet("指标体系")!;
    const open = (a: string) => rubric.cells.get(a)?.locked === false;
    expect(["G15", "M15", "F15", "J15", "E15", "O15"].map(open)).toEqual([true, true, true, true, false, false]);
    // Read back as 校验 does: the record is there and matches; the department's cells still take a value.
    const snapshot = await host.readSnapshot();
    expect(readPublished(snapshot)?.at).toBe("2026-12-05");
    expect(engine.validate(snapshot).diagnostics.map((d) => d.code)).not.toContain("published_changed");
    await host.applyWritePlan({ ops: [{ kind: "values", sheet: "指标体系", address: "G15", values: [[1.5]] }] });
    expect(rubric.cells.get("G15")?.value).toBe(1.5);
  });

  it("publishing again (a sheet already protected, no password) lifts and sets the protection again", async () => {
    const wb = await unpublished();
    wb.sheet("字段定义")!.protected = true;
    const host = createOfficeHost({ excel: wb.excel, office: wb.office });
    const outcome = createEngine({ knownTemplates: KNOWN_TEMPLATES }).publish(await host.readSnapshot(), {
      now: "2026-12-05",
    });
    await host.publish!({ writePlan: outcome.writePlan, protect: outcome.protect, unlock: outcome.unlock });
    expect(CONFIG.map((n) => wb.sheet(n)!.protected)).toEqual([true, true, true]);
  });

  it("a sheet protected with a password it was not given: nothing is recorded, the failure names protection", async () => {
    const wb = await unpublished();
    Object.assign(wb.sheet("校验规则")!, { protected: true, password: "局里的密码" });
    const host = createOfficeHost({ excel: wb.excel, office: wb.office });
    const outcome = createEngine({ knownTemplates: KNOWN_TEMPLATES }).publish(await host.readSnapshot(), {
      now: "2026-12-05",
    });
    const failure = await host.publish!({
      writePlan: outcome.writePlan,
      protect: outcome.protect,
      unlock: outcome.unlock,
    }).then(
      () => null,
      (e: unknown) => e as { code?: string },
    );
    expect(failure?.code).toBe("sheet_protected");
    expect(readPublished(await host.readSnapshot())).toBeNull();
  });
});
