/**
 * The Office.js host: one OfficeSession (./session.ts, what the last read saw) shared by the read (./read.ts,
 * in one batch, or ./read-chunked.ts when too large; ./read-head.ts what both share), the write plan and
 * marking run (./write.ts, ./mark-run.ts), template insertion (./template-insert.ts) and change events
 * (./events.ts). Every operation but onUserEdit runs one at a time (OfficeSession.serial). docs/office-host.md
 * says what the tests' fake Excel models and what only real Excel can confirm.
 */
import type { CellRef } from "../../engine";
import { onUserEdit } from "./events";
import { readWorkbook } from "./read";
import { saveWithDownload } from "./save-file";
import { OfficeSession } from "./session";
import { createTemplate, openExample } from "./template-insert";
import type { OfficeHost, OfficeHostOptions } from "./types";
import { writeWorkbook } from "./write";
import { publishWorkbook } from "./publish";

export type { AssetName, ExcelApi, OfficeApi, OfficeCapabilities, OfficeHost, OfficeHostOptions } from "./types";
export { CORE_EXCEL_API } from "./types";

async function select(session: OfficeSession, ref: CellRef): Promise<void> {
  await session.excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(ref.sheet);
    // The template hides its configuration sheets (字段定义, 校验规则); a problem there is shown by
    // unhiding the sheet (as the last read saw it): Excel does not activate a hidden sheet.
    const unhide = session.hiddenSheets.has(ref.sheet);
    if (unhide) ws.visibility = "Visible";
    ws.activate();
    ws.getRange(ref.address).select();
    await context.sync();
    // Only once Excel did it: after a refused batch the sheet is still hidden, and the retry unhides it.
    if (unhide) session.hiddenSheets.delete(ref.sheet);
  });
}

/** Create the Office.js host. Call inside `Office.onReady`. */
export function createOfficeHost(options: OfficeHostOptions = {}): OfficeHost {
  const session = new OfficeSession(options);
  const serial = <T>(op: () => Promise<T>): Promise<T> => session.serial(op);
  return {
    kind: "office",
    capabilities: session.capabilities,
    readSnapshot: () => serial(() => readWorkbook(session)),
    applyWritePlan: (plan) => serial(() => writeWorkbook(session, plan, null)),
    markDiagnostics: (diagnostics) => serial(async () => void (await writeWorkbook(session, { ops: [] }, diagnostics))),
    applyAndMark: (plan, diagnostics) => serial(() => writeWorkbook(session, plan, diagnostics)),
    selectCell: (ref) => serial(() => select(session, ref)),
    createTemplate: () => serial(() => createTemplate(session)),
    openExample: () => serial(() => openExample(session)),
    saveFile: (fileName, bytes, mimeType) =>
      serial(() => (options.saveFile ?? saveWithDownload(session.office))(fileName, bytes, mimeType)),
    onUserEdit: (listener) => onUserEdit(session, listener),
    publish: (request) => serial(() => publishWorkbook(session, request)),
  };
}
