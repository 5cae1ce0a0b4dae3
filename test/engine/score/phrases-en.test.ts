import { describe, expect, it } from "vitest";
import { phrase, renderPhrase } from "../../../src/engine/score/phrases";
import { PHRASES_EN } from "../../../src/engine/report/phrases-en";
import { runsText } from "../../../src/engine/report/tree";
import { r } from "../../../src/engine/report/runs";

describe("English wording says 1 point, 0.5 points, 2 points", () => {
  it.each([
    ["1", "Scored by the evaluator: 1 point"],
    ["0.5", "Scored by the evaluator: 0.5 points"],
    ["2", "Scored by the evaluator: 2 points"],
    ["0", "Scored by the evaluator: 0 points"],
  ])("explanations: %s", (score, text) => {
    expect(renderPhrase("en", phrase("manual", { score }))).toBe(text);
  });

  it("deductions from the total", () => {
    expect(renderPhrase("en", phrase("total_penalty", { points: "1" }))).toBe("1 point deducted from the total");
    expect(renderPhrase("en", phrase("total_penalty", { points: "3" }))).toBe("3 points deducted from the total");
  });

  it.each([
    ["1", "支付进度 (1 point)"],
    ["1.5", "支付进度 (1.5 points)"],
  ])("report titles: %s", (weight, text) => {
    expect(runsText(PHRASES_EN.indicatorTitle({ name: "支付进度", weight: r`${weight}` }))).toBe(text);
  });

  it("the report's lost-points sentence agrees with each figure", () => {
    const t = PHRASES_EN.lostPoints([
      { name: "X", deducted: r`1`, score: r`0`, weight: r`1`, reason: r`late` },
      { name: "Y", deducted: r`0.5`, score: r`1.5`, weight: r`2`, reason: r`incomplete` },
    ]);
    expect(runsText(t)).toBe(
      "Points were lost on X: 1 point deducted (0 of 1 point) because late; Y: 0.5 points deducted (1.5 of 2 points) because incomplete.",
    );
  });
});
