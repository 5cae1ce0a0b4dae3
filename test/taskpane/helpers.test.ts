import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { describe, expect, it } from "vitest";
import { formatIndicatorValue, formatPoints } from "../../src/taskpane/format";
import { createEngine } from "../../src/engine";
import { exampleSnapshot } from "../fixtures";
import { toPaneError } from "../../src/taskpane/host-error";
import { zhCN } from "../../src/taskpane/i18n/zh-CN";
import { HostError } from "../../src/hosts/common/types";
import { HOST_CODE_MESSAGES } from "../../src/hosts/common";

const CODE_ZH = HOST_CODE_MESSAGES["zh-CN"];
import { luminance, themeFor, themeKindFor } from "../../src/taskpane/theme";
import { formatScoredAt } from "../../src/taskpane/state/workbook-status";

describe("theme", () => {
  it.each([
    [{ bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#000000" }, false, "light"],
    [{ bodyBackgroundColor: "#E6E6E6", bodyForegroundColor: "#262626" }, false, "light"],
    [{ bodyBackgroundColor: "#262626", bodyForegroundColor: "#FFFFFF" }, false, "dark"],
    [{ bodyBackgroundColor: "#000000", bodyForegroundColor: "#FFFFFF" }, false, "highContrast"],
    [{ bodyBackgroundColor: "#FFFFFF" }, true, "highContrast"],
    [{ isDarkTheme: true }, false, "dark"],
    [undefined, false, "light"],
  ] as const)("Office theme %j (forced colours %s) → %s", (office, forced, kind) => {
    expect(themeKindFor(office, forced)).toBe(kind);
  });

  it("maps kinds to Fluent themes and reads luminance", () => {
    expect(themeFor("light")).toBe(webLightTheme);
    expect(themeFor("dark")).toBe(webDarkTheme);
    expect(themeFor("highContrast")).toBe(teamsHighContrastTheme);
    expect(luminance("#000000")).toBe(0);
    expect(luminance("#ffffff")).toBeCloseTo(1);
    expect(luminance("red")).toBeNull();
    expect(themeKindFor(undefined, false, true)).toBe("dark");
  });
});

describe("formatting", () => {
  const words = { na: "不适用", undefinedValue: "无法计算", noValue: "—" };
  const indicators = createEngine().score(exampleSnapshot(1)).scores!.indicators;
  const byId = (id: string) => indicators.find((i) => i.id === id)!;

  it("shows each value as the engine formatted it for the example (one formatter: rates %, counts whole)", () => {
    expect(formatIndicatorValue(byId("1.1.1"), words)).toBe("100.00%"); // ratio(staff_actual, staff_quota)
    expect(formatIndicatorValue(byId("2.1.1"), words)).toMatch(/^\d+\.\d\d%$/); // abs(change(…)): a rate
    expect(formatIndicatorValue(byId("2.1.3"), words)).toBe("0"); // funds_recalled_count: a count
    expect(formatIndicatorValue(byId("3.1.1.5"), words)).toMatch(/%$/); // tasks.completion: a rate column
    for (const ind of indicators)
      if (ind.value.t === "number") expect(formatIndicatorValue(ind, words)).toBe(ind.valueText);
  });

  it("uses the pane's words where there is no number", () => {
    const none = { value: { t: "none" }, valueText: "" } as const;
    expect(formatIndicatorValue(none, words)).toBe("—");
    expect(formatIndicatorValue({ value: { t: "na", why: "x" }, valueText: "不适用" }, words)).toBe("不适用");
    expect(formatIndicatorValue({ value: { t: "undefined", why: "x" }, valueText: "" }, words)).toBe("无法计算");
  });

  it("points and percentages", () => {
    expect(formatPoints(24.5)).toBe("24.5");
    expect(formatPoints(94)).toBe("94");
    expect(formatPoints(1.005)).toBe("1");
    expect(formatScoredAt("2025-03-01T14:05:09")).toBe("2025-03-01 14:05");
    expect(formatScoredAt("昨天")).toBe("昨天");
  });
});

describe("host errors", () => {
  it.each([
    ["sheets_exist", "工作簿中已有同名的模板工作表。"],
    ["not_xlsx", "这不是 .xlsx 格式的工作簿。"],
    ["busy", "Excel 正忙，暂时无法完成操作。"],
  ] as const)("%s → catalog message, no developer detail", (code, message) => {
    expect(toPaneError(new HostError(code, "dev text"), zhCN)).toEqual({ ...CODE_ZH[code], message });
  });

  it("a HostError-shaped object with an unknown code, or any other error, is 'unknown' with its detail", () => {
    expect(toPaneError({ name: "HostError", code: "weird", message: "x" }, zhCN).message).toBe(CODE_ZH.unknown.message);
    expect(toPaneError(new TypeError("boom"), zhCN)).toEqual({ ...CODE_ZH.unknown, detail: "boom" });
    expect(toPaneError("text", zhCN)).toEqual(CODE_ZH.unknown);
  });
});
