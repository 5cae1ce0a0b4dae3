// A fake .xlsx codec: "bytes" are a JSON snapshot, so tests can see exactly what the host read and wrote.
import { vi } from "vitest";
import type { WorkbookSnapshot } from "../../src/engine/model/snapshot";
import type { WritePlan } from "../../src/engine/model/write-plan";
import type { WriteSummary } from "../../src/hosts/common/types";
import type { BundledAsset, XlsxCodec } from "../../src/hosts/browser/browser-host";

export function encode(snapshot: WorkbookSnapshot): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(snapshot));
}

export function decode(bytes: Uint8Array): WorkbookSnapshot {
  return JSON.parse(new TextDecoder().decode(bytes)) as WorkbookSnapshot;
}

export const EXAMPLE: WorkbookSnapshot = {
  sheets: [
    { name: "_meta", cells: [[{ t: "s", v: "template_id" }]], visible: false },
    {
      name: "基本情况",
      cells: [
        [
          { t: "s", v: "单位名称" },
          { t: "s", v: "外事办" },
        ],
        [{ t: "s", v: "编制数（人）" }, { t: "empty" }],
        [
          { t: "s", v: "是否新成立" },
          { t: "b", v: false },
        ],
      ],
    },
    {
      name: "收支情况",
      cells: [
        [
          { t: "s", v: "本年收入合计" },
          { t: "n", v: 1234.5 },
        ],
        [
          { t: "s", v: "基本支出" },
          { t: "n", v: 0.1 + 0.2 },
        ],
      ],
    },
  ],
  names: [],
};

export const TEMPLATE_SNAPSHOT: WorkbookSnapshot = {
  sheets: [{ name: "说明", cells: [[{ t: "s", v: "模板" }]] }],
  names: [],
};

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
