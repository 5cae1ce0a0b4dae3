import type { CellRef } from "../../model/cell";

/** The kinds of value an input cell may hold. Chinese names in 字段定义 map onto these. */
export type FieldType = "text" | "integer" | "amount" | "rate" | "year" | "number" | "yesno";

/** The template's identity as stored in its hidden `_meta` sheet / defined names. */
export interface TemplateInfo {
  readonly id: string;
  readonly version: string;
  readonly title: string;
}

/** What 字段定义 says of a field or table column: its label, type, whether required, bounds, direction. */
export interface ValueRules {
  readonly label: string;
  readonly type: FieldType;
  readonly required: boolean;
  /** Bounds (for text, max is the length). */
  readonly min: number | null;
  readonly max: number | null;
  /** true for cells the engine writes. */
  readonly output: boolean;
}

/** A single-value input (or output) cell, found through its workbook-level defined name. */
export interface FieldDef extends ValueRules {
  readonly name: string;
  readonly ref: CellRef;
  /** Where this definition lives (the row in 字段定义), for diagnostics about the definition itself. */
  readonly defRef: CellRef;
}

/** One column of a table, matched by its header label. */
export interface ColumnDef extends ValueRules {
  readonly key: string;
  /** 0-based column index in the sheet. */
  readonly col: number;
}

/** A table: a header row marked by the defined name `tbl_<id>`, data rows below until the first blank row. */
export interface TableDef {
  readonly id: string;
  readonly label: string;
  readonly sheet: string;
  /** 0-based row index of the header. */
  readonly headerRow: number;
  /** 0-based row indexes of the data rows (non-blank input rows). */
  readonly rows: readonly number[];
  readonly columns: readonly ColumnDef[];
  /** Rows the engine may clear/write below the header (first data row .. last row it may use), 0-based inclusive. */
  readonly lastRowLimit: number;
}

/** The gap beyond which an identity is a material error (see CheckDef.materiality). */
export type Materiality =
  | { readonly kind: "default" }
  | { readonly kind: "none" }
  | { readonly kind: "set"; readonly amount: number | null; readonly share: number | null };

/** An identity or comparison between figures, from 校验规则. Parsed by the formula module. */
export interface CheckDef {
  readonly id: string;
  readonly condition: string | null;
  readonly rule: string;
  readonly tolerance: number;
  /**
   * 重大差额: beyond this gap an identity (`=`) is an error that blocks scoring, whatever its 级别 — the larger of
   * an amount and a share of the larger side. `default` (the cell blank or the column absent): 1 and 0.5 % for
   * identities between amounts, no second tier for others; `none` (不限): never.
   */
  readonly materiality: Materiality;
  readonly severity: "error" | "warning" | "info";
  readonly description: string;
  readonly ref: CellRef;
  /** The 前提 cell, for diagnostics about the condition (absent when the table has no 前提 column). */
  readonly conditionRef?: CellRef;
}

/** One row of the rubric table (指标体系) as written; the scoring module compiles it. */
export interface RubricRowDef {
  readonly id: string;
  readonly level1: string;
  readonly level2: string;
  readonly level3: string;
  /** The weight cell's number (「2分」 reads as 2); null when it holds none — validated when the tree is built. */
  readonly weight: number | null;
  /** The weight cell as typed, for messages about it (absent: not read from a sheet). */
  readonly weightText?: string;
  readonly formula: string;
  readonly ruleKind: string;
  readonly ruleParams: string;
  /** Table id this row is expanded over (one indicator per row), e.g. "tasks"; empty for ordinary rows. */
  readonly expand: string;
  readonly manualScore: number | null;
  readonly manualReason: string;
  /** 情况说明: what the unit says of its situation on a manual indicator, the report's paragraph body ("" or absent: none). */
  readonly situation?: string;
  readonly description: string;
  readonly phrase: string;
  /** 0-based sheet row of this rubric row. */
  readonly row: number;
  readonly sheet: string;
  /**
   * Rubric column key (RUBRIC_COLUMNS in labels.ts: id, level1, … outValue, outScore, outExplain) → 0-based
   * sheet column, so diagnostics and outputs can point at the exact cell. Filled by the template reader.
   */
  readonly cols?: Readonly<Record<string, number>>;
}

/** A grade band: a total at or above `min` (and below the next band's min) gets `grade`. */
export interface GradeBandDef {
  readonly grade: string;
  readonly min: number;
  readonly ref: CellRef;
}

/** A total adjustment: a cap on the total or a penalty, driven by a value formula. */
export interface AdjustmentDef {
  readonly id: string;
  readonly name: string;
  readonly formula: string;
  readonly ruleKind: string;
  readonly ruleParams: string;
  /** The 编号 cell (the row). */
  readonly ref: CellRef;
  /** The 指标值公式, 调整方式 and 参数 cells, where their problems are shown (absent: at `ref`). */
  readonly cells?: { readonly formula: CellRef; readonly ruleKind: CellRef; readonly ruleParams: CellRef };
}

/** Everything the engine knows about a recognised template, read from the snapshot. */
export interface Template {
  readonly info: TemplateInfo;
  readonly fields: ReadonlyMap<string, FieldDef>;
  readonly tables: ReadonlyMap<string, TableDef>;
  readonly checks: readonly CheckDef[];
  readonly rubric: readonly RubricRowDef[];
  readonly grades: readonly GradeBandDef[];
  readonly adjustments: readonly AdjustmentDef[];
}
