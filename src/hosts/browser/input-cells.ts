import ExcelJS from "exceljs";
import type { WorkbookSnapshot } from "../../engine";
import { templateOutputCells } from "../../engine";
import { KNOWN_TEMPLATES } from "../../templates";

/** Sheet name → the A1 addresses of its input cells. */
export type InputCells = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * The cells a person fills in: those the file leaves unlocked, as Excel lets them be typed into on a protected
 * sheet. The template writes exactly its yellow input cells unlocked (src/hosts/xlsx/cell-style.ts); outputs,
 * configuration and labels stay locked, so they stay read-only on the page. A file exceljs cannot read with its
 * styles gives no input cells: the grid is then only shown. A published template also leaves its outputs unlocked
 * (so Excel lets the add-in write them on its protected sheets): with the `snapshot` given, the template's output
 * cells are never inputs.
 */
export async function readInputCells(bytes: Uint8Array, snapshot?: WorkbookSnapshot): Promise<InputCells> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    return new Map();
  }
  const outputs = snapshot ? templateOutputCells(snapshot, KNOWN_TEMPLATES) : new Set<string>();
  const out = new Map<string, Set<string>>();
  for (const ws of wb.worksheets) {
    const cells = new Set<string>();
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const merged = cell.isMerged && cell.master.address !== cell.address;
        if (!merged && cell.protection?.locked === false && !outputs.has(`${ws.name}!${cell.address}`))
          cells.add(cell.address);
      }),
    );
    if (cells.size > 0) out.set(ws.name, cells);
  }
  return out;
}
