/**
 * Excel on the web's 5 MB limit per request and response (the fake's PAYLOAD_LIMIT, web profile): a workbook
 * with one large extra sheet still loads, in chunks, and the standard-size read keeps its syncs.
 * Issue 14, review finding 4.
 */
import { describe, expect, it } from "vitest";
import { createOfficeHost } from "../../../src/hosts/office/office-host";
import type { Diagnostic } from "../../../src/engine/diagnostics/types";
import { FakeWorkbook, PAYLOAD_LIMIT } from "./fake-excel";
import type { FakeProfile } from "./fake-excel";

function workbook(profile: FakeProfile, bigRows: number): FakeWorkbook {
  const wb = FakeWorkbook.on(profile);
  wb.addSheet("基本情况", [
    ["单位名称", "万州区"],
    ["年度", 2020],
  ]);
  const rows = Array.from({ length: bigRows }, (_, r) => Array.from({ length: 20 }, (_, c) => `明细-${r}-${c}`));
  wb.addSheet("明细", rows);
  wb.names.push({ name: "unit_name", type: "Range", formula: "='基本情况'!$B$1" });
  return wb;
}

const problem: Diagnostic = {
  code: "required_missing",
  severity: "error",
  location: { sheet: "基本情况", address: "B3" },
  params: { label: "B3" },
};

describe("Excel on the web's 5 MB limit", () => {
  it("reads a workbook with a large extra sheet in chunks under the limit, the same as the desktop does", async () => {
    const web = workbook("web", 8_000);
    const desktop = workbook("windows-365", 8_000);
    const host = createOfficeHost({ excel: web.excel, office: web.office });
    const fromWeb = await host.readSnapshot();
    const fromDesktop = await createOfficeHost({ excel: desktop.excel, office: desktop.office }).readSnapshot();
    // The one-batch read is over the limit (the desktop has none) …
    expect(desktop.largestResponse).toBeGreaterThan(PAYLOAD_LIMIT);
    // … the web refused it once, then the host read in chunks, each under the limit.
    expect(web.refusedPayloads).toBe(1);
    expect(web.largestResponse).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    expect(fromWeb).toEqual(fromDesktop);
    // The next read goes in chunks straight away: nothing refused again.
    expect(await host.readSnapshot()).toEqual(fromDesktop);
    expect(web.refusedPayloads).toBe(1);
  }, 60_000);

  it("marks and restores after a chunked read", async () => {
    const wb = workbook("web", 8_000);
    const host = createOfficeHost({ excel: wb.excel, office: wb.office });
    await host.readSnapshot();
    await host.markDiagnostics([problem]);
    expect(wb.cell("基本情况", "B3")?.fill).toBe("#FFC7CE");
    await host.readSnapshot();
    await host.markDiagnostics([]);
    expect(wb.cell("基本情况", "B3")?.fill).toBeUndefined();
  }, 60_000);

  it("a workbook within the limit still reads in one batch: 2 syncs cold, 1 warm", async () => {
    const wb = workbook("web", 200);
    const host = createOfficeHost({ excel: wb.excel, office: wb.office });
    await host.readSnapshot();
    expect(wb.syncs).toBe(2);
    await host.readSnapshot();
    expect(wb.syncs).toBe(3);
  });
});
