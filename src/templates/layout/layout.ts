/**
 * Turns a template description into positioned cells (value, role, number format, validation) and
 * defined names. Pure: the xlsx host writes this layout, and tests read it as a snapshot.
 */
import { META_KEYS, META_NAMES, META_SHEET, createEngine, parseA1, toA1 } from "../../engine";
import { rubricCol } from "./rubric";
import { layoutToSnapshot } from "./snapshot";
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

/**
 * Each rubric row's 评分标准 by 编号, as the engine generates it from the laid-out workbook (its rules, and its
 * fields' types for how a limit is written), so a blank template shows what its parameters say.
 */
function criteriaOf(layout: WorkbookLayout, rubricSheet: string): Map<string, string> {
  const sheet = layout.sheets.find((s) => s.name === rubricSheet);
  const out = new Map<string, string>();
  if (!sheet) return out;
  const idCol = rubricCol("id");
  const ids = new Map(sheet.cells.filter((c) => c.col === idCol).map((c) => [c.row, String(c.value ?? "")]));
  for (const op of createEngine().criteria(layoutToSnapshot(layout)).ops) {
    if (op.kind !== "values" || op.sheet !== rubricSheet) continue;
    const at = parseA1(op.address);
    if (!at) continue;
    op.values.forEach((row, i) => {
      const id = ids.get(at.row + i);
      if (id && typeof row[0] === "string") out.set(id, row[0]);
    });
  }
  return out;
}

/** Lays out the whole description: every sheet, then the hidden _meta sheet (twice: see criteriaOf). */
export function layoutTemplate(desc: TemplateDescription): WorkbookLayout {
  const first = layoutOnce(desc, new Map());
  const rubricSheet = desc.sheets.find((s) => s.blocks.some((b) => b.kind === "structure" && b.id === "rubric"));
  if (!rubricSheet) return first;
  const criteria = criteriaOf(first, rubricSheet.name);
  return criteria.size === 0 ? first : layoutOnce(desc, criteria);
}

function layoutOnce(desc: TemplateDescription, criteria: ReadonlyMap<string, string>): WorkbookLayout {
  const ctx = layoutContext(desc, criteria);
  const rubricSheet = desc.sheets.find((s) => s.blocks.some((b) => b.kind === "structure" && b.id === "rubric"));
  const laid = desc.sheets.map((spec) => layoutSheet(ctx, spec));
  const sheets = rubricSheet ? withTableWeightValidations(laid, desc.tables, rubricSheet.name, ctx.names) : laid;
  sheets.push(metaSheet(ctx));
  return { info: desc.info, sheets, names: ctx.names };
}
