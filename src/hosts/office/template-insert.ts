/** 创建模板 (the template's sheets inserted into the open workbook) and 打开示例 (the example in a new workbook). */
import { hostFailure } from "../common";
import { quoteSheet, splitSheetAddress } from "./normalize";
import { readTemplateFileInfo, toBase64 } from "./template-file";
import type { TemplateFileInfo } from "./template-file";
import type { OfficeSession } from "./session";

function absolute(address: string): string {
  return address
    .split(":")
    .map((a) => a.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2"))
    .join(":");
}

/**
 * (Re)create each of the template's workbook names that is missing or does not point where the template says:
 * insertWorksheetsFromBase64 may drop them or leave them as `=#REF!…` (OfficeDev/office-js#3583). `names` must
 * have been loaded with `items/name,items/formula`. Returns whether anything was queued.
 */
function queueNameRepair(wb: Excel.Workbook, info: TemplateFileInfo): boolean {
  const after = new Map(wb.names.items.map((n) => [n.name.toLowerCase(), n]));
  let repaired = false;
  for (const n of info.names) {
    const target = `=${quoteSheet(n.sheet)}!${absolute(n.address)}`;
    const item = after.get(n.name.toLowerCase());
    if (item && typeof item.formula === "string" && pointsAt(item.formula, n.sheet, n.address)) continue;
    if (item) item.delete();
    wb.names.add(n.name, target);
    repaired = true;
  }
  return repaired;
}

/**
 * Does a name's formula refer to this sheet and address? Compared parsed, so `=基本情况!$B$3` and
 * `='基本情况'!B3` agree: Excel may give a Chinese sheet name unquoted, which a text comparison with the
 * quoted form would take for a broken name and re-create every name on each 创建模板.
 */
function pointsAt(formula: string, sheet: string, address: string): boolean {
  const ref = splitSheetAddress(formula);
  if (!ref) return false;
  const bare = (a: string): string => a.replace(/\$/g, "").toUpperCase();
  return ref.sheet.toLowerCase() === sheet.toLowerCase() && bare(ref.address) === bare(address);
}

/** Which of the template's sheets the workbook has (case-insensitive, as Excel compares sheet names). */
function presentSheets(wb: Excel.Workbook, info: TemplateFileInfo): string[] {
  const have = new Set(wb.worksheets.items.map((s) => s.name.toLowerCase()));
  return info.sheets.filter((s) => have.has(s.toLowerCase()));
}

/**
 * 创建模板: insert the template's sheets, then repair its workbook names. Idempotent and retryable: when every
 * template sheet is already there (an earlier insert whose sync rejected although the sheets went in, as Excel
 * on the web does — OfficeDev/office-js#3179, #6142), only the names are repaired; when the insert's sync
 * rejects, the workbook is read again and, if the sheets are in, the names are repaired all the same.
 */
export async function createTemplate(session: OfficeSession): Promise<void> {
  if (!session.capabilities.insertWorksheets) {
    const ipad = session.office.context.platform === "iOS";
    throw hostFailure(ipad ? "template_insert_ipad" : "template_insert_unsupported", {});
  }
  const bytes = await session.loadAsset("standard-template.xlsx");
  const info = await readTemplateFileInfo(bytes);
  // The view of the workbook is stale from here on, whatever happens.
  session.knownSheets = null;
  session.markView = null;
  let insertFailure: unknown = null;
  await session.writeRun(async (context) => {
    const wb = context.workbook;
    wb.worksheets.load("items/name");
    wb.names.load("items/name,items/formula");
    await context.sync();
    const present = presentSheets(wb, info);
    if (present.length < info.sheets.length) {
      if (present.length > 0) throw hostFailure("template_sheets_exist", { sheets: present.join("、") });
      const haveNames = new Set(wb.names.items.map((n) => n.name.toLowerCase()));
      const nameClash = info.names.filter((n) => haveNames.has(n.name.toLowerCase())).map((n) => n.name);
      if (nameClash.length > 0) {
        // Names, not sheets: worded in full, as the pane reads a trailing （…） as sheet names.
        throw hostFailure("template_names_exist", { names: nameClash.join("、") }, "workbook names exist");
      }
      wb.insertWorksheetsFromBase64(toBase64(bytes), { positionType: "End" });
      wb.names.load("items/name,items/formula");
      try {
        await context.sync();
      } catch (e) {
        insertFailure = e;
        return;
      }
    }
    if (queueNameRepair(wb, info)) await context.sync();
  });
  if (insertFailure === null) return;
  // The insert's sync rejected: the sheets may be in all the same. Look again, in a fresh batch.
  await session.writeRun(async (context) => {
    const wb = context.workbook;
    wb.worksheets.load("items/name");
    wb.names.load("items/name,items/formula");
    await context.sync();
    if (presentSheets(wb, info).length < info.sheets.length) throw insertFailure;
    if (queueNameRepair(wb, info)) await context.sync();
  });
}

export async function openExample(session: OfficeSession): Promise<void> {
  const excel = session.excel;
  if (!session.capabilities.createWorkbook || !excel.createWorkbook) {
    throw hostFailure("example_unsupported", {});
  }
  const bytes = await session.loadAsset("example-wanzhou-2020.xlsx");
  await excel.createWorkbook(toBase64(bytes));
}
