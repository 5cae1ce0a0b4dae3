// A fake .xlsx codec: "bytes" are a JSON snapshot, so tests can see exactly what the host read and wrote.
import { vi } from "vitest";
import type { WorkbookSnapshot } from "../../src/engine/model/snapshot";
import type { WritePlan } from "../../src/engine/model/write-plan";
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

/** Applying a plan writes each values op into the JSON snapshot and reports the cells per sheet. */
export class FakeCodec implements XlsxCodec {
  readonly readSnapshot = vi.fn(async (bytes: Uint8Array): Promise<WorkbookSnapshot> => decode(bytes));
  readonly applyWritePlan = vi.fn(
    async (bytes: Uint8Array, plan: WritePlan): Promise<{ bytes: Uint8Array; summary: WriteSummary }> => {
      const snap = decode(bytes);
      const cellsBySheet: Record<string, number> = {};
      const sheets = snap.sheets.map((s) => ({ ...s, cells: s.cells.map((r) => [...r]) }));
      for (const op of plan.ops) {
        if (op.kind !== "values") continue;
        let sheet = sheets.find((s) => s.name === op.sheet);
        if (!sheet) sheets.push((sheet = { name: op.sheet, cells: [] }));
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
