/** Data validations are saved as one range per run of equal rules, never as overlapping ranges. */
import { readFileSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { parseRange } from "../../../src/engine/model/cell";
import { runScoring } from "../../../src/engine";
import { applyWritePlan } from "../../../src/hosts/xlsx/apply-plan";
import { readSnapshot } from "../../../src/hosts/xlsx/read-snapshot";
import { buildStandardTemplate } from "../../../src/hosts/xlsx/standard";

const EXAMPLE = new Uint8Array(readFileSync(path.resolve(__dirname, "../../../assets/example-wanzhou-2020.xlsx")));

/** Every pair of data-validation ranges of every sheet that share a cell. */
async function overlaps(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const out: string[] = [];
  for (const f of Object.values(zip.files).filter((x) => /^xl\/worksheets\/sheet\d+\.xml$/.test(x.name))) {
    const xml = await f.async("string");
    const ranges = [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].flatMap((m) => m[1]!.split(" "));
    const parsed = ranges.map((r) => ({ r, p: parseRange(r)! }));
    for (let i = 0; i < parsed.length; i++) {
      for (let j = i + 1; j < parsed.length; j++) {
        const a = parsed[i]!.p;
        const b = parsed[j]!.p;
        const meet =
          a.start.row <= b.end.row && b.start.row <= a.end.row && a.start.col <= b.end.col && b.start.col <= a.end.col;
        if (meet) out.push(`${f.name}: ${parsed[i]!.r} ∩ ${parsed[j]!.r}`);
      }
    }
  }
  return out;
}

describe("data validations", () => {
  it("the blank template has no overlapping validation ranges (exceljs alone writes C10:C13 and C4:C13)", async () => {
    const bytes = await buildStandardTemplate();
    expect(await overlaps(bytes)).toEqual([]);
    const xml = await (await JSZip.loadAsync(bytes)).file("xl/worksheets/sheet5.xml")!.async("string");
    // 完成率: one rule over the column's rows.
    expect(xml).toContain('sqref="C4:C13"');
    // 分值: a rule per row, each against the column's sum and the rubric's 重点工作完成情况 分值 (a warning).
    for (let r = 4; r <= 13; r++) expect(xml).toContain(`sqref="B${r}"`);
    expect(xml).toMatch(/errorStyle="warning"[^>]*sqref="B4"|sqref="B4"[^>]*errorStyle="warning"/);
    expect(xml).toContain("SUM($B$4:$B$13)&lt;=&apos;指标体系&apos;!$E$26");
  });

  it("nor does the example after 评分 (a load and save through exceljs)", async () => {
    const outcome = runScoring(await readSnapshot(EXAMPLE), { now: "2026-12-02T15:04:00" });
    const { bytes } = await applyWritePlan(EXAMPLE, outcome.writePlan);
    expect(await overlaps(bytes)).toEqual([]);
  });
});
