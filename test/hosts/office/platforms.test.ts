/**
 * The host on each platform's Excel (FakeWorkbook.on: platform and API sets after Microsoft's requirement-set
 * table). Issue 14, review finding 7.
 */
import { describe, expect, it } from "vitest";
import { createOfficeHost } from "../../../src/hosts/office/office-host";
import { HostError } from "../../../src/hosts/common/types";
import { FakeWorkbook } from "./fake-excel";
import type { FakeProfile } from "./fake-excel";

const hostFor = (wb: FakeWorkbook) =>
  createOfficeHost({ excel: wb.excel, office: wb.office, loadAsset: async () => new Uint8Array([80, 75, 3, 4]) });

describe("capabilities per platform", () => {
  it.each([
    ["windows-365", { notes: true, insertWorksheets: true, createWorkbook: true, changeEvents: true }],
    ["mac-365", { notes: true, insertWorksheets: true, createWorkbook: true, changeEvents: true }],
    ["web", { notes: true, insertWorksheets: true, createWorkbook: true, changeEvents: true }],
    ["windows-2019-volume", { notes: false, insertWorksheets: false, createWorkbook: false, changeEvents: false }],
    // iPad reports ExcelApi 1.13 but cannot insertWorksheetsFromBase64.
    ["ipad", { notes: false, insertWorksheets: false, createWorkbook: true, changeEvents: true }],
  ] as const)("%s", (profile: FakeProfile, expected) => {
    expect(hostFor(FakeWorkbook.on(profile)).capabilities).toEqual(expected);
  });

  it("on iPad, 创建模板 says to open the template file and inserts nothing", async () => {
    const wb = FakeWorkbook.on("ipad");
    const error = await hostFor(wb)
      .createTemplate()
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).code).toBe("api_unsupported");
    expect((error as HostError).message).toContain("iPad");
    expect((error as HostError).message).toContain("standard-template.xlsx");
    expect(wb.inserted).toEqual([]);
    expect(wb.syncs).toBe(0);
  });
});
