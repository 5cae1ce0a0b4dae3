/** 创建模板 (the template's sheets inserted into the open workbook) and 打开示例 (the example in a new workbook). */
import { hostError } from "./errors";
import { quoteSheet } from "./normalize";
import { readTemplateFileInfo, toBase64 } from "./template-file";
import type { OfficeSession } from "./session";

function absolute(address: string): string {
  return address
    .split(":")
    .map((a) => a.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2"))
    .join(":");
}

export async function createTemplate(session: OfficeSession): Promise<void> {
  if (!session.capabilities.insertWorksheets) {
    const which =
      session.office.context.platform === "iOS"
        ? "iPad 版 Excel 不能向当前工作簿插入模板"
        : "此版本的 Excel 不能向当前工作簿插入模板（需要 ExcelApi 1.13）";
    throw hostError("api_unsupported", `${which}。请直接打开模板文件 standard-template.xlsx`);
  }
  const bytes = await session.loadAsset("standard-template.xlsx");
  const info = await readTemplateFileInfo(bytes);
  await session.writeRun(async (context) => {
    const wb = context.workbook;
    wb.worksheets.load("items/name");
    wb.names.load("items/name");
    await context.sync();
    const have = new Set(wb.worksheets.items.map((s) => s.name.toLowerCase()));
    const clash = info.sheets.filter((s) => have.has(s.toLowerCase()));
    if (clash.length > 0) throw hostError("sheets_exist", clash.join("、"));
    const haveNames = new Set(wb.names.items.map((n) => n.name.toLowerCase()));
    const nameClash = info.names.filter((n) => haveNames.has(n.name.toLowerCase())).map((n) => n.name);
    if (nameClash.length > 0) throw hostError("sheets_exist", nameClash.join("、"));

    wb.insertWorksheetsFromBase64(toBase64(bytes), { positionType: "End" });
    wb.names.load("items/name,items/formula");
    await context.sync();
    // insertWorksheetsFromBase64 may drop workbook names or leave them as #REF!: (re)create each one.
    const after = new Map(wb.names.items.map((n) => [n.name.toLowerCase(), n]));
    let repaired = false;
    for (const n of info.names) {
      const target = `=${quoteSheet(n.sheet)}!${absolute(n.address)}`;
      const item = after.get(n.name.toLowerCase());
      if (item && typeof item.formula === "string" && item.formula.replace(/\$/g, "") === target.replace(/\$/g, ""))
        continue;
      if (item) item.delete();
      wb.names.add(n.name, target);
      repaired = true;
    }
    if (repaired) await context.sync();
  });
  session.knownSheets = null;
  session.markView = null;
}

export async function openExample(session: OfficeSession): Promise<void> {
  const excel = session.excel;
  if (!session.capabilities.createWorkbook || !excel.createWorkbook) {
    throw hostError("api_unsupported", "此版本的 Excel 不能新建工作簿（需要 ExcelApi 1.8）。请直接打开示例文件");
  }
  const bytes = await session.loadAsset("example-wanzhou-2020.xlsx");
  await excel.createWorkbook(toBase64(bytes));
}
