/**
 * The mutable state of laying out one sheet (cells appended row by row) and of the whole workbook
 * (the description's lookups and the defined names collected in layout order).
 */
import type { DefinedName } from "../../engine";
import { rangeToA1 } from "../../engine";
import type { CellRole, LayoutCell, ValidationSpec } from "./model";
import { rowHeightFor } from "./text-size";
import type { CellContent, ColumnSpec, FieldSpec, TableSpec, TemplateDescription } from "./types";
import { NUMBER_FORMATS, validationFor } from "./validation";

/** Roles whose text may wrap in its own column; titles, headings and notes in narrow columns spill instead. */
const WRAPPING_ROLES: ReadonlySet<CellRole> = new Set(["label", "header", "input", "output", "config", "note"]);
/** A title, heading or text line wraps only in a column this wide (the single-column 说明 sheet). */
const WIDE_COLUMN = 60;

/** Mutable builder for one sheet: blocks append rows top to bottom. */
export class SheetBuilder {
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

/** What every block of a layout shares: the description, its lookups and the defined names so far. */
export interface LayoutContext {
  readonly desc: TemplateDescription;
  readonly fieldByName: ReadonlyMap<string, FieldSpec>;
  readonly tableById: ReadonlyMap<string, TableSpec>;
  readonly names: DefinedName[];
  /** Each rubric row's 评分标准 by 编号, as the engine generates it from the row's rule (layout.ts). */
  readonly criteria: ReadonlyMap<string, string>;
}

export function layoutContext(
  desc: TemplateDescription,
  criteria: ReadonlyMap<string, string> = new Map(),
): LayoutContext {
  return {
    desc,
    criteria,
    fieldByName: new Map(desc.fields.map((f) => [f.name, f])),
    tableById: new Map(desc.tables.map((t) => [t.id, t])),
    names: [],
  };
}

export function addName(ctx: LayoutContext, name: string, sheet: string, address: string): void {
  ctx.names.push({ name, sheet, address });
}

/** A table's header row, named `id` over its labels. */
export function headerRow(ctx: LayoutContext, sb: SheetBuilder, id: string, labels: readonly string[]): void {
  sb.firstHeaderRow ??= sb.row;
  labels.forEach((label, i) => sb.put(i, label, "header"));
  addName(
    ctx,
    id,
    sb.name,
    rangeToA1({ start: { row: sb.row, col: 0 }, end: { row: sb.row, col: labels.length - 1 } }),
  );
  sb.row++;
}

/** An input (yellow, validated by its type) or output (green) cell of a field or table column. */
export function columnCells(sb: SheetBuilder, col: number, c: ColumnSpec | FieldSpec, value: CellContent): void {
  const role: CellRole = c.output ? "output" : "config" in c && c.config ? "config" : "input";
  const validation = c.output ? null : validationFor(c.type, c.min, c.max, "choices" in c ? c.choices : undefined);
  sb.put(col, value, role, NUMBER_FORMATS[c.type], validation);
}
