/** The user's edits as change events (ExcelApi 1.9), without the echoes of the host's own writes. */
import type { OfficeSession } from "./session";

export async function onUserEdit(
  session: OfficeSession,
  listener: (sheet: string, address: string) => void,
): Promise<() => Promise<void>> {
  if (!session.capabilities.changeEvents) return async () => undefined;
  const handler = async (event: Excel.WorksheetChangedEventArgs): Promise<void> => {
    const trigger = (event as { triggerSource?: string }).triggerSource;
    if (trigger === "ThisLocalAddin" || session.isOwnWriteEcho()) return;
    listener(sheetNameOf(event), event.address);
  };
  const names = new Map<string, string>();
  const sheetNameOf = (event: Excel.WorksheetChangedEventArgs): string =>
    names.get(event.worksheetId) ?? event.worksheetId;
  const registration = await session.excel.run(async (context) => {
    const list = context.workbook.worksheets;
    list.load("items/id,items/name");
    const result = list.onChanged.add(handler);
    await context.sync();
    for (const s of list.items) names.set(s.id, s.name);
    return result;
  });
  return async () => {
    await session.excel.run(async (context) => {
      registration.remove();
      await context.sync();
    });
  };
}
