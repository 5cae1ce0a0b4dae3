import { beforeAll, describe, expect, it } from "vitest";
import {
  buildExampleDescription,
  layoutTemplate,
  layoutToSnapshot,
  standardTemplateDescription,
  validationFor,
  RUBRIC_LAYOUT,
  rowHeightFor,
} from "../../../src/templates/standard";
import type { LayoutCell, LayoutSheet } from "../../../src/templates/standard";
import { cellAtRef, findName, findSheet } from "../../../src/engine/model/snapshot";
import { parseA1, parseRange } from "../../../src/engine/model/cell";
import {
  FIELD_COLUMNS,
  META_NAMES,
  RUBRIC_COLUMNS,
  STRUCTURE_TABLE_NAMES,
} from "../../../src/engine/compile/read/labels";
import { STANDARD_RUBRIC } from "../../../src/templates/standard/rubric";
import { buildStandardTemplate } from "../../../src/hosts/xlsx";
import seed from "../../../assets/examples/wanzhou-2020.json";
import { officeSuite, printed, shownSheets } from "../../office-suite/libreoffice";
import type { ShownSheet } from "../../office-suite/libreoffice";

/** 指标体系's header as a bureau reads it: the indicator, its weight and its 评分标准 (generated from the rule), the
 * unit's own score and the result (what prints), then the bureau's own wording and settings (on screen only). */
const RUBRIC_HEADER = [
  "编号",
  "一级指标",
  "二级指标",
  "三级指标",
  "分值",
  "评分标准",
  "自评得分",
  "扣分原因",
  "指标值",
  "得分",
  "评分说明",
  "指标说明",
  "情况说明",
  "评分方法",
  "评分参数",
  "指标值公式",
  "逐项展开",
  "报告表述",
];
/** The columns that print (A4 landscape, one page wide). */
const PRINTED_HEADER = RUBRIC_HEADER.slice(0, RUBRIC_HEADER.indexOf("评分说明") + 1);

officeSuite.assertAvailableInCi();

const desc = standardTemplateDescription();
const layout = layoutTemplate(desc);
const snap = layoutToSnapshot(layout);

function cellOf(sheet: LayoutSheet, address: string): LayoutCell | undefined {
  const p = parseA1(address)!;
  return sheet.cells.find((c) => c.row === p.row && c.col === p.col);
}

function layoutSheet(name: string): LayoutSheet {
  return layout.sheets.find((s) => s.name === name)!;
}

const text = (v: { t: string; v?: unknown } | undefined) => (v && v.t === "s" ? v.v : undefined);

describe("layoutTemplate", () => {
  it("has the sheets of docs/template-format.md in order; the configuration sheets and _meta hidden", () => {
    expect(layout.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ["说明", false],
      ["基本情况", false],
      ["收支情况", false],
      ["绩效目标", false],
      ["重点工作", false],
      ["满意度", false],
      ["效益", false],
      ["问题与措施", false],
      ["指标体系", false],
      ["评价结果", false],
      ["字段定义", true],
      ["校验规则", true],
      ["_meta", true],
    ]);
  });

  it("has unique defined names", () => {
    const names = layout.names.map((n) => n.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
  });

  const inTotalRow = new Set(["result_rubric_weight", "result_rubric_score"]);
  it.each(desc.fields.filter((f) => !inTotalRow.has(f.name)).map((f) => [f.name, f]))(
    "names %s next to its label, as an input, output or setting cell",
    (name, f) => {
      const n = findName(snap, name)!;
      expect(n).toBeDefined();
      const pos = parseA1(n.address)!;
      const sheet = layoutSheet(n.sheet);
      const label = sheet.cells.find((c) => c.row === pos.row && c.col === pos.col - 1);
      expect(label?.value).toBe(f.label);
      expect(cellOf(sheet, n.address)?.role).toBe(f.output ? "output" : f.config ? "config" : "input");
    },
  );

  it.each([...desc.tables.map((t) => t.id), ...Object.keys(STRUCTURE_TABLE_NAMES)])(
    "marks the header row of %s with tbl_<id>",
    (id) => {
      const n = findName(snap, `tbl_${id}`)!;
      expect(n).toBeDefined();
      const r = parseRange(n.address)!;
      expect(r.start.row).toBe(r.end.row);
      const sheet = layoutSheet(n.sheet);
      for (let col = r.start.col; col <= r.end.col; col++) {
        expect(sheet.cells.find((c) => c.row === r.start.row && c.col === col)?.role).toBe("header");
      }
    },
  );

  it("puts the tasks header at 重点工作!A3:E3 and the goals header at 绩效目标!A3:B3", () => {
    expect(findName(snap, "tbl_tasks")).toEqual({ name: "tbl_tasks", sheet: "重点工作", address: "A3:E3" });
    expect(findName(snap, "tbl_goals")).toEqual({ name: "tbl_goals", sheet: "绩效目标", address: "A3:B3" });
  });

  it("lists every field and every table column in 字段定义", () => {
    const sheet = findSheet(snap, "字段定义")!;
    const header = parseRange(findName(snap, "tbl_fields")!.address)!;
    expect(sheet.cells[header.start.row]?.map(text)).toEqual(Object.values(FIELD_COLUMNS));
    const names = sheet.cells.slice(header.start.row + 1).map((r) => text(r[0]));
    const expected = [
      ...desc.fields.map((f) => f.name),
      ...desc.tables.flatMap((t) => t.columns.map((c) => `${t.id}.${c.key}`)),
    ];
    expect(names).toEqual(expected);
    const staffQuota = sheet.cells[header.start.row + 1 + names.indexOf("staff_quota")]!;
    expect(staffQuota.map((c) => (c.t === "empty" ? null : c.v))).toEqual([
      "staff_quota",
      "编制数（人）",
      "整数",
      "是",
      0,
      null,
      "输入",
      "人",
    ]);
  });

  it("writes the rubric's 18 columns, the reader's first, and 1.1.1 with its Chinese rule-kind name", () => {
    const sheet = findSheet(snap, "指标体系")!;
    const header = parseRange(findName(snap, "tbl_rubric")!.address)!;
    expect(header.end.col - header.start.col + 1).toBe(18);
    expect(sheet.cells[header.start.row]?.map(text)).toEqual(RUBRIC_HEADER);
    // The layout names every column the engine reads, each once.
    expect(RUBRIC_LAYOUT.map((k) => RUBRIC_COLUMNS[k])).toEqual(RUBRIC_HEADER);
    expect([...RUBRIC_LAYOUT].sort()).toEqual(Object.keys(RUBRIC_COLUMNS).sort());
    const first = sheet.cells[header.start.row + 3]!;
    const at = (label: string) => {
      const c = first[header.start.col + RUBRIC_HEADER.indexOf(label)];
      return !c || c.t === "empty" ? null : c.v;
    };
    expect(at("编号")).toBe("1.1.1");
    expect(at("三级指标")).toBe("财政供养人员控制率");
    expect(at("分值")).toBe(2);
    expect(String(at("指标说明"))).toMatch(/得满分/);
    expect(at("指标值公式")).toBe("ratio(staff_actual, staff_quota)");
    expect(at("评分方法")).toBe("超限扣分");
    expect(at("评分参数")).toBe("限值=100%；方向=高于；每点扣分=0.2");
    // Generated by the engine from 超限扣分 and those parameters, not typed into the template.
    expect(at("评分标准")).toBe("不超过100%得满分，每超过1个百分点扣0.2分，扣完为止");
    for (const output of ["自评得分", "扣分原因", "指标值", "得分", "评分说明", "情况说明"])
      expect(at(output), output).toBeNull();
  });

  it("makes 自评得分/扣分原因 inputs on manual rows only, bounded by the row's own 分值 cell", () => {
    const sheet = layoutSheet("指标体系");
    const manualScores = sheet.cells.filter(
      (c) => c.col === RUBRIC_LAYOUT.indexOf("manualScore") && c.role === "input",
    );
    expect(manualScores).toHaveLength(7);
    const first = manualScores[0]!;
    const a1 = (col: number) => `${String.fromCharCode(65 + col)}${first.row + 1}`;
    const weight = a1(RUBRIC_LAYOUT.indexOf("weight")).replace(/^([A-Z]+)/, "$$$1$$");
    const score = a1(first.col);
    expect(first.validation).toEqual({
      kind: "formula",
      formula: `AND(ISNUMBER(${score}),${score}>=0,${score}<=${weight})`,
      message: "请输入 0 到本行分值（1.5 分）之间的分数",
    });
  });

  it("writes the identity in _meta with its defined names", () => {
    for (const [key, value] of [
      [META_NAMES.id, "cn.perfeval.dept-overall"],
      [META_NAMES.version, "1.2.0"],
      [META_NAMES.title, "部门整体支出绩效评价"],
    ] as const) {
      const n = findName(snap, key)!;
      expect(n.sheet).toBe("_meta");
      expect(cellAtRef(snap, n)).toEqual({ t: "s", v: value });
    }
  });

  it("formats amounts 0.00 and rates 0.00%, and validates every input of a bounded type", () => {
    const basic = layoutSheet("收支情况");
    const income = cellOf(basic, findName(snap, "income_total")!.address)!;
    expect(income).toMatchObject({ numFmt: "0.00", validation: { kind: "decimal", min: 0, max: null } });
    const tasks = layoutSheet("重点工作");
    const completion = tasks.cells.find((c) => c.row === 3 && c.col === 2)!;
    expect(completion).toMatchObject({
      role: "input",
      numFmt: "0.00%",
      validation: { kind: "decimal", min: 0, max: 1 },
    });
    const eval_year = cellOf(layoutSheet("基本情况"), findName(snap, "eval_year")!.address)!;
    expect(eval_year.validation).toMatchObject({ kind: "whole", min: 2000, max: 2100 });
  });

  it("leaves every input and output of the blank template empty but the 评分标准 its rules generate", () => {
    const inputs = layout.sheets.flatMap((s) => s.cells.filter((c) => c.role === "input" || c.role === "output"));
    expect(inputs.length).toBeGreaterThan(100);
    const criterionCol = RUBRIC_LAYOUT.indexOf("outCriterion");
    const filled = inputs.filter((c) => c.value !== null);
    // One per indicator row of the standard rubric (17 leaves, the 重点工作 row once for all its tasks).
    expect(filled.map((c) => c.col)).toEqual(
      Array(STANDARD_RUBRIC.filter((r) => r.level3 !== "").length).fill(criterionCol),
    );
  });
});

describe("validationFor", () => {
  it.each([
    ["yesno", null, null, { kind: "list", items: ["是", "否"], strict: true }],
    ["integer", 0, null, { kind: "whole", min: 0, max: null }],
    ["rate", 0, 1, { kind: "decimal", min: 0, max: 1, message: "请输入 0% 到 100% 之间的数字" }],
    ["amount", 0, null, { kind: "decimal", min: 0, max: null, message: "请输入不小于 0 的数字" }],
  ] as const)("%s [%s, %s]", (type, min, max, expected) => {
    expect(validationFor(type, min, max)).toMatchObject(expected);
  });

  it("gives free text no validation, and choices a lenient list", () => {
    expect(validationFor("text", null, null)).toBeNull();
    expect(validationFor("text", null, null, ["经济效益", "社会效益"])).toMatchObject({ kind: "list", strict: false });
  });
});

describe("the Wanzhou 2020 example", () => {
  const example = buildExampleDescription(seed);
  const exSnap = layoutToSnapshot(layoutTemplate(example));
  const tableRows = (id: string) => {
    const n = findName(exSnap, `tbl_${id}`)!;
    const r = parseRange(n.address)!;
    const sheet = findSheet(exSnap, n.sheet)!;
    const rows = [];
    for (let i = r.start.row + 1; i < sheet.cells.length; i++) {
      const row = sheet.cells[i] ?? [];
      const cells = [];
      for (let c = r.start.col; c <= r.end.col; c++) {
        const v = row[c];
        cells.push(v === undefined || v.t === "empty" ? null : v.v);
      }
      if (cells.every((c) => c === null)) break;
      rows.push(cells);
    }
    return rows;
  };

  it("keeps every defined name where the blank template has it", () => {
    expect(layoutTemplate(example).names).toEqual(layout.names);
  });

  it.each(Object.entries(seed.inputs))("fills %s with the seed value %s", (name, value) => {
    const n = findName(exSnap, name)!;
    expect(cellAtRef(exSnap, n)).toEqual(typeof value === "number" ? { t: "n", v: value } : { t: "s", v: value });
  });

  it("fills the seven tasks with weights, completion and reasons", () => {
    const rows = tableRows("tasks");
    expect(rows.map((r) => r.slice(0, 3))).toEqual(seed.tasks.map((t) => [t.name, t.weight, t.completion]));
    expect(rows.map((r) => r[3])).toEqual(seed.tasks.map((t) => ("reason" in t ? t.reason : null)));
  });

  it("fills the seed's 11 goals of section 三, each a heading and its paragraph, none repeating its heading", () => {
    const rows = tableRows("goals");
    expect(rows.map((r) => r[0])).toEqual([
      "实施编制“十四五”对外工作规划",
      "严防境外输入风险",
      "强化在万外国人管理服务",
      "深化抗疫国际合作",
      "加强快捷通道服务",
      "对外经济贸易逆势上扬",
      "国际交往合作深入推进",
      "推动与港澳台联动发展",
      "全面拓展各领域交流合作",
      "积极对接市政府外办“一区一策”试点",
      "强化海外领保服务",
    ]);
    for (const [goal, result] of rows) {
      expect(String(result).length).toBeGreaterThan(80);
      expect(String(result).startsWith(String(goal))).toBe(false);
    }
  });

  it("fills the two policy documents the seed's introduction cites as 评价依据", () => {
    expect(tableRows("basis")).toEqual([
      ["《重庆市万州区人民政府办公室关于印发贯彻全面实施预算绩效管理任务分解方案的通知》（万州府办发〔2019〕79号）"],
      ["《万州区财政局关于开展2020年度部门整体绩效评价工作的通知》（万州财预发〔2021〕4号）"],
    ]);
  });

  it("fills satisfaction, duties, org, reasons, benefits, problems and measures", () => {
    expect(tableRows("satisfaction")).toEqual([
      ["服务对象", 20, 0.98, 0.5],
      ["社会群众", 20, 0.96, 0.5],
    ]);
    expect(tableRows("duties")).toHaveLength(10);
    expect(tableRows("org")).toHaveLength(1);
    expect(tableRows("sangong_reasons")).toHaveLength(4);
    expect(tableRows("problems")).toHaveLength(3);
    expect(tableRows("measures")).toHaveLength(3);
    const benefits = tableRows("benefits");
    expect(benefits.filter((b) => b[0] === "经济效益")).toHaveLength(5);
    expect(benefits.filter((b) => b[2] === "否")).toEqual([["社会效益", "新引进一所国外学校合作办学落户万州", "否"]]);
  });

  it("fills the manual scores and reasons", () => {
    const rubric = example.rubric.filter((r) => r.kind === "manual");
    expect(rubric.map((r) => [r.level3, r.manualScore, r.manualReason])).toEqual(
      seed.manual_scores.map((m) => [m.indicator, m.score, "reason" in m ? m.reason : ""]),
    );
  });

  it("fills the 情况说明 of the five qualitative indicators in the seed's words; 经济/社会效益 come from the 效益 table", () => {
    const rubric = example.rubric.filter((r) => r.kind === "manual");
    const filled = rubric.filter((r) => r.situation).map((r) => r.level3);
    expect(filled).toEqual([
      "管理制度健全性",
      "资金使用合规性",
      "预决算信息公开性和完善性",
      "资产管理制度健全性",
      "资产管理安全性",
    ]);
    expect(rubric.find((r) => r.level3 === "管理制度健全性")?.situation).toMatch(
      /^本部门制定了内部财务管理制度.*但内部财务管理制度有待加强。$/,
    );
    for (const r of rubric) expect(r.situation ?? "").not.toContain("该指标考察");
  });
});

describe("layout for reading and printing", () => {
  it("closes the rubric with a 合计 row: the output cells under 分值 and 得分, named", () => {
    const snap = layoutToSnapshot(layout);
    const w = parseA1(findName(snap, "result_rubric_weight")!.address)!;
    const s = parseA1(findName(snap, "result_rubric_score")!.address)!;
    expect(w.row).toBe(s.row);
    expect([w.col, s.col]).toEqual([RUBRIC_LAYOUT.indexOf("weight"), RUBRIC_LAYOUT.indexOf("outScore")]);
    const rubric = layout.sheets.find((x) => x.name === "指标体系")!;
    expect(rubric.cells.find((c) => c.row === w.row && c.col === RUBRIC_LAYOUT.indexOf("level3"))?.value).toBe("合计");
    // Not part of the rubric table: a blank row separates them.
    expect(rubric.cells.some((c) => c.row === w.row - 1 && c.value !== null)).toBe(false);
  });

  it("one-column lists on a wider sheet span its width; their rows are tall enough for that width", () => {
    const basic = layout.sheets.find((s) => s.name === "基本情况")!;
    const header = findName(layoutToSnapshot(layout), "tbl_duties")!;
    const headerRow = parseA1(header.address)!.row;
    expect(basic.spannedRows).toContain(headerRow);
    expect(basic.spannedRows).toContain(headerRow + 1);
    // The field rows above (label, value, note) are not merged.
    expect(basic.spannedRows.every((r) => r >= headerRow)).toBe(true);
    const filled = layoutTemplate(buildExampleDescription(seed)).sheets.find((s) => s.name === "基本情况")!;
    const duty = filled.cells.find((c) => c.row === headerRow + 1 && c.col === 0)!;
    const height = filled.rowHeights.find((h) => h.row === headerRow + 1)?.height ?? 15;
    const total = basic.columnWidths.reduce((a, b) => a + b, 0);
    // Sized for the spanned width, not for column A alone.
    expect(height).toBeLessThan(rowHeightFor([{ text: String(duty.value), width: basic.columnWidths[0]! }]) ?? 15);
    expect(height).toBe(rowHeightFor([{ text: String(duty.value), width: total }]) ?? 15);
  });

  it("every printed sheet fits A4 unscaled; the rubric prints up to 评分说明 with its header repeated", () => {
    for (const s of layout.sheets.filter((x) => !x.hidden)) {
      const printedWidth = s.columnWidths.slice(0, s.view.printColumns).reduce((a, b) => a + b, 0);
      expect(printedWidth, s.name).toBeLessThanOrEqual(s.view.landscape ? 118 : 80);
    }
    const rubric = layout.sheets.find((s) => s.name === "指标体系")!;
    expect(RUBRIC_LAYOUT[rubric.view.printColumns - 1]).toBe("outExplain");
    expect(rubric.view.titleRow).toBe(
      parseA1(findName(layoutToSnapshot(layout), "tbl_rubric")!.address.split(":")[0]!)!.row,
    );
    expect(rubric.view).toMatchObject({ landscape: true, freezeColumns: 4 });
    expect(rubric.view.freezeRows).toBe(rubric.view.titleRow! + 1);
  });
});

describe.skipIf(!officeSuite.available)("in LibreOffice: the rubric of the template as written", () => {
  let shown: ShownSheet;
  let pages: string[];
  beforeAll(async () => {
    const bytes = await buildStandardTemplate();
    shown = shownSheets(bytes).get("指标体系")!;
    pages = printed(bytes, "xlsx").pageTexts.filter((t) => /(^|\s)指标体系\s+第 \d+ 页 共 \d+ 页/.test(t));
  }, 240_000);

  it("shows the 18 column headers in order, and 1.1.1 as the bureau set it with the 评分标准 its rule says", () => {
    const { row } = shown.column("编号");
    expect(shown.rows[row]).toEqual(RUBRIC_HEADER);
    const first = shown.rows.find((r) => r[0] === "1.1.1")!;
    const at = (label: string) => first[RUBRIC_HEADER.indexOf(label)];
    expect([at("三级指标"), at("分值"), at("评分方法"), at("评分参数"), at("指标值公式")]).toEqual([
      "财政供养人员控制率",
      "2",
      "超限扣分",
      "限值=100%；方向=高于；每点扣分=0.2",
      "ratio(staff_actual, staff_quota)",
    ]);
    expect(at("指标说明")).toMatch(/^在职人数 ÷ 编制数；不超过 100% 得满分/);
    expect(at("评分标准")).toBe("不超过100%得满分，每超过1个百分点扣0.2分，扣完为止");
    // The expanded 重点工作 row says it once for all its tasks; a manual row's is the bureau's words.
    const rowOf = (id: string) => shown.rows.find((r) => r[0] === id)!;
    expect(rowOf("3.1.1")[RUBRIC_HEADER.indexOf("评分标准")]).toBe(
      "达到100%得满分，未达到的按比例得分（指标值÷100%×分值）",
    );
    expect(rowOf("2.2.1")[RUBRIC_HEADER.indexOf("评分标准")]).toBe(
      "内部财务管理制度是否健全并有效执行；人工评分，以0.5分为单位",
    );
  });

  it("shows 满分 100 above the grades, and the blank rows above 合计 as empty rows", () => {
    const full = shown.rows.findIndex((r) => r[0] === "满分");
    expect(shown.rows[full]!.slice(0, 3)).toEqual(["满分", "100", "一级指标分值合计应等于满分；等级按满分设定"]);
    expect(shown.rows[full + 1]!.slice(0, 2)).toEqual(["等级", "最低分"]);
    const last = shown.rows.findIndex((r) => r[0] === "4.1.3");
    const total = shown.rows.findIndex((r) => r.includes("合计"));
    expect(total - last - 1).toBeGreaterThanOrEqual(6);
    for (const r of shown.rows.slice(last + 1, total)) expect(r.every((c) => c === "")).toBe(true);
  });

  it("prints the reader's 11 columns with the header on every page, and none of the bureau's settings", () => {
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const [i, page] of pages.entries()) {
      // The header row repeated at the top of each page (narrow columns wrap a label onto a second line).
      const headerLine = page.split("\n").find((l) => /^编号\s/.test(l));
      expect(headerLine, `page ${i + 1} of 指标体系`).toBeDefined();
      // One word per printed column, in order; a label wrapped in its narrow column shows its first characters.
      const words = headerLine!.trim().split(/\s+/);
      expect(words, `page ${i + 1}`).toHaveLength(PRINTED_HEADER.length);
      words.forEach((w, col) =>
        expect(PRINTED_HEADER[col]!.startsWith(w) && w.length >= 2, `${w} on page ${i + 1}`).toBe(true),
      );
    }
    const all = pages.join("\n");
    expect(all).toContain("财政供养人员控制率");
    // 评分方法, 评分参数 and 指标值公式 are in the sheet (above) but not on paper.
    for (const setting of ["超限扣分", "limit=100%", "ratio(staff_actual"]) expect(all, setting).not.toContain(setting);
  });
});

describe("Excel's validation of the table weights follows the rubric", () => {
  it("each 重点工作 分值 warns when the column's sum exceeds the 分值 of the rubric leaf expanded over it", () => {
    const tasks = layoutSheet("重点工作");
    const weights = tasks.cells.filter((c) => c.col === 1 && c.role === "input");
    expect(weights.length).toBeGreaterThanOrEqual(10);
    const rubric = layoutSheet("指标体系");
    for (const c of weights) {
      const v = c.validation;
      expect(v?.kind).toBe("formula");
      if (v?.kind !== "formula") continue;
      expect(v.strict).toBe(false);
      const m = /<='指标体系'!\$([A-Z]+)\$(\d+)\)$/.exec(v.formula)!;
      // The cell it reads is the 分值 of the leaf whose 逐项展开 is tasks, not a number copied in.
      const row = Number(m[2]) - 1;
      const at = (label: string) => rubric.cells.find((x) => x.row === row && x.col === RUBRIC_HEADER.indexOf(label));
      expect([m[1], at("分值")?.value, at("逐项展开")?.value, at("三级指标")?.value]).toEqual([
        "E",
        50,
        "tasks",
        "重点工作完成情况",
      ]);
      expect(v.formula).toContain(`ISNUMBER(B${c.row + 1})`);
    }
  });
});
