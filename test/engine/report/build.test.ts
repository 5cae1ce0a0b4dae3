import { buildReport } from "../../../src/engine/report/build";
import { layoutReport, lineText } from "../../../src/engine/report/layout";
import { renderText } from "../../../src/engine/report/render-text";
import { allRuns, runsText, walkParagraphs, type Section } from "../../../src/engine/report/tree";
import type { Lang } from "../../../src/engine/i18n/catalog";
import {
  buildScores,
  buildTemplate,
  buildValues,
  SEED_RUBRIC,
  SEED_SCORES,
  seedInput,
  type RubricSpec,
} from "./builders";

function sectionText(text: string, heading: string, next?: string): string {
  const start = text.indexOf(`\n${heading}\n`);
  const end = next ? text.indexOf(`\n${next}\n`) : text.length;
  if (start < 0 || end < 0) throw new Error(`section ${heading} not found`);
  return text.slice(start, end);
}

describe("buildReport on the seed example", () => {
  const zh = buildReport(seedInput("zh-CN"));
  const en = buildReport(seedInput("en"));
  const text = renderText(zh.tree);

  it("has the seed's seven sections in order, with the same keys in both languages", () => {
    expect(zh.tree.sections.map((s) => runsText(s.title))).toEqual([
      "单位基本情况",
      "整体绩效完成情况",
      "整体支出绩效目标及完成情况",
      "整体支出绩效评价",
      "存在的问题",
      "改进措施",
      "绩效自评结果拟应用和公开情况",
    ]);
    const keys = (ss: readonly Section[]): string[] =>
      ss.flatMap((s) => [s.key, ...keys(s.children.filter((c): c is Section => c.kind === "section"))]);
    expect(keys(en.tree.sections)).toEqual(keys(zh.tree.sections));
    expect(zh.diagnostics).toEqual([]);
    expect(en.diagnostics).toEqual([]);
  });

  it("numbers headings 一、（一）1.（1）", () => {
    const lines = layoutReport(zh.tree).map(lineText);
    expect(lines).toContain("一、单位基本情况");
    expect(lines).toContain("（一）职能职责");
    expect(lines).toContain("1.预算配置（5分）");
    expect(lines.some((l) => l.startsWith("（1）财政供养人员控制率（2分）。本部门2020年"))).toBe(true);
    expect(lines).toContain("七、绩效自评结果拟应用和公开情况");
  });

  it("gives every indicator paragraph its score sentence", () => {
    const scores = seedInput().scores;
    const evaluation = zh.tree.sections[3]!;
    for (const ind of scores.indicators) {
      const sec = [...walkParagraphs(evaluation.children)].find((p) => p.path.at(-1)?.key === `indicator:${ind.id}`);
      expect(sec, ind.id).toBeDefined();
      expect(runsText(sec!.paragraph.runs)).toContain(`根据评分标准，本部门该项指标得${ind.score}分`);
    }
  });

  it("recomputes shares from the amounts (33.10 ÷ 166.03 = 19.94 %, 0.11 ÷ 226.86 = 0.05 %)", () => {
    expect(text).toContain("公用经费33.10万元，占基本支出19.94%");
    expect(text).not.toContain("19.93%");
    expect(text).toContain("年末结转结余0.11万元，占总支出0.05%");
    expect(text).toContain("基本支出166.03万元，占总支出73.19%");
    expect(text).toContain("人员经费132.94万元，占基本支出80.07%");
    expect(text).toContain("项目支出60.72万元，占总支出26.77%");
  });

  it("states the 三公 change and its reasons", () => {
    expect(text).toContain("与上年相比减少10.01万元，减幅45.56%");
    expect(text).toContain("减少原因主要是：一是认真贯彻落实中央八项规定精神");
    expect(text).toContain("四是严格公务用车使用管理，降低公务车运行维护成本。");
  });

  it("keeps every number as a number run with its exact value", () => {
    const share = allRuns(zh.tree).find((r) => r.kind === "number" && r.text === "19.94%");
    expect(share).toMatchObject({ kind: "number" });
    expect(Number(share!.kind === "number" ? share!.value : NaN)).toBeCloseTo(33.1 / 166.03, 10);
  });

  it("ends with the conclusion: each level-1 subtotal, the total and the grade", () => {
    expect(text).toContain(
      "投入绩效为5分，过程绩效为24.5分，产出绩效为46分，效果绩效为18.5分，总绩效为94分。评价结果等次为“优”。",
    );
  });

  it("adds no problem for deductions the entered problems already cover", () => {
    const problems = sectionText(text, "五、存在的问题", "六、改进措施");
    expect(problems.trim().split("\n")).toHaveLength(4);
  });
});

describe("the introduction cites the 评价依据 table", () => {
  const A =
    "《重庆市万州区人民政府办公室关于印发贯彻全面实施预算绩效管理任务分解方案的通知》（万州府办发〔2019〕79号）";
  const B = "《万州区财政局关于开展2020年度部门整体绩效评价工作的通知》（万州财预发〔2021〕4号）";
  const C = "《另一份文件》（某发〔2021〕1号）";
  const lead = "为深入推进预算绩效管理改革，规范部门财政支出，强化部门履职职能，切实提高财政资金使用效益，本部门";
  const intro = (basis: readonly string[], lang: Lang = "zh-CN") => {
    const { tree, diagnostics } = buildReport({
      ...seedInput(lang),
      values: buildValues({ tables: { basis: basis.map((text) => ({ text })) } }),
    });
    return { text: runsText(tree.intro[0]!.runs), diagnostics };
  };

  it.each([
    ["the seed's two documents", [A, B], `${lead}根据${A}的要求，按${B}文件精神，对2020年度部门预算整体支出绩效`],
    ["one document", [A], `${lead}根据${A}的要求，对2020年度`],
    ["three documents", [A, B, C], `${lead}根据${A}的要求，按${B}、${C}文件精神，对2020年度`],
    [
      "trailing punctuation trimmed, blank rows skipped",
      [`${A}；`, "  ", `${B}。`],
      `根据${A}的要求，按${B}文件精神，对`,
    ],
    ["no rows: the clause is left out, not a placeholder", [], `${lead}对2020年度部门预算整体支出绩效`],
  ])("%s", (_, basis, expected) => {
    const { text, diagnostics } = intro(basis);
    expect(text).toContain(expected);
    expect(text).not.toContain("待补充");
    expect(diagnostics).toEqual([]);
  });

  it.each([
    [[A, B], `外事办公室, as required by ${A} and following ${B}, evaluated its`],
    [[A], `外事办公室, as required by ${A}, evaluated its`],
    [[], "外事办公室 evaluated its"],
  ])("English: %j", (basis, expected) => {
    expect(intro(basis, "en").text).toContain(expected);
  });
});

describe("buildReport with gaps", () => {
  it.each([
    ["expend_basic", "基本支出", "收支情况"],
    ["staff_quota", "编制数（人）", "基本情况"],
    ["unit_name", "单位名称", "基本情况"],
  ])("a blank %s prints a visible placeholder and warns once", (field, label, sheet) => {
    const { tree, diagnostics } = buildReport({ ...seedInput(), values: buildValues({ fields: { [field]: null } }) });
    expect(renderText(tree)).toContain(`【待补充：${label}】`);
    const missing = diagnostics.filter((d) => d.code === "report_input_missing");
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({
      severity: "warning",
      params: { item: label },
      location: { sheet, name: field },
    });
  });

  it("says there is no prior-year comparison when sangong_prev is blank, without a warning", () => {
    const { tree, diagnostics } = buildReport({
      ...seedInput(),
      values: buildValues({ fields: { sangong_prev: null } }),
    });
    const text = renderText(tree);
    expect(text).toContain("本年“三公”经费支出合计为11.96万元，无上年“三公”经费支出数据，不与上年对比。");
    expect(diagnostics).toEqual([]);
  });

  it.each([
    [15, "与上年相比增加3.04万元，增幅25.42%"],
    [11.96, "与上年持平"],
  ])("compares 三公 %s with the prior year 11.96", (total, expected) => {
    const values = buildValues({ fields: { sangong_total: total, sangong_prev: 11.96 } });
    expect(renderText(buildReport({ ...seedInput(), values }).tree)).toContain(expected);
  });

  it.each([
    [{ funds_recalled_count: 0 }, "本部门2020年无指标或资金被收回。"],
    [{ funds_recalled_count: 2 }, "本部门2020年被收回指标或资金2次。"],
    [{ procurement_budget: 0, procurement_actual: 0 }, "本部门2020年无政府采购预算，该指标不适用。"],
    [
      { procurement_budget: 0, procurement_actual: 1.5 },
      "本部门2020年无政府采购预算，实际政府采购金额为1.50万元，该指标不适用。",
    ],
    [{ procurement_budget: 5, procurement_actual: 4 }, "本部门政府采购预算数为5.00万元，实际政府采购金额为4.00万元"],
  ])("the default phrase reads right whether the figure is zero or not: %j", (fields, want) => {
    const text = renderText(buildReport({ ...seedInput(), values: buildValues({ fields }) }).tree);
    expect(text).toContain(want);
  });

  it.each([
    [11.96, 21.97, "zh-CN", "减少原因主要是：一是认真贯彻落实中央八项规定精神"],
    [25, 21.97, "zh-CN", "增加原因主要是：一是认真贯彻落实中央八项规定精神"],
    [21.97, 21.97, "zh-CN", "原因主要是：一是认真贯彻落实中央八项规定精神"],
    [11.96, 21.97, "en", "Reasons for the decrease: (1) "],
    [25, 21.97, "en", "Reasons for the increase: (1) "],
  ] as const)(
    "三公 %s against %s: the reasons are introduced by the change's direction (%s)",
    (total, prev, lang, want) => {
      const values = buildValues({ fields: { sangong_total: total, sangong_prev: prev } });
      const text = renderText(buildReport({ ...seedInput(lang), values }).tree);
      expect(text).toContain(want);
      if (total === prev && lang === "zh-CN") expect(text).not.toMatch(/[减增]加?少?原因主要是/);
    },
  );

  it.each(["problems", "measures", "duties", "tasks"])(
    "an empty %s table leaves a placeholder and a warning",
    (table) => {
      const values = buildValues({ tables: { [table]: [] } });
      const scores = table === "tasks" ? buildScores(SEED_RUBRIC, SEED_SCORES, []) : seedInput().scores;
      const { tree, diagnostics } = buildReport({ template: buildTemplate(), values, scores });
      const label = buildTemplate().tables.get(table)!.label;
      if (table !== "problems") expect(renderText(tree)).toContain(`【待补充：${label}】`);
      if (table !== "problems") expect(diagnostics.map((d) => d.params)).toContainEqual({ item: label });
    },
  );

  it("warns when 三公 changed but no reason is entered", () => {
    const { tree, diagnostics } = buildReport({
      ...seedInput(),
      values: buildValues({ tables: { sangong_reasons: [] } }),
    });
    expect(renderText(tree)).toContain(
      "减幅45.56%。其中：公务用车运行维护费2.95万元，外事接待费9.01万元。【待补充：“三公”经费变动原因】。",
    );
    expect(diagnostics).toHaveLength(1);
  });
});

describe("section 五: deductions not covered by an entered problem", () => {
  it("names every deduction once, in one sentence, when no problem is entered", () => {
    const { tree, diagnostics } = buildReport({ ...seedInput(), values: buildValues({ tables: { problems: [] } }) });
    const problems = sectionText(renderText(tree), "五、存在的问题", "六、改进措施").trim().split("\n").slice(1);
    expect(problems).toEqual([
      "（一）部分指标失分：管理制度健全性扣0.5分（满分1.5分，得1分），原因是内部财务管理制度有待加强；年度对外交往合作、开展友好城市交往工作扣4分（满分8分，得4分），原因是受疫情影响奥地利古兴市与万州区建立友好城市2020年度未正式签署协议；未完成年度因公出访计划，取消4批团组出访计划；社会效益扣1.5分（满分8分，得6.5分），原因是未完成新引进一所国外学校合作办学落户万州。",
    ]);
    expect(diagnostics).toEqual([]);
  });

  it("keeps the entered problems as entered and adds the uncovered deductions as one item", () => {
    const values = buildValues({ tables: { problems: [{ text: "内部财务管理制度有待加强。" }] } });
    const text = renderText(buildReport({ ...seedInput(), values }).tree);
    const problems = sectionText(text, "五、存在的问题", "六、改进措施").trim().split("\n").slice(1);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toBe("（一）内部财务管理制度有待加强。");
    expect(problems[1]).toMatch(
      /^（二）部分指标失分：年度对外交往合作.*；社会效益扣1.5分（满分8分，得6.5分），原因是.*。$/,
    );
    expect(problems[1]).not.toContain("管理制度健全性");
  });

  it("warns when a deduction has no reason", () => {
    const scores = buildScores(SEED_RUBRIC, { ...SEED_SCORES, B06: { score: 1.5 } });
    const { tree, diagnostics } = buildReport({ ...seedInput(), scores });
    expect(renderText(tree)).toContain(
      "本部门该项指标得1.5分，扣0.5分，扣分原因：【待补充：资金使用合规性：扣分原因】",
    );
    expect(diagnostics.map((d) => d.params)).toEqual([{ item: "资金使用合规性：扣分原因" }]);
  });
});

describe("indicator phrases from the rubric", () => {
  const withPhrase = (id: string, phrase: string, extra: Partial<RubricSpec> = {}): RubricSpec[] =>
    SEED_RUBRIC.map((r) => (r.id === id ? { ...r, phrase, ...extra } : r));

  it("uses the workbook's 报告表述 instead of the default", () => {
    const rubric = withPhrase("A01", "在职{staff_actual}人，编制{staff_quota}人，控制率{value}。");
    const text = renderText(
      buildReport({ ...seedInput(), template: buildTemplate(rubric), scores: buildScores(rubric) }).tree,
    );
    expect(text).toContain(
      "（1）财政供养人员控制率（2分）。在职7人，编制7人，控制率100.00%。根据评分标准，本部门该项指标得2分。",
    );
  });

  it("does not append the score sentence when the phrase places {score} itself", () => {
    const rubric = withPhrase("B05", "本项得{score}分（满分{weight}分，扣{deduction}分：{reason}）。");
    const text = renderText(
      buildReport({ ...seedInput(), template: buildTemplate(rubric), scores: buildScores(rubric) }).tree,
    );
    expect(text).toContain(
      "（1）管理制度健全性（1.5分）。本项得1分（满分1.5分，扣0.5分：内部财务管理制度有待加强）。\n",
    );
  });

  it.each(["valeu", "toString", "constructor"])(
    "shows an unknown placeholder {%s} visibly and warns at the rubric row",
    (ph) => {
      const rubric = withPhrase("A01", `控制率{${ph}}。`);
      const { tree, diagnostics } = buildReport({
        ...seedInput(),
        template: buildTemplate(rubric),
        scores: buildScores(rubric),
      });
      expect(renderText(tree)).toContain(`（1）财政供养人员控制率（2分）。控制率【待补充：{${ph}}】。根据评分标准`);
      expect(diagnostics).toEqual([
        expect.objectContaining({
          code: "report_input_missing",
          params: { item: `{${ph}}` },
          location: expect.objectContaining({ sheet: "指标体系" }),
        }),
      ]);
    },
  );

  it("builds a generic sentence from the formula for an indicator with no phrase and no default", () => {
    const rubric: RubricSpec[] = [
      ...SEED_RUBRIC.filter((r) => r.id !== "B12"),
      {
        id: "B12",
        path: ["过程", "资产管理", "固定资产在用率"],
        weight: 1,
        formula: "fixed_assets_in_use / fixed_assets_total",
        ruleKind: "proportional",
        description: "反映固定资产的使用情况。",
      },
    ];
    const text = renderText(
      buildReport({ ...seedInput(), template: buildTemplate(rubric), scores: buildScores(rubric) }).tree,
    );
    expect(text).toContain(
      "（3）固定资产在用率（1分）。反映固定资产的使用情况。该指标值＝在用固定资产总额÷固定资产总额＝45.00÷45.00＝100.00%。根据评分标准，本部门该项指标得1分。",
    );
  });
});

describe("manual indicators: the unit's 情况说明, never the rubric's 指标说明", () => {
  const render = (rubric: readonly RubricSpec[]): string =>
    renderText(buildReport({ ...seedInput(), template: buildTemplate(rubric), scores: buildScores(rubric) }).tree);
  const edit = (id: string, extra: Partial<RubricSpec>): RubricSpec[] =>
    SEED_RUBRIC.map((r) => (r.id === id ? { ...r, ...extra } : r));
  const line = (text: string, name: string): string => text.split("\n").find((l) => l.includes(`）${name}（`))!;

  it("a blank 情况说明 gives the score and the deduction only, however the 指标说明 reads", () => {
    const text = render(edit("B05", { description: "该指标考察部门内部财务管理制度是否健全。" }));
    expect(line(text, "管理制度健全性")).toBe(
      "（1）管理制度健全性（1.5分）。根据评分标准，本部门该项指标得1分，扣0.5分，扣分原因：内部财务管理制度有待加强。",
    );
    expect(text).not.toContain("该指标考察");
  });

  it("the 情况说明 is the paragraph's body, a full stop added when it has none", () => {
    const text = render(edit("B06", { situation: "本部门资金使用符合规定，无截留、挤占、挪用情况" }));
    expect(line(text, "资金使用合规性")).toBe(
      "（2）资金使用合规性（2分）。本部门资金使用符合规定，无截留、挤占、挪用情况。根据评分标准，本部门该项指标得2分。",
    );
  });

  it("opens the bureau's own 报告表述 unless the phrase places it with {situation}", () => {
    const before = render(edit("B06", { situation: "制度健全。", phrase: "资金拨付均经审批。" }));
    expect(line(before, "资金使用合规性")).toBe(
      "（2）资金使用合规性（2分）。制度健全。资金拨付均经审批。根据评分标准，本部门该项指标得2分。",
    );
    const placed = render(edit("B06", { situation: "制度健全。", phrase: "资金拨付均经审批，{situation}" }));
    expect(line(placed, "资金使用合规性")).toBe(
      "（2）资金使用合规性（2分）。资金拨付均经审批，制度健全。根据评分标准，本部门该项指标得2分。",
    );
  });

  it("a computed indicator's 情况说明 follows its figures, before the score sentence", () => {
    const situation = "编制人数由区委编办核定，部门对人员成本的控制程度符合规定要求";
    const zh = render(edit("A01", { situation }));
    expect(line(zh, "财政供养人员控制率")).toBe(
      `（1）财政供养人员控制率（2分）。本部门2020年年末实际在职人员为7人，核定的编制人数为7人，财政供养人员控制率＝（在职人员数÷编制数）×100%＝（7÷7）×100%＝100.00%。${situation}。根据评分标准，本部门该项指标得2分。`,
    );
    const en = renderText(
      buildReport({
        ...seedInput("en"),
        template: buildTemplate(edit("A01", { situation: "Approved by the staffing office." })),
        scores: buildScores(edit("A01", {})),
      }).tree,
    );
    // English sentences are spaced; the Chinese ones are not.
    expect(en).toMatch(/= 100\.00%\. Approved by the staffing office\. /);
  });

  it("a reason the body already states is not repeated after the deduction", () => {
    // 社会效益's body lists the 效益 table's unmet item (「未完成：…」), which is also its reason.
    const text = render(SEED_RUBRIC);
    const social = line(text, "社会效益");
    expect(social).toMatch(/得6\.5分，扣1\.5分。$/);
    expect(social).not.toContain("扣分原因");
    // A reason the body does not state is still given.
    expect(line(text, "管理制度健全性")).toContain("扣0.5分，扣分原因：内部财务管理制度有待加强。");
  });

  it("经济效益 lists the 效益 table after the 情况说明", () => {
    const text = render(edit("D01", { situation: "本年度对外经贸稳中有进。" }));
    expect(line(text, "经济效益")).toMatch(
      /^（1）经济效益（7分）。本年度对外经贸稳中有进。①全面实施外资准入前国民待遇/,
    );
  });
});

describe("section 三 from the 绩效目标 table", () => {
  const GOALS = [
    { goal: "严防境外输入风险", result: "严防境外输入风险。落实入境人员闭环管理。" },
    { goal: "深化抗疫国际合作。", result: "争取和接收国际捐赠15批。\n开展境外采购2批。" },
  ];
  const GOALS_TABLE = {
    id: "goals",
    label: "年度绩效目标及完成情况",
    sheet: "绩效目标",
    headerRow: 2,
    rows: [],
    lastRowLimit: 200,
    columns: [
      { key: "goal", label: "绩效目标", type: "text", required: true, min: null, max: null, output: false, col: 0 },
      { key: "result", label: "完成情况", type: "text", required: false, min: null, max: null, output: false, col: 1 },
    ],
  } as const;
  const template = (withGoals: boolean) => {
    const t = buildTemplate();
    return withGoals ? { ...t, tables: new Map([...t.tables, ["goals", GOALS_TABLE]]) } : t;
  };
  const targets = (values: ReturnType<typeof buildValues>, withGoals: boolean): string => {
    const text = renderText(buildReport({ ...seedInput(), template: template(withGoals), values }).tree);
    return sectionText(text, "三、整体支出绩效目标及完成情况", "四、整体支出绩效评价");
  };

  it("one heading per goal, its 完成情况 below, the heading never doubled nor its full stop", () => {
    const text = targets(buildValues({ tables: { goals: GOALS } }), true);
    expect(text.trim().split("\n").slice(1)).toEqual([
      "（一）严防境外输入风险。落实入境人员闭环管理。",
      "（二）深化抗疫国际合作。争取和接收国际捐赠15批。",
      "开展境外采购2批。",
    ]);
    // the 重点工作 tasks stay in 四: none of their names heads a goal here
    expect(text).not.toContain("完成全区涉外疫情防控管理工作");
  });

  it("an empty 绩效目标 table is a visible gap and a warning, never the tasks instead", () => {
    const values = buildValues({ tables: { goals: [] } });
    const { tree, diagnostics } = buildReport({ ...seedInput(), template: template(true), values });
    const text = sectionText(renderText(tree), "三、整体支出绩效目标及完成情况", "四、整体支出绩效评价");
    expect(text).toContain("【待补充：年度绩效目标及完成情况】");
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: "report_input_missing" }));
  });

  it("a workbook of template 1.0 (no 绩效目标 table) still gets section 三 from the tasks' 完成情况", () => {
    const text = targets(buildValues(), false);
    expect(text).toContain("（一）实施编制“十四五”对外工作规划。");
  });
});
