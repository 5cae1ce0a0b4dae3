import { buildReport } from "../../../src/engine/report/build";
import { renderText } from "../../../src/engine/report/render-text";
import { REPORT_SHEET_ROWS, reportWritePlan } from "../../../src/engine/report/render-sheet";
import { seedInput } from "./builders";

describe("reportWritePlan", () => {
  const { tree } = buildReport(seedInput());
  const text = renderText(tree);
  const writeOps = reportWritePlan(tree);

  it("ensures the sheet, clears the old report, then writes one paragraph per row in column A", () => {
    expect(writeOps.map((op) => op.kind)).toEqual(["ensureSheet", "clear", "values"]);
    expect(writeOps[0]).toMatchObject({ sheet: "报告", columnWidths: [80] });
    expect(writeOps[1]).toEqual({ kind: "clear", sheet: "报告", range: `A1:A${REPORT_SHEET_ROWS}` });
    const values = writeOps[2]!;
    if (values.kind !== "values") throw new Error("values op expected");
    expect(values.address).toBe("A1");
    const lines = values.values.map((r) => r[0]);
    // The paragraphs as the text prints them; tables with their cells set off by ｜ (the sheet's font is
    // proportional, so the text's space-padding would not align).
    const paragraphs = (ls: readonly unknown[]) => ls.filter((l) => typeof l === "string" && !/ {2}|｜/.test(l));
    const textLines = text.trimEnd().split("\n");
    expect(paragraphs(lines).filter((l) => !/表$|^附表/.test(String(l)))).toEqual(
      paragraphs(textLines).filter((l) => !/表$|^附表/.test(String(l))),
    );
    expect(lines).toContain("项目｜金额（万元）｜占比｜占比口径");
    expect(lines).toContain("基本支出｜166.03｜73.19%｜本年支出");
    const at = lines.indexOf("附表：部门整体支出绩效评价指标得分表");
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toBe("一级指标｜二级指标｜三级指标｜分值｜指标值｜得分｜扣分原因");
    expect(lines[at + 2]).toBe("投入｜预算配置｜财政供养人员控制率｜2｜100.00%｜2");
    expect(lines.at(-2)).toBe("总分｜｜｜100｜｜94");
    expect(lines.at(-1)).toBe("评价等次｜｜｜｜｜优");
    expect(values.values.every((r) => r.length === 1)).toBe(true);
  });

  it("touches only the named sheet", () => {
    expect(reportWritePlan(tree, "Report").every((op) => op.sheet === "Report")).toBe(true);
  });

  it("never generates a line that Excel would read as a formula", () => {
    const values = writeOps[2]!;
    if (values.kind !== "values") throw new Error("values op expected");
    expect(values.values.filter((r) => /^[=+\-@]/.test(String(r[0])))).toEqual([]);
  });
});
