/**
 * The import graph of src/ is enforced by ESLint (eslint.config.js): each case is a file that a layer could
 * plausibly contain, linted as if it lived there. A forbidden import must fail lint; the allowed form must pass.
 */
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The probes below are not files on disk, so the type-aware rules (which need the TypeScript project) are off for
// them; the last test lints real files of the project with them on.
const TYPED_RULES = [
  "@typescript-eslint/no-floating-promises",
  "@typescript-eslint/no-misused-promises",
  "@typescript-eslint/switch-exhaustiveness-check",
];
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: {
    files: ["src/**/*.{ts,tsx}"],
    languageOptions: { parserOptions: { projectService: false } },
    rules: Object.fromEntries(TYPED_RULES.map((r) => [r, "off"])),
  },
});

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("the layers of src/ as lint enforces them", () => {
  it.each([
    ["a host imports the task pane", "src/hosts/office/x.ts", 'import { TaskPane } from "../../taskpane";'],
    ["a host imports the browser page", "src/hosts/xlsx/x.ts", 'import { x } from "../../web/index";'],
    ["the CLI imports the task pane", "src/cli/x.ts", 'import { TaskPane } from "../taskpane";'],
    ["the Office host imports the xlsx host", "src/hosts/office/x.ts", 'import { readSnapshot } from "../xlsx";'],
    ["a host reaches into the engine", "src/hosts/xlsx/x.ts", 'import { parseA1 } from "../../engine/model/cell";'],
    ["the pane reaches into a host", "src/taskpane/x.ts", 'import { x } from "../hosts/office/office-host";'],
    ["the engine imports a template family", "src/engine/score/x.ts", 'import { x } from "../../templates";'],
    ["the engine imports a host", "src/engine/score/x.ts", 'import { x } from "../../hosts/common";'],
    ["the engine imports a file library", "src/engine/score/x.ts", 'import ExcelJS from "exceljs";'],
    ["templates import a host", "src/templates/standard/x.ts", 'import { x } from "../../hosts/xlsx";'],
    ["the page reaches into the pane", "src/web/x.ts", 'import { x } from "../taskpane/format";'],
  ])("refuses: %s", async (_what, file, code) => {
    expect(await restrictedImports(file, `${code}\nexport const y = x;\n`)).not.toEqual([]);
  });

  it.each([
    ["a host uses the engine through its index", "src/hosts/xlsx/x.ts", 'import { parseA1 } from "../../engine";'],
    ["the browser host uses the xlsx host", "src/hosts/browser/x.ts", 'import { readSnapshot } from "../xlsx";'],
    ["the page uses the pane through its index", "src/web/x.ts", 'import { TaskPane } from "../taskpane";'],
    ["the engine imports its own diagnostics/render", "src/engine/x.ts", 'import { x } from "./diagnostics/render";'],
    ["the pane uses the Office host", "src/taskpane/x.ts", 'import { x } from "../hosts/office";'],
  ])("allows: %s", async (_what, file, code) => {
    expect(await restrictedImports(file, `${code}\nexport const y = x;\n`)).toEqual([]);
  });

  it("lints the product's code with the type-aware rules: a promise nobody awaits fails lint", async () => {
    const typed = new ESLint({ cwd: process.cwd() });
    const code = [
      'import { createEngine } from "../engine";',
      "async function later(): Promise<number> {",
      "  return createEngine() ? 1 : 0;",
      "}",
      "export function run(): void {",
      "  later();",
      "}",
      "",
    ].join("\n");
    // The text stands in for a real file of the project, so the TypeScript project service knows it.
    const [result] = await typed.lintText(code, { filePath: "src/cli/bin.ts" });
    expect((result?.messages ?? []).map((m) => m.ruleId)).toContain("@typescript-eslint/no-floating-promises");
    const config = (await typed.calculateConfigForFile("src/engine/session.ts")) as { rules: Record<string, unknown> };
    for (const rule of [...TYPED_RULES, "max-lines"]) expect(JSON.stringify(config.rules[rule])).toMatch(/^\[2/);
  }, 120_000);
});
