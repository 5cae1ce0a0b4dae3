/**
 * Office.js for the task pane's end-to-end run: bundled for the browser (test/e2e/pane/build.ts) and served as
 * the pane page's `office.js`, it puts `Office` and `Excel` on window, built on the Office host tests' stricter fake
 * Excel (test/hosts/office/fake-excel.ts; what it models is in docs/office-host.md). The workbook comes from the
 * test (`window.__E2E_PANE__`, set before the page loads): an .xlsx read in Node by the xlsx host, or none for a
 * new, empty workbook. `window.__fakeExcel` lets the test look into "Excel" and edit a cell as a user would.
 */
import { toA1 } from "../../../src/engine/model/cell";
import type { WorkbookSnapshot } from "../../../src/engine/model/snapshot";
import { quoteSheet } from "../../../src/hosts/office/normalize";
import { FakeWorkbook } from "../../hosts/office/fake-excel";
import type { FakeCell, FakeName, FakeSheet } from "../../hosts/office/fake-excel";
import { fakeCellOf } from "../../hosts/office/fake-cells";

export interface PaneFixture {
  /** The open workbook; null: a new, empty workbook (Sheet1). */
  readonly workbook: WorkbookSnapshot | null;
  /** The sheets and names 新建标准模板's insertWorksheetsFromBase64 brings (the fake does not parse the file). */
  readonly template: WorkbookSnapshot;
  readonly theme: "light" | "dark";
  readonly displayLanguage: string;
}

/** What the test reads and does in "Excel". */
export interface FakeExcelHandle {
  readonly wb: FakeWorkbook;
  /** The value Excel shows in a cell (null: empty). */
  value(sheet: string, address: string): string | number | boolean | null;
  /** The user types a value into a cell: the change event a local edit fires. */
  edit(sheet: string, address: string, value: string | number): Promise<void>;
  /** Base64 of each workbook 打开示例 opened (Excel.createWorkbook). */
  created(): string[];
}

declare global {
  interface Window {
    __E2E_PANE__?: PaneFixture;
    __fakeExcel?: FakeExcelHandle;
  }
}

function sheetsOf(snapshot: WorkbookSnapshot): FakeSheet[] {
  return snapshot.sheets.map((s) => {
    const cells = new Map<string, FakeCell>();
    s.cells.forEach((row, r) =>
      row.forEach((v, c) => {
        const cell = fakeCellOf(v);
        if (cell) cells.set(toA1({ row: r, col: c }), cell);
      }),
    );
    return { name: s.name, cells, visibility: s.visible === false ? "Hidden" : "Visible", protected: false };
  });
}

function namesOf(snapshot: WorkbookSnapshot): FakeName[] {
  const abs = (a: string): string =>
    a
      .split(":")
      .map((x) => x.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2"))
      .join(":");
  return snapshot.names.map((n) => ({
    name: n.name,
    type: "Range",
    formula: `=${quoteSheet(n.sheet)}!${abs(n.address)}`,
  }));
}

const DARK = { bodyBackgroundColor: "#262626", bodyForegroundColor: "#FFFFFF", isDarkTheme: true };
const LIGHT = { bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#000000", isDarkTheme: false };

function install(fixture: PaneFixture): void {
  // Microsoft 365 on Windows: every API set the host uses, and downloads through a link (WebView2).
  const wb = FakeWorkbook.on("windows-365");
  if (fixture.workbook) {
    wb.sheets = sheetsOf(fixture.workbook);
    wb.names = namesOf(fixture.workbook);
  } else {
    wb.addSheet("Sheet1");
  }
  wb.insertSheets = sheetsOf(fixture.template);
  wb.insertNames = namesOf(fixture.template);
  const office = wb.office;
  const info = { host: "Excel", platform: office.context.platform };
  const w = window as unknown as Record<string, unknown>;
  w.Excel = wb.excel;
  w.Office = {
    onReady: (callback?: (i: typeof info) => void) =>
      new Promise((resolve) =>
        setTimeout(() => {
          callback?.(info);
          resolve(info);
        }, 0),
      ),
    context: {
      ...office.context,
      displayLanguage: fixture.displayLanguage,
      officeTheme: fixture.theme === "dark" ? DARK : LIGHT,
    },
  };
  window.__fakeExcel = {
    wb,
    value: (sheet, address) => {
      const v = wb.cell(sheet, address)?.value;
      return v === undefined || v === "" ? null : v;
    },
    edit: async (sheet, address, value) => {
      const index = wb.sheets.findIndex((s) => s.name === sheet);
      wb.setCell(sheet, address, { value, type: typeof value === "number" ? "Double" : "String" });
      for (const handler of wb.changeHandlers) {
        await handler({ worksheetId: `id${index}`, address, source: "Local", triggerSource: "Unknown" });
      }
    },
    created: () => [...wb.createdWorkbooks],
  };
}

if (window.__E2E_PANE__) install(window.__E2E_PANE__);
