/** 问题说明的中文措辞：说清楚哪一处写错了，用户自己填写的内容原样加引号显示。 */
import type { Catalog } from "../i18n/catalog";
import type { ProblemParams } from "./problems";

const at = (n: string) => (n === "" ? "" : `（第 ${n} 个字符处）`);
const found = (f: string) => (f === "" ? "公式已经结束" : `写的是“${f}”`);

/** "需要 2 个" / "需要至少 1 个" / "需要 1 至 2 个" (max "" = no upper limit). */
function argCount(min: string, max: string): string {
  if (max === "") return `需要至少 ${min} 个`;
  return min === max ? `需要 ${min} 个` : `需要 ${min} 至 ${max} 个`;
}

/** zh-CN wording of every problem key. */
export const PROBLEMS_ZH: Catalog<ProblemParams> = {
  // 字段定义、校验规则、评价等级
  missing_name: () => "名称为空",
  bad_name: ([d]) => `名称“${d}”只能包含英文字母、数字和下划线（表格列写作 表名.列名）`,
  duplicate_name: ([d]) => `名称“${d}”重复定义`,
  missing_type: () => "类型为空",
  unknown_type: ([d]) => `类型“${d}”无法识别（可选：文本、整数、金额、比率、年份、数值、是否）`,
  bad_required: ([d]) => `必填应为“是”或“否”，填写的是“${d}”`,
  bad_number: ([d]) => `“${d}”不是数字`,
  min_above_max: ([d]) => `最小值大于最大值（${d}）`,
  bad_direction: ([d]) => `方向应为“输入”或“输出”，填写的是“${d}”`,
  missing_rule: () => "规则为空",
  bad_tolerance: ([d]) => `容差“${d}”不是非负数字`,
  bad_materiality: ([d]) =>
    `重大差额“${d}”应写作金额、比例或两者（如“1；0.5%”：1 万元与合计的 0.5% 取较大者），或“不限”`,
  bad_severity: ([d]) => `级别应为“错误”“警告”或“提示”，填写的是“${d}”`,
  missing_grade: () => "等级名称为空",
  bad_min_score: ([d]) => `最低分“${d}”不是数字`,
  duplicate_grade: ([d]) => `等级“${d}”重复`,
  unknown_field: ([d]) => `字段“${d}”未在「字段定义」中定义`,
  unknown_column: ([d]) => `表格列“${d}”未在「字段定义」中定义`,
  unknown_table: ([d]) => `表格“${d}”未在「字段定义」中定义`,
  // 公式
  empty_formula: () => "公式为空",
  formula_too_complex: () => "公式过于复杂，无法读取",
  nested_too_deeply: ([n]) => `括号或正负号嵌套的层数太多${at(n)}`,
  unterminated_text: ([n]) => `引号没有配对，缺少结束的引号${at(n)}`,
  unexpected_character: ([c, n]) => `公式中不能使用符号“${c}”${at(n)}`,
  expected_symbol: ([e, f, n]) => `此处应为“${e}”，${found(f)}${at(n)}`,
  unexpected_token: ([f, n]) => `“${f}”出现的位置不对，可能缺少运算符或多写了符号${at(n)}`,
  unexpected_end: ([n]) => `公式不完整，后面缺少内容${at(n)}`,
  column_name_expected: ([t, n]) => `“${t}.”后面缺少列名${at(n)}`,
  unknown_function: ([f, n]) => `公式中没有“${f}”这个函数${at(n)}`,
  check_only_function: ([f, n]) => `函数“${f}”只能用在校验规则中，不能用在指标值公式里${at(n)}`,
  wrong_argument_count: ([f, min, max, got, n]) => `函数“${f}”${argCount(min, max)}参数，公式中写了 ${got} 个${at(n)}`,
  column_argument_expected: ([f, i, n]) => `函数“${f}”的第 ${i} 个参数应为表格中的一列（写作 表名.列名）${at(n)}`,
  weighted_two_tables: ([n]) => `函数“weighted”的两个参数应为同一张表格中的两列${at(n)}`,
  check_not_comparison: () => "校验规则应比较两个数（例如 a = b、a <= b），或写作 blank(x)、present(x)",
  // 评分参数
  param_unreadable: ([t]) => `无法识别“${t}”（应写作 参数=值，如 限值=100%，或 区间: 得分；各参数见“说明”工作表）`,
  bands_not_taken: ([b]) => `这种评分方法不分档，却填写了分档“${b}”`,
  param_unknown: ([p, zh, en, near]) =>
    `没有名为“${p}”的参数${near === "" ? "" : `，是否应为“${near}”？`}（可填写的参数：${zh}；也可用英文 ${en}）`,
  param_repeated: ([p]) => `参数 ${p} 填写了两次`,
  param_missing: ([p]) => `缺少参数 ${p}`,
  bands_missing: () => "没有填写分档（写作 区间: 得分，例如 [90%,100%]: 5）",
  param_not_allowed: ([p, allowed, got]) => `参数 ${p} 只能填写 ${allowed}（填的是“${got}”）`,
  param_not_number: ([p, got]) => `参数 ${p} 应为数字（填的是“${got}”）`,
  param_not_positive: ([p, got]) => `参数 ${p} 应大于 0（填的是“${got}”）`,
  param_negative: ([p, got]) => `参数 ${p} 不能为负数（填的是“${got}”）`,
  param_out_of_score: ([p, max, got]) => `参数 ${p} 应在 0 至 ${max} 分之间（填的是“${got}”）`,
  band_score_not_number: ([b, got]) => `分档“${b}”的得分应为数字（填的是“${got}”）`,
  band_score_out_of_score: ([b, max, got]) => `分档“${b}”的得分应在 0 至 ${max} 分之间（填的是“${got}”）`,
  interval_unreadable: ([i]) => `无法识别区间“${i}”（应写作 [a,b]、(a,b]、>=a、<b 等）`,
  interval_not_number: ([t]) => `区间端点“${t}”不是数字`,
  interval_wrong_side: ([b]) => `区间端点“${b}”写反了方向（下限不能是 +∞，上限不能是 -∞）`,
  interval_empty: ([i]) => `区间“${i}”中没有任何数值（下限大于上限）`,
  manual_expanded: () => "人工评分的指标不能按表格逐行展开",
  param_field_blank: ([label, name]) => `参数引用的“${label}”（${name}）还没有填写，请先填写该项，或在参数中直接写数值`,
  // 指标体系
  row_without_name: ([r]) => `第 ${r} 行没有填写指标名称`,
  level2_without_level1: ([name]) => `二级指标“${name}”上方没有一级指标`,
  level3_without_level2: ([name]) => `三级指标“${name}”上方没有二级指标`,
  expand_table_unknown: ([t]) => `用于展开的表格“${t}”未在模板中定义`,
  expand_table_no_weight: ([t, cols]) =>
    `表格“${t}”没有分值列，不能逐项展开（逐项展开的表格需要名称和分值两列，并列在「字段定义」中；该表现有的列：${cols}）`,
  rubric_empty: () => "指标体系中还没有任何指标",
  level1_without_level2: ([name]) => `一级指标“${name}”下面没有二级指标`,
  level2_without_level3: ([name]) => `二级指标“${name}”下面没有三级指标`,
  // 评价等级
  grades_empty: () => "没有设置任何等级",
  grade_without_min: ([g]) => `等级“${g}”没有填写最低分`,
  grades_same_min: ([a, b, min]) => `等级“${a}”和“${b}”的最低分都是 ${min}`,
  grade_above_full: ([g, min, full]) => `等级“${g}”的最低分 ${min} 分高于满分 ${full} 分，任何单位都评不到这个等级`,
  grade_floor_missing: ([min]) => `总分低于 ${min} 分时没有对应的等级（最低一档的最低分应为 0）`,
};
