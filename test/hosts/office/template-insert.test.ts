/**
 * 创建模板 against insertWorksheetsFromBase64's known faults on Excel on the web (the fake's insertNamesAs,
 * insertRejectsAfterInsert): the insert-then-repair path is idempotent and retryable. Issue 14, finding 5.
 */
import { describe, expect, it } from "vitest";
import JSZip from "jszip";
import { createOfficeHost } from "../../../src/hosts/office/office-host";
import { FakeWorkbook, OfficeError } from "./fake-excel";
import type { FakeName } from "./fake-excel";

const SHEETS = ["基本情况", "_meta"];
const NAMES: FakeName[] = [
  { name: "unit_name", type: "Range", formula: "='基本情况'!$B$3" },
  { name: "perfeval_template_id", type: "Range", formula: "=_meta!$B$1" },
];

async function templateBytes(): Promise<Uint8Array> {
  const zip = new JSZip();
  const sheets = SHEETS.map((s, i) => `<sheet name="${s}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("");
  const names = `<definedName name="unit_name">基本情况!$B$3</definedName><definedName name="perfeval_template_id">_meta!$B$1</definedName>`;
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="r"><sheets>${sheets}</sheets><definedNames>${names}</definedNames></workbook>`,
  );
  return zip.generateAsync({ type: "uint8array" });
}

async function setUp(): Promise<{ wb: FakeWorkbook; create: () => Promise<void> }> {
  const bytes = await templateBytes();
  const wb = FakeWorkbook.on("web");
  wb.addSheet("Sheet1");
  wb.insertSheets = SHEETS.map((name) => ({ name, cells: new Map(), visibility: "Visible", protected: false }));
  wb.insertNames = NAMES;
  const host = createOfficeHost({ excel: wb.excel, office: wb.office, loadAsset: async () => bytes });
  return { wb, create: () => host.createTemplate() };
}

const sortedNames = (wb: FakeWorkbook) => [...wb.names].sort((a, b) => a.name.localeCompare(b.name));
const EXPECTED = [...NAMES].sort((a, b) => a.name.localeCompare(b.name));

describe("创建模板 on Excel on the web", () => {
  it("repairs names inserted as #REF!", async () => {
    const { wb, create } = await setUp();
    wb.insertNamesAs = "ref";
    await create();
    expect(sortedNames(wb)).toEqual(EXPECTED);
  });

  it("succeeds when the insert's sync rejects although the sheets went in (names repaired, inserted once)", async () => {
    const { wb, create } = await setUp();
    wb.insertNamesAs = "ref";
    wb.insertRejectsAfterInsert = true;
    await create();
    expect(wb.inserted).toHaveLength(1);
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1", ...SHEETS]);
    expect(sortedNames(wb)).toEqual(EXPECTED);
  });

  it("a retry after an earlier run left the sheets with broken names repairs them instead of refusing", async () => {
    const { wb, create } = await setUp();
    for (const name of SHEETS) wb.addSheet(name);
    wb.names = [{ name: "unit_name", type: "Error", formula: "=#REF!$B$3" }];
    await create();
    expect(wb.inserted).toEqual([]);
    expect(sortedNames(wb)).toEqual(EXPECTED);
  });

  it("fails, changing nothing, when the insert's sync rejects before the insert ran; the retry inserts", async () => {
    const { wb, create } = await setUp();
    wb.failAfterActions = { after: 0, error: new OfficeError("GeneralException") };
    await expect(create()).rejects.toMatchObject({ code: "unknown" });
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    await create();
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1", ...SHEETS]);
    expect(sortedNames(wb)).toEqual(EXPECTED);
  });
});

describe("创建模板 with names Excel kept", () => {
  it("leaves names that point right alone, quoted or not (=基本情况!$B$3): no delete and re-add", async () => {
    const { wb, create } = await setUp();
    wb.insertNamesAs = "unquoted";
    await create();
    // The insert is the only write.
    expect(wb.writes).toBe(1);
    expect(wb.names.find((n) => n.name === "unit_name")?.formula).toBe("=基本情况!$B$3");
  });
});

describe("创建模板 refused", () => {
  it("names a clashing workbook name as a name, not as a sheet", async () => {
    const { wb, create } = await setUp();
    wb.names = [{ name: "unit_name", type: "Range", formula: "=Sheet1!$A$1" }];
    await expect(create()).rejects.toMatchObject({
      code: "sheets_exist",
      message: expect.stringContaining("同名的名称 unit_name"),
    });
    expect(wb.inserted).toEqual([]);
  });
});
