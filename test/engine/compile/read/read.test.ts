import { describe, expect, it } from "vitest";
import { readTemplate, SUPPORTED_TEMPLATE_VERSION } from "../../../../src/engine/compile/read/read";
import type { Diagnostic } from "../../../../src/engine/diagnostics/types";
import { buildSnapshot, templateSnapshot, withCell, withName, withoutName, withoutSheet } from "../../../fixtures";
import { MINI, MINI_FIELDS } from "../../../fixtures";

const codes = (ds: readonly Diagnostic[]) => ds.map((d) => d.code);
const base = () => templateSnapshot(MINI);

describe("readTemplate: a valid template", () => {
  const { template, diagnostics } = readTemplate(base());

  it("recognises the identity and reports nothing", () => {
    expect(diagnostics).toEqual([]);
    expect(template?.info).toEqual({ id: "test.mini", version: "1.0.0", title: "测试模板" });
    expect(SUPPORTED_TEMPLATE_VERSION).toBe("1.2.0");
  });

  it("ties every single-value field to its defined cell", () => {
    const f = template!.fields;
    expect([...f.keys()]).toEqual(MINI_FIELDS.filter((x) => !x.name.includes(".")).map((x) => x.name));
    expect(f.get("staff_quota")).toMatchObject({
      label: "编制数（人）",
      type: "integer",
      required: true,
      min: 0,
      max: null,
      output: false,
      ref: { sheet: "输入", address: "B3", name: "staff_quota" },
      defRef: { sheet: "字段定义", address: "A4" },
    });
    expect(f.get("result_total")).toMatchObject({ output: true, required: false, type: "number" });
    expect(f.get("card_rate")).toMatchObject({ type: "rate", min: 0, max: 1 });
  });

  it("reads the data table: columns by header label, rows until the first blank input row", () => {
    const t = template!.tables.get("tasks")!;
    expect(t).toMatchObject({ id: "tasks", sheet: "表_tasks", headerRow: 0, rows: [1, 2] });
    expect(t.columns.map((c) => [c.key, c.col, c.type, c.output])).toEqual([
      ["name", 0, "text", false],
      ["weight", 1, "number", false],
      ["completion", 2, "rate", false],
      ["score", 3, "number", true],
    ]);
    expect(t.lastRowLimit).toBeGreaterThanOrEqual(200);
  });

  it("reads checks, rubric rows with their column map, grades", () => {
    expect(template!.checks).toEqual([
      {
        id: "C01",
        condition: null,
        rule: "expend_basic + expend_project = expend_total",
        tolerance: 0.005,
        // The mini template predates 重大差额: the column is absent, and the default applies.
        materiality: { kind: "default" },
        severity: "warning",
        description: "基本支出 + 项目支出 = 本年支出合计",
        ref: { sheet: "校验规则", address: "C2" },
        conditionRef: { sheet: "校验规则", address: "B2" },
      },
    ]);
    expect(template!.rubric.map((r) => [r.id, r.level1, r.level2, r.level3, r.weight, r.row])).toEqual([
      ["1", "投入", "", "", 100, 1],
      ["1.1", "", "配置", "", 100, 2],
      ["1.1.1", "", "", "人员控制率", 100, 3],
    ]);
    const leaf = template!.rubric[2]!;
    expect(leaf).toMatchObject({ formula: "1", ruleKind: "人工评分", manualScore: 100, sheet: "指标体系" });
    expect(leaf.cols).toMatchObject({
      id: 0,
      level1: 1,
      weight: 4,
      manualScore: 9,
      outValue: 13,
      outScore: 14,
      outExplain: 15,
    });
    expect(template!.grades.map((g) => [g.grade, g.min])).toEqual([
      ["优", 90],
      ["良", 80],
      ["中", 60],
      ["差", 0],
    ]);
    expect(template!.adjustments).toEqual([]);
  });
});

describe("readTemplate: recognition", () => {
  it.each([
    ["identity in the _meta sheet only", { identity: "meta-sheet" as const }, [], "1.0.0"],
    ["version as the number 1", { version: 1 }, [], "1"],
    ["a patch version", { version: "1.0.7" }, [], "1.0.7"],
    ["a newer minor version", { version: "1.3.0" }, ["template_version_newer"], "1.3.0"],
  ])("%s → recognised", (_name, patch, expected, version) => {
    const r = readTemplate(templateSnapshot({ ...MINI, ...patch }));
    expect(codes(r.diagnostics)).toEqual(expected);
    expect(r.template?.info.version).toBe(version);
  });

  it("a newer minor version warns at the version cell", () => {
    const r = readTemplate(templateSnapshot({ ...MINI, version: "1.3" }));
    expect(r.diagnostics[0]).toEqual({
      code: "template_version_newer",
      severity: "warning",
      location: { sheet: "_meta", address: "B2", name: "perfeval_template_version" },
      params: { found: "1.3", supported: "1.2.0" },
    });
  });

  it.each([["2.0.0"], ["0.9"], ["版本一"]])("version %s → template_version_unsupported, no template", (version) => {
    const r = readTemplate(templateSnapshot({ ...MINI, version }));
    expect(r.template).toBeNull();
    expect(r.diagnostics).toMatchObject([
      { code: "template_version_unsupported", severity: "error", params: { found: version, supported: "1.2.0" } },
    ]);
  });

  it.each([
    ["no identity", templateSnapshot({ ...MINI, identity: "none" })],
    ["an empty workbook", buildSnapshot({ sheets: {} })],
    ["a blank version", templateSnapshot({ ...MINI, version: null })],
    ["a name to a missing sheet and no _meta", withoutSheet(base(), "_meta")],
  ])("%s → template_not_recognized", (_name, snapshot) => {
    const r = readTemplate(snapshot);
    expect(r.template).toBeNull();
    expect(r.diagnostics).toEqual([{ code: "template_not_recognized", severity: "error", location: null, params: {} }]);
  });
});

describe("readTemplate: damaged structure", () => {
  it("a removed defined name → template_name_missing at its 字段定义 row", () => {
    const r = readTemplate(withoutName(base(), "staff_quota"));
    expect(r.diagnostics).toEqual([
      {
        code: "template_name_missing",
        severity: "error",
        location: { sheet: "字段定义", address: "A4", name: "staff_quota", label: "编制数（人）" },
        params: { name: "staff_quota" },
      },
    ]);
    expect(r.template?.fields.has("staff_quota")).toBe(false);
  });

  it.each([
    ["a multi-cell range", "输入!B3:C4"],
    ["an unparsable address", "输入!ZZ"],
  ])("a name pointing at %s → template_name_invalid", (_name, target) => {
    const r = readTemplate(withName(base(), "staff_quota", target));
    expect(r.diagnostics).toMatchObject([
      { code: "template_name_invalid", severity: "error", params: { name: "staff_quota", target } },
    ]);
  });

  const sheetMissing = (sheet: string, namedCount: number, severity = "error") => ({
    code: "template_sheet_missing",
    severity,
    location: null,
    params: { sheet, namedCount },
  });

  it("a name pointing at a missing sheet → that sheet missing, with the name counted, not a broken name", () => {
    const r = readTemplate(withName(base(), "staff_quota", "旧表!B3"));
    expect(r.diagnostics).toEqual([sheetMissing("旧表", 1)]);
    expect(r.template?.fields.has("staff_quota")).toBe(false);
  });

  it("a deleted input sheet → one template_sheet_missing counting its 9 names, nothing per name", () => {
    const r = readTemplate(withoutSheet(base(), "输入"));
    expect(r.diagnostics).toEqual([sheetMissing("输入", 9)]);
  });

  it.each([
    ["字段定义", "tbl_fields", "error"],
    ["校验规则", "tbl_checks", "warning"],
  ])("missing sheet %s with its name %s also gone → template_sheet_missing (%s)", (sheet, name, severity) => {
    const r = readTemplate(withoutName(withoutSheet(base(), sheet), name));
    expect(r.diagnostics).toEqual([sheetMissing(sheet, 1, severity)]);
  });

  it.each([["字段定义"], ["校验规则"]])(
    "missing sheet %s, its name left behind → an error (the sheet was there)",
    (sheet) => {
      const r = readTemplate(withoutSheet(base(), sheet));
      expect(r.diagnostics).toEqual([sheetMissing(sheet, 1)]);
    },
  );

  it("missing 指标体系 sheet → one template_sheet_missing (error) for rubric, grades and adjustments", () => {
    const r = readTemplate(withoutSheet(base(), "指标体系"));
    expect(r.diagnostics).toEqual([sheetMissing("指标体系", 3)]);
  });

  it("a removed table name → table_header_missing", () => {
    const r = readTemplate(withoutName(base(), "tbl_tasks"));
    expect(r.diagnostics).toMatchObject([
      { code: "table_header_missing", severity: "error", location: { name: "tbl_tasks" }, params: { table: "tasks" } },
    ]);
    expect(r.template?.tables.has("tasks")).toBe(false);
  });

  it("a removed rubric name (sheet still there) → table_header_missing 指标体系", () => {
    const r = readTemplate(withoutName(base(), "tbl_rubric"));
    expect(r.diagnostics).toEqual([
      {
        code: "table_header_missing",
        severity: "error",
        location: { sheet: "指标体系", address: "A1", name: "tbl_rubric" },
        params: { table: "指标体系" },
      },
    ]);
  });

  it("a table name pointing at the wrong row (no labels there) → table_header_missing", () => {
    const r = readTemplate(withName(base(), "tbl_tasks", "表_tasks!A2:D2"));
    expect(codes(r.diagnostics)).toEqual(["table_header_missing"]);
  });

  it("a renamed required column header → table_column_missing (error), others still found", () => {
    const r = readTemplate(withCell(base(), "表_tasks", "C1", "完成比例"));
    expect(r.diagnostics).toEqual([
      {
        code: "table_column_missing",
        severity: "error",
        location: { sheet: "表_tasks", address: "A1:D1", name: "tbl_tasks", label: "表_tasks" },
        params: { table: "表_tasks", column: "完成率" },
      },
    ]);
    expect(r.template?.tables.get("tasks")?.columns.map((c) => c.key)).toEqual(["name", "weight", "score"]);
  });

  it("a renamed rubric output header → table_column_missing error; an optional one → warning", () => {
    let s = withCell(base(), "指标体系", "O1", "分数");
    s = withCell(s, "指标体系", "M1", "表述");
    const r = readTemplate(s);
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.params])).toEqual([
      ["table_column_missing", "warning", { table: "指标体系", column: "报告表述" }],
      ["table_column_missing", "error", { table: "指标体系", column: "得分" }],
    ]);
  });

  it("columns may be reordered and header text may differ in width/spacing", () => {
    let s = withCell(base(), "表_tasks", "A1", " 分 值 ");
    s = withCell(s, "表_tasks", "B1", "任务名称");
    const r = readTemplate(s);
    expect(r.diagnostics).toEqual([]);
    const cols = r.template!.tables.get("tasks")!.columns;
    expect(cols.find((c) => c.key === "weight")?.col).toBe(0);
    expect(cols.find((c) => c.key === "name")?.col).toBe(1);
  });

  it.each([
    ["an unknown type", "C4", "货币", "unknown_type:货币"],
    ["a blank type", "C4", null, "missing_type"],
    ["a bad 必填", "D4", "必须", "bad_required:必须"],
    ["a bad 最小值", "E4", "零", "bad_number:零"],
    ["a bad 方向", "G4", "双向", "bad_direction:双向"],
    ["a bad name", "A4", "staff quota", "bad_name:staff quota"],
    ["a duplicate name", "A4", "unit_name", "duplicate_name:unit_name"],
  ])("字段定义 with %s → schema_invalid at that cell", (_name, address, value, problem) => {
    const r = readTemplate(withCell(base(), "字段定义", address, value));
    const d = r.diagnostics.find((x) => x.code === "schema_invalid");
    expect(d).toMatchObject({ severity: "error", location: { sheet: "字段定义", address }, params: { problem } });
  });

  it("max below min → schema_invalid at 最大值 and the max is dropped", () => {
    const r = readTemplate(withCell(base(), "字段定义", "F4", -1));
    expect(r.diagnostics).toMatchObject([
      {
        code: "schema_invalid",
        location: { address: "F4" },
        params: { item: "staff_quota", problem: "min_above_max:0 > -1" },
      },
    ]);
    expect(r.template?.fields.get("staff_quota")?.max).toBeNull();
  });

  it("English type ids, TRUE/FALSE and numeric text are accepted in 字段定义", () => {
    let s = withCell(base(), "字段定义", "C4", "integer");
    s = withCell(s, "字段定义", "D4", true);
    s = withCell(s, "字段定义", "F4", "１００");
    const r = readTemplate(s);
    expect(r.diagnostics).toEqual([]);
    expect(r.template?.fields.get("staff_quota")).toMatchObject({ type: "integer", required: true, max: 100 });
  });

  it.each([
    ["a bad 容差", "D2", "很小", "bad_tolerance:很小"],
    ["a bad 级别", "E2", "严重", "bad_severity:严重"],
  ])("校验规则 with %s → schema_invalid", (_name, address, value, problem) => {
    const r = readTemplate(withCell(base(), "校验规则", address, value));
    expect(r.diagnostics).toMatchObject([
      { code: "schema_invalid", location: { sheet: "校验规则", address }, params: { problem } },
    ]);
    expect(r.template?.checks).toHaveLength(1);
  });

  it.each([
    ["a blank 级别 means warning", null, "warning"],
    ["错误", "错误", "error"],
    ["提示", "提示", "info"],
  ])("check severity: %s", (_n, value, severity) => {
    const r = readTemplate(withCell(base(), "校验规则", "E2", value));
    expect(r.template?.checks[0]?.severity).toBe(severity);
  });

  it("a grade without a number → schema_invalid; duplicate grade → schema_invalid", () => {
    const r = readTemplate(
      templateSnapshot({
        ...MINI,
        grades: [
          ["优", "九十"],
          ["良", 80],
          ["良", 70],
        ],
      }),
    );
    expect(r.diagnostics.map((d) => d.code === "schema_invalid" && d.params.problem)).toEqual([
      "bad_min_score:九十",
      "duplicate_grade:良",
    ]);
    expect(r.template?.grades.map((g) => g.grade)).toEqual(["良"]);
  });

  it("adjustments are read when present", () => {
    const r = readTemplate(
      templateSnapshot({
        ...MINI,
        adjustments: [["A1", "预算执行率封顶", "ratio(expend_total, expend_basic)", "cap", "<60%: 69"]],
      }),
    );
    expect(r.template?.adjustments).toEqual([
      {
        id: "A1",
        name: "预算执行率封顶",
        formula: "ratio(expend_total, expend_basic)",
        ruleKind: "cap",
        ruleParams: "<60%: 69",
        ref: { sheet: "指标体系", address: "A13" },
        // Where its problems are shown: the formula, 调整方式 and 参数 cells, not the 编号 (issue 16)
        cells: {
          formula: { sheet: "指标体系", address: "C13" },
          ruleKind: { sheet: "指标体系", address: "D13" },
          ruleParams: { sheet: "指标体系", address: "E13" },
        },
      },
    ]);
  });
});

describe("readTemplate: table rows", () => {
  it("rows end at the first row whose input cells are all blank (an output-only cell does not extend it)", () => {
    const s = templateSnapshot({
      ...MINI,
      tables: {
        tasks: [
          ["a", 1, 1, null],
          ["b", 2, 1, 9],
          [null, null, null, 5],
          ["c", 3, 1, null],
        ],
      },
    });
    expect(readTemplate(s).template?.tables.get("tasks")?.rows).toEqual([1, 2]);
  });

  it("two tables on one sheet: the first stops at the second's header", () => {
    const s = buildSnapshot({
      sheets: {
        _meta: {
          rows: [
            ["template_id", "x"],
            ["template_version", "1.0.0"],
          ],
        },
        字段定义: {
          rows: [
            ["名称", "标签", "类型", "必填"],
            ["problems.text", "存在的问题", "文本", "否"],
            ["measures.text", "改进措施", "文本", "否"],
          ],
        },
        问题与措施: { rows: [["存在的问题"], ["问题一"], ["问题二"], ["改进措施"], ["措施一"]] },
      },
      names: { tbl_fields: "字段定义!A1:D1", tbl_problems: "问题与措施!A1", tbl_measures: "问题与措施!A4" },
    });
    const r = readTemplate(s);
    expect(r.template?.tables.get("problems")).toMatchObject({ rows: [1, 2], lastRowLimit: 2, label: "存在的问题" });
    expect(r.template?.tables.get("measures")).toMatchObject({ rows: [4], headerRow: 3 });
  });
});
