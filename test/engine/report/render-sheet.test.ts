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
    expect(values.values.map((r) => r[0])).toEqual(text.trimEnd().split("\n"));
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
