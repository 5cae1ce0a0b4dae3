/**
 * The import graph of src/ is enforced by ESLint (eslint.config.js): each case is a file that a layer could
 * plausibly contain, linted as if it lived there. A forbidden import must fail lint; the allowed form must pass.
 */
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

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
});
