import { describe, expect, it } from "vitest";
import { HostError, hostErrorText, hostFailure, type HostReasons } from "../../../src/hosts/common";

// Every reason a host gives, with sample parameters: worded in both languages, the params in the words.
const SAMPLES: { readonly [K in keyof HostReasons]: HostReasons[K] } = {
  empty_file: {},
  encrypted_or_xls: {},
  not_zip: {},
  corrupt_zip: {},
  too_large_unpacked: { mb: 812, limitMb: 200 },
  zip_not_workbook: {},
  unreadable_content: {},
  formulas_without_value: { cells: "收支情况!B7", more: 12 },
  write_sheet_missing: { sheet: "评价结果" },
  write_address_invalid: { address: "评价结果!ZZZ0" },
  save_failed: {},
  excel_unsupported: {},
  excel_cell_edit: {},
  excel_access_denied: {},
  excel_not_found: {},
  excel_exists: {},
  excel_busy: {},
  excel_failed: {},
  payload_request_too_large: {},
  payload_response_too_large: {},
  sheets_missing: { sheets: "评价结果" },
  sheets_protected: { sheets: "评价结果" },
  structure_protected: { sheets: "报告、_marks" },
  template_sheets_exist: { sheets: "收支情况、评价结果" },
  template_names_exist: { names: "基本情况_单位名称" },
  template_insert_unsupported: {},
  template_insert_ipad: {},
  example_unsupported: {},
  download_mac: {},
  download_unsupported: {},
  asset_unavailable: { name: "standard-template.xlsx" },
};

describe("host failures in words", () => {
  it.each(Object.entries(SAMPLES))("%s: Chinese and English, parameters included", (reason, params) => {
    const e = hostFailure(reason as keyof HostReasons, params as never);
    const zh = hostErrorText(e, "zh-CN");
    const en = hostErrorText(e, "en");
    expect(e.message).toBe(zh);
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(en.replace(/收支情况|评价结果|报告|基本情况_单位名称|、/g, "")).not.toMatch(/[\u4e00-\u9fff]/);
    for (const v of Object.values(params)) {
      expect(zh).toContain(String(v));
      expect(en).toContain(String(v));
    }
    expect(`${zh}${en}`).not.toMatch(/undefined|\[object/);
  });

  it.each(["sheets_missing", "sheets_protected", "template_sheets_exist"] as const)(
    "%s names its sheets in the trailing （…） the pane reads, and says no more there",
    (reason) => {
      const e = hostFailure(reason, { sheets: "指标体系、评价结果" });
      expect(e.message).toMatch(/（指标体系、评价结果）$/);
    },
  );

  it.each([
    ["structure_protected", { sheets: "报告" }],
    ["template_names_exist", { names: "基本情况_单位名称" }],
  ] as const)("%s names what it names in full, not in a trailing （…） (they are not protected sheets)", (r, p) => {
    expect(hostFailure(r, p as never).message).not.toMatch(/）$/);
  });

  it("words a code without a reason by its code, keeping a host's own Chinese message", () => {
    const e = new HostError("sheet_protected", "工作表“评价结果”受保护，无法写入。");
    expect(hostErrorText(e, "zh-CN")).toBe("工作表“评价结果”受保护，无法写入。");
    expect(hostErrorText(e, "en")).toBe("The sheet is protected and cannot be written.");
  });
});
