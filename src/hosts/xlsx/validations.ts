/**
 * exceljs writes per-cell data validations as ranges after sorting cell addresses as text ("B10" before
 * "B4"), so B4…B13 come out as the overlapping B10:B13 and B4:B13. Regrouped here, column by column in row
 * order, into one range per run of equal validations, before a workbook is saved.
 */
import type { Worksheet } from "exceljs";
import { parseA1, toA1 } from "../../engine";

interface ValidationsModel {
  model: Record<string, unknown>;
}

export function compactValidations(ws: Worksheet): void {
  const dvs = (ws as unknown as { dataValidations?: ValidationsModel }).dataValidations;
  if (!dvs?.model) return;
  const out: Record<string, unknown> = {};
  const cells: { row: number; col: number; dv: unknown; key: string }[] = [];
  for (const [address, dv] of Object.entries(dvs.model)) {
    const at = address.includes(":") ? null : parseA1(address);
    if (!at || dv === undefined) out[address] = dv;
    else cells.push({ ...at, dv, key: JSON.stringify(dv) });
  }
  cells.sort((a, b) => a.col - b.col || a.row - b.row);
  for (let i = 0; i < cells.length;) {
    let j = i + 1;
    while (
      j < cells.length &&
      cells[j]!.col === cells[i]!.col &&
      cells[j]!.row === cells[j - 1]!.row + 1 &&
      cells[j]!.key === cells[i]!.key
    )
      j++;
    const first = toA1({ row: cells[i]!.row, col: cells[i]!.col });
    const last = toA1({ row: cells[j - 1]!.row, col: cells[j - 1]!.col });
    out[j - i > 1 ? `${first}:${last}` : first] = cells[i]!.dv;
    i = j;
  }
  dvs.model = out;
}
