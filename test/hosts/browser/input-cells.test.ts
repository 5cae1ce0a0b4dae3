import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readInputCells } from "../../../src/hosts/browser/input-cells";
import { readSnapshot } from "../../../src/hosts/xlsx/read-snapshot";
import { findName } from "../../../src/engine/model/snapshot";

describe("readInputCells", () => {
  it("finds the example's yellow input cells, and none of its outputs, labels or configuration", async () => {
    const bytes = new Uint8Array(readFileSync("assets/example-wanzhou-2020.xlsx"));
    const [inputs, snapshot] = await Promise.all([readInputCells(bytes), readSnapshot(bytes)]);
    const at = (name: string) => {
      const n = findName(snapshot, name)!;
      return inputs.get(n.sheet)?.has(n.address) ?? false;
    };
    expect(at("unit_name")).toBe(true);
    expect(at("staff_quota")).toBe(true);
    expect(at("expend_total")).toBe(true);
    expect(at("result_total")).toBe(false);
    expect(at("result_grade")).toBe(false);
    expect(inputs.has("评价结果")).toBe(false);
    expect(inputs.has("字段定义")).toBe(false);
    expect(inputs.get("基本情况")?.has("A3")).toBe(false);
  });

  it("on the published example, the rubric's outputs are not inputs although 发布 left them unlocked for Excel", async () => {
    const bytes = new Uint8Array(readFileSync("assets/example-wanzhou-2020.xlsx"));
    const snapshot = await readSnapshot(bytes);
    const [alone, withTemplate] = await Promise.all([readInputCells(bytes), readInputCells(bytes, snapshot)]);
    const rubric = (m: typeof alone, a: string) => m.get("指标体系")?.has(a) ?? false;
    // 2.2.1 (row 15): 自评得分 G, 扣分原因 H, 情况说明 M are inputs; 评分标准 F, 指标值 I, 得分 J, 评分说明 K and 合计 J…
    // are not.
    const total = findName(snapshot, "result_rubric_score")!.address;
    const cells = ["G15", "H15", "M15", "F15", "I15", "J15", "K15", total];
    expect(cells.map((a) => rubric(withTemplate, a))).toEqual([true, true, true, false, false, false, false, false]);
    // Without the template read, unlocked alone would make them inputs: the snapshot is what tells them apart.
    expect(rubric(alone, "J15")).toBe(true);
  });

  it("a file it cannot read gives no input cells", async () => {
    expect((await readInputCells(new TextEncoder().encode("not a zip"))).size).toBe(0);
  });
});
