/** Builders for the proof tests: the example (and scaled examples) as layout, snapshot, .xlsx and fake Excel. */
import { createHash } from "node:crypto";
import type { CellValue } from "../../src/engine/model/cell";
import { toA1 } from "../../src/engine/model/cell";
import type { WorkbookSnapshot } from "../../src/engine/model/snapshot";
import { layoutTemplate, layoutToSnapshot } from "../../src/templates/standard";
import type { LayoutCell, WorkbookLayout } from "../../src/templates/standard";
import { readTemplate } from "../../src/engine/compile/read/read";
import { ENGINE_OWNED_SHEETS, outputCells } from "../../src/engine/model/output-guard";
import { quoteSheet } from "../../src/hosts/office/normalize";
import { scaledDescription } from "../../bench/generate";
import { FakeWorkbook } from "../hosts/office/fake-excel";
import type { FakeCell } from "../hosts/office/fake-excel";

/** The filled example (factor 1) or a scaled one, laid out. */
export function exampleLayout(factor = 1): WorkbookLayout {
  return layoutTemplate(scaledDescription(factor));
}

export interface CellAt {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

/** Every cell of a role (inputs: where a person types; config: the bureau's rubric and definitions). */
export function cellsWithRole(layout: WorkbookLayout, roles: readonly LayoutCell["role"][]): CellAt[] {
  return layout.sheets.flatMap((s) =>
    s.cells.filter((c) => roles.includes(c.role)).map((c) => ({ sheet: s.name, row: c.row, col: c.col })),
  );
}

export interface CellEdit extends CellAt {
  readonly value: CellValue;
}

/** A copy of the snapshot with these cells set (rows and columns grow as needed). */
export function withCells(base: WorkbookSnapshot, edits: readonly CellEdit[]): WorkbookSnapshot {
  const sheets = base.sheets.map((s) => ({ ...s, cells: s.cells.map((r) => [...r]) }));
  for (const e of edits) {
    const sheet = sheets.find((s) => s.name === e.sheet);
    if (!sheet) continue;
    while (sheet.cells.length <= e.row) sheet.cells.push([]);
    const row = sheet.cells[e.row]!;
    while (row.length <= e.col) row.push({ t: "empty" });
    row[e.col] = e.value;
  }
  return { ...base, sheets };
}

/** The example as the engine sees it. */
export function exampleSnapshot(factor = 1): WorkbookSnapshot {
  return layoutToSnapshot(exampleLayout(factor));
}

const key = (sheet: string, address: string): string => `${sheet}!${address}`;

/**
 * A digest per cell of everything a person or the bureau owns: every cell except the template's output cells
 * and the engine-owned sheets (报告, and the Office host's hidden `_marks` record).
 */
export function inputDigest(
  snapshot: WorkbookSnapshot,
  template = readTemplate(snapshot).template,
): Map<string, string> {
  const outputs = template ? outputCells(template) : new Set<string>();
  const out = new Map<string, string>();
  for (const s of snapshot.sheets) {
    if (ENGINE_OWNED_SHEETS.has(s.name) || s.name === "_marks") continue;
    s.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        const k = key(s.name, toA1({ row: r, col: c }));
        if (cell.t === "empty" || outputs.has(k)) return;
        out.set(k, createHash("sha256").update(JSON.stringify(cell)).digest("hex").slice(0, 16));
      }),
    );
  }
  return out;
}

const isoToSerial = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000 + 25569;

/** What Excel would hold for an engine cell value (the inverse of the Office host's normalisation). */
export function fakeCellOf(v: CellValue, numFmt: string | null = null): FakeCell | null {
  switch (v.t) {
    case "empty":
      return null;
    case "n":
      return { value: v.v, type: "Double", format: numFmt ?? "General" };
    case "s":
      return { value: v.v, type: v.v === "" ? "Empty" : "String", format: numFmt ?? "General" };
    case "b":
      return { value: v.v, type: "Boolean" };
    case "d":
      return { value: isoToSerial(v.v), type: "Double", format: "yyyy-mm-dd" };
    case "e":
      return { value: v.v, type: "Error" };
  }
}

/** The fill Excel shows for input cells of the template (the user's own formatting, as far as marks go). */
export const INPUT_FILL = "#FFF2CC";

/** The laid-out workbook in the fake Excel of the Office host tests, input cells filled yellow. */
export function fakeFromLayout(layout: WorkbookLayout, edits: readonly CellEdit[] = []): FakeWorkbook {
  const wb = new FakeWorkbook();
  const snapshot = withCells(layoutToSnapshot(layout), edits);
  for (const s of layout.sheets) {
    wb.addSheet(s.name, [], { visibility: s.hidden ? "VeryHidden" : "Visible" });
    const roles = new Map(s.cells.map((c) => [`${c.row}:${c.col}`, c]));
    const rows = snapshot.sheets.find((x) => x.name === s.name)?.cells ?? [];
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        const lc = roles.get(`${r}:${c}`);
        const cell = fakeCellOf(v, lc?.numFmt ?? null);
        const fill = lc?.role === "input" ? INPUT_FILL : undefined;
        if (cell) wb.setCell(s.name, toA1({ row: r, col: c }), { ...cell, ...(fill ? { fill } : {}) });
        else if (fill) wb.setCell(s.name, toA1({ row: r, col: c }), { value: "", type: "Empty", fill });
      }),
    );
  }
  const abs = (a: string): string =>
    a
      .split(":")
      .map((x) => x.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2"))
      .join(":");
  wb.names = layout.names.map((n) => ({
    name: n.name,
    type: "Range",
    formula: `=${quoteSheet(n.sheet)}!${abs(n.address)}`,
  }));
  return wb;
}

/** Everything the fake Excel holds, per cell, for whole-workbook comparisons (values, formulas, fills, formats). */
export function fakeState(wb: FakeWorkbook): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of wb.sheets) {
    for (const [a, c] of [...s.cells.entries()].sort()) out[key(s.name, a)] = { ...c, fill: c.fill ?? null };
    out[`${s.name}#visibility`] = s.visibility;
  }
  out["#names"] = wb.names.map((n) => `${n.name}=${n.formula}`).sort();
  out["#notes"] = [...wb.notes.entries()].sort();
  return out;
}
