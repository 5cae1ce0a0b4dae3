// Issue 16: no silent failure anywhere in the rubric path — over random rubrics, every indicator row is either
// scored or has a diagnostic of its own, and scores are withheld exactly when an error is reported.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { field, inputs, l1, l2, leaf, manual, rubric, template } from "./builders";
import { scoreAll } from "./score-all";

const KINDS = [
  ["按比例", "a", ""],
  ["达标", "a", "标准值=50%"],
  ["超限扣分", "b", "限值=100%; 每点扣分=0.2"],
  ["deduct_per_point", "ratio(a, b)", "limit=100%; dir=below; partial=floor"],
  ["分档", "a", ">=90%: 100%; [60%,90%): 60%; <60%: 0"],
  ["逐项扣分", "c", "每项扣分=0.5"],
  ["按次扣分", "c", ""],
  ["分段扣分", "b", "限值=100%; 方向=高于; 每段=5%; 不足一段=舍去"],
] as const;

/** What can be wrong with an indicator row, each of which must be reported at that row. */
const FAULTS = [null, null, null, "weight", "kind", "param", "param_key", "formula", "field"] as const;
type Fault = (typeof FAULTS)[number];

const leafArb = fc.record({
  kind: fc.integer({ min: 0, max: KINDS.length }), // KINDS.length = a manual indicator
  weight: fc.integer({ min: 1, max: 12 }).map((n) => n / 2),
  fault: fc.constantFrom(...FAULTS),
});
const treeArb = fc.array(fc.array(fc.array(leafArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }), {
  minLength: 1,
  maxLength: 3,
});
const valuesArb = fc.record({
  a: fc.option(fc.integer({ min: 0, max: 120 }).map((n) => n / 100)),
  b: fc.option(fc.integer({ min: 0, max: 150 }).map((n) => n / 100)),
  c: fc.option(fc.integer({ min: 0, max: 5 })),
});

type Spec = ReturnType<typeof leaf>;
type Tree = typeof treeArb extends fc.Arbitrary<infer T> ? T : never;

function build(tree: Tree) {
  const rows: Spec[] = [];
  const faults = new Map<string, Fault>();
  let total = 0;
  tree.forEach((blocks, i) => {
    const w1 = blocks.flat().reduce((s, l) => s + l.weight, 0);
    total += w1;
    rows.push(l1(`${i + 1}`, `一级${i + 1}`, w1));
    blocks.forEach((leaves, j) => {
      rows.push(
        l2(
          `${i + 1}.${j + 1}`,
          `二级${i + 1}.${j + 1}`,
          leaves.reduce((s, l) => s + l.weight, 0),
        ),
      );
      leaves.forEach((l, k) => {
        const id = `${i + 1}.${j + 1}.${k + 1}`;
        const name = `指标${id}`;
        let spec: Spec =
          l.kind === KINDS.length
            ? manual(id, name, l.weight, l.weight)
            : leaf(id, name, l.weight, KINDS[l.kind]![1], KINDS[l.kind]![0], KINDS[l.kind]![2]);
        if (l.fault === "weight") spec = { ...spec, weight: null };
        if (l.fault === "kind") spec = { ...spec, ruleKind: "拍脑袋" };
        if (l.fault === "param") spec = { ...spec, ruleParams: "不适用时=abc" };
        if (l.fault === "param_key") spec = { ...spec, ruleParams: "限额=3" };
        if (l.fault === "formula" && spec.formula) spec = { ...spec, formula: "ratio(a," };
        if (l.fault === "field" && spec.formula) spec = { ...spec, formula: "zz + a" };
        faults.set(id, spec.formula === undefined && (l.fault === "formula" || l.fault === "field") ? null : l.fault);
        rows.push(spec);
      });
    });
  });
  const rest = 100 - total;
  if (rest > 0) rows.push(l1("9", "其他", rest), l2("9.1", "其他", rest), manual("9.1.1", "其他", rest, rest));
  return { rows, faults, total };
}

describe("random rubrics", () => {
  it("every indicator row is scored or has a diagnostic at its own row; scores withheld exactly on errors", () => {
    fc.assert(
      fc.property(treeArb, valuesArb, (tree, vals) => {
        const { rows, faults, total } = build(tree);
        const defs = rubric(rows);
        const tpl = template({ fields: [field("a", "rate"), field("b", "rate"), field("c", "integer")], rubric: defs });
        const r = scoreAll(tpl, inputs(vals));
        const errors = r.diagnostics.filter((d) => d.severity === "error");
        expect(r.scores === null).toBe(errors.length > 0);
        for (const def of defs) {
          if (def.level3 === "") continue;
          const fault = faults.get(def.id) ?? null;
          const excelRow = String(def.row + 1);
          const own = r.diagnostics.filter((d) => d.location?.address.replace(/^[A-Z]+/, "") === excelRow);
          if (fault !== null)
            expect(
              own.some((d) => d.severity === "error"),
              `${def.id} ${fault}`,
            ).toBe(true);
          if (r.scores) {
            const ind = r.scores.indicators.find((x) => x.id === def.id);
            expect(ind, def.id).toBeDefined();
            expect(ind!.score).toBeGreaterThanOrEqual(0);
            expect(ind!.score).toBeLessThanOrEqual(def.weight!);
          }
        }
        if (total > 100) expect(r.diagnostics.map((d) => d.code)).toContain("rubric_full_score_mismatch");
        if (r.scores) expect(r.scores.indicators.length).toBe(defs.filter((d) => d.level3 !== "").length);
      }),
      { numRuns: 150, seed: 16 },
    );
  });
});
