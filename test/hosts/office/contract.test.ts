/**
 * Contract: the Office host and the .xlsx host give equal snapshots of the same workbook content.
 * The content is described once; (a) becomes a real .xlsx through exceljs and is read by the .xlsx host,
 * (b) becomes the office-addin-mock workbook and is read by the Office host.
 */
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { readSnapshot as readXlsxSnapshot } from "../../../src/hosts/xlsx/read-snapshot";
import { createOfficeHost } from "../../../src/hosts/office/office-host";
import { quoteSheet } from "../../../src/hosts/office/normalize";
import { FakeWorkbook } from "./fake-excel";
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
  wb.names = c.names.map((n) => ({ name: n.name, type: "Range", formula: `=${quoteSheet(n.sheet)}!${abs(n.address)}` }));
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
