import type { Widen } from "./types";

/** What a summary of many alike problems says they are, by diagnostic code (others: 项同类问题). */
const SUMMARY_ZH: Readonly<Record<string, string>> = {
  required_missing: "项未填写",
  not_a_number: "项不是数字",
  not_an_integer: "项不是整数",
  out_of_range: "项超出允许范围",
  wrong_type: "项类型不对",
  manual_score_missing: "个人工评分指标未填写自评得分",
  reason_missing: "项未写明原因",
};

const source = {
  appTitle: "绩效评价助手",
  language: "语言 Language",
  firstRun: {
    sentence: "绩效评价助手帮您校验部门整体支出绩效评价表，计算各项指标得分和等级，并生成绩效自评报告。",
    notTemplate: "当前工作簿还不是绩效评价模板。",
    notTemplateHelp:
      "模板是带有「指标体系」「字段定义」等工作表的工作簿。已有的数据请先新建标准模板，再把数字复制到它的黄色单元格中。",
    noWorkbook: "还没有打开工作簿。请打开填好的 .xlsx 文件，或新建标准模板、打开示例。",
    steps: "使用步骤：填写黄色单元格 → 校验 → 评分 → 报告。",
    create: "新建标准模板",
    example: "打开示例",
  },
  status: {
    region: "模板状态",
    noTemplate: "未识别到绩效评价模板",
    version: (version: string) => `版本 ${version}`,
    // Only what was entered: no stray 「· 年度」 on a blank template.
    unitYear: (unit: string, year: string) => [unit, year && `${year} 年度`].filter((s) => s !== "").join(" · "),
    notScored: "尚未评分",
    grade: (grade: string, total: string) => `${grade} · ${total} 分`,
    gradeLabel: (grade: string, total: string) => `等级：${grade}，总分 ${total} 分`,
    scoredAt: (time: string) => `评分时间 ${time}`,
    staleGrade: (grade: string, total: string) => `${grade} · ${total} 分 · 已过期`,
    staleGradeLabel: (grade: string, total: string) => `已过期的结果：等级 ${grade}，总分 ${total} 分`,
    stale: {
      edited: "数据已修改，请重新评分",
      unwritten: "评分结果没有写入工作簿，显示的是之前的结果；请处理上面的问题后重新评分",
    },
  },
  tabs: {
    label: "步骤",
    template: "模板",
    validate: "校验",
    score: "评分",
    report: "报告",
  },
  busy: "正在处理…",
  template: {
    refresh: "重新读取工作簿",
    intro: "模板保存指标体系、评分方法和填写区域。黄色单元格由您填写，绿色单元格由助手写入。",
    name: "模板名称",
    version: "版本",
    create: "新建标准模板",
    example: "打开示例",
    // The pane lands on 校验; on a blank template the next step is filling in (review 3.1).
    created: "已插入标准模板的工作表。下一步：在黄色单元格中填写本单位的数据，然后校验。",
    exampleOpened: "已打开示例工作簿。",
    exampleOpenedInWindow:
      "示例已在新的 Excel 窗口中打开：请切换到该窗口，在「开始」选项卡点「绩效评价助手」查看。这个工作簿没有改动。",
    refreshed: "已重新读取工作簿。",
  },
  validate: {
    run: "校验",
    hint: "检查所有填写的单元格和勾稽关系，问题单元格会在表格中标出。",
    none: "没有发现问题。",
    filters: "按级别筛选",
    count: {
      error: (n: number) => `${n} 错误`,
      warning: (n: number) => `${n} 警告`,
      info: (n: number) => `${n} 提示`,
    },
    severity: { error: "错误", warning: "警告", info: "提示" },
    general: "整个工作簿",
    groupCount: (n: number) => `${n} 项`,
    rule: (code: string) => `规则 ${code}`,
    ruleTitle: (code: string) => `「校验规则」中的 ${code}；联系技术支持时可提供此编号`,
    // Many alike problems on one sheet: one line (收支情况：24 项未填写) that opens to their cards.
    summary: (where: string, code: string, n: number) => `${where}：${n} ${SUMMARY_ZH[code] ?? "项同类问题"}`,
    summaryOf: (labels: readonly string[], more: boolean) =>
      labels.map((l) => `「${l}」`).join("") + (more ? " 等" : ""),
    summaryOpen: "展开",
    summaryClose: "收起",
    cell: (sheet: string, address: string) => `「${sheet}」!${address}`,
    fix: (text: string) => `处理：${text}`,
    goTo: (cell: string) => `转到 ${cell}`,
    done: (errors: number, warnings: number) =>
      errors === 0 && warnings === 0 ? "校验完成，没有发现错误。" : `校验完成：${errors} 个错误，${warnings} 个警告。`,
    filteredOut: "当前筛选下没有问题。",
  },
  score: {
    run: "评分并写入",
    hint: "计算每项指标的指标值和得分、各级小计、总分和等级，并写入输出单元格。",
    whereOutputs:
      "评分结果只写入绿色的输出单元格：「指标体系」的指标值、得分、评分说明列，「重点工作」的得分列，以及「评价结果」工作表。您填写的单元格不会被改动。",
    blocked: (errors: number) => `有 ${errors} 个错误，暂不能评分。请先在「校验」中修正。`,
    showProblems: "查看问题",
    total: "总分",
    grade: "等级",
    totalLine: (total: string, full: string) => `${total} / ${full} 分`,
    tree: "指标得分",
    weight: (w: string) => `分值 ${w}`,
    value: (v: string) => `指标值 ${v}`,
    score: (s: string) => `得分 ${s}`,
    subtotal: (s: string, w: string) => `小计 ${s} / ${w}`,
    reason: (text: string) => `扣分原因：${text}`,
    na: "不适用",
    undefinedValue: "无法计算",
    noValue: "无（人工评分）",
    adjustments: "总分调整",
    rawTotal: (raw: string) => `调整前合计 ${raw} 分`,
    written: (cells: number) => `已写入 ${cells} 个单元格`,
    writtenParts: (parts: string) => `：${parts}`,
    sheetPart: (sheet: string, cells: number) => `「${sheet}」${cells} 个`,
    partSeparator: "，",
    createdSheets: (sheets: string) => `新建工作表 ${sheets}`,
    done: (total: string, grade: string) => `评分完成：${total} 分，${grade}。`,
    stale: "数据已修改，之前的评分结果已过期。请重新评分。",
    lostTitle: "失分项",
    noneLost: "没有失分的指标。",
    lost: (points: string) => `失 ${points} 分`,
    levelsTitle: "一级指标得分",
    levelLine: (name: string, score: string, weight: string) => `${name} ${score} / ${weight} 分`,
    openWarnings: (n: number) => `还有 ${n} 个警告未处理，评分已按填写的数据计算。请在「校验」中核对。`,
  },
  report: {
    run: "生成报告",
    hint: "根据填写的数据和评分结果生成绩效自评报告。",
    preview: "报告预览",
    copy: "复制全文",
    write: "写入报告工作表",
    export: "导出 Word",
    fileName: "绩效自评报告.docx",
    copied: "已复制全文。",
    exported: "已导出 Word 文件。",
    written: "已写入「报告」工作表。",
    stale: "数据已修改，之前生成的报告已过期。请重新生成报告。",
    openWarnings: (n: number) => `还有 ${n} 个警告未处理，报告已按填写的数据生成。请在「校验」中核对后再提交。`,
    showProblems: "查看问题",
    blocked: (errors: number) => `有 ${errors} 个错误，暂不能生成报告。请先在「校验」中修正。`,
    copyFailed: "无法自动复制。",
    copyFailedFix: "请在报告预览中按 Ctrl+A 全选，再按 Ctrl+C 复制。",
  },
  errors: {
    dismiss: "关闭",
    namedSheets: {
      sheet_protected: (sheets: string) => `要写入的工作表「${sheets}」受保护。`,
      sheet_missing: (sheets: string) => `找不到需要的工作表「${sheets}」。`,
      sheets_exist: (sheets: string) => `工作簿中已有同名的模板工作表：${sheets}。`,
    },
  },
  web: {
    title: "绩效评价助手 · 浏览器版",
    open: "打开 .xlsx 文件",
    refused: (file: string, message: string) => `「${file}」：${message}`,
    download: "下载已评分的 .xlsx",
    downloadEdited: "下载 .xlsx",
    privacy:
      "文件只在您的浏览器中处理，不会上传到任何地方。在本页填写的内容、评分和报告的结果也只在本页中，请下载 .xlsx 保存到电脑。",
    unsaved: "未保存：结果只在本页中，关闭页面前请下载",
    downloadedAt: (time: string) => `已于 ${time} 下载`,
    confirmReplace: (name: string) =>
      `「${name}」的修改和评分结果还没有下载，打开另一个工作簿后将丢失。\n\n仍要打开吗？（取消：留在当前工作簿，先下载）`,
    editHint:
      "黄色单元格可以直接填写：选中后输入，按 Enter 或 Tab 确认；也可以粘贴从 Excel 或 WPS 复制的一块单元格。其他单元格只能查看。",
    noInputsOnSheet: "这个工作表没有要填写的单元格，只能查看。",
    noInputs:
      "这个工作簿没有标出填写单元格，本页只能查看：请在 Excel 或 WPS 中按校验的提示修改并保存，再点「打开 .xlsx 文件」重新打开。",
    readOnlyCell: "这个单元格不能在这里修改：只有黄色的填写单元格可以输入，绿色单元格由助手写入。",
    pasteSkipped: (n: number) => `已粘贴到黄色的填写单元格；其中 ${n} 个单元格不是填写单元格，没有改动。`,
    editCell: (cell: string) => `编辑 ${cell}`,
    rowNumbers: "行号",
    dropHint: "把 .xlsx 文件拖到这里，或点击「打开 .xlsx 文件」。",
    opening: (file: string) => `正在打开「${file}」…`,
    dropNow: "松开鼠标即可打开文件",
    sheets: "工作表",
    grid: (sheet: string) => `工作表「${sheet}」的单元格`,
    truncated: (rows: number, cols: number) => `只显示前 ${rows} 行、${cols} 列。`,
    emptySheet: "这个工作表是空的。",
    yes: "是",
    no: "否",
    mark: (severity: string, cell: string) => `${cell}：${severity}`,
    opened: (name: string) => `已打开 ${name}`,
  },
};

/** The shape every language's catalog must have: a missing or extra key is a type error. */
export type Catalog = Widen<typeof source>;

/** Chinese, the default language. */
export const zhCN: Catalog = source;
