/**
 * 发布 in Excel: the configuration sheets protected with the department's cells and the add-in's outputs unlocked,
 * and the engine's record written to _meta, in one batch. Office.js (index.d.ts): Range.format.protection.locked
 * [ExcelApi 1.2]; WorksheetProtection.protect(options, password) "Fails if the worksheet has already been protected"
 * [1.2 for options, 1.7 for password], so a sheet already protected is unprotected first; unprotect(password)
 * [1.7 for password] — a sheet protected with a password the add-in does not know cannot be, and the batch fails
 * before the record is written. Both sets are within the core the add-in needs (CORE_EXCEL_API 1.7).
 *
 * Batches are not transactional; the order is chosen for a failure at any step: protection lifted, cells unlocked,
 * sheets protected, the record last — a failure leaves no record of a publication that did not happen.
 */
import type { WriteSummary, PublishRequest } from "../common";
import { hostFailure } from "../common";
import { readWorkbook } from "./read";
import type { OfficeSession } from "./session";
import { queueOp } from "./write";

/** What a protected published sheet still allows (as the .xlsx host's protectSheets): formatting, never structure. */
const ALLOWED: Excel.WorksheetProtectionOptions = {
  allowFormatCells: true,
  allowFormatColumns: true,
  allowFormatRows: true,
  allowInsertRows: false,
  allowInsertColumns: false,
  allowDeleteRows: false,
  allowDeleteColumns: false,
};

export async function publishWorkbook(session: OfficeSession, request: PublishRequest): Promise<WriteSummary> {
  if (session.knownSheets === null) await readWorkbook(session);
  const known = new Set(session.knownSheets ?? []);
  const missing = [...request.protect, ...request.writePlan.ops.map((o) => o.sheet)].filter((s) => !known.has(s));
  if (missing.length > 0) throw hostFailure("sheets_missing", { sheets: [...new Set(missing)].join("、") });
  const summary = { cells: new Map<string, number>(), created: [] as string[] };
  try {
    await session.writeRun(async (context) => {
      const wb = context.workbook;
      const sheets = request.protect.map((name) => {
        const ws = wb.worksheets.getItem(name);
        ws.protection.load("protected");
        return ws;
      });
      await context.sync();
      for (const ws of sheets) if (ws.protection.protected) ws.protection.unprotect(request.password);
      for (const { sheet, range } of request.unlock)
        wb.worksheets.getItem(sheet).getRange(range).format.protection.locked = false;
      for (const ws of sheets) ws.protection.protect(ALLOWED, request.password || undefined);
      const byName = new Map<string, Excel.Worksheet>();
      for (const op of request.writePlan.ops) queueOp(wb, op, byName, summary);
      await context.sync();
    });
  } finally {
    // What the last read saw (protection, the record) is no longer so: the next action reads the workbook again.
    session.knownSheets = null;
    session.markView = null;
  }
  return { cellsBySheet: Object.fromEntries(summary.cells), createdSheets: [] };
}
