/**
 * Turns a template description into positioned cells (value, role, number format, validation) and
 * defined names. Pure: the xlsx host writes this layout, and tests read it as a snapshot.
 */
import type { CellValue, DefinedName, WorkbookSnapshot, FieldType, TemplateInfo, RubricColumnKey } from "../../engine";
import {
  rangeToA1,
  toA1,
  ADJUSTMENT_COLUMNS,
  CHECK_COLUMNS,
  DIRECTION_LABELS,
  FIELD_COLUMNS,
  FIELD_TYPE_LABELS,
  GRADE_COLUMNS,
  META_KEYS,
  META_NAMES,
  META_SHEET,
  RUBRIC_COLUMNS,
  SEVERITY_LABELS,
  STRUCTURE_TABLE_NAMES,
  TABLE_NAME_PREFIX,
  YES_NO_LABELS,
  EngineInvariantError,
} from "../../engine";
import { RULE_KIND_NAMES } from "../standard/rubric";
import type {
  CellContent,
  ColumnSpec,
  FieldSpec,
  RubricRowSpec,
  SheetBlock,
  StructureTableId,
  TableSpec,
  TemplateDescription,
} from "./types";

/** How a cell is styled: inputs yellow, outputs green, configuration blue; the rest plain text. */
export type CellRole =
  "title" | "heading" | "text" | "note" | "label" | "header" | "input" | "output" | "config" | "meta";

/** An Excel data validation for one cell; `strict: false` only warns (free text still allowed). */
export type ValidationSpec =
  | {
      readonly kind: "decimal" | "whole";
      readonly min: number | null;
      readonly max: number | null;
      readonly message: string;
    }
  | { readonly kind: "list"; readonly items: readonly string[]; readonly strict: boolean; readonly message: string };

export interface LayoutCell {
  /** 0-based. */
  readonly row: number;
  readonly col: number;
  readonly value: CellContent;
  readonly role: CellRole;
  readonly numFmt: string | null;
  readonly validation: ValidationSpec | null;
  /** Long text wraps inside its column instead of spilling into the next one. */
  readonly wrap: boolean;
}

/** How a sheet prints and scrolls: A4, one page wide, header rows repeated, panes frozen below them. */
export interface SheetView {
  readonly landscape: boolean;
  /** 0-based row repeated at the top of every printed page, or null. */
  readonly titleRow: number | null;
  /** Rows and columns frozen on screen (0 = none). */
  readonly freezeRows: number;
  readonly freezeColumns: number;
  /** The print area: columns A… (count) and rows 1… (count). */
  readonly printColumns: number;
  readonly printRows: number;
}

export interface LayoutSheet {
  readonly name: string;
  readonly hidden: boolean;
  readonly columnWidths: readonly number[];
  /** Sorted by row, then column. */
  readonly cells: readonly LayoutCell[];
  readonly view: SheetView;
  /** Heights in points of rows whose wrapped text needs more than one line (0-based row → height). */
  readonly rowHeights: readonly { readonly row: number; readonly height: number }[];
  /** 0-based rows whose column A is merged across every column of the sheet. */
  readonly spannedRows: readonly number[];
}

export interface WorkbookLayout {
  readonly info: TemplateInfo;
  readonly sheets: readonly LayoutSheet[];
  readonly names: readonly DefinedName[];
}

/** Number format per field type (null = General). */
export const NUMBER_FORMATS: Readonly<Record<FieldType, string | null>> = {
  text: null,
  integer: "0",
  amount: "0.00",
  rate: "0.00%",
  year: "0",
  number: null,
  yesno: null,
};

const YES_NO = [YES_NO_LABELS.yes, YES_NO_LABELS.no] as const;

function fmtPct(x: number): string {
  return `${Math.round(x * 10000) / 100}%`;
}

function rangeMessage(type: FieldType, min: number | null, max: number | null): string {
  const show = (x: number): string => (type === "rate" ? fmtPct(x) : String(x));
  const what = type === "integer" || type === "year" ? "整数" : "数字";
  if (min !== null && max !== null) return `请输入 ${show(min)} 到 ${show(max)} 之间的${what}`;
  if (min !== null) return `请输入不小于 ${show(min)} 的${what}`;
  if (max !== null) return `请输入不大于 ${show(max)} 的${what}`;
  return `请输入${what}`;
}

/** The data validation an input of this type gets, or null when none helps. */
export function validationFor(
  type: FieldType,
  min: number | null,
  max: number | null,
  choices?: readonly string[],
): ValidationSpec | null {
  if (choices && choices.length > 0) {
    return { kind: "list", items: choices, strict: false, message: `建议从列表中选择：${choices.join("、")}` };
  }
  switch (type) {
    case "yesno":
      return { kind: "list", items: YES_NO, strict: true, message: "请选择“是”或“否”" };
    case "integer":
    case "year": {
      const lo = min ?? 0;
      return { kind: "whole", min: lo, max, message: rangeMessage(type, lo, max) };
    }
    case "amount":
    case "rate":
    case "number":
      if (min === null && max === null) return null;
      return { kind: "decimal", min, max, message: rangeMessage(type, min, max) };
    case "text":
      return null;
  }
}

/**
 * The order of the rubric's columns: what a reader needs first (the indicator, its weight, how it is scored
 * in words, the unit's own score, the result), the bureau's formulas and parameters after them. The engine
 * finds columns by their header labels, so a bureau may reorder them.
 */
export const RUBRIC_LAYOUT: readonly RubricColumnKey[] = [
  "id",
  "level1",
  "level2",
  "level3",
  "weight",
  "description",
  "manualScore",
  "manualReason",
  "outValue",
  "outScore",
  "outExplain",
  "ruleKind",
  "ruleParams",
  "formula",
  "expand",
  "phrase",
];

/** Roles whose text may wrap in its own column; titles, headings and notes in narrow columns spill instead. */
const WRAPPING_ROLES: ReadonlySet<CellRole> = new Set(["label", "header", "input", "output", "config", "note"]);
/** A title, heading or text line wraps only in a column this wide (the single-column 说明 sheet). */
const WIDE_COLUMN = 60;
/** Points per line of 11-pt text, and the padding of a wrapped cell. */
const LINE_HEIGHT = 15;

/** Display width of a text in Excel's character units: CJK and full-width characters count two. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text)
    w +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ||
      ch.codePointAt(0)! > 0xffff
        ? 2
        : 1;
  return w;
}

/** Lines a text takes in a wrapped column of this width (explicit line breaks included). */
export function wrappedLines(text: string, columnWidth: number): number {
  // Office suites draw CJK text a little wider than two digit widths: leave a tenth of the column spare.
  const usable = Math.max(1, Math.floor(columnWidth * 0.9) - 1);
  return text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / usable)), 0);
}

/** The row height (points) that shows every line of a row's wrapped texts, or null when one line does. */
export function rowHeightFor(texts: readonly { readonly text: string; readonly width: number }[]): number | null {
  const lines = Math.max(1, ...texts.map((t) => wrappedLines(t.text, t.width)));
  return lines > 1 ? lines * LINE_HEIGHT + 3 : null;
}

/** Mutable builder for one sheet: blocks append rows top to bottom. */
class SheetBuilder {
  readonly cells: LayoutCell[] = [];
  row = 0;
  /** The row of the first table header laid out, if any. */
  firstHeaderRow: number | null = null;
  /** Rows whose first cell spans every column of the sheet (a one-column table on a wider sheet). */
  readonly spanned = new Set<number>();
  constructor(
    readonly name: string,
    private readonly widths: readonly number[],
  ) {}

  put(
    col: number,
    value: CellContent,
    role: CellRole,
    numFmt: string | null = null,
    validation: ValidationSpec | null = null,
  ): void {
    const width = this.widths[col] ?? 9;
    const wrap =
      typeof value === "number" || typeof value === "boolean"
        ? false
        : WRAPPING_ROLES.has(role) || width >= WIDE_COLUMN;
    this.cells.push({ row: this.row, col, value, role, numFmt, validation, wrap });
  }

  /** Makes the current row's first cell span the sheet's columns (the other cells take its role). */
  span(role: CellRole): void {
    if (this.widths.length < 2) return;
    this.spanned.add(this.row);
    for (let col = 1; col < this.widths.length; col++) this.put(col, null, role);
  }

  spanWidth(): number {
    return this.widths.reduce((a, b) => a + b, 0);
  }

  /** Heights of the rows whose wrapped texts need more than one line. */
  rowHeights(): { row: number; height: number }[] {
    const byRow = new Map<number, { text: string; width: number }[]>();
    for (const c of this.cells) {
      if (!c.wrap || typeof c.value !== "string" || c.value === "") continue;
      const list = byRow.get(c.row) ?? [];
      const width = c.col === 0 && this.spanned.has(c.row) ? this.spanWidth() : (this.widths[c.col] ?? 9);
      list.push({ text: c.value, width });
      byRow.set(c.row, list);
    }
    const out: { row: number; height: number }[] = [];
    for (const [row, texts] of byRow) {
      const height = rowHeightFor(texts);
      if (height !== null) out.push({ row, height });
    }
    return out.sort((a, b) => a.row - b.row);
  }
}

function fieldRole(output: boolean): CellRole {
  return output ? "output" : "input";
}

function columnCells(sb: SheetBuilder, col: number, c: ColumnSpec | FieldSpec, value: CellContent): void {
  const role = fieldRole(c.output);
  const validation = c.output ? null : validationFor(c.type, c.min, c.max, "choices" in c ? c.choices : undefined);
  sb.put(col, value, role, NUMBER_FORMATS[c.type], validation);
}

function yesNo(b: boolean): string {
  return b ? YES_NO_LABELS.yes : YES_NO_LABELS.no;
}

function direction(output: boolean): string {
  return output ? DIRECTION_LABELS.output : DIRECTION_LABELS.input;
}

const TYPE_WORDS = Object.values(FIELD_TYPE_LABELS);
const KIND_WORDS = Object.values(RULE_KIND_NAMES);
const SEVERITY_WORDS = Object.values(SEVERITY_LABELS);
/** 调整方式 as a bureau reads it (the engine also accepts cap/penalty). */
const ADJUSTMENT_KIND_WORDS = ["封顶", "扣减"];

function listOf(items: readonly string[], strict: boolean): ValidationSpec {
  return { kind: "list", items, strict, message: `请从列表中选择：${items.join("、")}` };
}

/** Lays out the whole description: every sheet, then the hidden _meta sheet. */
export function layoutTemplate(desc: TemplateDescription): WorkbookLayout {
  const names: DefinedName[] = [];
  const fieldByName = new Map(desc.fields.map((f) => [f.name, f]));
  const tableById = new Map(desc.tables.map((t) => [t.id, t]));

  const addName = (name: string, sheet: string, address: string): void => {
    names.push({ name, sheet, address });
  };

  const headerRow = (sb: SheetBuilder, id: string, labels: readonly string[]): void => {
    sb.firstHeaderRow ??= sb.row;
    labels.forEach((label, i) => sb.put(i, label, "header"));
    addName(id, sb.name, rangeToA1({ start: { row: sb.row, col: 0 }, end: { row: sb.row, col: labels.length - 1 } }));
    sb.row++;
  };

  const dataTable = (sb: SheetBuilder, t: TableSpec): void => {
    // A one-column list (职能职责, 机构设置 …) on a wider sheet spans the sheet's width, so its text reads
    // as paragraphs instead of a narrow column; the value stays in column A (the merged range's first cell).
    const spans = t.columns.length === 1;
    if (spans) sb.span("header");
    headerRow(
      sb,
      TABLE_NAME_PREFIX + t.id,
      t.columns.map((c) => c.label),
    );
    const count = Math.max(t.blankRows, t.rows.length);
    for (let i = 0; i < count; i++) {
      const values = t.rows[i] ?? {};
      if (spans) sb.span(t.columns[0]!.output ? "output" : "input");
      t.columns.forEach((c, ci) => columnCells(sb, ci, c, values[c.key] ?? null));
      sb.row++;
    }
  };

  const fieldRows = (sb: SheetBuilder, fieldNames: readonly string[], header: boolean): void => {
    if (header) {
      ["项目", "数值", "说明"].forEach((h, i) => sb.put(i, h, "header"));
      sb.row++;
    }
    for (const n of fieldNames) {
      const f = fieldByName.get(n);
      if (!f) throw new EngineInvariantError(`layoutTemplate: unknown field ${n}`);
      sb.put(0, f.label, "label");
      columnCells(sb, 1, f, desc.values[n] ?? null);
      if (f.note) sb.put(2, f.note, "note");
      addName(f.name, sb.name, toA1({ row: sb.row, col: 1 }));
      sb.row++;
    }
  };

  const structure = (sb: SheetBuilder, id: StructureTableId, blankRows: number): void => {
    const tableName = STRUCTURE_TABLE_NAMES[id];
    switch (id) {
      case "fields": {
        headerRow(sb, tableName, Object.values(FIELD_COLUMNS));
        const defs: [string, FieldSpec | ColumnSpec][] = [
          ...desc.fields.map((f): [string, FieldSpec] => [f.name, f]),
          ...desc.tables.flatMap((t) => t.columns.map((c): [string, ColumnSpec] => [`${t.id}.${c.key}`, c])),
        ];
        for (const [name, d] of defs) {
          const row: CellContent[] = [
            name,
            d.label,
            FIELD_TYPE_LABELS[d.type],
            yesNo(d.required),
            d.min,
            d.max,
            direction(d.output),
            d.note,
          ];
          row.forEach((v, i) => {
            const validation =
              i === 2
                ? listOf(TYPE_WORDS, true)
                : i === 3
                  ? listOf(YES_NO, true)
                  : i === 6
                    ? listOf(Object.values(DIRECTION_LABELS), true)
                    : null;
            sb.put(i, v === "" ? null : v, "config", null, validation);
          });
          sb.row++;
        }
        return;
      }
      case "checks": {
        headerRow(sb, tableName, Object.values(CHECK_COLUMNS));
        for (const c of desc.checks) {
          const row: CellContent[] = [
            c.id,
            c.condition,
            c.rule,
            c.tolerance,
            SEVERITY_LABELS[c.severity],
            c.description,
          ];
          row.forEach((v, i) =>
            sb.put(i, v === "" ? null : v, "config", null, i === 4 ? listOf(SEVERITY_WORDS, true) : null),
          );
          sb.row++;
        }
        return;
      }
      case "rubric": {
        headerRow(
          sb,
          tableName,
          RUBRIC_LAYOUT.map((k) => RUBRIC_COLUMNS[k]),
        );
        for (const r of desc.rubric) rubricRow(sb, r);
        return;
      }
      case "grades": {
        headerRow(sb, tableName, Object.values(GRADE_COLUMNS));
        for (const g of desc.grades) {
          sb.put(0, g.grade, "config");
          sb.put(1, g.min, "config", null, { kind: "decimal", min: 0, max: null, message: "请输入不小于 0 的分数" });
          sb.row++;
        }
        return;
      }
      case "adjustments": {
        const labels = Object.values(ADJUSTMENT_COLUMNS);
        headerRow(sb, tableName, labels);
        const count = Math.max(blankRows, desc.adjustments.length);
        for (let i = 0; i < count; i++) {
          const a = desc.adjustments[i];
          const row: CellContent[] = a
            ? [a.id, a.name, a.formula, a.kind === "cap" ? "封顶" : "扣减", a.params]
            : labels.map(() => null);
          row.forEach((v, ci) => sb.put(ci, v, "config", null, ci === 3 ? listOf(ADJUSTMENT_KIND_WORDS, false) : null));
          sb.row++;
        }
        return;
      }
    }
  };

  const sheets: LayoutSheet[] = desc.sheets.map((spec) => {
    const sb = new SheetBuilder(spec.name, spec.columnWidths);
    for (const block of spec.blocks) layoutBlock(sb, block);
    const titleRow = spec.repeatHeader ? sb.firstHeaderRow : null;
    const view: SheetView = {
      landscape: spec.landscape ?? false,
      titleRow,
      freezeRows: titleRow === null ? 0 : titleRow + 1,
      freezeColumns: spec.freezeColumns ?? 0,
      printColumns: spec.printColumns ?? spec.columnWidths.length,
      printRows: Math.max(1, sb.row),
    };
    return {
      name: spec.name,
      hidden: spec.hidden ?? false,
      columnWidths: spec.columnWidths,
      cells: sortCells(sb.cells),
      view,
      rowHeights: sb.rowHeights(),
      spannedRows: [...sb.spanned].sort((a, b) => a - b),
    };
  });

  function layoutBlock(sb: SheetBuilder, block: SheetBlock): void {
    switch (block.kind) {
      case "title":
      case "heading":
      case "text":
        sb.put(0, block.text, block.kind);
        sb.row++;
        return;
      case "gap":
        sb.row++;
        return;
      case "fields":
        fieldRows(sb, block.names, block.header ?? false);
        return;
      case "table": {
        const t = tableById.get(block.id);
        if (!t) throw new EngineInvariantError(`layoutTemplate: unknown table ${block.id}`);
        dataTable(sb, t);
        return;
      }
      case "structure":
        structure(sb, block.id, block.blankRows ?? 0);
        return;
      case "rubricTotal": {
        sb.put(rubricCol("level3"), "合计", "header");
        for (const [key, name] of [
          ["weight", block.weight],
          ["outScore", block.score],
        ] as const) {
          const f = fieldByName.get(name);
          if (!f) throw new EngineInvariantError(`layoutTemplate: unknown field ${name}`);
          sb.put(rubricCol(key), null, "output");
          addName(f.name, sb.name, toA1({ row: sb.row, col: rubricCol(key) }));
        }
        sb.row++;
        return;
      }
    }
  }

  const metaWidths = [20, 30];
  const meta = new SheetBuilder(META_SHEET, metaWidths);
  const metaRows: [string, string, string][] = [
    [META_KEYS.id, desc.info.id, META_NAMES.id],
    [META_KEYS.version, desc.info.version, META_NAMES.version],
    [META_KEYS.title, desc.info.title, META_NAMES.title],
  ];
  for (const [key, value, name] of metaRows) {
    meta.put(0, key, "meta");
    meta.put(1, value, "meta");
    addName(name, META_SHEET, toA1({ row: meta.row, col: 1 }));
    meta.row++;
  }
  sheets.push({
    name: META_SHEET,
    hidden: true,
    columnWidths: metaWidths,
    cells: meta.cells,
    view: { landscape: false, titleRow: null, freezeRows: 0, freezeColumns: 0, printColumns: 2, printRows: meta.row },
    rowHeights: [],
    spannedRows: [],
  });

  return { info: desc.info, sheets, names };
}

const rubricCol = (key: RubricColumnKey): number => RUBRIC_LAYOUT.indexOf(key);

function rubricRow(sb: SheetBuilder, r: RubricRowSpec): void {
  const isManual = r.kind === "manual";
  const config: [RubricColumnKey, CellContent][] = [
    ["id", r.id],
    ["level1", r.level1],
    ["level2", r.level2],
    ["level3", r.level3],
    ["weight", r.weight],
    ["description", r.description],
    ["ruleKind", r.kind === "" ? "" : RULE_KIND_NAMES[r.kind]],
    ["ruleParams", r.params],
    ["formula", r.formula],
    ["expand", r.expand],
    ["phrase", r.phrase ?? ""],
  ];
  for (const [key, v] of config) {
    const validation = key === "ruleKind" && r.level3 !== "" ? listOf(KIND_WORDS, false) : null;
    sb.put(rubricCol(key), v === "" ? null : v, "config", null, validation);
  }
  if (isManual) {
    sb.put(rubricCol("manualScore"), r.manualScore, "input", null, {
      kind: "decimal",
      min: 0,
      max: r.weight,
      message: `请输入 0 到 ${r.weight} 之间的分数`,
    });
    sb.put(rubricCol("manualReason"), r.manualReason === "" ? null : r.manualReason, "input");
  }
  for (const key of ["outValue", "outScore", "outExplain"] as const) sb.put(rubricCol(key), null, "output");
  sb.row++;
}

function sortCells(cells: readonly LayoutCell[]): LayoutCell[] {
  return [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
}

/** A cell value as the snapshot (and every host) normalises it. */
export function contentToCellValue(v: CellContent): CellValue {
  if (v === null) return { t: "empty" };
  if (typeof v === "number") return { t: "n", v };
  if (typeof v === "boolean") return { t: "b", v };
  return v === "" ? { t: "empty" } : { t: "s", v };
}

/**
 * The snapshot a host reads back from the written layout: values only, rows trimmed after their last
 * non-empty cell and trailing empty rows dropped (the same normal form as the xlsx host).
 */
export function layoutToSnapshot(layout: WorkbookLayout): WorkbookSnapshot {
  const sheets = layout.sheets.map((s) => {
    const rows: CellValue[][] = [];
    for (const c of s.cells) {
      const v = contentToCellValue(c.value);
      if (v.t === "empty") continue;
      while (rows.length <= c.row) rows.push([]);
      const row = rows[c.row]!;
      while (row.length < c.col) row.push({ t: "empty" });
      row[c.col] = v;
    }
    return { name: s.name, visible: !s.hidden, cells: rows };
  });
  return { sheets, names: layout.names };
}
