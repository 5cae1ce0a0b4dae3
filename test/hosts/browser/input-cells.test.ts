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

  it("a file it cannot read gives no input cells", async () => {
    expect((await readInputCells(new TextEncoder().encode("not a zip"))).size).toBe(0);
  });
});
