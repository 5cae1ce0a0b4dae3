import { readFileSync, writeFileSync } from "node:fs";
import { buildReport } from "../../../src/engine/report/build";
import { renderText } from "../../../src/engine/report/render-text";
import { seedInput } from "./builders";
import { figures, missingFigures, splitSections } from "./seed-figures";

const golden = (name: string): URL => new URL(`./golden/${name}`, import.meta.url);
const update = process.env["UPDATE_GOLDEN"] === "1";

describe("golden renderings of the seed example", () => {
  it.each([
    ["zh-CN", "seed-zh-CN.txt"],
    ["en", "seed-en.txt"],
  ] as const)("%s matches golden/%s", (lang, file) => {
    const text = renderText(buildReport(seedInput(lang)).tree);
    if (update) writeFileSync(golden(file), text);
    expect(text).toBe(readFileSync(golden(file), "utf8"));
  });
});

/**
 * Every figure of the published seed report, per section, must appear in the generated section —
 * except the differences listed in golden/SLIPS.md, each a published slip or a figure no input holds.
 */
const EXPECTED_DIFFERENCES: Readonly<Record<string, readonly string[]>> = {
  // The introduction cites policy documents (万州府办发〔2019〕79号, 万州财预发〔2021〕4号): no input holds them.
  intro: ["2019", "79", "2021", "4"],
  整体绩效完成情况: [
    "2019年", // "本部门为2019年新成立单位故与上年无对比" contradicts its own prior-year 三公 comparison (slip)
    "0.04%", // 0.11 ÷ 226.86 = 0.05 % (slip)
    "19.93%", // 33.10 ÷ 166.03 = 19.94 % (slip)
    "549.00元", // 人均外事接待费: no input holds the number of guests (9.01万元 ÷ 549.00元 is not a whole number)
  ],
  整体支出绩效评价: [
    "2020", // "2020度本部门" is a typo for 2020年度 (slip)
  ],
};

describe("the generated report carries the seed report's figures", () => {
  const seed = splitSections(readFileSync(golden("seed-report.txt"), "utf8"));
  const generated = splitSections(renderText(buildReport(seedInput()).tree));

  it("has the same sections", () => {
    expect([...generated.keys()]).toEqual([...seed.keys()]);
  });

  it.each([...seed.keys()])("section %s: every figure is there, except the listed slips", (key) => {
    const missing = missingFigures(figures(seed.get(key)!), figures(generated.get(key) ?? []));
    expect(missing).toEqual(EXPECTED_DIFFERENCES[key] ?? []);
  });

  it.each([
    ["19.94%", "19.93%"],
    ["0.05%", "0.04%"],
    ["73.75%", null], // 三公 control rate: 2.95 ÷ 4, where the seed reused the change-rate formula
    ["不适用（政府采购预算数为0）", null], // procurement with a budget of 0: the seed printed 100 %
  ])("prints %s where the published report has a slip", (ours, theirs) => {
    const text = renderText(buildReport(seedInput()).tree);
    expect(text).toContain(ours);
    if (theirs) expect(text).not.toContain(theirs);
  });
});
