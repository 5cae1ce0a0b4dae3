import type { SummaryHeaders, SummaryLabels } from "../hosts/xlsx";
import type { Catalogs } from "../engine";
import { defineCatalogs, pointsWord } from "../engine";

/** File-system failures the command line words (Node's error codes, and its own for a folder or a huge file). */
export type FsErrorCode = "ENOENT" | "EACCES" | "EPERM" | "EISDIR" | "ETOOBIG" | "ENOSPC";

/** 24.5 → "24.5", 5 → "5": full marks as written in a header. */
const marks = (n: number) => String(Math.round(n * 100) / 100);

/** Every sentence the command line prints: its catalog (one per language, so a missing translation is a type error). */
export interface CliMessages {
  usage: string;
  unknownCommand: (cmd: string) => string;
  missingArgument: (what: string) => string;
  badOption: (detail: string) => string;
  cannotRead: (file: string, why: string) => string;
  cannotWrite: (file: string, why: string) => string;
  notTemplate: (file: string) => string;
  templateWritten: (file: string) => string;
  /** One line of `perfeval families`: the id (for --family), the version and the title. */
  family: (id: string, version: string, title: string) => string;
  unknownFamily: (id: string, known: string) => string;
  /** publish: the configuration recorded (how many cells, the fingerprint) and the sheets protected. */
  published: (file: string, cells: number, fingerprint: string, sheets: readonly string[], password: boolean) => string;
  publishBlocked: string;
  /** The summary's 指标体系是否被改动 column. */
  changedYes: string;
  changedNo: string;
  changedUnpublished: string;
  clean: (file: string) => string;
  counts: (errors: number, warnings: number, infos: number) => string;
  blocked: string;
  scored: (total: string, grade: string) => string;
  written: (file: string, cells: number) => string;
  reportWritten: (file: string) => string;
  /** report -o with an extension that is none of .docx, .pdf, .txt. */
  reportExtension: (file: string) => string;
  /** Said before the report when 校验 warnings are open. */
  openWarnings: (count: number) => string;
  pdfUnavailable: (why: "no_soffice" | "failed", soffice: string) => string;
  /** validate -o: the copy with the problem cells marked (fill + note). */
  marked: (file: string, cells: number) => string;
  inPlaceOrOutput: string;
  batchNoFiles: string;
  batchDone: (ok: number, failed: number, out: string) => string;
  batchFailed: (file: string, why: string) => string;
  severity: Record<"error" | "warning" | "info", string>;
  summaryHeaders: SummaryHeaders;
  summaryLabels: Omit<SummaryLabels, "severity">;
  /** A summary row's 说明 (also the batch's stderr line): each sentence stands on its own, nothing is "above". */
  summaryBlocked: (errors: number) => string;
  summaryBlank: (errors: number) => string;
  summaryUnreadable: (why: string) => string;
  summaryDuplicate: (files: readonly string[]) => string;
  /** File-system failures by Node error code (ENOENT …), and the words for any other. */
  fsError: Readonly<Record<FsErrorCode, string>>;
  fsErrorOther: string;
}

const zh: CliMessages = {
  usage: [
    "用法：perfeval <命令> [参数]",
    "",
    "  template <输出.xlsx> [--family 模板编号]            生成空白模板（默认：部门整体支出绩效评价）",
    "  families                                         列出可生成的模板（编号、版本、名称）",
    "  validate <工作簿.xlsx> [-o 标注.xlsx | --in-place] [--json]   校验（0 无错误，1 有错误，2 用法或文件问题）；-o/--in-place 另存一份标出问题单元格的工作簿",
    "  score <工作簿.xlsx> [-o 输出.xlsx | --in-place] [--json]   校验并评分，写入输出单元格并标出问题单元格",
    "  report <工作簿.xlsx> [-o 报告.docx|.pdf|.txt] [--text]  生成绩效自评报告（.pdf 需要 LibreOffice）",
    "  batch <文件或文件夹…> -o 汇总.xlsx [--json]          批量评分并汇总",
    "  publish <模板.xlsx> [-o 发布.xlsx | --in-place] [--password 密码]  发布模板（财政局）：记录指标体系等设置，保护设置工作表；单位改动设置时校验会指出",
    "",
    "  --lang en   英文输出",
  ].join("\n"),
  unknownCommand: (c) => `未知命令「${c}」。`,
  missingArgument: (w) => `缺少参数：${w}。用法见 perfeval --help。`,
  badOption: (d) => `参数有误：${d}`,
  cannotRead: (f, why) => `无法读取「${f}」：${why}`,
  cannotWrite: (f, why) => `无法写入「${f}」：${why}`,
  notTemplate: (f) => `「${f}」不是绩效评价模板工作簿：请用「perfeval template」生成标准模板，或打开财政局下发的模板。`,
  templateWritten: (f) => `已生成标准模板：${f}`,
  family: (id, v, t) => `${id}  ${v}  ${t}`,
  unknownFamily: (id, known) => `没有编号为「${id}」的模板。可用的模板：${known}（perfeval families 列出全部）。`,
  published: (f, n, fp, sheets, pw) =>
    `已发布：${f}（记录 ${n} 个设置单元格，指纹 ${fp.slice(0, 19)}…；已保护工作表 ${sheets.join("、")}${pw ? "，设有密码" : "，未设密码"}）`,
  publishBlocked: "存在错误，未发布：请先改正上面的错误。",
  changedYes: "是",
  changedNo: "否",
  changedUnpublished: "未发布",
  clean: (f) => `「${f}」校验通过。`,
  counts: (e, w, i) => `${e} 个错误 · ${w} 个警告 · ${i} 个提示`,
  blocked: "存在错误，未评分：请先改正上面的错误。",
  scored: (t, g) => `总分 ${t} 分，等级「${g}」。`,
  written: (f, n) => `已写入 ${n} 个输出单元格：${f}`,
  reportWritten: (f) => `已生成报告：${f}`,
  reportExtension: (f) =>
    `无法写成“${f}”：报告可以写成 .docx（Word/WPS）、.pdf（需要 LibreOffice）或 .txt（纯文本），请改用其中一种扩展名。`,
  openWarnings: (n) => `注意：还有 ${n} 条警告未处理，报告照常生成（正文中不含这些警告）：`,
  pdfUnavailable: (why, soffice) =>
    why === "no_soffice"
      ? `未找到 LibreOffice（${soffice}），无法生成 PDF。请安装 LibreOffice（或用 PERFEVAL_SOFFICE 指定 soffice 的位置），或改用 -o 报告.docx，在 Word/WPS 中另存为 PDF。`
      : `LibreOffice（${soffice}）未能把报告转换为 PDF。请改用 -o 报告.docx，在 Word/WPS 中另存为 PDF。`,
  marked: (f, n) => `已标出 ${n} 个问题单元格（底色与批注）：${f}`,
  inPlaceOrOutput: "请用 -o 指定输出文件，或用 --in-place 覆盖原文件（二者选一）。",
  batchNoFiles: "没有找到 .xlsx 文件。",
  batchDone: (ok, failed, out) => `已处理 ${ok} 个工作簿，${failed} 个无法评分；汇总表：${out}`,
  batchFailed: (f, why) => `跳过「${f}」：${why}`,
  severity: { error: "错误", warning: "警告", info: "提示" },
  summaryHeaders: {
    file: "文件",
    unit: "单位名称",
    year: "评价年度",
    total: "总分",
    grade: "等级",
    errors: "错误",
    warnings: "警告",
    deducted: "扣分指标数",
    rank: "排名",
    changed: "指标体系是否被改动",
    note: "说明",
  },
  summaryLabels: {
    sheets: { summary: "汇总", deductions: "扣分明细", issues: "问题清单" },
    withMarks: (name, n) => `${name}（${marks(n)}分）`,
    stats: { average: "平均", max: "最高", min: "最低", gradeCount: "等级分布（个数）" },
    deductionHeaders: {
      unit: "单位",
      file: "文件",
      indicator: "指标",
      weight: "分值",
      score: "得分",
      lost: "扣分",
      reason: "原因",
    },
    issueHeaders: { unit: "单位", file: "文件", severity: "级别", where: "位置", message: "说明", fix: "修改建议" },
    footer: "&A 第 &P 页 共 &N 页",
  },
  summaryBlocked: (n) => `有 ${n} 处错误，未评分（详见“问题清单”）。`,
  summaryBlank: (n) => `空白模板，尚未填写，未评分（${n} 处错误，详见“问题清单”）。`,
  summaryUnreadable: (why) => `无法打开，未评分：${why}`,
  summaryDuplicate: (files) => `与 ${files.join("、")} 单位、年度相同。`,
  fsError: {
    ENOENT: "文件不存在",
    EACCES: "没有权限",
    EPERM: "没有权限",
    EISDIR: "这是一个文件夹，不是文件",
    ETOOBIG: "文件太大（超过 50 MB），不像是绩效评价工作簿",
    ENOSPC: "磁盘空间不足",
  },
  fsErrorOther: "文件读写出错",
};

const en: CliMessages = {
  usage: [
    "Usage: perfeval <command> [options]",
    "",
    "  template <out.xlsx> [--family id]                    write a blank template (default: 部门整体支出绩效评价)",
    "  families                                             list the templates it can write (id, version, title)",
    "  validate <in.xlsx> [-o marked.xlsx | --in-place] [--json]  validate (exit 0 clean, 1 errors, 2 usage or file problem); -o/--in-place saves a copy with the problem cells marked",
    "  score <in.xlsx> [-o out.xlsx | --in-place] [--json]  validate, score, write the output cells and mark the problem cells",
    "  report <in.xlsx> [-o report.docx|.pdf|.txt] [--text]  generate the self-evaluation report (.pdf needs LibreOffice)",
    "  batch <files or folders…> -o summary.xlsx [--json]   score many workbooks into one summary",
    "  publish <template.xlsx> [-o published.xlsx | --in-place] [--password P]  publish a template (finance bureau): record the rubric and settings, protect their sheets; 校验 then names any change",
    "",
    "  --lang en   English output",
  ].join("\n"),
  unknownCommand: (c) => `Unknown command "${c}".`,
  missingArgument: (w) => `Missing argument: ${w}. See perfeval --help.`,
  badOption: (d) => `Invalid option: ${d}`,
  cannotRead: (f, why) => `Cannot read "${f}": ${why}`,
  cannotWrite: (f, why) => `Cannot write "${f}": ${why}`,
  notTemplate: (f) =>
    `"${f}" is not a performance-evaluation template workbook: create one with "perfeval template" or open the template your finance bureau issued.`,
  templateWritten: (f) => `Standard template written: ${f}`,
  family: (id, v, t) => `${id}  ${v}  ${t}`,
  unknownFamily: (id, known) => `No template has the id "${id}". Available: ${known} (perfeval families lists them).`,
  published: (f, n, fp, sheets, pw) =>
    `Published: ${f} (${n} settings cells recorded, fingerprint ${fp.slice(0, 19)}…; sheets protected: ${sheets.join(", ")}${pw ? ", with a password" : ", without a password"})`,
  publishBlocked: "Errors found, not published: fix the errors above first.",
  changedYes: "yes",
  changedNo: "no",
  changedUnpublished: "not published",
  clean: (f) => `"${f}" passed validation.`,
  counts: (e, w, i) => `${e} errors · ${w} warnings · ${i} notes`,
  blocked: "Errors found, not scored: fix the errors above first.",
  scored: (t, g) => `Total ${t}, grade "${g}".`,
  written: (f, n) => `${n} output cells written: ${f}`,
  reportWritten: (f) => `Report written: ${f}`,
  reportExtension: (f) =>
    `Cannot write "${f}": a report can be written as .docx (Word/WPS), .pdf (needs LibreOffice) or .txt (plain text); use one of these extensions.`,
  openWarnings: (n) =>
    `Note: ${n} warning(s) are still open; the report is written anyway (its text carries none of them):`,
  pdfUnavailable: (why, soffice) =>
    why === "no_soffice"
      ? `LibreOffice (${soffice}) was not found, so no PDF can be made. Install LibreOffice (or set PERFEVAL_SOFFICE to where soffice is), or write -o report.docx and save it as PDF in Word or WPS.`
      : `LibreOffice (${soffice}) could not convert the report to PDF. Write -o report.docx and save it as PDF in Word or WPS.`,
  marked: (f, n) => `${n} problem ${n === 1 ? "cell" : "cells"} marked (fill and note): ${f}`,
  inPlaceOrOutput: "Give either -o <file> or --in-place (not both).",
  batchNoFiles: "No .xlsx files found.",
  batchDone: (ok, failed, out) => `${ok} workbooks processed, ${failed} could not be scored; summary: ${out}`,
  batchFailed: (f, why) => `Skipped "${f}": ${why}`,
  severity: { error: "error", warning: "warning", info: "note" },
  summaryHeaders: {
    file: "File",
    unit: "Unit",
    year: "Year",
    total: "Total",
    grade: "Grade",
    errors: "Errors",
    warnings: "Warnings",
    deducted: "Indicators with deductions",
    rank: "Rank",
    changed: "Rubric changed",
    note: "Note",
  },
  summaryLabels: {
    sheets: { summary: "Summary", deductions: "Deductions", issues: "Problems" },
    withMarks: (name, n) => `${name} (${marks(n)} ${pointsWord(marks(n))})`,
    stats: { average: "Average", max: "Highest", min: "Lowest", gradeCount: "Workbooks per grade" },
    deductionHeaders: {
      unit: "Unit",
      file: "File",
      indicator: "Indicator",
      weight: "Weight",
      score: "Score",
      lost: "Deducted",
      reason: "Reason",
    },
    issueHeaders: {
      unit: "Unit",
      file: "File",
      severity: "Severity",
      where: "Location",
      message: "Message",
      fix: "How to fix",
    },
    footer: "&A page &P of &N",
  },
  summaryBlocked: (n) => `${n} ${n === 1 ? "error" : "errors"}, not scored (see the "Problems" sheet).`,
  summaryBlank: (n) =>
    `Blank template, nothing filled in yet, not scored (${n} ${n === 1 ? "error" : "errors"}, see the "Problems" sheet).`,
  summaryUnreadable: (why) => `Cannot be opened, not scored: ${why}`,
  summaryDuplicate: (files) => `Same unit and year as ${files.join(", ")}.`,
  fsError: {
    ENOENT: "no such file",
    EACCES: "permission denied",
    EPERM: "permission denied",
    EISDIR: "it is a folder, not a file",
    ETOOBIG: "the file is larger than 50 MB, not a plausible evaluation workbook",
    ENOSPC: "the disk is full",
  },
  fsErrorOther: "unexpected file error",
};

export const CLI_MESSAGES: Catalogs<CliMessages> = defineCatalogs(zh, en);
