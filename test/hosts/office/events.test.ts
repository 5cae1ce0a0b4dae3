/**
 * onUserEdit against change events bound to their context, with `source` (the fake's onChanged). Issue 14,
 * review finding 11.
 */
import { describe, expect, it } from "vitest";
import { createOfficeHost } from "../../../src/hosts/office/office-host";
import { FakeWorkbook } from "./fake-excel";

async function subscribed() {
  const wb = new FakeWorkbook();
  wb.addSheet("表1", [["x"]]);
  const host = createOfficeHost({ excel: wb.excel, office: wb.office });
  const seen: string[] = [];
  const unsubscribe = await host.onUserEdit((sheet, address) => seen.push(`${sheet}!${address}`));
  // Well past the echo window of any write of the host (none here).
  const fire = (event: Record<string, unknown>) =>
    wb.changeHandlers[0]!({ triggerSource: "OtherLocalAddin", ...event });
  return { wb, seen, unsubscribe, fire };
}

describe("onUserEdit", () => {
  it("unsubscribes for real: the removal is synced on the registration's own context", async () => {
    const { wb, unsubscribe } = await subscribed();
    expect(wb.changeHandlers).toHaveLength(1);
    await unsubscribe();
    expect(wb.changeHandlers).toHaveLength(0);
  });

  it("ignores a co-author's edits (source Remote)", async () => {
    const { seen, fire } = await subscribed();
    await fire({ worksheetId: "id0", address: "A1", source: "Remote" });
    await fire({ worksheetId: "id0", address: "A2", source: "Local" });
    expect(seen).toEqual(["表1!A2"]);
  });

  it("names a sheet added after it subscribed", async () => {
    const { wb, seen, fire } = await subscribed();
    wb.addSheet("新表");
    await fire({ worksheetId: "id1", address: "B2", source: "Local" });
    expect(seen).toEqual(["新表!B2"]);
  });
});
