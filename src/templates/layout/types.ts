/**
 * A declarative description of a template workbook: plain data that a host turns into an .xlsx
 * (src/hosts/xlsx/write-template.ts) and that `layoutTemplate` turns into positioned cells.
 */
import type { TemplateInfo, ValueRules, RuleKindId } from "../../engine";

/** What a cell holds when the template is written. */
export type CellContent = string | number | boolean | null;

/** A single-value field: one labelled cell with a workbook-level defined name. */
export interface FieldSpec extends ValueRules {
  readonly name: string;
  /** Shown next to the cell and in 字段定义's 说明 column (unit, rule). */
  readonly note: string;
  /** A bureau's setting (blue), not a department's input (yellow). */
  readonly config?: boolean;
}

/** One column of a data table (`<table>.<key>` in 字段定义). */
export interface ColumnSpec extends ValueRules {
  readonly key: string;
  readonly note: string;
  /** Allowed values offered as a drop-down (e.g. 经济效益/社会效益); free text stays possible. */
  readonly choices?: readonly string[];
}

/** A data table: header row marked by `tbl_<id>`, then data rows. */
export interface TableSpec {
  readonly id: string;
  readonly label: string;
  readonly columns: readonly ColumnSpec[];
  /** How many empty rows the template offers (at least; more when `rows` has more). */
  readonly blankRows: number;
  /** Pre-filled rows (the example), keyed by column key. */
  readonly rows: readonly Readonly<Record<string, CellContent>>[];
}

/** A row of 校验规则. */
export interface CheckSpec {
  readonly id: string;
  readonly condition: string;
  readonly rule: string;
  readonly tolerance: number | null;
  /** 重大差额 as written (「1；0.5%」, 「不限」), "" for the default. */
  readonly materiality: string;
  readonly severity: "error" | "warning" | "info";
  readonly description: string;
}

/** The rule kinds of the template format (评分方法): the scoring registry's own ids. */
export type { RuleKindId } from "../../engine";

/** A row of 指标体系. Level-1 rows have only `level1`, level-2 rows `level2`, leaves `level3`. */
export interface RubricRowSpec {
  readonly id: string;
  readonly level1: string;
  readonly level2: string;
  readonly level3: string;
  readonly weight: number;
  readonly formula: string;
  /** Empty for level-1 / level-2 rows. */
  readonly kind: RuleKindId | "";
  readonly params: string;
  readonly expand: string;
  readonly manualScore: number | null;
  readonly manualReason: string;
  /** 情况说明 on a manual row: the unit's own account, the report paragraph's body (absent or "": blank). */
  readonly situation?: string;
  readonly description: string;
  /** The report phrase template (报告表述); blank by default, filled by the report defaults. */
  readonly phrase?: string;
}

/** A row of 等级 (tbl_grades). */
export interface GradeSpec {
  readonly grade: string;
  readonly min: number;
}

/** A row of 总分调整 (tbl_adjustments). */
export interface AdjustmentSpec {
  readonly id: string;
  readonly name: string;
  readonly formula: string;
  readonly kind: "cap" | "penalty";
  readonly params: string;
}

/** The structural tables, laid out from the description's own lists. */
export type StructureTableId = "fields" | "checks" | "rubric" | "grades" | "adjustments";

/** A piece of a sheet, laid out top to bottom. */
export type SheetBlock =
  | { readonly kind: "title"; readonly text: string }
  | { readonly kind: "heading"; readonly text: string }
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "gap" }
  /** label in A, value in B (named), note in C; preceded by a 项目/数值/说明 header when `header` is set. */
  | { readonly kind: "fields"; readonly names: readonly string[]; readonly header?: boolean }
  | { readonly kind: "table"; readonly id: string }
  | { readonly kind: "structure"; readonly id: StructureTableId; readonly blankRows?: number }
  /** The rubric's 合计 row: "合计" under 三级指标, the named output cells under 分值 and 得分. */
  | { readonly kind: "rubricTotal"; readonly weight: string; readonly score: string };

export interface SheetSpec {
  readonly name: string;
  readonly hidden?: boolean;
  /** Column widths in characters, from column A. */
  readonly columnWidths: readonly number[];
  readonly blocks: readonly SheetBlock[];
  /** Printed landscape (wide sheets); every sheet prints on A4, one page wide. */
  readonly landscape?: boolean;
  /** The sheet's one table: its header row is repeated on every printed page and the panes freeze below it. */
  readonly repeatHeader?: boolean;
  /** Columns kept on screen when scrolling right (the indicator names, say). */
  readonly freezeColumns?: number;
  /** Columns printed, from A (default: every column with a width); configuration columns can stay out. */
  readonly printColumns?: number;
}

/** Everything needed to write the template (or a filled example) as a workbook. */
export interface TemplateDescription {
  readonly info: TemplateInfo;
  readonly sheets: readonly SheetSpec[];
  readonly fields: readonly FieldSpec[];
  readonly tables: readonly TableSpec[];
  readonly checks: readonly CheckSpec[];
  readonly rubric: readonly RubricRowSpec[];
  readonly grades: readonly GradeSpec[];
  readonly adjustments: readonly AdjustmentSpec[];
  /** Values of single-value fields (the example); absent names stay blank. */
  readonly values: Readonly<Record<string, CellContent>>;
}
