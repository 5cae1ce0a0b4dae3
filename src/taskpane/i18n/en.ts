import type { Catalog } from "./zh-CN";

/** What a summary of many alike problems says they are, by diagnostic code (others: similar problems). */
const SUMMARY_EN: Readonly<Record<string, string>> = {
  required_missing: "cells not filled in",
  not_a_number: "cells that are not numbers",
  not_an_integer: "cells that are not whole numbers",
  out_of_range: "values out of range",
  wrong_type: "cells of the wrong type",
  manual_score_missing: "manual indicators without a self-assessed score",
  reason_missing: "reasons not given",
};

/** English, used when Office's display language (or the browser's) starts with "en". */
export const en: Catalog = {
  appTitle: "Performance Evaluation Assistant",
  language: "Language 语言",
  firstRun: {
    sentence:
      "The assistant checks a department's expenditure performance evaluation workbook, scores every indicator, grades the total and writes the self-evaluation report.",
    notTemplate: "This workbook is not an evaluation template yet.",
    notTemplateHelp:
      "A template is a workbook with sheets such as 指标体系 and 字段定义. For figures you already have, create the standard template first, then copy them into its yellow cells.",
    noWorkbook:
      "No workbook is open yet. Open a filled-in .xlsx file, or create the standard template or open the example.",
    steps: "How it goes: fill in the yellow cells → Check → Score → Report.",
    create: "New standard template",
    example: "Open the example",
  },
  status: {
    region: "Template status",
    noTemplate: "No evaluation template found",
    version: (version) => `version ${version}`,
    unitYear: (unit, year) => [unit, year].filter((s) => s !== "").join(" · "),
    notScored: "Not scored yet",
    grade: (grade, total) => `${grade} · ${total} points`,
    gradeLabel: (grade, total) => `Grade: ${grade}, total ${total} points`,
    scoredAt: (time) => `Scored ${time}`,
    staleGrade: (grade, total) => `${grade} · ${total} points · out of date`,
    staleGradeLabel: (grade, total) => `Out-of-date result: grade ${grade}, total ${total} points`,
    stale: {
      edited: "The data changed: score again",
      unwritten:
        "The scores were not written to the workbook; this is the earlier result. Fix the problem above and score again",
    },
  },
  tabs: {
    label: "Steps",
    template: "Template",
    validate: "Check",
    score: "Score",
    report: "Report",
  },
  busy: "Working…",
  template: {
    refresh: "Read the workbook again",
    intro:
      "The template holds the indicators, the scoring rules and the input areas. You fill the yellow cells; the assistant writes the green ones.",
    name: "Template",
    version: "Version",
    create: "New standard template",
    example: "Open the example",
    created:
      "The standard template's sheets were inserted. Next: fill in your unit's figures in the yellow cells, then Check.",
    exampleOpened: "The example workbook is open.",
    exampleOpenedInWindow:
      "The example opened in a new Excel window: switch to it and choose Performance Evaluation Assistant on the Home tab there. This workbook is unchanged.",
    refreshed: "The workbook was read again.",
    publishTitle: "Publish the template (finance bureau)",
    publishIntro:
      "Publishing protects 指标体系, 字段定义 and 校验规则, so units fill only the yellow cells; 校验 names every changed scoring setting cell by cell. The password is optional (without one, protection only guards against slips).",
    publishPassword: "Protection password (optional)",
    publish: "Publish",
    published: (cells, fingerprint, sheets, password) =>
      `Published: ${cells} setting cells recorded, fingerprint ${fingerprint}…; sheets protected: ${sheets} (${password ? "with a password" : "no password"}). Save the workbook and hand it out to the units.`,
    publishBlocked: (errors) =>
      `The template's settings have ${errors} error(s): nothing was published. Fix what 校验 lists, then publish again.`,
    publishedOn: "Published on",
  },
  validate: {
    run: "Check",
    hint: "Checks every input cell and the identities between figures; problem cells are marked in the sheet.",
    none: "No problems found.",
    filters: "Filter by severity",
    count: {
      error: (n) => `${n} ${n === 1 ? "error" : "errors"}`,
      warning: (n) => `${n} ${n === 1 ? "warning" : "warnings"}`,
      info: (n) => `${n} ${n === 1 ? "note" : "notes"}`,
    },
    severity: { error: "Error", warning: "Warning", info: "Note" },
    general: "Whole workbook",
    groupCount: (n) => (n === 1 ? "1 item" : `${n} items`),
    rule: (code) => `Rule ${code}`,
    ruleTitle: (code) => `${code} in 校验规则; quote it when asking for support`,
    summary: (where, code, n) => `${where}: ${n} ${SUMMARY_EN[code] ?? "similar problems"}`,
    summaryOf: (labels, more) => labels.join(", ") + (more ? " and others" : ""),
    summaryOpen: "Show",
    summaryClose: "Hide",
    cell: (sheet, address) => `'${sheet}'!${address}`,
    fix: (text) => `What to do: ${text}`,
    goTo: (cell) => `Go to ${cell}`,
    done: (errors, warnings) =>
      errors === 0 && warnings === 0
        ? "Check finished: no errors."
        : `Check finished: ${errors} errors, ${warnings} warnings.`,
    filteredOut: "No problems match the filter.",
  },
  score: {
    run: "Score and write",
    hint: "Computes each indicator's value and score, the subtotals, the total and the grade, and writes them to the output cells.",
    whereOutputs:
      "Scores are written only to the green output cells: the value, score and explanation columns of 指标体系, the score column of 重点工作, and the 评价结果 sheet. Your input cells are never changed.",
    blocked: (errors) => `${errors} errors block scoring. Fix them under Check first.`,
    showProblems: "Show problems",
    total: "Total",
    grade: "Grade",
    totalLine: (total, full) => `${total} / ${full} points`,
    tree: "Indicator scores",
    weight: (w) => `weight ${w}`,
    value: (v) => `value ${v}`,
    score: (s) => `score ${s}`,
    subtotal: (s, w) => `subtotal ${s} / ${w}`,
    reason: (text) => `Deduction: ${text}`,
    criterion: (text) => `Scoring rule: ${text}`,
    na: "not applicable",
    undefinedValue: "cannot be computed",
    noValue: "none (scored by hand)",
    adjustments: "Total adjustments",
    rawTotal: (raw) => `before adjustments ${raw} points`,
    written: (cells) => `Wrote ${cells} cells`,
    writtenParts: (parts) => `: ${parts}`,
    sheetPart: (sheet, cells) => `${cells} in '${sheet}'`,
    partSeparator: ", ",
    createdSheets: (sheets) => `new sheet ${sheets}`,
    done: (total, grade) => `Scored: ${total} points, ${grade}.`,
    stale: "The data changed since scoring: the earlier scores are out of date. Score again.",
    lostTitle: "Points lost",
    noneLost: "No indicator lost points.",
    lost: (points) => `−${points}`,
    levelsTitle: "First-level indicators",
    levelLine: (name, score, weight) => `${name} ${score} / ${weight}`,
    openWarnings: (n) =>
      `${n} ${n === 1 ? "warning is" : "warnings are"} still open; the scores use the figures as entered. Check them under Check.`,
  },
  report: {
    run: "Generate report",
    hint: "Writes the self-evaluation report from your figures and the scores.",
    preview: "Report preview",
    copy: "Copy all",
    write: "Write to the report sheet",
    export: "Export Word",
    fileName: "绩效自评报告.docx",
    copied: "The report was copied.",
    exported: "The Word file was exported.",
    written: "Written to the 报告 sheet.",
    stale: "The data changed since the report was generated: it is out of date. Generate it again.",
    openWarnings: (n) =>
      `${n} ${n === 1 ? "warning is" : "warnings are"} still open; the report uses the figures as entered. Check them before submitting it.`,
    showProblems: "Show problems",
    blocked: (errors) => `${errors} errors block the report. Fix them under Check first.`,
    copyFailed: "The report could not be copied automatically.",
    copyFailedFix: "Click the preview, press Ctrl+A to select all, then Ctrl+C.",
  },
  errors: {
    dismiss: "Dismiss",
    namedSheets: {
      sheet_protected: (sheets) => `The sheet to write to, ${sheets}, is protected.`,
      sheet_missing: (sheets) => `A sheet the template needs, ${sheets}, is missing.`,
      sheets_exist: (sheets) => `The workbook already has sheets named like the template's: ${sheets}.`,
    },
  },
  web: {
    title: "Performance Evaluation Assistant · browser",
    open: "Open an .xlsx file",
    refused: (file, message) => `${file}: ${message}`,
    download: "Download the scored .xlsx",
    downloadEdited: "Download the .xlsx",
    privacy:
      "The file is processed only in your browser and is never uploaded. What you fill in here, the scores and the report exist only in this page until you download the .xlsx.",
    unsaved: "Not saved: the results exist only in this page; download them before closing it",
    downloadedAt: (time) => `Downloaded at ${time}`,
    confirmReplace: (name) =>
      `The changes and results for "${name}" have not been downloaded and will be lost if another workbook is opened.\n\nOpen it anyway? (Cancel: stay on this workbook and download first)`,
    editHint:
      "Yellow cells can be filled in here: select one and type, Enter or Tab to confirm; a block copied from Excel or WPS can be pasted. Other cells are read-only.",
    noInputsOnSheet: "This sheet has no cells to fill in; it can only be read.",
    noInputs:
      "This workbook marks no input cells, so this page can only show it: make the changes in Excel or WPS, save, and open the file here again.",
    readOnlyCell:
      "This cell cannot be changed here: only the yellow input cells take input; green cells are written by the assistant.",
    pasteSkipped: (n) => `Pasted into the yellow input cells; ${n} cells that are not input cells were left unchanged.`,
    editCell: (cell) => `Edit ${cell}`,
    rowNumbers: "Row numbers",
    dropHint: 'Drop an .xlsx file here, or choose "Open an .xlsx file".',
    opening: (file) => `Opening ${file}…`,
    dropNow: "Release to open the file",
    sheets: "Sheets",
    grid: (sheet) => `Cells of sheet '${sheet}'`,
    truncated: (rows, cols) => `Showing the first ${rows} rows and ${cols} columns.`,
    emptySheet: "This sheet is empty.",
    yes: "yes",
    no: "no",
    mark: (severity, cell) => `${cell}: ${severity}`,
    roles: {
      input: "Yellow: you fill in",
      output: "Green: written by the assistant",
      config: "Blue: template settings",
    },
    formulaReading: (reading) => `The formula reads: ${reading}`,
    opened: (name) => `Opened ${name}`,
  },
};
