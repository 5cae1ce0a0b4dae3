import { assertOutputsOnly } from "../../../src/engine/model/output-guard";
import type { WriteOp } from "../../../src/engine/model/write-plan";
import { scoringWritePlan } from "../../../src/engine/score/outputs";
import { scoreAll } from "./score-all";
import { wanzhouCase } from "./builders";

describe("scoringWritePlan", () => {
  const { template, values } = wanzhouCase();
  const scores = scoreAll(template, values).scores!;
  const ops = scoringWritePlan(template, scores);
  const at = (sheet: string, address: string): WriteOp | undefined =>
    ops.find((o) => o.kind !== "ensureSheet" && o.sheet === sheet && "address" in o && o.address === address);

  it("writes only output cells", () => {
    expect(() => assertOutputsOnly(template, ops)).not.toThrow();
  });

  it("writes 指标值 (rates as fractions with a percent format), 得分 and 评分说明 on leaf rows", () => {
    // 投入 is on Excel row 4; 财政供养人员控制率 is the first leaf, Excel row 6; 指标值 N, 得分 O, 评分说明 P
    const n6 = at("指标体系", "N6") as Extract<WriteOp, { kind: "values" }>;
    expect(n6.values[0]).toEqual([1]);
    expect(Number(n6.values[1]![0]).toFixed(4)).toBe("-0.4556");
    expect(n6.numberFormats).toEqual(["0.00%"]);
    const o = at("指标体系", "O4") as Extract<WriteOp, { kind: "values" }>;
    // 得分 column: 投入 5, 预算配置 5, 2, 3, 过程 24.5 … in one block from row 3
    expect(o.values.slice(0, 5).map((r) => r[0])).toEqual([5, 5, 2, 3, 24.5]);
    const p = at("指标体系", "P6") as Extract<WriteOp, { kind: "values" }>;
    expect(p.values[0]).toEqual(["财政供养人员控制率为100.00%，未超过限值100%，得满分"]);
  });

  it("writes the na text for 政府采购执行率 and the count for 指标或资金收回", () => {
    const cells = ops.flatMap((o) =>
      o.kind === "values" && o.sheet === "指标体系" && o.address.startsWith("N")
        ? o.values.map((v, i) => [Number(o.address.slice(1)) + i, v[0]])
        : [],
    );
    const byRow = new Map(cells as [number, unknown][]);
    expect(byRow.get(18)).toBe("不适用");
    expect(byRow.get(12)).toBe(0);
  });

  it("writes each task's score into the tasks' 得分 column and their sum on the rubric row", () => {
    const op = at("重点工作", "F4") as Extract<WriteOp, { kind: "values" }>;
    expect(op.values.map((r) => r[0])).toEqual([6, 8, 6, 6, 4, 8, 8]);
    const rubricRows = ops.filter(
      (o): o is Extract<WriteOp, { kind: "values" }> =>
        o.kind === "values" && o.sheet === "指标体系" && o.address.startsWith("O"),
    );
    const rowOf = (r: number) =>
      rubricRows
        .flatMap((o) => o.values.map((v, i) => [Number(o.address.slice(1)) + i, v[0]] as const))
        .find(([n]) => n === r)?.[1];
    expect(rowOf(26)).toBe(46);
  });

  it("writes the result fields", () => {
    const value = (name: string) =>
      (at("评价结果", template.fields.get(name)!.ref.address) as Extract<WriteOp, { kind: "values" }>).values;
    expect([value("result_total"), value("result_grade"), value("result_raw_total")]).toEqual([
      [[94]],
      [["优"]],
      [[94]],
    ]);
  });

  it("clears the levels table and writes one row per level-1 and level-2 node", () => {
    expect(ops).toContainEqual({ kind: "clear", sheet: "评价结果", range: "A8:D31" });
    const names = at("评价结果", "B8") as Extract<WriteOp, { kind: "values" }>;
    expect(names.values.map((r) => r[0])).toEqual([
      "投入",
      "预算配置",
      "过程",
      "预算执行",
      "预算管理",
      "资产管理",
      "产出",
      "职责履行",
      "效果",
      "履职效益",
    ]);
    expect((at("评价结果", "A8") as Extract<WriteOp, { kind: "values" }>).values[0]).toEqual(["一级"]);
    expect((at("评价结果", "D8") as Extract<WriteOp, { kind: "values" }>).values.map((r) => r[0])).toEqual([
      5, 5, 24.5, 10, 9.5, 5, 46, 46, 18.5, 18.5,
    ]);
  });

  it("writes nothing on rubric rows without a column map", () => {
    const bare = { ...template, rubric: template.rubric.map(({ cols: _cols, ...r }) => r) };
    const plan = scoringWritePlan(bare, scores);
    expect(plan.some((o) => o.kind === "values" && o.sheet === "指标体系")).toBe(false);
    expect(() => assertOutputsOnly(bare, plan)).not.toThrow();
  });
});
