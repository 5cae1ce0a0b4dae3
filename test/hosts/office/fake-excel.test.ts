/** The fake Excel's own behaviours, each as its comment in fake-excel.ts cites it. */
import { describe, expect, it } from "vitest";
import { FakeWorkbook, OfficeError, PAYLOAD_LIMIT } from "./fake-excel";

type Ctx = Excel.RequestContext;

async function run<T>(wb: FakeWorkbook, batch: (context: Ctx) => Promise<T>): Promise<T> {
  return wb.excel.run(batch);
}

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (e as OfficeError).code,
  );

describe("the fake Excel", () => {
  it("parses strings written through Range.values like typed input, and keeps text after an apostrophe", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("S");
    await run(wb, async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1:H1").values = [
        ["=1+1", "-附表", "1.10", "TRUE", "2020-01", "50%", "'2020-01", "文字"],
      ];
      await context.sync();
    });
    const v = (a: string) => wb.cell("S", a);
    expect(v("A1")?.formula).toBe("=1+1");
    expect(v("B1")?.formula).toBe("-附表");
    expect(v("C1")?.value).toBe(1.1);
    expect(v("D1")?.value).toBe(true);
    expect(v("E1")).toMatchObject({ value: 43831, format: "m/d/yyyy" });
    expect(v("F1")?.value).toBe(0.5);
    expect(v("G1")).toMatchObject({ value: "2020-01", type: "String" });
    expect(v("H1")?.value).toBe("文字");
  });

  it("fails a 2-D array that does not match the range (InvalidArgument)", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("S");
    const code = await codeOf(
      run(wb, async (context) => {
        context.workbook.worksheets.getItem("S").getRange("A1:B2").values = [[1, 2]];
        await context.sync();
      }),
    );
    expect(code).toBe("InvalidArgument");
  });

  it("runs a batch up to its failing action and no further (not a transaction)", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("S");
    wb.failAfterActions = { after: 1, error: new OfficeError("GeneralException") };
    const code = await codeOf(
      run(wb, async (context) => {
        const s = context.workbook.worksheets.getItem("S");
        s.getRange("A1").values = [[1]];
        s.getRange("A2").values = [[2]];
        await context.sync();
      }),
    );
    expect(code).toBe("GeneralException");
    expect(wb.cell("S", "A1")?.value).toBe(1);
    expect(wb.cell("S", "A2")).toBeUndefined();
  });

  it("fails every batch in cell-edit mode, before any action", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("S");
    wb.cellEditMode = true;
    const code = await codeOf(
      run(wb, async (context) => {
        context.workbook.worksheets.getItem("S").getRange("A1").values = [[1]];
        await context.sync();
      }),
    );
    expect(code).toBe("InvalidOperationInCellEditMode");
    expect(wb.writes).toBe(0);
  });

  it("refuses adding or hiding a sheet with the workbook structure protected", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("S");
    wb.structureProtected = true;
    const add = codeOf(
      run(wb, async (context) => {
        context.workbook.worksheets.add("T");
        await context.sync();
      }),
    );
    expect(await add).toBe("AccessDenied");
    const hide = codeOf(
      run(wb, async (context) => {
        context.workbook.worksheets.getItem("S").visibility = "Hidden";
        await context.sync();
      }),
    );
    expect(await hide).toBe("AccessDenied");
    expect(wb.sheets.map((s) => [s.name, s.visibility])).toEqual([["S", "Visible"]]);
  });

  it("fails a range resized past the grid's last column", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("S", [["x"]]);
    wb.setCell("S", "XFC1", { value: "y" });
    const code = await codeOf(
      run(wb, async (context) => {
        const s = context.workbook.worksheets.getItem("S");
        s.getUsedRange(true).getResizedRange(0, 4).load("address");
        await context.sync();
      }),
    );
    expect(code).toBe("InvalidArgument");
  });

  it("refuses a response over 5 MB on the web only", async () => {
    for (const [profile, expected] of [
      ["web", "ResponsePayloadSizeLimitExceeded"],
      ["windows-365", "ok"],
    ] as const) {
      const wb = FakeWorkbook.on(profile);
      wb.addSheet(
        "S",
        Array.from({ length: 5000 }, (_, r) => Array.from({ length: 40 }, (_, c) => `值-${r}-${c}-填充文字`)),
      );
      const code = await codeOf(
        run(wb, async (context) => {
          context.workbook.worksheets.getItem("S").getUsedRangeOrNullObject(true).load("values,valueTypes");
          await context.sync();
        }),
      );
      expect({ profile, code }).toEqual({ profile, code: expected });
    }
    expect(PAYLOAD_LIMIT).toBe(5 * 1024 * 1024);
  });

  it("registers and removes an event handler only when its own context syncs", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("S");
    const registration = await run(wb, async (context) => {
      const result = context.workbook.worksheets.onChanged.add(async () => undefined);
      expect(wb.changeHandlers).toHaveLength(0);
      await context.sync();
      return result;
    });
    expect(wb.changeHandlers).toHaveLength(1);
    await run(wb, async (context) => {
      registration.remove();
      await context.sync();
    });
    expect(wb.changeHandlers).toHaveLength(1);
    await wb.excel.run(registration.context, async (context) => {
      registration.remove();
      await context.sync();
    });
    expect(wb.changeHandlers).toHaveLength(0);
  });

  it("counts writes, not reads or selection", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("S", [["x"]]);
    await run(wb, async (context) => {
      const s = context.workbook.worksheets.getItem("S");
      s.getUsedRangeOrNullObject(true).load("values");
      s.getRange("A1").select();
      await context.sync();
    });
    expect(wb.writes).toBe(0);
    await run(wb, async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1").format.fill.color = "#FF0000";
      await context.sync();
    });
    expect(wb.writes).toBe(1);
  });
});
