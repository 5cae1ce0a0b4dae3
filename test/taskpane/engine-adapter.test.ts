// The real adapter on the real example workbook: the pane's wiring to the engine and the .xlsx host.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readSnapshot } from "../../src/hosts/xlsx/read-snapshot";
import { createEngineAdapter } from "../../src/taskpane/engine-adapter";
import { localIsoNow } from "../../src/hosts/common/local-time";

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

  it("validates, scores and reports the bundled Wanzhou 2020 example (seed: 94, 优)", async () => {
    const snapshot = await readSnapshot(readFileSync("assets/example-wanzhou-2020.xlsx"));
    const engine = createEngineAdapter();
    const v = await engine.validate(snapshot);
    expect(v.template?.id).toBe("cn.perfeval.dept-overall");
    expect(v.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const s = await engine.score(snapshot, { now: "2025-03-01T14:05:09" });
    expect(s.scores?.total).toBe(94);
    expect(s.scores?.grade).toBe("优");
    expect(s.writePlan.ops.length).toBeGreaterThan(0);
    const r = await engine.report(snapshot, "zh-CN");
    expect(r.text).toContain("外事");
    const bytes = await r.docx();
    // A .docx is a zip: "PK".
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
    const rendered = engine.renderDiagnostic(
      v.diagnostics[0] ?? { code: "template_not_recognized", severity: "error", location: null, params: {} },
      "en",
    );
    expect(rendered.message.length).toBeGreaterThan(0);
  });

  it.each([
    [new Date(2025, 2, 1, 14, 5, 9), "2025-03-01T14:05:09"],
    [new Date(2020, 11, 31, 0, 0, 0), "2020-12-31T00:00:00"],
  ])("localIsoNow(%s) → %s", (date, text) => {
    expect(localIsoNow(date)).toBe(text);
  });
});
