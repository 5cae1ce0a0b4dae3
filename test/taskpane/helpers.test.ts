import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { describe, expect, it } from "vitest";
import type { IndicatorResult } from "../../src/engine/score/result-types";
import { formatIndicatorValue, formatPercent, formatPoints, isRateIndicator } from "../../src/taskpane/format";
import { toPaneError } from "../../src/taskpane/host-error";
import { zhCN } from "../../src/taskpane/i18n/zh-CN";
import { HostError } from "../../src/hosts/common/types";
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
  const ind = (formula: string, ruleKind: string, v: number): IndicatorResult =>
    ({ formula, ruleKind, value: { t: "number", v } }) as unknown as IndicatorResult;
  const words = { na: "不适用", undefinedValue: "无法计算", noValue: "—" };

  it.each([
    ["ratio(staff_actual, staff_quota)", "threshold", 0.9756, "97.56%"],
    ["change(sangong_actual, sangong_prev)", "bands", -0.05, "-5%"],
    ["weighted(satisfaction.rate, satisfaction.weight)", "threshold", 0.97, "97%"],
    ["tasks.completion", "proportional", 0.5, "50%"],
    ["card_payment_rate", "threshold", 0.6, "60%"],
    ["funds_recalled_count", "per_event", 2, "2"],
    ["ratio(a, b)", "checklist", 1, "1"],
  ])("%s (%s) value %s → %s", (formula, kind, v, text) => {
    expect(formatIndicatorValue(ind(formula, kind, v), words)).toBe(text);
  });

  it("points and percentages", () => {
    expect(formatPoints(24.5)).toBe("24.5");
    expect(formatPoints(94)).toBe("94");
    expect(formatPoints(1.005)).toBe("1");
    expect(formatPercent(0.12345)).toBe("12.35%");
    expect(isRateIndicator({ formula: "staff_quota", ruleKind: "threshold" })).toBe(false);
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
    expect(toPaneError(new HostError(code, "dev text"), zhCN)).toEqual({ ...zhCN.errors.hostErrors[code], message });
  });

  it("a HostError-shaped object with an unknown code, or any other error, is 'unknown' with its detail", () => {
    expect(toPaneError({ name: "HostError", code: "weird", message: "x" }, zhCN).message).toBe(
      zhCN.errors.hostErrors.unknown.message,
    );
    expect(toPaneError(new TypeError("boom"), zhCN)).toEqual({ ...zhCN.errors.hostErrors.unknown, detail: "boom" });
    expect(toPaneError("text", zhCN)).toEqual(zhCN.errors.hostErrors.unknown);
  });
});
