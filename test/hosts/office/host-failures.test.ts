/**
 * Every failure the Office host gives has a reason in the shared catalog (src/hosts/common/host-messages.ts):
 * the host throws hostFailure(reason, …) with the code the pane branches on unchanged, and the words exist in
 * Chinese and English (`--lang en` and the pane's English show no Chinese). Driven through the fake Excel.
 */
import { describe, expect, it, vi } from "vitest";
import JSZip from "jszip";
import { createOfficeHost } from "../../../src/hosts/office/office-host";
import { saveWithDownload } from "../../../src/hosts/office/save-file";
import { HostError, hostErrorText } from "../../../src/hosts/common";
import type { HostErrorCode, HostReason } from "../../../src/hosts/common";
import type { Diagnostic } from "../../../src/engine/diagnostics/types";
import { FakeWorkbook, OfficeError } from "./fake-excel";
import { caught } from "./caught";

/** The reason, the code, and no Chinese in the English words (sheet names given by the test aside). */
function expectFailure(e: HostError, reason: HostReason, code: HostErrorCode, names: readonly string[] = []): void {
  expect({ reason: e.reason?.reason, code: e.code }).toEqual({ reason, code });
  const zh = hostErrorText(e, "zh-CN");
  const en = hostErrorText(e, "en");
  expect(zh).toBe(e.message);
  expect(zh).toMatch(/[\u4e00-\u9fff]/);
  let bare = en;
  for (const n of names) {
    expect(en).toContain(n);
    bare = bare.replaceAll(n, "");
  }
  expect(bare).not.toMatch(/[\u4e00-\u9fff\uff08\uff09]/);
}

function book(profile: Parameters<typeof FakeWorkbook.on>[0] = "windows-365"): FakeWorkbook {
  const wb = FakeWorkbook.on(profile);
  wb.addSheet("表1", [["名称", 1]]);
  wb.addSheet("表2", [["x"]]);
  return wb;
}

const hostFor = (wb: FakeWorkbook, loadAsset?: () => Promise<Uint8Array>) =>
  createOfficeHost({ excel: wb.excel, office: wb.office, ...(loadAsset ? { loadAsset } : {}) });

const diag = (address: string): Diagnostic => ({
  code: "required_missing",
  severity: "error",
  location: { sheet: "表1", address },
  params: { label: address },
});

describe("the Office host's failures, by reason", () => {
  it.each([
    ["InvalidOperationInCellEditMode", "excel_cell_edit", "cell_edit_mode"],
    ["AccessDenied", "excel_access_denied", "sheet_protected"],
    ["ItemNotFound", "excel_not_found", "sheet_missing"],
    ["ApiNotFound", "excel_unsupported", "api_unsupported"],
    ["ItemAlreadyExists", "excel_exists", "sheets_exist"],
    ["Conflict", "excel_busy", "busy"],
    ["RequestPayloadSizeLimitExceeded", "payload_request_too_large", "unknown"],
    ["ResponsePayloadSizeLimitExceeded", "payload_response_too_large", "unknown"],
    ["GeneralException", "excel_failed", "unknown"],
  ] as const)("Excel's %s → %s (code %s), Excel's own words kept as the detail", async (office, reason, code) => {
    const wb = book();
    const host = hostFor(wb);
    await host.readSnapshot();
    wb.failNextSync = new OfficeError(office, "what Excel said");
    const e = await caught(
      host.applyWritePlan({ ops: [{ kind: "values", sheet: "表1", address: "A9", values: [[1]] }] }),
    );
    expectFailure(e, reason, code);
    expect(e.detail).toBe(`${office}: what Excel said`);
  });

  it("a read refused in cell-edit mode, as Excel's fake refuses every batch there", async () => {
    const wb = book();
    wb.cellEditMode = true;
    expectFailure(await caught(hostFor(wb).readSnapshot()), "excel_cell_edit", "cell_edit_mode");
  });

  it("a write over 5 MB on the web: the request's own words", async () => {
    const wb = book("web");
    const host = hostFor(wb);
    await host.readSnapshot();
    const big = Array.from({ length: 60_000 }, (_, i) => [
      `第 ${i} 行的一段很长很长的文字，重复多次以超过网页版的上限`,
    ]);
    const e = await caught(
      host.applyWritePlan({ ops: [{ kind: "values", sheet: "表1", address: "A1", values: big }] }),
    );
    expectFailure(e, "payload_request_too_large", "unknown");
    expect(hostErrorText(e, "en")).toContain("5 MB");
  });

  it("sheets missing or protected, named in the trailing （…） the pane reads", async () => {
    const wb = book();
    wb.sheet("表2")!.protected = true;
    const host = hostFor(wb);
    await host.readSnapshot();
    const write = (sheet: string) =>
      caught(host.applyWritePlan({ ops: [{ kind: "values", sheet, address: "A1", values: [[1]] }] }));
    const missing = await write("评价结果");
    expectFailure(missing, "sheets_missing", "sheet_missing", ["评价结果"]);
    expect(missing.message).toMatch(/（评价结果）$/);
    const prot = await write("表2");
    expectFailure(prot, "sheets_protected", "sheet_protected", ["表2"]);
    expect(prot.message).toMatch(/（表2）$/);
    const bad = await caught(
      host.applyWritePlan({ ops: [{ kind: "values", sheet: "表1", address: "1A", values: [[1]] }] }),
    );
    expectFailure(bad, "write_address_invalid", "unknown", ["表1"]);
  });

  it("the workbook's structure protected, before _marks would be created", async () => {
    const wb = book();
    wb.structureProtected = true;
    const host = hostFor(wb);
    await host.readSnapshot();
    const e = await caught(host.markDiagnostics([diag("B1")]));
    expectFailure(e, "structure_protected", "sheet_protected");
    expect(hostErrorText(e, "en")).toContain("_marks");
    expect(e.message).not.toMatch(/）$/);
  });

  it("创建模板 and 打开示例 where Excel cannot: iPad, ExcelApi 1.7 (volume-licensed 2019)", async () => {
    const asset = async () => new Uint8Array([80, 75, 3, 4]);
    expectFailure(
      await caught(hostFor(FakeWorkbook.on("ipad"), asset).createTemplate()),
      "template_insert_ipad",
      "api_unsupported",
    );
    const old = FakeWorkbook.on("windows-2019-volume");
    expectFailure(await caught(hostFor(old, asset).createTemplate()), "template_insert_unsupported", "api_unsupported");
    expectFailure(await caught(hostFor(old, asset).openExample()), "example_unsupported", "api_unsupported");
  });

  it("创建模板 where the template's sheets or names are already used", async () => {
    const zip = new JSZip();
    zip.file(
      "xl/workbook.xml",
      `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="r"><sheets><sheet name="基本情况" sheetId="1" r:id="rId1"/><sheet name="_meta" sheetId="2" r:id="rId2"/></sheets><definedNames><definedName name="unit_name">基本情况!$B$3</definedName></definedNames></workbook>`,
    );
    const bytes = await zip.generateAsync({ type: "uint8array" });
    const sheets = FakeWorkbook.on("web");
    sheets.addSheet("基本情况");
    const e = await caught(hostFor(sheets, async () => bytes).createTemplate());
    expectFailure(e, "template_sheets_exist", "sheets_exist", ["基本情况"]);
    expect(e.message).toMatch(/（基本情况）$/);
    const names = FakeWorkbook.on("web");
    names.addSheet("Sheet1");
    names.names = [{ name: "unit_name", type: "Range", formula: "=Sheet1!$A$1" }];
    const n = await caught(hostFor(names, async () => bytes).createTemplate());
    expectFailure(n, "template_names_exist", "sheets_exist");
    expect(hostErrorText(n, "en")).toContain("unit_name");
  });

  it("a bundled file the server does not give", async () => {
    vi.stubGlobal("document", { baseURI: "https://oa.example.gov.cn/perfeval/taskpane.html" });
    vi.stubGlobal("fetch", async () => new Response("", { status: 404 }));
    try {
      const e = await caught(hostFor(FakeWorkbook.on("web")).createTemplate());
      expectFailure(e, "asset_unavailable", "file_unreadable");
      expect(hostErrorText(e, "en")).toContain("standard-template.xlsx");
      expect(e.detail).toBe("HTTP 404");
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("a download the Mac task pane cannot make, or no download at all", async () => {
    const bytes = new Uint8Array([1]);
    const mac = saveWithDownload({ context: { platform: "Mac" } }, {} as Document);
    expectFailure(await caught(mac("r.docx", bytes, "x")), "download_mac", "api_unsupported");
    const none = saveWithDownload({ context: { platform: "PC" } }, undefined as unknown as Document);
    expectFailure(await caught(none("r.docx", bytes, "x")), "download_unsupported", "api_unsupported");
  });
});
