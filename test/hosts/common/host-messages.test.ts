import { describe, expect, it } from "vitest";
import { HostError, hostErrorText, hostFailure, type HostReasons } from "../../../src/hosts/common";
import { HOST_SAMPLES as SAMPLES } from "./host-samples";

describe("host failures in words", () => {
  it.each(Object.entries(SAMPLES))("%s: Chinese and English, parameters included", (reason, params) => {
    const e = hostFailure(reason as keyof HostReasons, params as never);
    const zh = hostErrorText(e, "zh-CN");
    const en = hostErrorText(e, "en");
    expect(e.message).toBe(zh);
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
    expect(hostErrorText(e, "en")).toBe("The sheet to write is protected.");
  });
});
