/**
 * Every catalog of the one mechanism (src/engine/i18n/catalog.ts), in every language: each key renders a
 * non-empty text for sample parameters, with nothing unfilled; both languages have the same keys; a Chinese
 * text is Chinese (not an English text left untranslated) and an English text is English (not the Chinese
 * copied over). The domains' own tests check what their words say.
 */
import { describe, expect, it } from "vitest";
import type { Catalog, Catalogs, Lang } from "../../src/engine/i18n/catalog";
import { LANGS } from "../../src/engine/i18n/catalog";
import { CATALOGS } from "../../src/engine/diagnostics/render";
import { PROBLEM_CATALOGS, PROBLEM_DETAILS, type ProblemParams } from "../../src/engine/diagnostics/problems";
import { PHRASES, type PhraseArgs } from "../../src/engine/score/phrases";
import { CRITERIA, TAILS, type CriterionArgs, type TailArgs } from "../../src/engine/score/criteria";
import { REPORT_PHRASES } from "../../src/engine/report/build";
import type { Run } from "../../src/engine/report/tree";
import { runsText } from "../../src/engine/report/tree";
import { HOST_CODE_MESSAGES, HOST_MESSAGES } from "../../src/hosts/common";
import { CLI_MESSAGES } from "../../src/cli/messages";
import { catalogs as PANE } from "../../src/taskpane/i18n";
import { SAMPLE_PARAMS } from "../engine/diagnostics/samples";
import { HOST_SAMPLES } from "../hosts/common/host-samples";

/** A text of a catalog: where it is, and the sample texts it was given (set aside when judging its language). */
interface Text {
  readonly path: string;
  readonly text: string;
  readonly given: readonly string[];
}

/** Every string inside a sample value. */
function strings(v: unknown): string[] {
  if (typeof v === "string") return [v];
  if (typeof v === "number") return [String(v)];
  if (Array.isArray(v)) return v.flatMap(strings);
  return v && typeof v === "object" ? Object.values(v).flatMap(strings) : [];
}

/** A catalog's value in texts: a string, runs, or an object of them (a diagnostic's message and fix). */
function texts(path: string, v: unknown, given: readonly string[]): Text[] {
  if (typeof v === "string") return [{ path, text: v, given }];
  if (Array.isArray(v)) return [{ path, text: runsText(v as Run[]), given }];
  return Object.entries(v as Record<string, unknown>).flatMap(([k, x]) => texts(`${path}.${k}`, x, given));
}

/** A keyed catalog: every key with its sample parameters. */
function keyed<P, V>(catalog: Catalog<P, V>, samples: { readonly [K in keyof P]: P[K] }): Text[] {
  return (Object.keys(catalog) as (keyof P & string)[]).flatMap((k) =>
    texts(k, catalog[k](samples[k]), strings(samples[k])),
  );
}

/** A catalog of its own shape: every leaf; a function is called with the sample arguments for its path, else 7, 8, 9. */
function shaped(value: unknown, args: Readonly<Record<string, readonly unknown[]>>, path = ""): Text[] {
  if (typeof value === "function") {
    const a = args[path] ?? [7, 8, 9];
    return texts(path, (value as (...x: unknown[]) => unknown)(...a), strings(a));
  }
  if (typeof value === "string" || Array.isArray(value)) return texts(path, value, []);
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    shaped(v, args, path ? `${path}.${k}` : k),
  );
}

const R = (s: string): Run[] => [{ kind: "text", text: s }];

/** Sample parameters of an object-taking report phrase: runs for every property, lists where it takes a list. */
const reportParams = (lists: Record<string, unknown> = {}) =>
  new Proxy({}, { get: (_, k) => (typeof k === "string" && k in lists ? lists[k] : R("§7§")) });

// The report's phrases that take one object of runs (by the names its properties happen to have).
const OBJECT_PHRASES = [
  "reportTitle",
  "staff",
  "spendingLead",
  "general",
  "income",
  "expenditure",
  "carryover",
  "sangongBudget",
  "sangongDecrease",
  "sangongIncrease",
  "sangongPriorZero",
  "levelTitle",
  "indicatorTitle",
  "scoreSentence",
  "deduction",
  "deductionStated",
  "adjustmentPenalty",
  "adjustmentCap",
];

const REPORT_ARGS: Readonly<Record<string, readonly unknown[]>> = {
  ...Object.fromEntries(OBJECT_PHRASES.map((k) => [k, [reportParams()]])),
  missing: ["§7§"],
  notApplicable: ["zero_denominator"],
  valueUndefined: ["blank_input"],
  isZero: ["§7§"],
  numbering: [2, 0],
  circled: [0],
  intro: [reportParams({ basis: [R("《A》"), R("《B》")] })],
  sangongBreakdown: [[{ label: "§7§", amount: R("9.01") }]],
  sangongReasons: [[R("§7§")], "down"],
  genericIndicator: [{ description: "§7§", formula: R("a÷b"), figures: R("1÷2"), value: R("50%"), criterion: "§9§" }],
  benefitList: [{ done: [R("§7§")], notDone: [R("§8§")] }],
  conclusion: [reportParams({ levels: [{ name: "§7§", score: R("18") }] })],
  lostPoints: [[{ name: "§7§", deducted: R("1"), score: R("0"), weight: R("1"), reason: R("§8§") }]],
  "scoreTable.subtotal": ["§7§"],
  "financeTable.caption": [R("2020")],
  closingDate: [2026, 12, 3],
};

const CLI_ARGS: Readonly<Record<string, readonly unknown[]>> = {
  summaryDuplicate: [["a.xlsx", "b.xlsx"]],
  pdfUnavailable: ["no_soffice", "soffice"],
  published: ["发布.xlsx", 675, "sha256:f89a53ef96e1a2b3c4d5", ["指标体系", "字段定义"], false],
  family: ["cn.perfeval.dept-overall", "1.2.0", "部门整体支出绩效评价"],
  unknownFamily: ["cn.perfeval.nope", "cn.perfeval.dept-overall"],
};

const PHRASE_SAMPLES: { readonly [K in keyof PhraseArgs]: PhraseArgs[K] } = {
  threshold_met: { name: "公务卡刷卡率", value: "60.00%", op: ">=", limit: "50%" },
  threshold_missed: { name: "", value: "40.00%", op: "<", limit: "50%", score: "1", full: false },
  within_limit: { name: "财政供养人员控制率", value: "98.00%", dir: "above", limit: "100%" },
  beyond_limit: {
    name: "“三公”经费控制率",
    value: "101.50%",
    dir: "above",
    limit: "100%",
    pp: "1.50",
    rounded: "ceil",
    counted: "2",
    deduct: "0.2",
    points: "0.4",
    capped: false,
  },
  beyond_within_point: { name: "", value: "99.30%", dir: "below", limit: "100%", pp: "0.70" },
  blocks_partial: {
    name: "完成率",
    value: "97.00%",
    dir: "below",
    limit: "100%",
    gap: { amount: "3.00", pp: true },
    block: { amount: "5", pp: true },
  },
  blocks_beyond: {
    name: "完成率",
    value: "93.00%",
    dir: "below",
    limit: "100%",
    gap: { amount: "7.00", pp: true },
    block: { amount: "5", pp: true },
    blocks: "2",
    rounded: "floor",
    deduct: "2",
    points: "4",
    capped: true,
  },
  band: {
    name: "预算调整率",
    value: "5.79%",
    score: "1.6",
    full: false,
    band: { k: "between", lo: "0", loClosed: false, hi: "10%", hiClosed: true },
  },
  proportional_full: { name: "支付进度", value: "100.00%", target: "100%" },
  proportional: { name: "支付进度", value: "95.00%", target: "100%", score: "2.85" },
  items_none: {},
  items_missing: { count: "2", deduct: "0.5", points: "1", capped: false },
  events_none: { name: "指标或资金收回" },
  events: { name: "", count: "3", deduct: "1", points: "3", capped: true },
  manual: { score: "4" },
  manual_full: {},
  manual_missing: {},
  not_applicable: { why: { k: "zero_denominator", denominator: "政府采购预算数" }, score: "2", full: true },
  undefined_value: { why: { k: "nonzero_over_zero", denominator: "", numerator: "" }, score: "0", full: false },
  why_zero_denominator: {},
  why_blank_input: {},
  why_empty_table: {},
  why_nonzero_over_zero: {},
  why_not_a_number: {},
  why_no_band: {},
  expanded_summary: { count: "7", score: "9.5" },
  value_na: {},
  value_undefined: {},
  level_1: {},
  level_2: {},
  total_capped: { cap: "90" },
  total_penalty: { points: "2" },
};

const GOT = { score: "1.6", full: false };
const CRITERION_SAMPLES: { readonly [K in keyof CriterionArgs]: CriterionArgs[K] } = {
  threshold: { op: ">=", limit: "50%", else: GOT },
  deduct_per_point: { dir: "above", limit: "100%", deduct: "0.2", partial: "ceil" },
  step_per_block: { dir: "below", limit: "100%", block: { amount: "5", pp: true }, deduct: "2", partial: "floor" },
  bands: { bands: [{ band: { k: "between", lo: "0", loClosed: false, hi: "10%", hiClosed: true }, got: GOT }] },
  proportional: { target: "100%" },
  checklist: { deduct: "1" },
  per_event: { deduct: "0.5" },
  manual: { description: "§7§", step: "0.5" },
};
const TAIL_SAMPLES: { readonly [K in keyof TailArgs]: TailArgs[K] } = {
  na: { got: GOT },
  undefined: { got: { score: "2", full: true } },
  separator: {},
};

const PROBLEM_SAMPLES = Object.fromEntries(
  Object.entries(PROBLEM_DETAILS).map(([k, names]) => [k, names.map((_, i) => `§${i + 7}§`)]),
) as unknown as { readonly [K in keyof ProblemParams]: ProblemParams[K] };

const CATALOG_TEXTS: readonly (readonly [string, (lang: Lang) => Text[]])[] = [
  ["diagnostics", (l) => keyed(CATALOGS[l], SAMPLE_PARAMS)],
  ["problems", (l) => keyed(PROBLEM_CATALOGS[l], PROBLEM_SAMPLES)],
  ["scoring phrases", (l) => keyed(PHRASES[l], PHRASE_SAMPLES)],
  ["评分标准", (l) => [...keyed(CRITERIA[l], CRITERION_SAMPLES), ...keyed(TAILS[l], TAIL_SAMPLES)]],
  ["report phrases", (l) => shaped(REPORT_PHRASES[l], REPORT_ARGS)],
  ["host failures", (l) => keyed(HOST_MESSAGES[l], HOST_SAMPLES)],
  ["host codes", (l) => shaped(HOST_CODE_MESSAGES[l], {})],
  ["command line", (l) => shaped(CLI_MESSAGES[l], CLI_ARGS)],
  ["task pane", (l) => shaped(PANE[l], { "validate.summaryOf": [["基本支出", "项目支出"], true] })],
];

/**
 * English texts that are Chinese as shipped, on purpose or not yet decided; listed so that a new one fails.
 * The pane's download name of the report is 绩效自评报告.docx in both languages.
 */
const CHINESE_IN_ENGLISH: ReadonlySet<string> = new Set(["task pane: report.fileName"]);

/**
 * The text with the samples it was given taken out, and a phrase template's placeholders ({benefit_list},
 * {param.limit}), which the report fills: what the catalog itself wrote in words.
 */
const own = (t: Text) =>
  t.given.reduce((s, g) => (g.length > 1 ? s.split(g).join("") : s), t.text).replace(/\{[A-Za-z_][\w.]*\}/g, "");
const HAN = /[\u4e00-\u9fff]/;
const WORDS = /[\u4e00-\u9fffA-Za-z]/;

describe.each(CATALOG_TEXTS)("the %s catalog", (name, render) => {
  // A phrase book's `lang` is its tag, not words; `sentenceSep` is blank by design (none in Chinese, a space in English).
  const byLang = Object.fromEntries(
    LANGS.map((l) => [l, render(l).filter((t) => t.path !== "lang" && t.path !== "sentenceSep")]),
  ) as Record<Lang, Text[]>;
  const zh = new Map(byLang["zh-CN"].map((t) => [t.path, t]));

  it("has the same keys in every language", () => {
    expect(byLang["zh-CN"].length).toBeGreaterThan(0);
    for (const l of LANGS) expect(byLang[l].map((t) => t.path).sort()).toEqual([...zh.keys()].sort());
  });

  it.each(LANGS)("renders every key in %s, non-empty and with nothing unfilled", (l) => {
    const bad = byLang[l].filter((t) => t.text.trim() === "" || /undefined|\[object|\$\{|NaN/.test(t.text));
    expect(bad).toEqual([]);
  });

  it("speaks Chinese in zh-CN, where a text has words at all", () => {
    const english = byLang["zh-CN"].filter((t) => WORDS.test(own(t)) && !HAN.test(own(t)));
    expect(english.map((t) => `${t.path}: ${t.text}`)).toEqual([]);
  });

  it("speaks English in en: Latin words, and never the Chinese text copied over", () => {
    const chinese = byLang.en.filter((t) => {
      const zhText = zh.get(t.path)?.text ?? "";
      const words = own(t);
      const copied = HAN.test(zhText) && zhText === t.text;
      return WORDS.test(words) && (!/[A-Za-z]/.test(words) || copied) && !CHINESE_IN_ENGLISH.has(`${name}: ${t.path}`);
    });
    expect(chinese.map((t) => `${t.path}: ${t.text}`)).toEqual([]);
  });
});

it("every catalog is declared through the one mechanism: a pair keyed by language", () => {
  const all: Catalogs<unknown>[] = [
    CATALOGS,
    PROBLEM_CATALOGS,
    PHRASES,
    CRITERIA,
    TAILS,
    REPORT_PHRASES,
    HOST_MESSAGES,
  ];
  for (const c of [...all, HOST_CODE_MESSAGES, CLI_MESSAGES, PANE])
    expect(Object.keys(c).sort()).toEqual(["en", "zh-CN"]);
});
