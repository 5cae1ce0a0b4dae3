import type { CheckProblem, FormulaProblem, GradeProblem, RubricProblem, RuleParamProblem } from "./problems";

/** How bad a problem is: errors block scoring, warnings are shown, info explains a choice the engine made. */
export type Severity = "error" | "warning" | "info";

/** Where a problem is: one cell (or a range for a table/header), with the defined name and label when known. */
export interface Location {
  readonly sheet: string;
  readonly address: string;
  readonly name?: string;
  /** The field's or indicator's label as shown in the sheet, e.g. "基本支出". */
  readonly label?: string;
}

/**
 * The parameters each diagnostic code carries. Numbers that are shown are pre-formatted strings
 * (the engine formats once, so messages in every language agree to the cent). What exactly is wrong
 * travels as a language-neutral `problem` key plus `detail` (problems.ts), never as prose.
 */
export interface DiagnosticParamsByCode {
  // Template recognition and structure
  template_not_recognized: Record<string, never>;
  template_version_unsupported: { found: string; supported: string };
  template_version_newer: { found: string; supported: string };
  /** namedCount: the named cells and tables on the sheet that could not be read (absent when none). */
  template_sheet_missing: { sheet: string; namedCount?: number };
  template_name_missing: { name: string };
  template_name_invalid: { name: string; target: string };
  table_header_missing: { table: string };
  table_column_missing: { table: string; column: string };
  /** problem: a schema key (problems.ts) with `detail`, or the older "key:detail" text. */
  schema_invalid: { item: string; problem: string; detail?: readonly string[] };
  // The rubric
  rubric_structure: RubricProblem;
  rubric_duplicate_id: { id: string };
  rubric_weight_invalid: { indicator: string; text: string };
  rubric_weight_sum_mismatch: { parent: string; expected: string; actual: string };
  /** The level-1 weights do not add up to the rubric's full score (满分, 100): grades 90/80/60 assume it. */
  rubric_full_score_mismatch: { expected: string; actual: string; levels: string };
  /** A blank row between rubric rows (its contents cleared): skipped, the rows below it still read. row: Excel row. */
  rubric_blank_row: { row: string };
  /** 指标说明 quotes a deduction (quoted: 「扣 0.2 分」) that the rule's 评分参数 no longer says (param: 「每点扣分=0.3」). */
  /** `param`: the 评分标准 the rule generates, quoted (“不超过100%得满分，…”). */
  description_mismatch: { indicator: string; quoted: string; param: string };
  rule_unknown: { indicator: string; kind: string };
  rule_invalid: { indicator: string; kind: string } & RuleParamProblem;
  rule_bands_overlap: { indicator: string; first: string; second: string };
  rule_bands_gap: { indicator: string; from: string; to: string };
  /** names: the 字段定义 names closest to a label typed in the formula, 「eval_year（评价年度）」 (absent: none). */
  formula_invalid: { indicator: string; formula: string; names?: string } & FormulaProblem;
  /** names: the 字段定义 names closest to the unknown one (absent: none is close). */
  formula_unknown_field: { indicator: string; field: string; names?: string };
  grade_bands_invalid: GradeProblem;
  check_invalid: { check: string } & CheckProblem;
  // Input values
  required_missing: { label: string };
  not_a_number: { label: string; text: string };
  not_an_integer: { label: string; value: string };
  read_as: { label: string; text: string; value: string };
  excel_error: { label: string; error: string };
  wrong_type: { label: string; expected: string; got: "text" | "number" | "boolean" | "date" };
  /** min/max "" when that side is open; suggestion e.g. "97%" when a rate was typed as a percentage number. */
  out_of_range: { label: string; value: string; min: string; max: string; suggestion?: string };
  /** An amount with more decimals than the report shows (万元, 2 decimals); kept exact. */
  amount_precision: { label: string; value: string; decimals: number };
  text_too_long: { label: string; length: number; max: number };
  table_empty: { table: string };
  // Identities and comparisons between figures
  /** expression: the rule with field names replaced by labels; unit: "万元" when every figure is an amount. */
  /** An identity that does not hold; `limit` set when the gap is beyond the check's 重大差额 (then an error). */
  sum_mismatch: {
    check: string;
    expression: string;
    left: string;
    right: string;
    difference: string;
    unit?: string;
    limit?: string;
  };
  comparison_failed: { check: string; expression: string; left: string; right: string };
  condition_failed: { check: string; description: string };
  // Indicators
  manual_score_missing: { indicator: string; weight: string };
  manual_score_out_of_range: { indicator: string; score: string; weight: string };
  manual_score_step: { indicator: string; score: string; step: string };
  /** column: the title of the column the reason goes in (未完成原因 in 重点工作); absent: 扣分原因. */
  reason_missing: { indicator: string; score: string; weight: string; column?: string };
  not_applicable: { indicator: string; why: string };
  /** score: the points given by the rule's 无法计算时 (undefined=) parameter (absent: not said). */
  value_undefined: { indicator: string; why: string; score?: string };
  total_capped: { cap: string; total: string; rule: string };
  total_penalty: { points: string; rule: string };
  /** An adjustment whose value is not a number (not applicable, undefined): not applied. why: as for indicators. */
  adjustment_not_applied: { rule: string; why: string };
  // The report
  report_input_missing: { item: string };
  // A published template (compile/published.ts)
  /** cells: the first differing cells (sheet!address, the published text, the text now; "" = blank); count: all. */
  published_changed: {
    at: string;
    count: string;
    cells: readonly { readonly cell: string; readonly was: string; readonly now: string }[];
  };
  published_record_altered: { at: string };
}

export type DiagnosticCode = keyof DiagnosticParamsByCode;

/** A problem found in the user's workbook: a value, never an exception. */
export type Diagnostic = {
  [C in DiagnosticCode]: {
    readonly code: C;
    readonly severity: Severity;
    readonly location: Location | null;
    readonly params: DiagnosticParamsByCode[C];
  };
}[DiagnosticCode];

/** Build a diagnostic with its parameters checked against its code. */
export function diag<C extends DiagnosticCode>(
  code: C,
  severity: Severity,
  location: Location | null,
  params: DiagnosticParamsByCode[C],
): Diagnostic {
  return { code, severity, location, params } as Diagnostic;
}

/** Errors first, then warnings, then info; stable within a severity. */
export function severityRank(s: Severity): number {
  return s === "error" ? 0 : s === "warning" ? 1 : 2;
}

/** A broken invariant inside the engine (a bug, not bad input). */
export class EngineInvariantError extends Error {
  override readonly name = "EngineInvariantError";
}
