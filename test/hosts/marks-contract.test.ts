/**
 * Contract: the Office host (on the fake Excel) and the .xlsx host mark the same diagnostics alike — the same
 * cells, fills and note texts, the same `_marks` records — and on the next run clear only their own marks:
 * cells that are fine now get their fill back, a fill the user set on a marked cell since is kept, a user's own
 * note is never replaced or deleted, a user's fill on an unmarked cell is never touched.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/engine/diagnostics/types";
import { createOfficeHost } from "../../src/hosts/office/office-host";
import type { MarkRecord } from "../../src/hosts/common/marks";
import { MARK_COLORS, MARKS_SHEET, NOTE_PREFIX, cellKey, markRecordsFromRows } from "../../src/hosts/common/marks";
import { applyWritePlan } from "../../src/hosts/xlsx/apply-plan";
import { fillOf, markText, noteOf, notesInPackage, readXlsxMarkRecords } from "../../src/hosts/xlsx/marks";
import { FakeWorkbook } from "./office/fake-excel";

const SHEET = "表1";
const CELLS = ["A1", "B1", "A2", "B2", "B3", "C3", "C5", "D4", "E6", "F7"] as const;
/** User fills before any run: B3 and D4 get marked later, E6 never. */
const USER_FILLS: Record<string, string> = { B3: "#FFF2CC", D4: "#DDEBF7", E6: "#E2EFDA" };
const USER_NOTE = { address: "C5", text: "用户的批注：数据来自财务系统" };
const VALUES: [string, string | number][] = [
  ["A1", "单位名称"],
  ["B1", "外事办"],
  ["A2", "编制数"],
  ["B2", 12],
];

const describeD = markText("zh-CN");

function diag(address: string, severity: Diagnostic["severity"] = "error"): Diagnostic {
  return {
    code: "required_missing",
    severity,
    location: { sheet: SHEET, address },
    params: { label: `字段${address}` },
  };
}

/** What a host shows: each cell's fill ("" none) and note (null none), and the `_marks` records. */
interface Seen {
  cells: Record<string, { fill: string; note: string | null }>;
  records: MarkRecord[];
}

interface Side {
  mark(diagnostics: readonly Diagnostic[]): Promise<void>;
  userFill(address: string, color: string): Promise<void>;
  seen(): Promise<Seen>;
}

function officeSide(): Side {
  const wb = new FakeWorkbook();
  wb.addSheet(SHEET);
  for (const [a, v] of VALUES) wb.setCell(SHEET, a, { value: v, type: typeof v === "number" ? "Integer" : "String" });
  for (const [a, fill] of Object.entries(USER_FILLS)) wb.setCell(SHEET, a, { value: "", type: "Empty", fill });
  wb.notes.set(`${SHEET}!${USER_NOTE.address}`, USER_NOTE.text);
  const host = createOfficeHost({ excel: wb.excel, office: wb.office, describeDiagnostic: describeD });
  return {
    async mark(diagnostics) {
      await host.readSnapshot();
      await host.markDiagnostics(diagnostics);
    },
    async userFill(address, color) {
      const old = wb.cell(SHEET, address) ?? { value: "", type: "Empty" };
      wb.setCell(SHEET, address, { ...old, fill: color });
    },
    async seen() {
      const cells: Seen["cells"] = {};
      for (const a of CELLS) {
        const fill = wb.cell(SHEET, a)?.fill;
        cells[a] = {
          fill: fill === undefined || fill === "#FFFFFF" ? "" : fill,
          note: wb.notes.get(`${SHEET}!${a}`) ?? null,
        };
      }
      const marks = wb.sheet(MARKS_SHEET);
      const rows: unknown[][] = [];
      if (marks) {
        for (let r = 1; marks.cells.has(`A${r}`); r++)
          rows.push(["A", "B", "C", "D", "E"].map((c) => marks.cells.get(`${c}${r}`)?.value ?? ""));
      }
      // Excel reports "no fill" as white; both mean "clear the fill" when the mark is undone.
      const records = markRecordsFromRows(rows).map((r) =>
        r.originalColor === "#FFFFFF" ? { ...r, originalColor: "" } : r,
      );
      return { cells, records };
    },
  };
}

async function xlsxSide(): Promise<Side> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  for (const [a, v] of VALUES) ws.getCell(a).value = v;
  for (const [a, fill] of Object.entries(USER_FILLS)) {
    ws.getCell(a).fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${fill.slice(1)}` } };
  }
  ws.getCell(USER_NOTE.address).note = USER_NOTE.text;
  wb.addWorksheet("_meta", { state: "veryHidden" }).getCell("A1").value = "template_id";
  let bytes: Uint8Array = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const open = async (): Promise<ExcelJS.Workbook> => {
    const w = new ExcelJS.Workbook();
    await w.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    return w;
  };
  return {
    async mark(diagnostics) {
      bytes = (await applyWritePlan(bytes, { ops: [] }, { marks: { diagnostics, describe: describeD } })).bytes;
    },
    async userFill(address, color) {
      const w = await open();
      const cell = w.getWorksheet(SHEET)!.getCell(address);
      cell.style = {
        ...cell.style,
        fill: { type: "pattern", pattern: "solid", fgColor: { argb: `FF${color.slice(1)}` } },
      };
      bytes = new Uint8Array((await w.xlsx.writeBuffer()) as ArrayBuffer);
    },
    async seen() {
      const w = await open();
      const sheet = w.getWorksheet(SHEET)!;
      // Notes as the file holds them (exceljs drops on load the note of a cell without a value).
      const notes = await notesInPackage(await JSZip.loadAsync(bytes));
      const cells: Seen["cells"] = {};
      for (const a of CELLS) cells[a] = { fill: fillOf(sheet.getCell(a)), note: notes.get(cellKey(SHEET, a)) ?? null };
      return { cells, records: readXlsxMarkRecords(w) };
    },
  };
}

const note = (address: string) => `${NOTE_PREFIX}${describeD(diag(address))}`;

describe("marks: the Office host and the .xlsx host keep the same contract", () => {
  it("mark alike, clear only their own marks, keep the user's fills and notes", async () => {
    const sides = { office: officeSide(), xlsx: await xlsxSide() };
    const both = async (f: (s: Side) => Promise<void>) => {
      await f(sides.office);
      await f(sides.xlsx);
    };
    const seenBoth = async (): Promise<Seen> => {
      const [o, x] = [await sides.office.seen(), await sides.xlsx.seen()];
      expect(x).toEqual(o);
      return x;
    };

    // Run 1: an error on a user-filled cell, a warning on an empty cell, a warning where the user has a note.
    await both((s) => s.mark([diag("B3"), diag("C3", "warning"), diag("C5", "warning"), diag("A1", "info")]));
    let seen = await seenBoth();
    expect(seen.cells.B3).toEqual({ fill: MARK_COLORS.error, note: note("B3") });
    expect(seen.cells.C3).toEqual({ fill: MARK_COLORS.warning, note: note("C3") });
    // The user's note stays as it is: the cell is marked by its fill only.
    expect(seen.cells.C5).toEqual({ fill: MARK_COLORS.warning, note: USER_NOTE.text });
    expect(seen.cells.A1).toEqual({ fill: "", note: null });
    expect(seen.cells.D4).toEqual({ fill: "#DDEBF7", note: null });
    expect(seen.cells.E6).toEqual({ fill: "#E2EFDA", note: null });
    expect(seen.records).toEqual([
      { sheet: SHEET, address: "B3", originalColor: "#FFF2CC", markColor: MARK_COLORS.error, note: true },
      { sheet: SHEET, address: "C3", originalColor: "", markColor: MARK_COLORS.warning, note: true },
      { sheet: SHEET, address: "C5", originalColor: "", markColor: MARK_COLORS.warning, note: false },
    ]);

    // The user recolours a marked cell; the next run has fewer problems.
    await both((s) => s.userFill("C3", "#00FF00"));
    await both((s) => s.mark([diag("D4")]));
    seen = await seenBoth();
    expect(seen.cells.B3).toEqual({ fill: "#FFF2CC", note: null });
    expect(seen.cells.C3).toEqual({ fill: "#00FF00", note: null });
    expect(seen.cells.C5).toEqual({ fill: "", note: USER_NOTE.text });
    expect(seen.cells.D4).toEqual({ fill: MARK_COLORS.error, note: note("D4") });
    expect(seen.cells.E6).toEqual({ fill: "#E2EFDA", note: null });

    // Nothing left to mark: every mark is gone, the user's fills and note remain.
    await both((s) => s.mark([]));
    seen = await seenBoth();
    expect(seen.cells).toEqual({
      A1: { fill: "", note: null },
      B1: { fill: "", note: null },
      A2: { fill: "", note: null },
      B2: { fill: "", note: null },
      B3: { fill: "#FFF2CC", note: null },
      C3: { fill: "#00FF00", note: null },
      C5: { fill: "", note: USER_NOTE.text },
      D4: { fill: "#DDEBF7", note: null },
      E6: { fill: "#E2EFDA", note: null },
      F7: { fill: "", note: null },
    });
    expect(seen.records).toEqual([]);
  });

  it("the .xlsx host never marks a system sheet, and keeps a fill that is not one plain colour", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(SHEET);
    ws.getCell("B2").fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { theme: 4, tint: 0.6 },
    } as unknown as ExcelJS.Fill;
    wb.addWorksheet("_meta", { state: "veryHidden" }).getCell("A1").value = "template_id";
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const meta: Diagnostic = { ...diag("A1"), location: { sheet: "_meta", address: "A1" } };
    const marked = await applyWritePlan(
      bytes,
      { ops: [] },
      { marks: { diagnostics: [meta, diag("B2")], describe: describeD } },
    );
    const w = new ExcelJS.Workbook();
    await w.xlsx.load(marked.bytes as unknown as ExcelJS.Buffer);
    expect(fillOf(w.getWorksheet("_meta")!.getCell("A1"))).toBe("");
    expect(noteOf(w.getWorksheet("_meta")!.getCell("A1"))).toBeNull();
    const themed = w.getWorksheet(SHEET)!.getCell("B2");
    expect(themed.fill).toMatchObject({ fgColor: { theme: 4 } });
    expect(noteOf(themed)).toBe(note("B2"));
    expect(readXlsxMarkRecords(w).map((r) => `${r.sheet}!${r.address}`)).toEqual([`${SHEET}!B2`]);
    // The next run leaves the themed fill as it is and deletes its note.
    const again = await applyWritePlan(marked.bytes, { ops: [] }, { marks: { diagnostics: [], describe: describeD } });
    const w2 = new ExcelJS.Workbook();
    await w2.xlsx.load(again.bytes as unknown as ExcelJS.Buffer);
    expect(w2.getWorksheet(SHEET)!.getCell("B2").fill).toMatchObject({ fgColor: { theme: 4 } });
    expect(noteOf(w2.getWorksheet(SHEET)!.getCell("B2"))).toBeNull();
  });
});
