import {
  defaultExpandPhrase,
  defaultIndicatorPhrase,
  normalizeIndicatorName,
} from "../../../src/engine/report/default-phrases";

describe("defaultIndicatorPhrase", () => {
  it.each([
    ["财政供养人员控制率", "{staff_actual}"],
    ['"三公"经费变动率', "{sangong_prev}"],
    ["“三公”经费控制率", "{sangong_budget}"],
    ["＂三公＂经费控制率", "{sangong_actual_budget_scope}"],
    ["社会公众或服务对象满意度", "[satisfaction:"],
    [" 固定资产利用率 ", "{fixed_assets_in_use}"],
  ])("%s has a default phrase using %s", (name, part) => {
    expect(defaultIndicatorPhrase(name)).toContain(part);
  });

  it("returns undefined for a name the standard rubric does not have", () => {
    expect(defaultIndicatorPhrase("重点支出安排率")).toBeUndefined();
  });

  it("has a default for the tasks expansion", () => {
    expect(defaultExpandPhrase("tasks")).toContain("{tasks.completion}");
    expect(defaultExpandPhrase("other")).toBeUndefined();
  });

  it("normalises quotes in pairs", () => {
    expect(normalizeIndicatorName('"三公"经费')).toBe("“三公”经费");
  });
});
