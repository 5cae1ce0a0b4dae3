// @vitest-environment happy-dom
// 发布 on the browser page (a bureau on WPS or without the add-in): the page's copy gets the record and the sheets'
// protection, and the download carries both — read back with exceljs and the .xlsx host, as Excel would open it.
import { describe, expect, it, vi } from "vitest";
import ExcelJS from "exceljs";
import { BrowserHost } from "../../../src/hosts/browser/browser-host";
import { defaultLoadCodec } from "../../../src/hosts/browser/browser-defaults";
import { buildStandardTemplate } from "../../../src/hosts/xlsx/standard";
import { readSnapshot } from "../../../src/hosts/xlsx/read-snapshot";
import { createEngine, readPublished } from "../../../src/engine";
import { KNOWN_TEMPLATES } from "../../../src/templates";

describe("发布 on the browser page", () => {
  it("protects the configuration sheets of the page's copy and records the configuration; the download has both", async () => {
    const unpublished = await buildStandardTemplate();
    const download = vi.fn();
    const host = new BrowserHost({ loadCodec: defaultLoadCodec, fetchAsset: async () => unpublished, download });
    await host.createTemplate();
    const engine = createEngine({ knownTemplates: KNOWN_TEMPLATES });
    const outcome = engine.publish(await host.readSnapshot(), { now: "2026-12-05" });
    await host.publish({
      writePlan: outcome.writePlan,
      protect: outcome.protect,
      unlock: outcome.unlock,
      password: "wz2020",
    });
    expect(host.getState().unsaved).toBe(true);
    expect(readPublished(await host.readSnapshot())?.fingerprint).toBe(outcome.fingerprint);
    await host.downloadWorkbook();
    const bytes = download.mock.calls[0]![1] as Uint8Array;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    for (const name of ["指标体系", "字段定义", "校验规则"]) {
      const protection = (wb.getWorksheet(name) as unknown as { sheetProtection?: { sheet?: boolean } })
        .sheetProtection;
      expect(protection?.sheet, name).toBe(true);
    }
    // 2.2.1's 自评得分 (G15) stays open for the department; its 分值 (E15) does not.
    const rubric = wb.getWorksheet("指标体系")!;
    expect([rubric.getCell("G15").protection?.locked, rubric.getCell("E15").protection?.locked]).toEqual([
      false,
      undefined,
    ]);
    const again = await readSnapshot(bytes);
    expect(engine.validate(again).diagnostics.map((d) => d.code)).not.toContain("published_changed");
  });
});
