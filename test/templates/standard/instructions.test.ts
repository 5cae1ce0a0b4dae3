import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { INSTRUCTION_LINES } from "../../../src/templates/standard/instructions";
import { parameterGuideLines } from "../../../src/engine/compile/param-guide";
import { RULES } from "../../../src/engine/compile/registry";
import { COMMON_SCHEMA } from "../../../src/engine/compile/compile-rule";
import { ADJUSTMENT_SCHEMAS } from "../../../src/engine/compile/adjustments";
import { layoutTemplate, standardTemplateDescription } from "../../../src/templates/standard";

/** The 说明 sheet's texts as the workbook shows them. */
function guideSheetTexts(): string[] {
  const sheet = layoutTemplate(standardTemplateDescription()).sheets.find((s) => s.name === "说明");
  return (sheet?.cells ?? []).map((c) => String(c.value ?? ""));
}

describe("the 说明 sheet lists every rule kind's parameters", () => {
  it("ends with the engine's generated guide, under its heading", () => {
    const guide = parameterGuideLines();
    expect(guide[0]).toBe("八、评分参数怎么写");
    expect(guide.length).toBeGreaterThan(5);
    expect(INSTRUCTION_LINES.slice(-guide.length)).toEqual(guide);
  });

  it("names each kind and each of its keys in Chinese and English, in the workbook itself", () => {
    const text = guideSheetTexts().join("\n");
    for (const d of Object.values(RULES)) {
      expect(text).toContain(`${d.zh}（${d.id}）`);
      for (const [key, spec] of Object.entries({ ...d.params, ...COMMON_SCHEMA }))
        expect(text, `${d.id}.${key}`).toContain(`${spec.zh}（${key}）`);
    }
    for (const schema of Object.values(ADJUSTMENT_SCHEMAS))
      for (const [key, spec] of Object.entries(schema)) expect(text).toContain(`${spec.zh}（${key}）`);
    expect(text).toContain("“封顶”（cap）");
    expect(text).toContain("“扣减”（penalty）");
  });
});

describe("the 调整方式 dropdown", () => {
  it("offers 封顶 and 扣减, the words the docs and the 说明 sheet use", () => {
    const lists = layoutTemplate(standardTemplateDescription())
      .sheets.flatMap((s) => s.cells)
      .flatMap((c) =>
        c.validation?.kind === "list" && c.validation.items.includes("封顶") ? [c.validation.items] : [],
      );
    expect(lists.length).toBeGreaterThan(0);
    for (const items of lists) expect(items).toEqual(["封顶", "扣减"]);
  });
});

describe("docs/template-format.md", () => {
  it("lists every rule kind's and adjustment's keys in Chinese and English", () => {
    const docs = readFileSync(path.resolve(__dirname, "../../../docs/template-format.md"), "utf8");
    const schemas = [...Object.values(RULES).map((d) => d.params), ...Object.values(ADJUSTMENT_SCHEMAS)];
    for (const schema of schemas)
      for (const [key, spec] of Object.entries(schema)) expect(docs, key).toContain(`${spec.zh} / \`${key}\``);
  });
});
