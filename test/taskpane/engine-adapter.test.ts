// The real adapter on the real example workbook: the pane's wiring to the engine and the .xlsx host.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readSnapshot } from "../../src/hosts/xlsx/read-snapshot";
import { createEngineAdapter } from "../../src/taskpane/engine-adapter";
import JSZip from "jszip";

describe("engine adapter", () => {
  it("names the sheet a user deleted in Excel (its names dropped): the pane passes the known templates", async () => {
    const example = await readSnapshot(readFileSync("assets/example-wanzhou-2020.xlsx"));
    const gone = "重点工作";
    const damaged = {
      sheets: example.sheets.filter((s) => s.name !== gone),
      names: example.names.filter((n) => n.sheet !== gone),
    };
    const engine = createEngineAdapter();
    for (const outcome of [await engine.validate(damaged), await engine.score(damaged)]) {
      const errors = outcome.diagnostics.filter((d) => d.severity === "error");
      expect(errors.map((d) => [d.code, d.params])).toEqual([
        ["template_sheet_missing", expect.objectContaining({ sheet: gone })],
      ]);
    }
  });

  it("validates, scores and reports the bundled Wanzhou 2020 example (seed: 94, 优) as the pane shows it", async () => {
    const snapshot = await readSnapshot(readFileSync("assets/example-wanzhou-2020.xlsx"));
    const engine = createEngineAdapter();
    const v = await engine.validate(snapshot);
    expect(v.template?.id).toBe("cn.perfeval.dept-overall");
    expect(v.unit).toEqual({ name: "重庆市万州区人民政府外事办公室", year: "2020" });
    expect(v.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(await engine.validate(snapshot)).toEqual(v); // the session's remembered template reads the same

    // The example's warnings in both languages, each at its cell, in words (not codes).
    const warnings = v.diagnostics.filter((d) => d.severity === "warning");
    expect(warnings.length).toBeGreaterThan(0);
    for (const d of warnings) {
      const zh = engine.renderDiagnostic(d, "zh-CN");
      const en = engine.renderDiagnostic(d, "en");
      expect(zh.message).toMatch(/[\u4e00-\u9fff]/);
      expect(en.message).not.toBe(zh.message);
      expect(zh.where).toContain(d.location!.address);
    }

    const s = await engine.score(snapshot, { now: "2025-03-01T14:05:09" });
    expect([s.scores?.total, s.scores?.grade]).toEqual([94, "优"]);
    const written = (name: string) => {
      const dn = snapshot.names.find((n) => n.name === name)!;
      const address = dn.address.replace(/\$/g, "");
      const op = s.writePlan.ops.find((o) => o.kind === "values" && o.sheet === dn.sheet && o.address === address);
      return op && op.kind === "values" ? op.values[0]![0] : undefined;
    };
    expect(written("result_total")).toBe(94);
    expect(written("result_grade")).toBe("优");
    // 2025-03-01 14:05:09 as an Excel serial (days since 1899-12-30, the time as a fraction of a day).
    expect(written("result_scored_at")).toBeCloseTo(45717 + (14 * 3600 + 5 * 60 + 9) / 86400, 8);

    const r = await engine.report(snapshot, "zh-CN");
    const headings = ["一、", "二、", "三、", "四、", "五、", "六、", "七、"].map((h) => r.text.indexOf(`\n${h}`));
    expect(headings.every((at, k) => at > 0 && (k === 0 || at > headings[k - 1]!))).toBe(true);
    expect(r.text.startsWith("重庆市万州区人民政府外事办公室")).toBe(true);
    const bytes = await r.docx();
    const xml = await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
    const docText = xml.replace(/<[^>]+>/g, "");
    expect(docText).toContain("2020年部门整体支出绩效评价报告");
    expect(docText).toContain("评价结果等次为“优”");
    expect(docText).toContain("94");
  });
});
