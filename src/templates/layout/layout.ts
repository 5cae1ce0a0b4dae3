/**
 * Turns a template description into positioned cells (value, role, number format, validation) and
 * defined names. Pure: the xlsx host writes this layout, and tests read it as a snapshot.
 */
import { META_KEYS, META_NAMES, META_SHEET, toA1 } from "../../engine";
import { layoutBlock } from "./blocks";
import type { LayoutCell, LayoutSheet, SheetView, WorkbookLayout } from "./model";
import { SheetBuilder, addName, layoutContext } from "./sheet-builder";
import type { LayoutContext } from "./sheet-builder";
import type { SheetSpec, TemplateDescription } from "./types";
import { withTableWeightValidations } from "./table-weights";

function sortCells(cells: readonly LayoutCell[]): LayoutCell[] {
  return [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
}

function layoutSheet(ctx: LayoutContext, spec: SheetSpec): LayoutSheet {
  const sb = new SheetBuilder(spec.name, spec.columnWidths);
  for (const block of spec.blocks) layoutBlock(ctx, sb, block);
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
}

/** The hidden _meta sheet: the template's identity under its defined names. */
function metaSheet(ctx: LayoutContext): LayoutSheet {
  const { info } = ctx.desc;
  const metaWidths = [20, 30];
  const meta = new SheetBuilder(META_SHEET, metaWidths);
  const metaRows: [string, string, string][] = [
    [META_KEYS.id, info.id, META_NAMES.id],
    [META_KEYS.version, info.version, META_NAMES.version],
    [META_KEYS.title, info.title, META_NAMES.title],
  ];
  for (const [key, value, name] of metaRows) {
    meta.put(0, key, "meta");
    meta.put(1, value, "meta");
    addName(ctx, name, META_SHEET, toA1({ row: meta.row, col: 1 }));
    meta.row++;
  }
  return {
    name: META_SHEET,
    hidden: true,
    columnWidths: metaWidths,
    cells: meta.cells,
    view: { landscape: false, titleRow: null, freezeRows: 0, freezeColumns: 0, printColumns: 2, printRows: meta.row },
    rowHeights: [],
    spannedRows: [],
  };
}

/** Lays out the whole description: every sheet, then the hidden _meta sheet. */
export function layoutTemplate(desc: TemplateDescription): WorkbookLayout {
  const ctx = layoutContext(desc);
  const rubricSheet = desc.sheets.find((s) => s.blocks.some((b) => b.kind === "structure" && b.id === "rubric"));
  const laid = desc.sheets.map((spec) => layoutSheet(ctx, spec));
  const sheets = rubricSheet ? withTableWeightValidations(laid, desc.tables, rubricSheet.name, ctx.names) : laid;
  sheets.push(metaSheet(ctx));
  return { info: desc.info, sheets, names: ctx.names };
}
