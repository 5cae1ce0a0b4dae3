// A fake .xlsx codec: "bytes" are a JSON snapshot, so tests can see exactly what the host read and wrote.
import { vi } from "vitest";
import type { WorkbookSnapshot } from "../../src/engine/model/snapshot";
import type { WritePlan } from "../../src/engine/model/write-plan";
import type { CellValue } from "../../src/engine/model/cell";
import { parseA1 } from "../../src/engine/model/cell";
import type { WriteSummary } from "../../src/hosts/common/types";
import type { BundledAsset, XlsxCodec } from "../../src/hosts/browser/browser-host";
import { buildSnapshot } from "../fixtures/snapshots";

export function encode(snapshot: WorkbookSnapshot): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(snapshot));
}

export function decode(bytes: Uint8Array): WorkbookSnapshot {
  return JSON.parse(new TextDecoder().decode(bytes)) as WorkbookSnapshot;
}

export const EXAMPLE: WorkbookSnapshot = buildSnapshot({
  sheets: {
    _meta: { rows: [["template_id"]], visible: false },
    基本情况: {
      rows: [
        ["单位名称", "外事办"],
        ["编制数（人）", null],
        ["是否新成立", false],
      ],
    },
    收支情况: {
      rows: [
        ["本年收入合计", 1234.5],
        ["基本支出", 0.1 + 0.2],
      ],
    },
  },
});

export const TEMPLATE_SNAPSHOT: WorkbookSnapshot = buildSnapshot({ sheets: { 说明: { rows: [["模板"]] } } });

/** The example's input cells (the file's unlocked cells): 基本情况 B1:B3 and 收支情况 B1:B2 and the empty B3. */
export const EXAMPLE_INPUTS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["基本情况", new Set(["B1", "B2", "B3"])],
  ["收支情况", new Set(["B1", "B2", "B3"])],
]);

/**
 * Applying a plan writes each values op into the JSON snapshot and reports the cells per sheet: an op on an input cell
 * (an edit typed on the page) in place, any other appended as a row (so a test sees what was written).
 */
export class FakeCodec implements XlsxCodec {
  readonly inputCells = vi.fn(async (_bytes: Uint8Array) => EXAMPLE_INPUTS);
  readonly readSnapshot = vi.fn(async (bytes: Uint8Array): Promise<WorkbookSnapshot> => decode(bytes));
  readonly applyWritePlan = vi.fn(
    async (bytes: Uint8Array, plan: WritePlan): Promise<{ bytes: Uint8Array; summary: WriteSummary }> => {
      const snap = decode(bytes);
      const cellsBySheet: Record<string, number> = {};
      const sheets: { name: string; visible?: boolean; cells: CellValue[][] }[] = snap.sheets.map((s) => ({
        ...s,
        cells: s.cells.map((r) => [...r]),
      }));
      for (const op of plan.ops) {
        if (op.kind !== "values") continue;
        let sheet = sheets.find((s) => s.name === op.sheet);
        if (!sheet) sheets.push((sheet = { name: op.sheet, cells: [] }));
        const at = parseA1(op.address);
        if (EXAMPLE_INPUTS.get(op.sheet)?.has(op.address) && at) {
          const v = op.values[0]![0]!;
          while (sheet.cells.length <= at.row) sheet.cells.push([]);
          const row = sheet.cells[at.row]!;
          while (row.length <= at.col) row.push({ t: "empty" });
          row[at.col] = v === null ? { t: "empty" } : typeof v === "number" ? { t: "n", v } : { t: "s", v };
          cellsBySheet[op.sheet] = (cellsBySheet[op.sheet] ?? 0) + 1;
          continue;
        }
        sheet.cells.push(
          op.values[0]!.map((v) =>
            typeof v === "number" ? { t: "n" as const, v } : { t: "s" as const, v: String(v) },
          ),
        );
        cellsBySheet[op.sheet] = (cellsBySheet[op.sheet] ?? 0) + op.values[0]!.length;
      }
      return { bytes: encode({ ...snap, sheets }), summary: { cellsBySheet, createdSheets: [] } };
    },
  );
}

export function fakeAssets(): { fetchAsset: (name: BundledAsset) => Promise<Uint8Array>; fetched: BundledAsset[] } {
  const fetched: BundledAsset[] = [];
  return {
    fetched,
    fetchAsset: async (name) => {
      fetched.push(name);
      return encode(name === "standard-template.xlsx" ? TEMPLATE_SNAPSHOT : EXAMPLE);
    },
  };
}
