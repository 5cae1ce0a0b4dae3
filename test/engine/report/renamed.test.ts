import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readSnapshot } from "../../../src/hosts/xlsx/read-snapshot";
import { runReport } from "../../../src/engine";
import type { WorkbookSnapshot } from "../../../src/engine/model/snapshot";
import { withCell } from "../../fixtures";

// A bureau renames an indicator of the shipped example (1.1.1, row 6: 三级指标 D, 报告表述 Q, 指标值公式 O).
const example = () => readSnapshot(readFileSync(path.resolve(__dirname, "../../../assets/example-wanzhou-2020.xlsx")));
const NOW = "2026-12-04T10:00:00";
const paragraph = (s: WorkbookSnapshot, lang: "zh-CN" | "en", name: string) =>
  runReport(s, { now: NOW, lang })
    .text.split("\n")
    .find((l) => l.includes(name))!;

describe("a renamed indicator keeps its default sentence, found by its code", () => {
  it("财政供养人员控制率 → 在职人员控制率, its 报告表述 cleared: the same figures, in Chinese and in English", async () => {
    let s = await example();
    s = withCell(s, "指标体系", "D6", "在职人员控制率");
    s = withCell(s, "指标体系", "R6", null);
    expect(paragraph(s, "zh-CN", "在职人员控制率")).toBe(
      "（1）在职人员控制率（2分）。本部门2020年年末实际在职人员为7人，核定的编制人数为7人，财政供养人员控制率＝（在职人员数÷编制数）×100%＝（7÷7）×100%＝100.00%。编制人数由区委编办核定，部门对人员成本的控制程度符合规定要求。根据评分标准，本部门该项指标得2分。",
    );
    expect(paragraph(s, "en", "在职人员控制率")).toContain(
      "Staffing control rate = staff in post ÷ headcount × 100% = (7÷7) × 100% = 100.00%.",
    );
  });

  it("a code given to another indicator (another formula) does not borrow the sentence", async () => {
    let s = await example();
    s = withCell(s, "指标体系", "D6", "固定资产在用率");
    s = withCell(s, "指标体系", "R6", null);
    s = withCell(s, "指标体系", "P6", "ratio(fixed_assets_in_use, fixed_assets_total)");
    const line = paragraph(s, "zh-CN", "固定资产在用率");
    expect(line).not.toContain("核定的编制人数");
    // The generic sentence: the 指标说明 ended as a sentence, not run into the formula (「…扣完为止该指标值＝…」).
    expect(line).toContain("扣完为止。该指标值＝在用固定资产总额÷固定资产总额＝45.00÷45.00＝100.00%。");
    // Then the 评分标准 its rule generates: what the report says is what was scored.
    expect(line).toContain("100.00%。评分标准：不超过100%得满分，每超过1个百分点扣0.2分，扣完为止。");
    s = withCell(s, "指标体系", "O6", "限值=90%；方向=高于；每点扣分=0.5");
    expect(paragraph(s, "zh-CN", "固定资产在用率")).toContain(
      "评分标准：不超过90%得满分，每超过1个百分点扣0.5分，扣完为止。",
    );
    expect(paragraph(s, "en", "固定资产在用率")).toContain(
      "Scoring rule: at or below 90%: full marks; 0.5 points off per pp above it, down to 0.",
    );
  });
});
