/** The user's edits as change events (ExcelApi 1.9), without the echoes of the host's own writes. */
import type { OfficeSession } from "./session";

/**
 * Call `listener` for each edit the user makes in this Excel: not the host's own writes (ExcelApi 1.14
 * `triggerSource`, or the echo window before it), not a co-author's (`source: "Remote"`). Resolves to an
 * unsubscribe function, which removes the handler on the context it was added on (as the events doc does:
 * `Excel.run(eventResult.context, …)`; a removal queued on another context never reaches Excel).
 */
export async function onUserEdit(
  session: OfficeSession,
  listener: (sheet: string, address: string) => void,
): Promise<() => Promise<void>> {
  if (!session.capabilities.changeEvents) return async () => undefined;
  const names = new Map<string, string>();
  /** The sheet's name now: one read for a sheet added or renamed since the names were last read. */
  const sheetNameOf = async (id: string): Promise<string> => {
    const known = names.get(id);
    if (known !== undefined) return known;
    try {
      await session.excel.run(async (context) => {
        const list = context.workbook.worksheets;
        list.load("items/id,items/name");
        await context.sync();
        names.clear();
        for (const s of list.items) names.set(s.id, s.name);
      });
    } catch {
      // The pane can live with the id; the edit is still reported.
    }
    return names.get(id) ?? id;
  };
  const handler = async (event: Excel.WorksheetChangedEventArgs): Promise<void> => {
    const trigger = (event as { triggerSource?: string }).triggerSource;
    if (trigger === "ThisLocalAddin" || session.isOwnWriteEcho()) return;
    if ((event as { source?: string }).source === "Remote") return;
    listener(await sheetNameOf(event.worksheetId), event.address);
  };
  const registration = await session.excel.run(async (context) => {
    const list = context.workbook.worksheets;
    list.load("items/id,items/name");
    const result = list.onChanged.add(handler);
    await context.sync();
    for (const s of list.items) names.set(s.id, s.name);
    return result;
  });
  return async () => {
    await session.excel.run(registration.context, async (context) => {
      registration.remove();
      await context.sync();
    });
  };
}
