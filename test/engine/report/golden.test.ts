import { readFileSync, writeFileSync } from "node:fs";
import { beforeAll } from "vitest";
import { createEngine, runReport } from "../../../src/engine";
import { readSnapshot } from "../../../src/hosts/xlsx";
import { KNOWN_TEMPLATES } from "../../../src/templates";
import { buildExampleDescription, layoutTemplate, layoutToSnapshot } from "../../../src/templates/standard";
import seedExample from "../../../assets/examples/wanzhou-2020.json";
import { figures, missingFigures, splitSections } from "./seed-figures";

const golden = (name: string): URL => new URL(`./golden/${name}`, import.meta.url);
const update = process.env["UPDATE_GOLDEN"] === "1";

// The golden files come from the product's real path (issue 13): the shipped example workbook, read by the xlsx
// host and reported by an engine session, as `perfeval report assets/example-wanzhou-2020.xlsx --text` prints it.
const NOW = "2026-12-03T10:00";
const texts = new Map<string, string>();
beforeAll(async () => {
  const snapshot = await readSnapshot(
    readFileSync(new URL("../../../assets/example-wanzhou-2020.xlsx", import.meta.url)),
  );
  const engine = createEngine({ knownTemplates: KNOWN_TEMPLATES });
  for (const lang of ["zh-CN", "en"] as const) texts.set(lang, engine.report(snapshot, { lang, now: NOW }).text);
});
const reportText = (lang: "zh-CN" | "en" = "zh-CN"): string => texts.get(lang)!;

describe("golden renderings of the shipped example", () => {
  it.each([
    ["zh-CN", "example-zh-CN.txt"],
    ["en", "example-en.txt"],
  ] as const)("%s matches golden/%s", (lang, file) => {
    const text = reportText(lang);
    if (update) writeFileSync(golden(file), text);
    expect(text).toBe(readFileSync(golden(file), "utf8"));
  });
});

/**
 * Every figure of the published seed report, per section, must appear in the generated section —
 * except the differences listed in golden/SLIPS.md: published slips, and one figure deliberately omitted (no input).
 */
const EXPECTED_DIFFERENCES: Readonly<Record<string, readonly string[]>> = {
  整体绩效完成情况: [
    "2019年", // "本部门为2019年新成立单位故与上年无对比" contradicts its own prior-year 三公 comparison (slip)
    "0.04%", // 0.11 ÷ 226.86 = 0.05 % (slip)
    "19.93%", // 33.10 ÷ 166.03 = 19.94 % (slip)
    "549.00元", // 人均外事接待费: deliberately omitted — no input holds the number of guests (not a published slip)
  ],
  整体支出绩效评价: [
    "2020", // "2020度本部门" is a typo for 2020年度 (slip)
  ],
};

describe("the generated report carries the seed report's figures", () => {
  const seed = splitSections(
    readFileSync(new URL("../../../assets/examples/seed-report-wanzhou-2020.txt", import.meta.url), "utf8"),
  );
  const generated = () => splitSections(reportText());

  it("has the same sections", () => {
    expect([...generated().keys()]).toEqual([...seed.keys()]);
  });

  it.each([...seed.keys()])("section %s: every figure is there, except the listed slips", (key) => {
    const missing = missingFigures(figures(seed.get(key)!), figures(generated().get(key) ?? []));
    expect(missing).toEqual(EXPECTED_DIFFERENCES[key] ?? []);
  });

  it.each([
    ["19.94%", "19.93%"],
    ["0.05%", "0.04%"],
    ["73.75%", null], // 三公 control rate: 2.95 ÷ 4, where the seed reused the change-rate formula
    // procurement with a budget of 0: the seed printed 100 %; a rate over nothing is not computed, and 分母为0 is arithmetic, not words
    ["本部门2020年无政府采购预算，该指标不适用。", "×100%＝100%"],
  ])("prints %s where the published report has a slip", (ours, theirs) => {
    const text = reportText();
    expect(text).toContain(ours);
    if (theirs) expect(text).not.toContain(theirs);
  });
});

describe("SLIPS.md marks each difference by kind", () => {
  const slips = readFileSync(golden("SLIPS.md"), "utf8").split("\n");
  const row = (needle: string): string | undefined => slips.find((l) => l.startsWith("| ") && l.includes(needle));

  it.each([
    ["0.04%", "published slip"],
    ["19.93%", "published slip"],
    ["2020度本部门", "published slip"],
    ["549.00元", "deliberately omitted (no input)"],
  ])("%s is listed as a %s", (figure, kind) => {
    expect(row(figure)?.startsWith(`| ${kind} |`)).toBe(true);
  });

  it("prints no 人均外事接待费: no input holds the number of guests, and none is invented", () => {
    expect(reportText()).not.toContain("人均");
  });
});

describe("the example workbook's report", () => {
  it("opens with the golden introduction: the 评价依据 rows of the example cited as the seed cites them", () => {
    const snapshot = layoutToSnapshot(layoutTemplate(buildExampleDescription(seedExample)));
    const intro = (text: string): string => text.split("\n")[2]!;
    const fromWorkbook = intro(runReport(snapshot, { now: "2026-11-28T00:00:00Z" }).text);
    expect(fromWorkbook).toBe(intro(readFileSync(golden("example-zh-CN.txt"), "utf8")));
    expect(fromWorkbook).toContain(
      "（万州府办发〔2019〕79号）的要求，按《万州区财政局关于开展2020年度部门整体绩效评价工作的通知》（万州财预发〔2021〕4号）文件精神，对2020年度",
    );
  });
});
