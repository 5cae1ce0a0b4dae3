/**
 * The configuration tables read into definitions: 校验规则 (checks), 指标体系 (rubric rows),
 * grade bands and total adjustments. Meaning (formulas, rules, the tree) is checked later by
 * the formula and scoring modules; here only the shape of each row.
 */
import type { WorkbookSnapshot } from "../../model/snapshot";
import type { Diagnostic, Severity } from "../../diagnostics/types";
import { diag } from "../../diagnostics/types";
import type { AdjustmentDef, CheckDef, GradeBandDef, Materiality, RubricRowDef } from "./types";
import {
  ADJUSTMENT_COLUMNS,
  CHECK_COLUMNS,
  GRADE_COLUMNS,
  RUBRIC_COLUMNS,
  RUBRIC_OUTPUT_KEYS,
  SEVERITY_LABELS,
} from "./labels";
import type { AdjustmentColumnKey, CheckColumnKey, GradeColumnKey, RubricColumnKey } from "./labels";
import { problem, type SchemaProblem } from "../../diagnostics/problems";
import { cellAddress, readStructuralTable, TableReader } from "./read-structural";
import { rubricRows } from "./rubric-rows";
import { normalizeSymbols } from "../../formula/normalize";

/** 级别 text → severity (blank → warning); undefined when unreadable. */
export function parseSeverity(text: string): Severity | undefined {
  const t = text.trim().toLowerCase();
  return t === "" ? "warning" : SEVERITIES_BY_TEXT.get(t);
}

// 级别 texts: the Chinese labels and the English ids (compared lower-cased).
const SEVERITIES_BY_TEXT: ReadonlyMap<string, Severity> = new Map(
  (Object.entries(SEVERITY_LABELS) as [Severity, string][]).flatMap(([sev, zh]) => [
    [zh, sev],
    [sev, sev],
  ]),
);

/**
 * 重大差额 as written: blank → the default; 不限 / 无 → none; else amounts and shares separated by ；or ;
 * (「1；0.5%」: the larger of 1 and 0.5 % of the larger side). Null when it is none of these.
 */
export function parseMateriality(text: string): Materiality | null {
  const t = normalizeSymbols(text).trim();
  if (t === "") return { kind: "default" };
  if (t === "不限" || t === "无") return { kind: "none" };
  let amount: number | null = null;
  let share: number | null = null;
  for (const part of t.split(/[;；]/)) {
    const m = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(part);
    if (!m) return null;
    const n = Number(m[1]);
    if (m[2]) share = Math.max(share ?? 0, n / 100);
    else amount = Math.max(amount ?? 0, n);
  }
  return { kind: "set", amount, share };
}

/** 校验规则 rows → CheckDef (ids default to the row number; bad 容差/级别 are reported and defaulted). */
export function readChecks(snapshot: WorkbookSnapshot): { checks: CheckDef[]; diagnostics: Diagnostic[] } {
  const found = readStructuralTable<CheckColumnKey>(snapshot, {
    id: "checks",
    columns: CHECK_COLUMNS,
    required: ["rule"],
    optional: ["materiality"],
    missingSeverity: "warning",
  });
  const diagnostics = [...found.diagnostics];
  const t = found.table;
  if (!t || !t.cols.has("rule")) return { checks: [], diagnostics };
  const r = new TableReader(t);
  const checks: CheckDef[] = [];
  for (const row of t.rows) {
    const id = r.text(row, "id") || `#${row + 1}`;
    // A 校验规则 cell that cannot be read: a schema problem at that cell, naming the check.
    const invalid = (key: CheckColumnKey, severity: Severity, p: SchemaProblem, text?: string): void =>
      void diagnostics.push(
        diag("schema_invalid", severity, r.at(row, key, CHECK_COLUMNS, id), { item: id, problem: problem(p, text) }),
      );
    const rule = r.text(row, "rule");
    if (rule === "") {
      invalid("rule", "warning", "missing_rule");
      continue;
    }
    let tolerance = 0;
    const tolText = r.text(row, "tolerance");
    if (tolText !== "") {
      const n = r.number(row, "tolerance");
      if (n === null || n < 0) invalid("tolerance", "error", "bad_tolerance", tolText);
      else tolerance = n;
    }
    const matText = r.text(row, "materiality");
    const materiality = parseMateriality(matText);
    if (!materiality) invalid("materiality", "error", "bad_materiality", matText);
    const sevText = r.text(row, "severity");
    let severity = parseSeverity(sevText);
    if (!severity) {
      invalid("severity", "error", "bad_severity", sevText);
      severity = "warning";
    }
    const condition = r.text(row, "condition");
    checks.push({
      id,
      condition: condition === "" ? null : condition,
      rule,
      tolerance,
      materiality: materiality ?? { kind: "default" },
      severity,
      description: r.text(row, "description"),
      ref: r.ref(row, "rule"),
      ...(t.cols.has("condition") ? { conditionRef: r.ref(row, "condition") } : {}),
    });
  }
  return { checks, diagnostics };
}

const RUBRIC_OUTPUTS: readonly RubricColumnKey[] = RUBRIC_OUTPUT_KEYS;

/** 分值 typed as a bureau writes it: 「2分」, 「1.5 分」; null when it is no number of points. */
function pointsText(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*分\s*$/.exec(normalizeSymbols(text));
  return m ? Number(m[1]) : null;
}

/** 指标体系 rows → RubricRowDef, with each row's column map; the tree and rules are validated by scoring. */
export function readRubric(snapshot: WorkbookSnapshot): { rubric: RubricRowDef[]; diagnostics: Diagnostic[] } {
  const found = readStructuralTable<RubricColumnKey>(snapshot, {
    id: "rubric",
    columns: RUBRIC_COLUMNS,
    required: ["level1", "level2", "level3", "weight", "ruleKind", "outValue", "outScore", "outExplain"],
    // 情况说明 came with format 1.1 and 评分标准 with 1.2: an older workbook without them is complete.
    optional: ["situation", "outCriterion"],
    outputs: RUBRIC_OUTPUTS,
    missingSeverity: "error",
  });
  const t = found.table;
  if (!t) return { rubric: [], diagnostics: found.diagnostics };
  const r = new TableReader(t);
  const cols: Record<string, number> = Object.fromEntries(t.cols);
  const all = rubricRows(snapshot, t, RUBRIC_OUTPUTS, ["level1", "level2", "level3"]);
  const rubric = all.rows.map((row): RubricRowDef => ({
    id: r.text(row, "id"),
    level1: r.text(row, "level1"),
    level2: r.text(row, "level2"),
    level3: r.text(row, "level3"),
    weight: r.number(row, "weight") ?? pointsText(r.text(row, "weight")),
    weightText: r.text(row, "weight"),
    formula: r.text(row, "formula"),
    ruleKind: r.text(row, "ruleKind"),
    ruleParams: r.text(row, "ruleParams"),
    expand: r.text(row, "expand"),
    manualScore: r.number(row, "manualScore"),
    manualReason: r.text(row, "manualReason"),
    situation: r.text(row, "situation"),
    description: r.text(row, "description"),
    phrase: r.text(row, "phrase"),
    row,
    sheet: t.sheet.name,
    cols,
  }));
  return { rubric, diagnostics: [...found.diagnostics, ...all.diagnostics] };
}

/** Grade bands (等级 | 最低分), in sheet order. */
export function readGrades(snapshot: WorkbookSnapshot): { grades: GradeBandDef[]; diagnostics: Diagnostic[] } {
  const found = readStructuralTable<GradeColumnKey>(snapshot, {
    id: "grades",
    columns: GRADE_COLUMNS,
    required: ["grade", "min"],
    missingSeverity: "error",
  });
  const diagnostics = [...found.diagnostics];
  const t = found.table;
  if (!t || t.cols.size < 2) return { grades: [], diagnostics };
  const r = new TableReader(t);
  const grades: GradeBandDef[] = [];
  const seen = new Set<string>();
  for (const row of t.rows) {
    const grade = r.text(row, "grade");
    const minText = r.text(row, "min");
    const min = r.number(row, "min");
    const item = grade || `${t.sheet.name}!${cellAddress(t, row, "grade")}`;
    if (grade === "") {
      diagnostics.push(
        diag("schema_invalid", "error", r.at(row, "grade", GRADE_COLUMNS), { item, problem: problem("missing_grade") }),
      );
    } else if (min === null) {
      diagnostics.push(
        diag("schema_invalid", "error", r.at(row, "min", GRADE_COLUMNS), {
          item,
          problem: problem("bad_min_score", minText),
        }),
      );
    } else if (seen.has(grade)) {
      diagnostics.push(
        diag("schema_invalid", "error", r.at(row, "grade", GRADE_COLUMNS), {
          item,
          problem: problem("duplicate_grade", grade),
        }),
      );
    } else {
      seen.add(grade);
      grades.push({ grade, min, ref: r.ref(row, "grade") });
    }
  }
  return { grades, diagnostics };
}

/** Total adjustments (编号 | 名称 | 指标值公式 | 调整方式 | 参数); the table may be absent or empty. */
export function readAdjustments(snapshot: WorkbookSnapshot): {
  adjustments: AdjustmentDef[];
  diagnostics: Diagnostic[];
} {
  const found = readStructuralTable<AdjustmentColumnKey>(snapshot, {
    id: "adjustments",
    columns: ADJUSTMENT_COLUMNS,
    required: ["formula", "ruleKind"],
    missingSeverity: "info",
  });
  const t = found.table;
  if (!t) return { adjustments: [], diagnostics: found.diagnostics };
  const r = new TableReader(t);
  const adjustments = t.rows.map((row): AdjustmentDef => ({
    id: r.text(row, "id") || `#${row + 1}`,
    name: r.text(row, "name"),
    formula: r.text(row, "formula"),
    ruleKind: r.text(row, "ruleKind"),
    ruleParams: r.text(row, "ruleParams"),
    ref: r.ref(row, "id"),
    cells: { formula: r.ref(row, "formula"), ruleKind: r.ref(row, "ruleKind"), ruleParams: r.ref(row, "ruleParams") },
  }));
  return { adjustments, diagnostics: found.diagnostics };
}
