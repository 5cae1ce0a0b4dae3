import { beforeEach, describe, expect, it } from "vitest";
import { readTemplate } from "../../../../src/engine/compile/read/read";
import { ConfigurationMemo } from "../../../../src/engine/compile/read/configuration";
import { NO_KNOWN_TEMPLATES } from "../../../../src/engine/compile/read/missing-sheets";
import { findName, findSheet, type WorkbookSnapshot } from "../../../../src/engine/model/snapshot";
import { parseRange, type CellValue } from "../../../../src/engine/model/cell";
import { exampleSnapshot } from "../../../fixtures";
import { withCell, withName, withoutSheet, withValue } from "../../../fixtures";
import { FIELD_COLUMNS } from "../../../../src/engine/compile/read/labels";

// Many workbooks of one template are read in a row (a batch): the configuration read from the last one is
// reused when the next has the same configuration inputs, and only then.

// A session's memo (each test starts with a new one, as a new session would); `fresh` remembers nothing.
let memo = new ConfigurationMemo();
const read = (s: WorkbookSnapshot) => readTemplate(s, NO_KNOWN_TEMPLATES, memo);
const fresh = (s: WorkbookSnapshot) => readTemplate(s);

/** The 字段定义 cell of `field`'s row under the header labelled `label`. */
function fieldDefCell(s: WorkbookSnapshot, field: string, label: string): { sheet: string; address: string } {
  const header = findName(s, "tbl_fields")!;
  const range = parseRange(header.address)!;
  const sheet = findSheet(s, header.sheet)!;
  const text = (c: CellValue | undefined) => (c && c.t === "s" ? c.v : "");
  const col = sheet.cells[range.start.row]!.findIndex((c) => text(c) === label);
  const row = sheet.cells.findIndex((r, i) => i > range.start.row && text(r[range.start.col]) === field);
  expect(col).toBeGreaterThanOrEqual(0);
  expect(row).toBeGreaterThan(range.start.row);
  return { sheet: header.sheet, address: `${String.fromCharCode(65 + col)}${row + 1}` };
}

const BASE = exampleSnapshot(1);

describe("the remembered configuration", () => {
  beforeEach(() => {
    memo = new ConfigurationMemo();
  });

  it("is reused for a workbook that differs only in its figures, and reads the same as a fresh read", () => {
    const a = read(BASE);
    const other = withValue(BASE, "staff_actual", 99);
    const b = read(other);
    expect(b.template!.fields).toBe(a.template!.fields);
    expect(b.template!.checks).toBe(a.template!.checks);
    expect(b).toEqual(fresh(other));
  });

  it("is not reused when a 字段定义 cell changes: the new label is read", () => {
    read(BASE);
    const at = fieldDefCell(BASE, "staff_actual", FIELD_COLUMNS.label);
    const edited = withCell(BASE, at.sheet, at.address, "在职人数（改）");
    const r = read(edited);
    expect(r.template!.fields.get("staff_actual")!.label).toBe("在职人数（改）");
    expect(r).toEqual(fresh(edited));
  });

  it("is not reused when a defined name moves", () => {
    const a = read(BASE);
    const dn = findName(BASE, "staff_actual")!;
    const moved = withName(BASE, "staff_actual", `${dn.sheet}!Z99`);
    const r = read(moved);
    expect(r.template!.fields).not.toBe(a.template!.fields);
    expect(r.template!.fields.get("staff_actual")!.ref.address).toBe("Z99");
    expect(r).toEqual(fresh(moved));
  });

  it("is not reused when a sheet goes missing", () => {
    read(BASE);
    const gone = withoutSheet(BASE, "校验规则");
    const r = read(gone);
    expect(r.template!.checks).toEqual([]);
    expect(r.diagnostics.some((d) => d.code === "template_sheet_missing")).toBe(true);
    expect(r).toEqual(fresh(gone));
  });

  it("sees a change made in place to the arrays of the workbook it was read from", () => {
    const cells = BASE.sheets.map((s) => ({ ...s, cells: s.cells.map((r) => [...r]) }));
    const own: WorkbookSnapshot = { names: [...BASE.names], sheets: cells };
    const before = read(own).template!.fields.get("staff_actual")!.label;
    const at = fieldDefCell(own, "staff_actual", FIELD_COLUMNS.label);
    const pos = parseRange(at.address)!.start;
    (cells.find((s) => s.name === at.sheet)!.cells[pos.row] as CellValue[])[pos.col] = { t: "s", v: "改过的名称" };
    const after = read(own).template!.fields.get("staff_actual")!.label;
    expect(before).not.toBe("改过的名称");
    expect(after).toBe("改过的名称");
  });
});

describe("sessions", () => {
  it("remember their own configuration only: another memo reads afresh", () => {
    const a = readTemplate(BASE, NO_KNOWN_TEMPLATES, new ConfigurationMemo());
    const b = readTemplate(BASE, NO_KNOWN_TEMPLATES, new ConfigurationMemo());
    expect(b.template!.fields).not.toBe(a.template!.fields);
    expect(b).toEqual(a);
  });
});
