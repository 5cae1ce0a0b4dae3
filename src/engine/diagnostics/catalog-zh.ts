/** 诊断信息的中文措辞：面向会计人员，说清楚哪里有问题、怎么改。 */
import type { Catalog } from "../i18n/catalog";
import type { DiagnosticText } from "./catalog-types";
import { splitSides } from "./catalog-types";
import { renderProblem } from "./problems";
import type { DiagnosticParamsByCode } from "./types";

/** A problem (key + details, or the older "key:detail" text) in Chinese; free text is shown as is. */
const problemZh = (text: string, detail?: readonly string[]): string => renderProblem("zh-CN", text, detail);

const TYPE_ZH: Readonly<Record<string, string>> = {
  text: "文字",
  integer: "整数",
  amount: "金额（数字，万元）",
  rate: "比率（百分数）",
  year: "年份",
  number: "数字",
  yesno: "“是”或“否”",
};

const GOT_ZH = { text: "文字", number: "数字", boolean: "逻辑值（TRUE/FALSE）", date: "日期" } as const;

function rangeZh(min: string, max: string): string {
  if (min !== "" && max !== "") return `${min} 至 ${max}`;
  if (min !== "") return `不小于 ${min}`;
  if (max !== "") return `不大于 ${max}`;
  return "无";
}

const NO_ACTION = "无需处理，这是评分规则的结果。";

/** zh-CN messages for every diagnostic code. */
export const CATALOG_ZH: Catalog<DiagnosticParamsByCode, DiagnosticText> = {
  template_not_recognized: () => ({
    message: "这个工作簿不是绩效评价模板（找不到模板标识）。",
    fix: "请先用「新建模板」创建标准模板，或打开财政局下发的模板文件。",
  }),
  template_version_unsupported: (p) => ({
    message: `模板格式版本 ${p.found} 不受支持（本程序支持 ${p.supported}）。`,
    fix: "请升级绩效评价助手，或改用格式版本为 1.x 的模板。",
  }),
  template_version_newer: (p) => ({
    message: `模板格式版本 ${p.found} 比本程序支持的 ${p.supported} 新，新增的内容可能不会被识别。`,
    fix: "建议升级绩效评价助手；升级前的结果仅供参考。",
  }),
  template_sheet_missing: (p) => ({
    message:
      `工作表“${p.sheet}”不存在（可能已被删除或改名）` +
      (p.namedCount ? `，其中 ${p.namedCount} 个命名单元格或表格无法读取。` : "。"),
    fix: `请从原模板把工作表“${p.sheet}”复制回来；如果只是改了名，请把名字改回“${p.sheet}”。`,
  }),
  template_name_missing: (p) => ({
    message: `找不到名称“${p.name}”所指的单元格（名称管理器中没有这个名称）。`,
    fix: `请在「公式 → 名称管理器」中重新定义名称“${p.name}”，指向对应的填写单元格。`,
  }),
  template_name_invalid: (p) => ({
    message: `名称“${p.name}”指向 ${p.target}，不是一个有效的单元格。`,
    fix: `请在「公式 → 名称管理器」中把“${p.name}”改为指向正确的单元格（或表头行）。`,
  }),
  table_header_missing: (p) => ({
    message: `找不到表格「${p.table}」的表头行。`,
    fix: "请恢复该表的表头及其名称，不要删除或改写表头文字。",
  }),
  table_column_missing: (p) => ({
    message: `表格「${p.table}」缺少「${p.column}」列。`,
    fix: `请把表头中的列名恢复为「${p.column}」（列的先后顺序可以调整）。`,
  }),
  schema_invalid: (p) => ({
    message: `「${p.item}」的设置有误：${problemZh(p.problem, p.detail)}。`,
    fix: "请按模板「说明」页的要求修改这一格。",
  }),
  rubric_structure: (p) => ({
    message: `指标体系的层级有误：${problemZh(p.problem, p.detail)}。`,
    fix: "一级指标下放二级指标，二级指标下放三级指标；请检查各行填写的层级。",
  }),
  rubric_duplicate_id: (p) => ({
    message: `指标编号 ${p.id} 重复。`,
    fix: "请给每个指标一个不重复的编号。",
  }),
  rubric_weight_invalid: (p) => ({
    message: `指标「${p.indicator}」的分值“${p.text}”不是有效数字。`,
    fix: "分值请填写数字，例如 2 或 1.5。",
  }),
  rubric_weight_sum_mismatch: (p) => ({
    message: `「${p.parent}」的分值为 ${p.expected} 分，下级指标分值合计为 ${p.actual} 分，两者不一致。`,
    fix: "请调整下级指标的分值，使合计等于上级指标的分值。",
  }),
  rubric_full_score_mismatch: (p) => ({
    message: `指标体系的一级指标分值合计为 ${p.actual} 分（${p.levels}），不等于满分 ${p.expected} 分；等级标准（优 90 分等）按满分 ${p.expected} 分设定。`,
    fix: `请调整一级指标及其下级指标的分值，使一级指标合计为 ${p.expected} 分；满分本身在指标体系等级标准上方的“满分”单元格中设置。`,
  }),
  rubric_blank_row: (p) => ({
    message: `指标体系第 ${p.row} 行是空行，已跳过；它下面的指标照常读取。`,
    fix: "如果这一行的指标不再使用，请右键删除整行；如果是误清空，请恢复该行内容。",
  }),
  description_mismatch: (p) => ({
    message: `指标「${p.indicator}」的指标说明写的是“${p.quoted}”，而按评分参数，评分标准是 ${p.param}，两者不一致；评分按评分参数计算。`,
    fix: "请修改指标说明或评分参数，使两者一致（指标说明可以留空：评分标准由助手按评分参数生成）。",
  }),
  rule_unknown: (p) => ({
    message: `指标「${p.indicator}」的评分方法“${p.kind}”无法识别。`,
    fix: "请选用模板说明中的评分方法：达标、超限扣分、分段扣分、分档、按比例、逐项扣分、按次扣分、人工评分。",
  }),
  rule_invalid: (p) => ({
    message: `指标「${p.indicator}」的评分参数有误（${p.kind}）：${problemZh(p.problem, p.detail)}。`,
    fix: "请按该评分方法的参数格式修改「评分参数」。",
  }),
  rule_bands_overlap: (p) => ({
    message: `指标「${p.indicator}」的分档 ${p.first} 与 ${p.second} 有重叠。`,
    fix: "请调整区间端点（开闭括号），使每个数值只落在一个档次里。",
  }),
  rule_bands_gap: (p) => ({
    message: `指标「${p.indicator}」的分档在 ${p.from} 到 ${p.to} 之间有空档。`,
    fix: "请补上这段区间的得分，或在评分参数中写明 gaps=allow。",
  }),
  formula_invalid: (p) => ({
    message: `指标「${p.indicator}」的指标值公式“${p.formula}”有误：${problemZh(p.problem, p.detail)}。`,
    fix: p.names
      ? `公式中请写「字段定义」中的名称，不要写标签，例如：${p.names}。`
      : "请检查公式中的括号、运算符和函数名称；字段请写「字段定义」中的名称。",
  }),
  formula_unknown_field: (p) => ({
    message: `指标「${p.indicator}」的公式用到了未定义的字段“${p.field}”。`,
    fix: p.names
      ? `是否应为：${p.names}？请改正公式中的名称，或在「字段定义」中定义该字段。`
      : "请在「字段定义」中定义该字段，或改正公式中的名称。",
  }),
  grade_bands_invalid: (p) => ({
    message: `评价等级设置有误：${problemZh(p.problem, p.detail)}。`,
    fix: "请检查等级表的最低分，例如 优 90、良 80、中 60、差 0。",
  }),
  check_invalid: (p) => ({
    message: `校验规则 ${p.check} 无法执行：${problemZh(p.problem, p.detail)}。`,
    fix: "请检查「校验规则」表中这条规则的写法和字段名称。",
  }),
  required_missing: (p) => ({
    message: `「${p.label}」还没有填写。`,
    fix: "这是必填项，请在该单元格填写。",
  }),
  not_a_number: (p) => ({
    message: `「${p.label}」应填写数字，单元格里是“${p.text}”。`,
    fix: "请只填写数字，不要夹带文字或单位（金额以万元为单位）。",
  }),
  not_an_integer: (p) => ({
    message: `「${p.label}」应为整数，填写的是 ${p.value}。`,
    fix: "请填写整数。",
  }),
  read_as: (p) => ({
    message: `「${p.label}」中的文字“${p.text}”已按数值 ${p.value} 读取。`,
    fix: "建议直接填写数字，以免表格里的其他公式把它当作文字。",
  }),
  excel_error: (p) => ({
    message: `「${p.label}」的单元格显示错误值 ${p.error}。`,
    fix: "请检查该单元格的公式，或直接填写数值。",
  }),
  wrong_type: (p) => ({
    message: `「${p.label}」应填写${TYPE_ZH[p.expected] ?? p.expected}，单元格里是${GOT_ZH[p.got]}。`,
    fix: `请改为填写${TYPE_ZH[p.expected] ?? p.expected}。`,
  }),
  out_of_range: (p) => ({
    message:
      `「${p.label}」的值 ${p.value} 超出允许范围（${rangeZh(p.min, p.max)}）。` +
      (p.suggestion ? `比率按小数填写，是否应为 ${p.suggestion}？` : ""),
    fix: p.suggestion ? `如果要填 ${p.suggestion}，请输入“${p.suggestion}”（带百分号）。` : "请核对该数值是否填错。",
  }),
  amount_precision: (p) => ({
    message: `「${p.label}」填写了 ${p.decimals} 位小数（${p.value}），报告中按两位小数显示。`,
    fix: "金额以万元为单位，一般保留两位小数；计算和校验仍使用填写的精确值。",
  }),
  text_too_long: (p) => ({
    message: `「${p.label}」共 ${p.length} 个字，超过上限 ${p.max} 个字。`,
    fix: "请精简文字。",
  }),
  table_empty: (p) => ({
    message: `表格「${p.table}」还没有填写任何一行。`,
    fix: "请至少填写一行。",
  }),
  sum_mismatch: (p) => {
    const u = p.unit ? ` ${p.unit}` : "";
    const sides = splitSides(p.expression);
    // "226.86 万元相差" with a unit, "226.86 相差" without one.
    const gap = p.unit ? "" : " ";
    const message = sides
      ? `${sides[0]} = ${p.left}${u}，与${sides[1]} ${p.right}${u}${gap}相差 ${p.difference}${u}。`
      : `${p.expression} 不成立，左边 ${p.left}${u}，右边 ${p.right}${u}，相差 ${p.difference}${u}。`;
    if (p.limit !== undefined) {
      return {
        message: `${message}差额超过重大差额 ${p.limit}${u}，不能评分。`,
        fix: "请核对这几项金额，改正填错或漏算的一项后再评分。",
      };
    }
    return { message, fix: "请核对这几项金额，找出填错或漏算的一项。" };
  },
  comparison_failed: (p) => ({
    message: `${p.expression} 不成立（左边 ${p.left}，右边 ${p.right}）。`,
    fix: "请核对相关数字是否填错。",
  }),
  condition_failed: (p) => ({
    message: `${p.description}。`,
    fix: "请核对相关单元格的填写。",
  }),
  manual_score_missing: (p) => ({
    message: `人工评分指标「${p.indicator}」（满分 ${p.weight} 分）还没有填写自评得分。`,
    fix: "请在「自评得分」列填写得分。",
  }),
  manual_score_out_of_range: (p) => ({
    message: `「${p.indicator}」的自评得分 ${p.score} 超出 0 至 ${p.weight} 分的范围。`,
    fix: "请填写 0 到满分之间的得分。",
  }),
  manual_score_step: (p) => ({
    message: `「${p.indicator}」的自评得分 ${p.score} 不是 ${p.step} 分的整数倍。`,
    fix: `请按每档 ${p.step} 分填写。`,
  }),
  reason_missing: (p) => ({
    message: `「${p.indicator}」得 ${p.score} 分（满分 ${p.weight} 分），但没有填写${p.column ?? "扣分原因"}。`,
    fix: `请在「${p.column ?? "扣分原因"}」列写明原因。`,
  }),
  not_applicable: (p) => ({
    message: `「${p.indicator}」本年不适用：${p.why}。`,
    fix: "如确实不适用，无需处理；否则请补填相关数据。",
  }),
  value_undefined: (p) => ({
    message: `「${p.indicator}」的指标值无法计算：${p.why}。`,
    fix:
      p.score === undefined
        ? "请检查分母等相关数据是否填写正确。"
        : `如数据无误，该指标按评分参数“无法计算时”得 ${p.score} 分，无需处理；如分母等数据填错，请改正后重新评分。`,
  }),
  total_capped: (p) => ({
    message: `按“${p.rule}”，总分 ${p.total} 分封顶为 ${p.cap} 分。`,
    fix: NO_ACTION,
  }),
  total_penalty: (p) => ({
    message: `按“${p.rule}”，总分扣减 ${p.points} 分。`,
    fix: NO_ACTION,
  }),
  adjustment_not_applied: (p) => ({
    message: `总分调整“${p.rule}”未执行：指标值无法计算（${p.why}）。`,
    fix: "如该调整应当执行，请检查它的指标值公式所用的数据。",
  }),
  report_input_missing: (p) => ({
    message: `生成报告需要的「${p.item}」还没有填写。`,
    fix: "请补填后重新生成报告。",
  }),
  published_changed: (p) => ({
    message: `本工作簿的指标体系或评分设置与财政局${p.at ? `于 ${p.at} ` : ""}发布的版本不一致，共 ${p.count} 处：${p.cells
      .map((c) => `${c.cell}（原为${c.was === "" ? "空" : `“${c.was}”`}，现为${c.now === "" ? "空" : `“${c.now}”`}）`)
      .join("；")}${Number(p.count) > p.cells.length ? "等" : ""}。`,
    fix: "请恢复这些单元格，或改用财政局发布的模板重新填写；确需调整指标体系的，请联系财政局重新发布。",
  }),
  published_record_altered: (p) => ({
    message: `_meta 工作表中的发布记录${p.at ? `（${p.at}）` : ""}与它的指纹不符，发布记录本身被改动过，无法确认哪些设置是财政局发布的。`,
    fix: "请改用财政局发布的模板文件。",
  }),
};
