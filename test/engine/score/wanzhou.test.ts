import { scoreAll } from "./score-all";
import { wanzhouCase } from "./builders";

describe("the standard rubric on the Wanzhou 2020 figures", () => {
  const { template, values, expected } = wanzhouCase();
  const { scores, diagnostics } = scoreAll(template, values);

  it("scores without errors or warnings", () => {
    expect(diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
    expect(scores).not.toBeNull();
  });

  it.each(Object.entries(expected.indicator_scores))("%s scores %s", (name, score) => {
    expect(scores!.indicators.find((i) => i.name === name)?.score).toBe(score);
  });

  it("scores each task as weight × completion", () => {
    expect(scores!.indicators.filter((i) => i.id.startsWith("3.1.1.")).map((i) => i.score)).toEqual(
      expected.task_scores,
    );
  });

  it.each([...Object.entries(expected.level_subtotals), ...Object.entries(expected.second_level_subtotals)])(
    "subtotal %s = %s",
    (name, score) => {
      expect(scores!.levels.find((l) => l.name === name)?.score).toBe(score);
    },
  );

  it("totals 94, 优", () => {
    expect(scores!.total).toBe(94);
    expect(scores!.rawTotal).toBe(94);
    expect(scores!.totalExact).toBe("94");
    expect(scores!.grade).toBe("优");
    expect(scores!.fullScore).toBe(100);
  });

  it.each(Object.entries(expected.values).filter(([, v]) => typeof v === "number"))(
    "the value of %s is %s",
    (name, v) => {
      const ind = scores!.indicators.find((i) => i.name === name)!;
      expect(ind.value.t).toBe("number");
      expect(ind.value.t === "number" && Math.round(ind.value.v * 10000) / 10000).toBe(v);
      expect(ind.valueFormat).toBe("percent");
    },
  );

  it("政府采购执行率 with a zero budget is not applicable, full marks, with an info note", () => {
    const ind = scores!.indicators.find((i) => i.name === "政府采购执行率")!;
    expect(ind.value).toEqual({ t: "na", why: "zero_denominator" });
    // named by the zero figure (the test template's labels are the field names), and the score the rule gives
    expect(ind.explanation).toBe("procurement_budget为0，不适用，得满分");
    expect(diagnostics).toContainEqual({
      code: "not_applicable",
      severity: "info",
      location: { sheet: "指标体系", address: "F18", label: "政府采购执行率" },
      params: { indicator: "政府采购执行率", why: "分母为0" },
    });
  });

  it("carries reasons, explanations and the inputs the formula used", () => {
    const staff = scores!.indicators.find((i) => i.name === "财政供养人员控制率")!;
    expect(staff.inputs).toEqual({ staff_actual: 7, staff_quota: 7 });
    expect(staff.explanation).toBe("财政供养人员控制率为100.00%，未超过限值100%，得满分");
    expect(staff.reason).toBe("");
    const mgmt = scores!.indicators.find((i) => i.name === "管理制度健全性")!;
    expect(mgmt.reason).toBe("内部财务管理制度有待加强");
    expect(mgmt.value).toEqual({ t: "none" });
    const task5 = scores!.indicators.find((i) => i.id === "3.1.1.5")!;
    expect(task5.path).toEqual(["产出", "职责履行", "年度对外交往合作、开展友好城市交往工作"]);
    expect(task5.reason).toMatch(/^受疫情影响/);
    expect(task5.inputs).toEqual({ "tasks.completion": 0.5 });
    expect(task5.ref).toEqual({ sheet: "重点工作", address: "A8" });
  });

  it("explains in English on request", () => {
    const en = scoreAll(template, values, { lang: "en" }).scores!;
    expect(en.indicators.find((i) => i.name === "财政供养人员控制率")!.explanation).toBe(
      "财政供养人员控制率 100.00%, not above the limit 100%: full marks",
    );
  });
});
