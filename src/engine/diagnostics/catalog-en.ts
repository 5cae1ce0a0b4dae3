/** English wording of every diagnostic: what is wrong and what to do. */
import type { Catalog } from "../i18n/catalog";
import type { DiagnosticText } from "./catalog-types";
import { splitSides } from "./catalog-types";
import { renderProblem } from "./problems";
import type { DiagnosticParamsByCode } from "./types";

/** A problem (key + details, or the older "key:detail" text) in English; free text is shown as is. */
const problemEn = (text: string, detail?: readonly string[]): string => renderProblem("en", text, detail);

const TYPE_EN: Readonly<Record<string, string>> = {
  text: "text",
  integer: "a whole number",
  amount: "an amount (a number, in 10,000 yuan)",
  rate: "a rate (a percentage)",
  year: "a year",
  number: "a number",
  yesno: "是 or 否",
};

const GOT_EN = { text: "text", number: "a number", boolean: "TRUE/FALSE", date: "a date" } as const;

function rangeEn(min: string, max: string): string {
  if (min !== "" && max !== "") return `${min} to ${max}`;
  if (min !== "") return `at least ${min}`;
  if (max !== "") return `at most ${max}`;
  return "none";
}

const NO_ACTION = "Nothing to do: this is how the scoring rules work.";

/** English messages for every diagnostic code. */
export const CATALOG_EN: Catalog<DiagnosticParamsByCode, DiagnosticText> = {
  template_not_recognized: () => ({
    message: "This workbook is not a performance evaluation template (no template identity found).",
    fix: "Create the standard template first, or open the template file issued by the finance bureau.",
  }),
  template_version_unsupported: (p) => ({
    message: `Template format version ${p.found} is not supported (this program supports ${p.supported}).`,
    fix: "Update the add-in, or use a template of format version 1.x.",
  }),
  template_version_newer: (p) => ({
    message: `Template format version ${p.found} is newer than ${p.supported}; new parts may be ignored.`,
    fix: "Update the add-in; until then treat the results as provisional.",
  }),
  template_sheet_missing: (p) => ({
    message:
      `The sheet "${p.sheet}" does not exist (it may have been deleted or renamed)` +
      (p.namedCount === undefined || p.namedCount === 0
        ? "."
        : p.namedCount === 1
          ? ", so 1 named cell or table on it cannot be read."
          : `, so ${p.namedCount} named cells or tables on it cannot be read.`),
    fix: `Copy the sheet "${p.sheet}" back from the original template, or, if it was only renamed, rename it back to "${p.sheet}".`,
  }),
  template_name_missing: (p) => ({
    message: `The defined name "${p.name}" does not exist in the workbook.`,
    fix: `Define "${p.name}" again in Formulas → Name Manager, pointing at its input cell.`,
  }),
  template_name_invalid: (p) => ({
    message: `The defined name "${p.name}" refers to ${p.target}, which is not a valid cell.`,
    fix: `In Formulas → Name Manager, point "${p.name}" at the right cell (or header row).`,
  }),
  table_header_missing: (p) => ({
    message: `The header row of the table "${p.table}" cannot be found.`,
    fix: "Restore the table's header row and its defined name; do not delete or retype header text.",
  }),
  table_column_missing: (p) => ({
    message: `The table "${p.table}" has no column "${p.column}".`,
    fix: `Rename the header cell back to "${p.column}" (columns may be in any order).`,
  }),
  schema_invalid: (p) => ({
    message: `The setting of "${p.item}" is invalid: ${problemEn(p.problem, p.detail)}.`,
    fix: "Correct this cell as described on the template's 说明 sheet.",
  }),
  rubric_structure: (p) => ({
    message: `The indicator tree is malformed: ${problemEn(p.problem, p.detail)}.`,
    fix: "Put level-2 indicators under a level-1 row and level-3 indicators under a level-2 row.",
  }),
  rubric_duplicate_id: (p) => ({
    message: `The indicator id ${p.id} is used twice.`,
    fix: "Give every indicator a unique id.",
  }),
  rubric_weight_invalid: (p) => ({
    message: `The weight "${p.text}" of "${p.indicator}" is not a valid number.`,
    fix: "Enter the weight as a number, e.g. 2 or 1.5.",
  }),
  rubric_weight_sum_mismatch: (p) => ({
    message: `"${p.parent}" is worth ${p.expected} points but its children add up to ${p.actual}.`,
    fix: "Adjust the children's weights so that they add up to the parent's weight.",
  }),
  rubric_full_score_mismatch: (p) => ({
    message: `The level-1 weights of the rubric add up to ${p.actual} (${p.levels}), not the full score of ${p.expected}; the grades (优 from 90 …) assume ${p.expected}.`,
    fix: `Adjust the level-1 indicators and those below them so that level 1 adds up to ${p.expected}; the full score itself is the 满分 cell above the grades on 指标体系.`,
  }),
  rubric_blank_row: (p) => ({
    message: `Row ${p.row} of the rubric is blank and was skipped; the indicators below it are still read.`,
    fix: "If that indicator is no longer used, delete the whole row; if it was cleared by mistake, restore it.",
  }),
  description_mismatch: (p) => ({
    message: `The 指标说明 of "${p.indicator}" says "${p.quoted}" but by its 评分参数 the scoring rule (评分标准) is ${p.param}; scoring follows the parameters.`,
    fix: "Make the 指标说明 and the 评分参数 agree (the 指标说明 may be left blank: the 评分标准 is generated from the parameters).",
  }),
  rule_unknown: (p) => ({
    message: `The scoring method "${p.kind}" of "${p.indicator}" is unknown.`,
    fix: "Use one of the methods listed in the template's instructions (threshold, bands, proportional, manual …).",
  }),
  rule_invalid: (p) => ({
    message: `The scoring parameters of "${p.indicator}" (${p.kind}) are invalid: ${problemEn(p.problem, p.detail)}.`,
    fix: "Write the parameters in the format of that scoring method.",
  }),
  rule_bands_overlap: (p) => ({
    message: `The bands ${p.first} and ${p.second} of "${p.indicator}" overlap.`,
    fix: "Adjust the interval ends so that every value falls into exactly one band.",
  }),
  rule_bands_gap: (p) => ({
    message: `The bands of "${p.indicator}" leave a gap from ${p.from} to ${p.to}.`,
    fix: "Add a band for the gap, or write gaps=allow in the parameters.",
  }),
  formula_invalid: (p) => ({
    message: `The value formula "${p.formula}" of "${p.indicator}" is invalid: ${problemEn(p.problem, p.detail)}.`,
    fix: p.names
      ? `Write the names of 字段定义 in formulas, not labels, e.g. ${p.names}.`
      : "Check the formula's parentheses, operators and function names; fields are written by their 字段定义 names.",
  }),
  formula_unknown_field: (p) => ({
    message: `The formula of "${p.indicator}" uses "${p.field}", which is not a defined field.`,
    fix: p.names
      ? `Did you mean ${p.names}? Correct the name in the formula, or define the field in 字段定义.`
      : "Define the field in 字段定义, or correct the name in the formula.",
  }),
  grade_bands_invalid: (p) => ({
    message: `The grade bands are invalid: ${problemEn(p.problem, p.detail)}.`,
    fix: "Check the minimum scores of the grades, e.g. 优 90, 良 80, 中 60, 差 0.",
  }),
  check_invalid: (p) => ({
    message: `Check ${p.check} cannot be run: ${problemEn(p.problem, p.detail)}.`,
    fix: "Correct the rule and its field names in 校验规则.",
  }),
  required_missing: (p) => ({
    message: `"${p.label}" is not filled in.`,
    fix: "This value is required; enter it in the cell.",
  }),
  not_a_number: (p) => ({
    message: `"${p.label}" should be a number but the cell holds "${p.text}".`,
    fix: "Enter only the number, without words or units (amounts in 10,000 yuan).",
  }),
  not_an_integer: (p) => ({
    message: `"${p.label}" should be a whole number, not ${p.value}.`,
    fix: "Enter a whole number.",
  }),
  read_as: (p) => ({
    message: `The text "${p.text}" in "${p.label}" was read as the number ${p.value}.`,
    fix: "Prefer typing the plain number, so that other formulas do not treat it as text.",
  }),
  excel_error: (p) => ({
    message: `The cell of "${p.label}" shows the error ${p.error}.`,
    fix: "Fix the cell's formula, or type the value directly.",
  }),
  wrong_type: (p) => ({
    message: `"${p.label}" should be ${TYPE_EN[p.expected] ?? p.expected}, but the cell holds ${GOT_EN[p.got]}.`,
    fix: `Enter ${TYPE_EN[p.expected] ?? p.expected}.`,
  }),
  out_of_range: (p) => ({
    message:
      `The value ${p.value} of "${p.label}" is out of range (${rangeEn(p.min, p.max)}).` +
      (p.suggestion ? ` Rates are fractions: did you mean ${p.suggestion}?` : ""),
    fix: p.suggestion
      ? `To enter ${p.suggestion}, type "${p.suggestion}" with the percent sign.`
      : "Check whether the value is mistyped.",
  }),
  amount_precision: (p) => ({
    message: `"${p.label}" has ${p.decimals} decimals (${p.value}); the report shows 2.`,
    fix: "Amounts are in 10,000 yuan and usually have 2 decimals; calculations and checks use the exact value.",
  }),
  text_too_long: (p) => ({
    message: `"${p.label}" has ${p.length} characters, more than the limit of ${p.max}.`,
    fix: "Shorten the text.",
  }),
  table_empty: (p) => ({
    message: `The table "${p.table}" has no rows yet.`,
    fix: "Fill in at least one row.",
  }),
  sum_mismatch: (p) => {
    const u = p.unit === "万元" ? " (10,000 yuan)" : p.unit ? ` ${p.unit}` : "";
    const sides = splitSides(p.expression);
    const message = sides
      ? `${sides[0]} = ${p.left}, but ${sides[1]} is ${p.right}: a difference of ${p.difference}${u}.`
      : `${p.expression} does not hold: left ${p.left}, right ${p.right}, difference ${p.difference}${u}.`;
    if (p.limit !== undefined) {
      return {
        message: `${message} The difference is beyond the material limit of ${p.limit}${u}: scoring is blocked.`,
        fix: "Check these amounts and correct the mistyped or missing one before scoring.",
      };
    }
    return { message, fix: "Check these amounts and find the one that is mistyped or missing." };
  },
  comparison_failed: (p) => ({
    message: `${p.expression} does not hold (left ${p.left}, right ${p.right}).`,
    fix: "Check whether one of these figures is mistyped.",
  }),
  condition_failed: (p) => ({
    message: `${p.description}.`,
    fix: "Check the cells involved.",
  }),
  manual_score_missing: (p) => ({
    message: `The manual indicator "${p.indicator}" (${p.weight} points) has no self-assessed score yet.`,
    fix: "Enter the score in the 自评得分 column.",
  }),
  manual_score_out_of_range: (p) => ({
    message: `The score ${p.score} of "${p.indicator}" is outside 0 to ${p.weight}.`,
    fix: "Enter a score between 0 and full marks.",
  }),
  manual_score_step: (p) => ({
    message: `The score ${p.score} of "${p.indicator}" is not a multiple of ${p.step}.`,
    fix: `Enter the score in steps of ${p.step}.`,
  }),
  reason_missing: (p) => ({
    message: `"${p.indicator}" scores ${p.score} of ${p.weight} points but gives no reason for the deduction.`,
    fix: `Explain the deduction in the ${p.column ?? "扣分原因"} column.`,
  }),
  not_applicable: (p) => ({
    message: `"${p.indicator}" does not apply this year: ${p.why}.`,
    fix: "Nothing to do if it really does not apply; otherwise fill in the missing figures.",
  }),
  value_undefined: (p) => ({
    message: `The value of "${p.indicator}" cannot be computed: ${p.why}.`,
    fix:
      p.score === undefined
        ? "Check the figures it depends on, such as the denominator."
        : `If the figures are right, it scores ${p.score} by its 无法计算时 (undefined=) parameter and nothing needs doing; if the denominator or another figure is wrong, correct it and score again.`,
  }),
  total_capped: (p) => ({
    message: `By "${p.rule}", the total ${p.total} is capped at ${p.cap}.`,
    fix: NO_ACTION,
  }),
  total_penalty: (p) => ({
    message: `By "${p.rule}", ${p.points} points are deducted from the total.`,
    fix: NO_ACTION,
  }),
  adjustment_not_applied: (p) => ({
    message: `The total adjustment "${p.rule}" was not applied: its value cannot be computed (${p.why}).`,
    fix: "If it should apply, check the figures its formula uses.",
  }),
  report_input_missing: (p) => ({
    message: `The report needs "${p.item}", which is not filled in.`,
    fix: "Fill it in and generate the report again.",
  }),
  published_changed: (p) => ({
    message: `The rubric or scoring settings differ from the version the finance bureau published${p.at ? ` on ${p.at}` : ""}, in ${p.count} cells: ${p.cells
      .map(
        (c) => `${c.cell} (was ${c.was === "" ? "blank" : `"${c.was}"`}, now ${c.now === "" ? "blank" : `"${c.now}"`})`,
      )
      .join("; ")}${Number(p.count) > p.cells.length ? " …" : ""}.`,
    fix: "Restore these cells, or fill in the bureau's published template instead; a change to the rubric is for the bureau to publish.",
  }),
  published_record_altered: (p) => ({
    message: `The publication record in the _meta sheet${p.at ? ` (${p.at})` : ""} does not match its fingerprint: the record itself was changed, so what the bureau published cannot be confirmed.`,
    fix: "Use the template file the finance bureau published.",
  }),
};
