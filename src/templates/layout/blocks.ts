/** The blocks of a sheet (titles, field rows, data tables, configuration tables, the rubric's 合计), top to bottom. */
import { EngineInvariantError, TABLE_NAME_PREFIX, toA1 } from "../../engine";
import { rubricTotalRow } from "./rubric";
import type { LayoutContext, SheetBuilder } from "./sheet-builder";
import { addName, columnCells, headerRow } from "./sheet-builder";
import { structureTable } from "./structure";
import type { SheetBlock, TableSpec } from "./types";

function dataTable(ctx: LayoutContext, sb: SheetBuilder, t: TableSpec): void {
  // A one-column list (职能职责, 机构设置 …) on a wider sheet spans the sheet's width, so its text reads
  // as paragraphs instead of a narrow column; the value stays in column A (the merged range's first cell).
  const spans = t.columns.length === 1;
  if (spans) sb.span("header");
  headerRow(
    ctx,
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
}

function fieldRows(ctx: LayoutContext, sb: SheetBuilder, fieldNames: readonly string[], header: boolean): void {
  if (header) {
    ["项目", "数值", "说明"].forEach((h, i) => sb.put(i, h, "header"));
    sb.row++;
  }
  for (const n of fieldNames) {
    const f = ctx.fieldByName.get(n);
    if (!f) throw new EngineInvariantError(`layoutTemplate: unknown field ${n}`);
    sb.put(0, f.label, "label");
    columnCells(sb, 1, f, ctx.desc.values[n] ?? null);
    if (f.note) sb.put(2, f.note, "note");
    addName(ctx, f.name, sb.name, toA1({ row: sb.row, col: 1 }));
    sb.row++;
  }
}

export function layoutBlock(ctx: LayoutContext, sb: SheetBuilder, block: SheetBlock): void {
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
      fieldRows(ctx, sb, block.names, block.header ?? false);
      return;
    case "table": {
      const t = ctx.tableById.get(block.id);
      if (!t) throw new EngineInvariantError(`layoutTemplate: unknown table ${block.id}`);
      dataTable(ctx, sb, t);
      return;
    }
    case "structure":
      structureTable(ctx, sb, block.id, block.blankRows ?? 0);
      return;
    case "rubricTotal":
      rubricTotalRow(ctx, sb, block.weight, block.score);
      return;
  }
}
