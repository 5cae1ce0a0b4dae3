import { describe, expect, it } from "vitest";
import { localIsoNow } from "../../../src/hosts/common/local-time";

describe("localIsoNow", () => {
  it.each([
    [new Date(2025, 2, 1, 14, 5, 9), "2025-03-01T14:05:09"],
    [new Date(2020, 11, 31, 0, 0, 0), "2020-12-31T00:00:00"],
  ])("%s → %s", (date, text) => {
    expect(localIsoNow(date)).toBe(text);
  });
});
