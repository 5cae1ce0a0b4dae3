/**
 * Language-neutral problem keys. A diagnostic that says "what exactly is wrong" (schema_invalid,
 * rubric_structure, rule_invalid, formula_invalid, grade_bands_invalid, check_invalid) carries
 * `problem` = a key below and `detail` = the user's own text it concerns (names, input, positions);
 * the message catalogs (problems-zh.ts, problems-en.ts) translate them. Each group maps a key to the
 * names of its details, in order, so a call with the wrong details or a missing translation is a
 * type error. Positions (`at`) are 1-based character numbers in the text the user typed.
 */
import type { Catalog, Catalogs, Lang } from "../i18n/catalog";
import { defineCatalogs, translate } from "../i18n/catalog";
import { PROBLEMS_EN } from "./problems-en";
import { PROBLEMS_ZH } from "./problems-zh";

/** 字段定义 / 校验规则 / 评价等级 settings (template reader). */
export const SCHEMA_PROBLEMS = {
  missing_name: [],
  bad_name: ["name"],
  duplicate_name: ["name"],
  missing_type: [],
  unknown_type: ["type"],
  bad_required: ["text"],
  bad_number: ["text"],
  min_above_max: ["range"],
  bad_direction: ["text"],
  missing_rule: [],
  bad_tolerance: ["text"],
  bad_materiality: ["text"],
  bad_severity: ["text"],
  missing_grade: [],
  bad_min_score: ["text"],
  duplicate_grade: ["grade"],
  unknown_field: ["field"],
  unknown_column: ["column"],
  unknown_table: ["table"],
} as const;

/** Formula (指标值公式) and check (校验规则) syntax, from the formula parser. */
export const FORMULA_PROBLEMS = {
  empty_formula: [],
  formula_too_complex: [],
  nested_too_deeply: ["at"],
  unterminated_text: ["at"],
  unexpected_character: ["char", "at"],
  /** found "" = the formula ended there. */
  expected_symbol: ["expected", "found", "at"],
  unexpected_token: ["found", "at"],
  unexpected_end: ["at"],
  column_name_expected: ["table", "at"],
  unknown_function: ["name", "at"],
  check_only_function: ["name", "at"],
  /** max "" = no upper limit. */
  wrong_argument_count: ["name", "min", "max", "got", "at"],
  column_argument_expected: ["name", "index", "at"],
  weighted_two_tables: ["at"],
  check_not_comparison: [],
} as const;

/** 评分参数 of a rule or a total adjustment. */
export const RULE_PROBLEMS = {
  param_unreadable: ["text"],
  bands_not_taken: ["band"],
  /** valid_zh / valid_en: the schema's keys in each language; suggestion: the nearest key, "" when none is near. */
  param_unknown: ["param", "valid_zh", "valid_en", "suggestion"],
  param_repeated: ["param"],
  param_missing: ["param"],
  bands_missing: [],
  /** allowed: the choices joined by " / ". */
  param_not_allowed: ["param", "allowed", "got"],
  param_not_number: ["param", "got"],
  param_not_positive: ["param", "got"],
  param_negative: ["param", "got"],
  param_out_of_score: ["param", "max", "got"],
  band_score_not_number: ["band", "got"],
  band_score_out_of_score: ["band", "max", "got"],
  interval_unreadable: ["interval"],
  interval_not_number: ["text"],
  interval_wrong_side: ["bound"],
  interval_empty: ["interval"],
  manual_expanded: [],
  /** A parameter names a field (目标值=target_rate) that is blank. */
  param_field_blank: ["label", "name"],
} as const;

/** The levels of the rubric (指标体系). */
export const RUBRIC_PROBLEMS = {
  row_without_name: ["row"],
  level2_without_level1: ["name"],
  level3_without_level2: ["name"],
  expand_table_unknown: ["table"],
  /** columns: the table's column titles, joined by "、". */
  expand_table_no_weight: ["table", "columns"],
  rubric_empty: [],
  level1_without_level2: ["name"],
  level2_without_level3: ["name"],
} as const;

/** The grade bands (评价等级). */
export const GRADE_PROBLEMS = {
  grades_empty: [],
  grade_without_min: ["grade"],
  grades_same_min: ["first", "second", "min"],
  grade_floor_missing: ["min"],
  /** full: the rubric's full score (满分). */
  grade_above_full: ["grade", "min", "full"],
} as const;

export type SchemaProblem = keyof typeof SCHEMA_PROBLEMS;
export type FormulaProblemKey = keyof typeof FORMULA_PROBLEMS;
export type RuleProblemKey = keyof typeof RULE_PROBLEMS;
export type RubricProblemKey = keyof typeof RUBRIC_PROBLEMS;
export type GradeProblemKey = keyof typeof GRADE_PROBLEMS;

/** Every problem key with its detail names. */
export const PROBLEM_DETAILS = {
  ...SCHEMA_PROBLEMS,
  ...FORMULA_PROBLEMS,
  ...RULE_PROBLEMS,
  ...RUBRIC_PROBLEMS,
  ...GRADE_PROBLEMS,
} as const;

export type ProblemKey = keyof typeof PROBLEM_DETAILS;

/** Every problem key, for tests and tools. */
export const PROBLEM_KEYS = Object.keys(PROBLEM_DETAILS) as readonly ProblemKey[];

/** A tuple of names as a tuple of strings (homomorphic over T, so it stays a tuple). */
type Strings<T extends readonly string[]> = { -readonly [I in keyof T]: string };

/** The details a key carries: one string per detail name. */
export type ProblemDetail<K extends ProblemKey> = Strings<(typeof PROBLEM_DETAILS)[K]>;

/** A problem: its key and details, correlated, ready to spread into a diagnostic's parameters. */
export type Problem<K extends ProblemKey = ProblemKey> = {
  [P in K]: { readonly problem: P; readonly detail: ProblemDetail<P> };
}[K];

export type FormulaProblem = Problem<FormulaProblemKey>;
export type RuleParamProblem = Problem<RuleProblemKey>;
export type RubricProblem = Problem<RubricProblemKey>;
export type GradeProblem = Problem<GradeProblemKey>;
/** What stops a check from running: its syntax, or a name the template does not define. */
export type CheckProblem = Problem<FormulaProblemKey | "unknown_field" | "unknown_column" | "unknown_table">;

/** makeProblem("unknown_function", "foo", "1") → { problem: "unknown_function", detail: ["foo", "1"] }. */
export function makeProblem<K extends ProblemKey>(key: K, ...detail: ProblemDetail<K>): Problem<K> {
  return { problem: key, detail } as unknown as Problem<K>;
}

/** A 0-based offset as the 1-based character number shown to people. */
export function charAt(offset: number): string {
  return String(offset + 1);
}

/** "unknown_type" + "货币" → "unknown_type:货币" (the older one-detail form, still read by the catalogs). */
export function problem(key: SchemaProblem, detail?: string): string {
  return detail === undefined || detail === "" ? key : `${key}:${detail}`;
}

function isProblemKey(text: string): text is ProblemKey {
  return Object.prototype.hasOwnProperty.call(PROBLEM_DETAILS, text);
}

/**
 * A problem text's key (when it is one of ours) and details: `problem` + `detail` as carried, or the
 * older "key:detail" text. Free text (not a key) comes back as `{ key: null, detail: [text] }`.
 */
export function splitProblem(
  text: string,
  detail?: readonly string[],
): { key: ProblemKey | null; detail: readonly string[] } {
  if (detail !== undefined) return isProblemKey(text) ? { key: text, detail } : { key: null, detail: [text] };
  if (isProblemKey(text)) return { key: text, detail: [] };
  const i = text.indexOf(":");
  const head = i < 0 ? text : text.slice(0, i);
  return i >= 0 && isProblemKey(head) ? { key: head, detail: [text.slice(i + 1)] } : { key: null, detail: [text] };
}

/** Each problem key's parameters: its details, in order (a catalog entry reads them as a tuple). */
export type ProblemParams = { readonly [K in ProblemKey]: ProblemDetail<K> };

/** The wording of every problem key in each language. */
export const PROBLEM_CATALOGS: Catalogs<Catalog<ProblemParams>> = defineCatalogs(PROBLEMS_ZH, PROBLEMS_EN);

/** A problem in words; missing details read as "", free text is shown as is. */
export function renderProblem(lang: Lang, text: string, detail?: readonly string[]): string {
  const split = splitProblem(text, detail);
  if (!split.key) return split.detail[0] ?? "";
  const names = PROBLEM_DETAILS[split.key] as readonly string[];
  const args = names.map((_, i) => split.detail[i] ?? "") as unknown as ProblemDetail<ProblemKey>;
  return translate(PROBLEM_CATALOGS, lang, split.key, args);
}
