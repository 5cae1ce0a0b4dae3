/**
 * Applies an engine write plan to .xlsx bytes with exceljs and returns the new bytes. Only the plan's
 * cells change; what exceljs drops on a round trip is documented in docs/xlsx-round-trip.md and the
 * parts we can restore (defined names, duplicated validations) are fixed here.
 */
import type { Cell, Workbook, Worksheet } from "exceljs";
import { parseA1, parseRange } from "../../engine";
import type { OutputValue, WriteOp, WritePlan } from "../../engine";
import type { WriteSummary } from "../common";
import { hostFailure } from "../common";
import { openWorkbook } from "./open-workbook";
import { restoreDefinedNames } from "./round-trip-fixes";
import { fitRowHeight, setUpCreatedSheet, wrapCreatedCell } from "./print-setup";
import { compactValidations } from "./validations";
import { markWorkbook, notesInPackage } from "./marks";
import type { MarkOptions, MarkSummary } from "./marks";
import { protectSheets, type ProtectOptions } from "./protect";

export interface AppliedPlan {
  readonly bytes: Uint8Array;
  readonly summary: WriteSummary;
  /** What marking did, when `marks` was asked for. */
  readonly marks?: MarkSummary;
}

export interface ApplyOptions {
  /** Also mark these diagnostics' cells (fill + note, remembered in `_marks`), in the same open and save. */
  readonly marks?: MarkOptions;
  /** Also protect these sheets (./protect.ts), in the same open and save: what 发布 asks for. */
  readonly protect?: ProtectOptions;
  /** false: the plan writes nothing a formula reads (发布's _meta record), so no recalculation on open is asked. */
  readonly recalculate?: boolean;
}

function sheetOrThrow(wb: Workbook, name: string): Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw hostFailure("write_sheet_missing", { sheet: name }, name);
  return ws;
}

function addressOrThrow<T>(parsed: T | null, address: string, sheet: string): T {
  if (parsed === null) throw hostFailure("write_address_invalid", { address: `${sheet}!${address}` }, address);
  return parsed;
}

/** Writes a value as a value: text is always stored as text, even "=1+1" or "@cmd". */
function setValue(cell: Cell, v: OutputValue): void {
  if (v === null) cell.value = null;
  else if (typeof v === "number") cell.value = Number.isFinite(v) ? v : null;
  else cell.value = v;
}

/**
 * Sets one cell's number format. exceljs shares one style object between every cell of the same style
 * (`cell.numFmt = …` would change them all: a rate format on one 指标值 made every green cell a percentage),
 * so the cell gets its own copy of the style first.
 */
export function setNumberFormat(cell: Cell, fmt: string): void {
  if (cell.numFmt === fmt) return;
  cell.style = { ...cell.style, numFmt: fmt };
}

function applyOp(wb: Workbook, op: WriteOp, counts: Record<string, number>, created: string[]): void {
  switch (op.kind) {
    case "ensureSheet": {
      if (wb.getWorksheet(op.sheet)) return;
      const ws = wb.addWorksheet(op.sheet);
      op.columnWidths?.forEach((w, i) => {
        ws.getColumn(i + 1).width = w;
      });
      setUpCreatedSheet(ws);
      created.push(op.sheet);
      return;
    }
    case "clear": {
      const ws = sheetOrThrow(wb, op.sheet);
      const r = addressOrThrow(parseRange(op.range), op.range, op.sheet);
      for (let row = r.start.row; row <= r.end.row; row++) {
        for (let col = r.start.col; col <= r.end.col; col++) ws.getCell(row + 1, col + 1).value = null;
      }
      return;
    }
    case "values": {
      const ws = sheetOrThrow(wb, op.sheet);
      const start = addressOrThrow(parseA1(op.address), op.address, op.sheet);
      const fresh = created.includes(op.sheet);
      op.values.forEach((rowValues, ri) => {
        rowValues.forEach((v, ci) => {
          const cell = ws.getCell(start.row + ri + 1, start.col + ci + 1);
          setValue(cell, v);
          if (fresh && typeof v === "string") wrapCreatedCell(cell);
          const fmt = op.numberFormats?.[ci];
          if (fmt && typeof v === "number") setNumberFormat(cell, fmt);
          counts[op.sheet] = (counts[op.sheet] ?? 0) + 1;
        });
        // Written text shows whole: the row grows to its wrapped lines.
        if (rowValues.some((v) => typeof v === "string")) fitRowHeight(ws, start.row + ri + 1);
      });
      return;
    }
  }
}

/**
 * Two things exceljs would save wrong. It reads a sheet without a first page number as "starts at 1" and
 * writes useFirstPageNumber, so every sheet would print from 第 1 页 (page 1 is the default: dropped, the
 * workbook prints numbered through as before). And it saves data validations as overlapping ranges
 * (src/hosts/xlsx/validations.ts).
 */
function tidyBeforeSaving(wb: Workbook): void {
  for (const ws of wb.worksheets) {
    if (ws.pageSetup.firstPageNumber === 1) ws.pageSetup.firstPageNumber = undefined;
    // …and its data validations are saved as one range per run, not as overlapping ranges.
    compactValidations(ws);
  }
}

/**
 * Applies the plan in order (then, if asked, marks the diagnostics: ./marks.ts) and returns the saved workbook
 * and what was written.
 */
export async function applyWritePlan(
  bytes: Uint8Array | ArrayBuffer,
  plan: WritePlan,
  options: ApplyOptions = {},
): Promise<AppliedPlan> {
  const { workbook, workbookXml, zip } = await openWorkbook(bytes);
  tidyBeforeSaving(workbook);
  const counts: Record<string, number> = {};
  const created: string[] = [];
  for (const op of plan.ops) applyOp(workbook, op, counts, created);
  const marks = options.marks ? markWorkbook(workbook, options.marks, await notesInPackage(zip)) : undefined;
  if (options.protect) await protectSheets(workbook, options.protect);
  // Formulas of the workbook may read the cells just written: Excel, WPS and LibreOffice recalculate on open.
  if (options.recalculate !== false && plan.ops.some((op) => op.kind !== "ensureSheet"))
    workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };
  let out: Uint8Array;
  try {
    out = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  } catch (e) {
    throw hostFailure("save_failed", {}, String(e));
  }
  out = await restoreDefinedNames(out, workbookXml);
  const summary = { cellsBySheet: counts, createdSheets: created };
  return marks ? { bytes: out, summary, marks } : { bytes: out, summary };
}
