import { describe, expect, it } from "vitest";
import {
  buildExampleDescription,
  layoutTemplate,
  layoutToSnapshot,
  standardTemplateDescription,
} from "../../../src/templates/standard";
import { readTemplate } from "../../../src/engine/compile/read/read";
import seed from "../../../assets/examples/wanzhou-2020.json";

// The template reader is the consumer of this layout: the standard template must read without a problem.
describe.each([
  ["the blank standard template", standardTemplateDescription()],
  ["the Wanzhou 2020 example", buildExampleDescription(seed)],
])("%s, read by readTemplate", (_label, desc) => {
  const reading = readTemplate(layoutToSnapshot(layoutTemplate(desc)));

  it("is recognised with no diagnostics", () => {
    expect(reading.diagnostics).toEqual([]);
    expect(reading.template?.info).toEqual(desc.info);
  });

  it("has every field, table, check, rubric row and grade of the description", () => {
    const t = reading.template!;
    expect([...t.fields.keys()].sort()).toEqual(desc.fields.map((f) => f.name).sort());
    expect([...t.tables.keys()].sort()).toEqual(desc.tables.map((x) => x.id).sort());
    expect(t.checks.map((c) => c.rule)).toEqual(desc.checks.map((c) => c.rule));
    expect(t.rubric.map((r) => [r.id, r.weight, r.formula, r.ruleParams, r.expand])).toEqual(
      desc.rubric.map((r) => [r.id, r.weight, r.formula, r.params, r.expand]),
    );
    expect(t.grades.map((g) => [g.grade, g.min])).toEqual(desc.grades.map((g) => [g.grade, g.min]));
    expect(t.adjustments).toEqual([]);
  });

  it("finds the tasks table's rows", () => {
    const tasks = reading.template!.tables.get("tasks")!;
    const expected = desc.tables.find((x) => x.id === "tasks")!.rows.length;
    expect(tasks.rows).toHaveLength(expected);
  });
});
