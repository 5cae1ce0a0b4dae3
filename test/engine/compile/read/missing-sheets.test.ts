import { describe, expect, it } from "vitest";
import type { DefinedName, WorkbookSnapshot } from "../../../../src/engine/model/snapshot";
import type { Diagnostic } from "../../../../src/engine/diagnostics/types";
import { renderDiagnostic } from "../../../../src/engine/diagnostics/render";
import { readTemplate } from "../../../../src/engine/compile/read/read";
import { runScoring, runValidation } from "../../../../src/engine";
import {
  buildExampleDescription,
  layoutTemplate,
  layoutToSnapshot,
  STANDARD_SHEETS,
} from "../../../../src/templates/standard";
import { KNOWN_TEMPLATES } from "../../../../src/templates";
import { STANDARD_TEMPLATE_INFO } from "../../../../src/templates/standard/description";
const standardNameSheets = () => KNOWN_TEMPLATES.get(STANDARD_TEMPLATE_INFO.id)!;
import seed from "../../../../assets/examples/wanzhou-2020.json";

const NOW = "2021-03-01T09:00:00";
// The filled example: undamaged it scores, so "no scores" below is the damage's doing.
const BASE = layoutToSnapshot(layoutTemplate(buildExampleDescription(seed)));

type Damage = (s: WorkbookSnapshot) => WorkbookSnapshot;

const onSheet = (s: WorkbookSnapshot, sheet: string) => s.names.filter((n) => n.sheet === sheet);
const mapNames =
  (f: (n: DefinedName) => DefinedName | null): Damage =>
  (s) => ({
    ...s,
    names: s.names.flatMap((n) => f(n) ?? []),
  });
const dropSheet =
  (sheet: string): Damage =>
  (s) => ({ ...s, sheets: s.sheets.filter((x) => x.name !== sheet) });
const then =
  (...ds: Damage[]): Damage =>
  (s) =>
    ds.reduce((acc, d) => d(acc), s);

/** The ways a sheet goes missing, as each host hands it to the engine. */
const HOW: readonly (readonly [string, (sheet: string) => Damage])[] = [
  // exceljs (or a script) removed the sheet: the names still name it.
  ["deleted, names left naming it", (sheet) => dropSheet(sheet)],
  // Excel deleted it and saved: the names read `=#REF!$B$3`. Both hosts drop such names (next case); a
  // snapshot from elsewhere may still carry them with sheet "#REF", and the engine reads that the same way.
  [
    "deleted in Excel, names now #REF! (a snapshot that keeps them)",
    (sheet) =>
      then(
        dropSheet(sheet),
        mapNames((n) => (n.sheet === sheet ? { ...n, sheet: "#REF" } : n)),
      ),
  ],
  // The Office and .xlsx hosts drop #REF! names altogether.
  [
    "deleted in Excel, #REF! names dropped (both hosts)",
    (sheet) =>
      then(
        dropSheet(sheet),
        mapNames((n) => (n.sheet === sheet ? null : n)),
      ),
  ],
  // A tool renamed the tab without the names (Excel itself would carry them along).
  [
    "renamed, names left behind",
    (sheet) => (s) => ({
      ...s,
      sheets: s.sheets.map((x) => (x.name === sheet ? { ...x, name: `${sheet}（旧）` } : x)),
    }),
  ],
];

// Every sheet of the standard template that holds named cells or tables, except _meta (no identity → not a template).
const SHEETS_WITH_NAMES = Object.values(STANDARD_SHEETS).filter((s) => s !== "_meta" && onSheet(BASE, s).length > 0);

const sheetMissing = (sheet: string, namedCount: number): Diagnostic => ({
  code: "template_sheet_missing",
  severity: "error",
  location: null,
  params: { sheet, namedCount },
});

const CASES = SHEETS_WITH_NAMES.flatMap((sheet) => HOW.map(([how, damage]) => [sheet, how, damage(sheet)] as const));

describe("a missing template sheet → one diagnostic, not one per name", () => {
  it("covers every named sheet of the standard template, and the example reads and scores cleanly", () => {
    expect(SHEETS_WITH_NAMES).toEqual([
      "基本情况",
      "收支情况",
      "绩效目标",
      "重点工作",
      "满意度",
      "效益",
      "问题与措施",
      "指标体系",
      "评价结果",
      "字段定义",
      "校验规则",
    ]);
    expect(
      runValidation(BASE, { knownTemplates: KNOWN_TEMPLATES }).diagnostics.filter((d) => d.severity === "error"),
    ).toEqual([]);
    expect(runScoring(BASE, { now: NOW, knownTemplates: KNOWN_TEMPLATES }).scores).not.toBeNull();
  });

  it.each(CASES)("%s %s → exactly one error naming it, with its named cells counted", (sheet, _how, damage) => {
    const damaged = damage(BASE);
    const expected = [sheetMissing(sheet, onSheet(BASE, sheet).length)];
    expect(readTemplate(damaged, KNOWN_TEMPLATES).diagnostics).toEqual(expected);
    // What the user sees at 校验 and 评分: that one problem, and nothing is written.
    expect(runValidation(damaged, { knownTemplates: KNOWN_TEMPLATES }).diagnostics).toEqual(expected);
    const scoring = runScoring(damaged, { now: NOW, knownTemplates: KNOWN_TEMPLATES });
    expect(scoring.diagnostics).toEqual(expected);
    expect(scoring.scores).toBeNull();
    expect(scoring.writePlan.ops).toEqual([]);
  });

  it("收支情况 deleted: 32 names (29 amounts, 2 texts and the 三公 reasons table) in one message", () => {
    expect(onSheet(BASE, "收支情况").map((n) => n.name)).toHaveLength(32);
    const [d] = readTemplate(dropSheet("收支情况")(BASE)).diagnostics;
    expect(renderDiagnostic(d!, "zh-CN")).toEqual({
      message: "工作表“收支情况”不存在（可能已被删除或改名），其中 32 个命名单元格或表格无法读取。",
      fix: "请从原模板把工作表“收支情况”复制回来；如果只是改了名，请把名字改回“收支情况”。",
      where: "",
    });
    expect(renderDiagnostic(d!, "en").message).toBe(
      'The sheet "收支情况" does not exist (it may have been deleted or renamed), so 32 named cells or tables on it cannot be read.',
    );
  });

  it("two sheets deleted → two diagnostics, one each", () => {
    const damaged = then(dropSheet("基本情况"), dropSheet("重点工作"))(BASE);
    const expected = [sheetMissing("基本情况", onSheet(BASE, "基本情况").length), sheetMissing("重点工作", 1)];
    expect(readTemplate(damaged, KNOWN_TEMPLATES).diagnostics).toEqual(expected);
    expect(runScoring(damaged, { now: NOW, knownTemplates: KNOWN_TEMPLATES }).scores).toBeNull();
  });
});

describe("a broken name on a sheet that exists is still reported on its own", () => {
  const point = (name: string, sheet: string, address: string) =>
    mapNames((n) => (n.name === name ? { name, sheet, address } : n));
  const remove = (name: string) => mapNames((n) => (n.name === name ? null : n));

  it.each<[string, Damage, Partial<Diagnostic>]>([
    [
      "staff_quota → a range",
      point("staff_quota", "基本情况", "B6:C7"),
      { code: "template_name_invalid", params: { name: "staff_quota", target: "基本情况!B6:C7" } },
    ],
    ["staff_quota removed", remove("staff_quota"), { code: "template_name_missing", params: { name: "staff_quota" } }],
    // Its sheet exists (copied back from the template), but the name was left #REF!: the name is what is broken.
    [
      "tbl_tasks → #REF!",
      point("tbl_tasks", "#REF", "A3:F3"),
      { code: "template_name_invalid", params: { name: "tbl_tasks", target: "#REF!A3:F3" } },
    ],
    ["tbl_tasks removed", remove("tbl_tasks"), { code: "table_header_missing" }],
  ])("%s → its own diagnostic", (_label, damage, expected) => {
    const ds = readTemplate(damage(BASE)).diagnostics;
    expect(ds).toEqual([expect.objectContaining({ severity: "error", ...expected })]);
  });

  it("a deleted sheet and a broken name elsewhere → one for the sheet, one for the name", () => {
    const damaged = then(dropSheet("收支情况"), remove("staff_quota"))(BASE);
    // In 字段定义 order: staff_quota (基本情况) comes before the amounts of 收支情况.
    expect(readTemplate(damaged, KNOWN_TEMPLATES).diagnostics.map((d) => [d.code, d.params])).toEqual([
      ["template_name_missing", { name: "staff_quota" }],
      ["template_sheet_missing", { sheet: "收支情况", namedCount: 32 }],
    ]);
  });
});

describe("standardNameSheets", () => {
  it("agrees with the names the standard layout defines", () => {
    const fromLayout = new Map(BASE.names.map((n) => [n.name.toLowerCase(), n.sheet]));
    expect(new Map([...standardNameSheets()].sort())).toEqual(new Map([...fromLayout].sort()));
  });
});

describe("template_sheet_missing in words", () => {
  it.each<[number | undefined, string, string]>([
    [
      undefined,
      "工作表“效益”不存在（可能已被删除或改名）。",
      'The sheet "效益" does not exist (it may have been deleted or renamed).',
    ],
    [
      1,
      "工作表“效益”不存在（可能已被删除或改名），其中 1 个命名单元格或表格无法读取。",
      'The sheet "效益" does not exist (it may have been deleted or renamed), so 1 named cell or table on it cannot be read.',
    ],
    [
      12,
      "工作表“效益”不存在（可能已被删除或改名），其中 12 个命名单元格或表格无法读取。",
      'The sheet "效益" does not exist (it may have been deleted or renamed), so 12 named cells or tables on it cannot be read.',
    ],
  ])("namedCount %s", (namedCount, zh, en) => {
    const d: Diagnostic = {
      code: "template_sheet_missing",
      severity: "error",
      location: null,
      params: namedCount === undefined ? { sheet: "效益" } : { sheet: "效益", namedCount },
    };
    expect(renderDiagnostic(d, "zh-CN").message).toBe(zh);
    expect(renderDiagnostic(d, "en").message).toBe(en);
    expect(renderDiagnostic(d, "en").fix).toContain('"效益"');
  });
});
