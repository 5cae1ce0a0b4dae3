import { describe, expect, it } from "vitest";
import {
  FORMULA_PROBLEMS,
  GRADE_PROBLEMS,
  PROBLEM_DETAILS,
  PROBLEM_KEYS,
  RUBRIC_PROBLEMS,
  RULE_PROBLEMS,
  SCHEMA_PROBLEMS,
  makeProblem,
  problem,
  renderProblem,
  splitProblem,
} from "../../../src/engine/diagnostics/problems";
import type { ProblemKey } from "../../../src/engine/diagnostics/problems";
import { diag } from "../../../src/engine/diagnostics/types";
import { renderDiagnostic } from "../../../src/engine/diagnostics/render";
import { parseCheck, parseExpression } from "../../../src/engine/formula";
import { compileRule } from "../../../src/engine/compile/compile-rule";
import Decimal from "decimal.js";

const problemZh = (text: string, detail?: readonly string[]) => renderProblem("zh-CN", text, detail);
const problemEn = (text: string, detail?: readonly string[]) => renderProblem("en", text, detail);

/** Stand-ins for the user's own text: recognisable, and free of letters. */
const sentinels = (key: ProblemKey) => (PROBLEM_DETAILS[key] as readonly string[]).map((_, i) => `§${i + 7}§`);

/** Formula syntax a Chinese message may quote as an example (what the user types, not English prose). */
const SYNTAX = ["blank(x)", "present(x)", "weighted", "a = b", "a <= b", "[a,b]", "(a,b]", ">=a", "<b"];

const withoutSyntax = (text: string) => SYNTAX.reduce((t, s) => t.split(s).join(""), text);

describe("problem keys", () => {
  it("the groups do not share a key", () => {
    const groups = [SCHEMA_PROBLEMS, FORMULA_PROBLEMS, RULE_PROBLEMS, RUBRIC_PROBLEMS, GRADE_PROBLEMS];
    expect(groups.reduce((n, g) => n + Object.keys(g).length, 0)).toBe(PROBLEM_KEYS.length);
  });

  it.each(PROBLEM_KEYS.map((k) => [k]))("%s in zh-CN is Chinese, with no English words and no key", (key) => {
    const zh = problemZh(key, sentinels(key));
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(zh).not.toContain(key);
    // Once the user's text and quoted formula syntax are removed, no Latin letter is left.
    const bare = withoutSyntax(sentinels(key).reduce((t, s) => t.split(s).join(""), zh));
    expect(bare).not.toMatch(/[A-Za-z]/);
    // None of the English wording leaks into the Chinese.
    const englishWords = withoutSyntax(problemEn(key, sentinels(key))).match(/[A-Za-z]{3,}/g) ?? [];
    for (const w of englishWords) expect(zh).not.toContain(w);
  });

  it.each(PROBLEM_KEYS.map((k) => [k]))("%s carries every detail in both languages and nothing unfilled", (key) => {
    for (const text of [problemZh(key, sentinels(key)), problemEn(key, sentinels(key))]) {
      for (const s of sentinels(key)) expect(text).toContain(s);
      expect(text).not.toMatch(/undefined|\[object|\$\{|NaN/);
    }
    expect(problemEn(key, sentinels(key))).not.toContain(key);
  });

  it.each(PROBLEM_KEYS.map((k) => [k]))("%s without details still renders a sentence", (key) => {
    expect(problemZh(key)).toMatch(/[\u4e00-\u9fff]/);
    expect(problemZh(key)).not.toMatch(/undefined/);
    expect(problemEn(key).length).toBeGreaterThan(5);
  });

  it.each(Object.keys(SCHEMA_PROBLEMS).filter((k) => PROBLEM_DETAILS[k as ProblemKey].length === 1))(
    "the older text form %s:X reads like key + [X]",
    (key) => {
      expect(problemZh(`${key}:X`)).toBe(problemZh(key, ["X"]));
      expect(problemEn(problem(key as keyof typeof SCHEMA_PROBLEMS, "X"))).toBe(problemEn(key, ["X"]));
    },
  );

  it.each([
    [makeProblem("param_not_number", "deduct", "abc"), "参数 deduct 应为数字（填的是“abc”）"],
    [makeProblem("row_without_name", "12"), "第 12 行没有填写指标名称"],
    [makeProblem("level2_without_level1", "预算执行"), "二级指标“预算执行”上方没有一级指标"],
    [makeProblem("unknown_function", "foo", "1"), "公式中没有“foo”这个函数（第 1 个字符处）"],
    [
      makeProblem("wrong_argument_count", "ratio", "2", "2", "1", "1"),
      "函数“ratio”需要 2 个参数，公式中写了 1 个（第 1 个字符处）",
    ],
    [
      makeProblem("wrong_argument_count", "min", "1", "", "0", "1"),
      "函数“min”需要至少 1 个参数，公式中写了 0 个（第 1 个字符处）",
    ],
    [makeProblem("expected_symbol", ")", "", "7"), "此处应为“)”，公式已经结束（第 7 个字符处）"],
    [makeProblem("grades_same_min", "优", "良", "90"), "等级“优”和“良”的最低分都是 90"],
  ])("zh-CN wording of %j", (p, zh) => {
    expect(problemZh(p.problem, p.detail)).toBe(zh);
  });

  it.each([
    [makeProblem("param_not_number", "deduct", "abc"), 'the parameter deduct must be a number (got "abc")'],
    [
      makeProblem("wrong_argument_count", "abs", "1", "1", "2", "1"),
      'the function "abs" takes 1 argument, the formula gives 2 (character 1)',
    ],
    [makeProblem("expected_symbol", ")", "b", "9"), 'expected ")" but found "b" (character 9)'],
  ])("en wording of %j", (p, en) => {
    expect(problemEn(p.problem, p.detail)).toBe(en);
  });

  it("free text (not a key) is shown as it is", () => {
    expect(problemZh("缺少右括号")).toBe("缺少右括号");
    expect(problemEn("missing ) at 7")).toBe("missing ) at 7");
    expect(problemEn("no_such_key", ["x"])).toBe("no_such_key");
    expect(splitProblem("no_such_key:x")).toEqual({ key: null, detail: ["no_such_key:x"] });
  });

  it("a wrong number of details is a type error", () => {
    // @ts-expect-error unknown_function needs the name and the character number
    const p = makeProblem("unknown_function", "foo");
    // @ts-expect-error not a problem key
    makeProblem("no_such_key");
    expect(p.detail).toEqual(["foo"]);
  });
});

describe("problems reach the diagnostics in the reader's language", () => {
  it("a formula with an unknown function", () => {
    const parsed = parseExpression("foo(a)");
    if (parsed.ok) throw new Error("expected a parse failure");
    const d = diag("formula_invalid", "error", null, { indicator: "预算执行率", formula: "foo(a)", ...parsed.problem });
    expect(renderDiagnostic(d, "zh-CN").message).toBe(
      "指标「预算执行率」的指标值公式“foo(a)”有误：公式中没有“foo”这个函数（第 1 个字符处）。",
    );
    expect(renderDiagnostic(d, "en").message).toBe(
      'The value formula "foo(a)" of "预算执行率" is invalid: there is no function "foo" (character 1).',
    );
  });

  it("a check that compares nothing", () => {
    const parsed = parseCheck("a + b");
    if (parsed.ok) throw new Error("expected a parse failure");
    const d = diag("check_invalid", "warning", null, { check: "C01", ...parsed.problem });
    expect(renderDiagnostic(d, "zh-CN").message).toBe(
      "校验规则 C01 无法执行：校验规则应比较两个数（例如 a = b、a <= b），或写作 blank(x)、present(x)。",
    );
  });

  it("a rule parameter that is not a number", () => {
    const c = compileRule("checklist", "deduct=abc", new Decimal(2));
    const p = !c.ok ? c.problems[0] : undefined;
    if (p?.code !== "rule_invalid") throw new Error("expected rule_invalid");
    const d = diag("rule_invalid", "error", null, { indicator: "公务卡结算", kind: "checklist", ...p.problem });
    expect(renderDiagnostic(d, "zh-CN").message).toBe(
      "指标「公务卡结算」的评分参数有误（checklist）：参数 每项扣分（deduct） 应为数字（填的是“abc”）。",
    );
  });
});
