/** English wording of every problem key; the user's own text is quoted as typed. */
import type { Catalog } from "../i18n/catalog";
import type { ProblemParams } from "./problems";

const at = (n: string) => (n === "" ? "" : ` (character ${n})`);
const found = (f: string) => (f === "" ? "the formula ends there" : `found "${f}"`);

function argCount(min: string, max: string): string {
  const n = max === "" ? `at least ${min}` : min === max ? min : `${min} to ${max}`;
  return `${n} argument${min === "1" && max === "1" ? "" : "s"}`;
}

/** en wording of every problem key. */
export const PROBLEMS_EN: Catalog<ProblemParams> = {
  // Field definitions, checks, grades
  missing_name: () => "the name is blank",
  bad_name: ([d]) => `the name "${d}" may only hold letters, digits and underscores (table columns: table.column)`,
  duplicate_name: ([d]) => `the name "${d}" is defined twice`,
  missing_type: () => "the type is blank",
  unknown_type: ([d]) => `unknown type "${d}" (use 文本, 整数, 金额, 比率, 年份, 数值 or 是否)`,
  bad_required: ([d]) => `必填 must be 是 or 否, not "${d}"`,
  bad_number: ([d]) => `"${d}" is not a number`,
  min_above_max: ([d]) => `the minimum is above the maximum (${d})`,
  bad_direction: ([d]) => `方向 must be 输入 or 输出, not "${d}"`,
  missing_rule: () => "the rule is blank",
  bad_tolerance: ([d]) => `the tolerance "${d}" is not a non-negative number`,
  bad_materiality: ([d]) =>
    `重大差额 "${d}" should be an amount, a share or both ("1；0.5%": the larger of 1 and 0.5% of the total), or 不限`,
  bad_severity: ([d]) => `级别 must be 错误, 警告 or 提示, not "${d}"`,
  missing_grade: () => "the grade name is blank",
  bad_min_score: ([d]) => `the minimum score "${d}" is not a number`,
  duplicate_grade: ([d]) => `the grade "${d}" appears twice`,
  unknown_field: ([d]) => `the field "${d}" is not defined in 字段定义`,
  unknown_column: ([d]) => `the table column "${d}" is not defined in 字段定义`,
  unknown_table: ([d]) => `the table "${d}" is not defined in 字段定义`,
  // Formulas
  empty_formula: () => "the formula is blank",
  formula_too_complex: () => "the formula is too complex to read",
  nested_too_deeply: ([n]) => `brackets or signs are nested too deeply${at(n)}`,
  unterminated_text: ([n]) => `a quotation mark is not closed${at(n)}`,
  unexpected_character: ([c, n]) => `the symbol "${c}" cannot be used in a formula${at(n)}`,
  expected_symbol: ([e, f, n]) => `expected "${e}" but ${found(f)}${at(n)}`,
  unexpected_token: ([f, n]) => `"${f}" is out of place; an operator may be missing or a symbol extra${at(n)}`,
  unexpected_end: ([n]) => `the formula is incomplete${at(n)}`,
  column_name_expected: ([t, n]) => `a column name is missing after "${t}."${at(n)}`,
  unknown_function: ([f, n]) => `there is no function "${f}"${at(n)}`,
  check_only_function: ([f, n]) => `the function "${f}" may only be used in checks, not in value formulas${at(n)}`,
  wrong_argument_count: ([f, min, max, got, n]) =>
    `the function "${f}" takes ${argCount(min, max)}, the formula gives ${got}${at(n)}`,
  column_argument_expected: ([f, i, n]) => `argument ${i} of "${f}" must be a table column (table.column)${at(n)}`,
  weighted_two_tables: ([n]) => `the two arguments of "weighted" must be columns of one table${at(n)}`,
  check_not_comparison: () => "a check must compare two values (a = b, a <= b …) or be blank(x) / present(x)",
  // Scoring parameters
  param_unreadable: ([t]) =>
    `cannot read "${t}" (write key=value, e.g. limit=100%, or interval: score; the 说明 sheet lists the keys)`,
  bands_not_taken: ([b]) => `this method takes no bands, but the band "${b}" is given`,
  param_unknown: ([p, zh, en, near]) =>
    `there is no parameter "${p}"${near === "" ? "" : ` (did you mean "${near}"?)`}; the parameters are ${en} (in Chinese ${zh})`,
  param_repeated: ([p]) => `the parameter ${p} is given twice`,
  param_missing: ([p]) => `the parameter ${p} is missing`,
  bands_missing: () => "no bands are given (interval: score, e.g. [90%,100%]: 5)",
  param_not_allowed: ([p, allowed, got]) => `the parameter ${p} must be one of ${allowed} (got "${got}")`,
  param_not_number: ([p, got]) => `the parameter ${p} must be a number (got "${got}")`,
  param_not_positive: ([p, got]) => `the parameter ${p} must be greater than 0 (got "${got}")`,
  param_negative: ([p, got]) => `the parameter ${p} must not be negative (got "${got}")`,
  param_out_of_score: ([p, max, got]) => `the parameter ${p} must be between 0 and ${max} points (got "${got}")`,
  band_score_not_number: ([b, got]) => `the score of the band "${b}" must be a number (got "${got}")`,
  band_score_out_of_score: ([b, max, got]) =>
    `the score of the band "${b}" must be between 0 and ${max} points (got "${got}")`,
  interval_unreadable: ([i]) => `cannot read the interval "${i}" (write [a,b], (a,b], >=a, <b …)`,
  interval_not_number: ([t]) => `the interval end "${t}" is not a number`,
  interval_wrong_side: ([b]) => `the interval end "${b}" is on the wrong side`,
  interval_empty: ([i]) => `the interval "${i}" holds no value (its lower end is above its upper end)`,
  manual_expanded: () => "a manually scored indicator cannot be expanded over a table",
  param_field_blank: ([label, name]) =>
    `a parameter names “${label}” (${name}), which is blank: fill it in, or write the number in the parameter`,
  // The rubric
  row_without_name: ([r]) => `row ${r} has no indicator name`,
  level2_without_level1: ([name]) => `the level-2 indicator "${name}" has no level-1 indicator above it`,
  level3_without_level2: ([name]) => `the indicator "${name}" has no level-2 indicator above it`,
  expand_table_unknown: ([t]) => `the table "${t}" to expand over is not defined`,
  expand_table_no_weight: ([t, cols]) =>
    `the table "${t}" has no weight (分值) column and cannot be expanded over (an expanded table needs a name and a weight column, defined in 字段定义; its columns: ${cols})`,
  rubric_empty: () => "the rubric has no indicators",
  level1_without_level2: ([name]) => `the level-1 indicator "${name}" has no level-2 indicators`,
  level2_without_level3: ([name]) => `the level-2 indicator "${name}" has no indicators`,
  // Grades
  grades_empty: () => "there are no grade bands",
  grade_without_min: ([g]) => `the grade "${g}" has no minimum`,
  grades_same_min: ([a, b, min]) => `the grades "${a}" and "${b}" share the minimum ${min}`,
  grade_above_full: ([g, min, full]) =>
    `the grade "${g}" starts at ${min}, above the full score of ${full}: no unit can reach it`,
  grade_floor_missing: ([min]) => `no grade covers totals below ${min} (the lowest grade should start at 0)`,
};
