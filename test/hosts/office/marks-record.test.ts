/**
 * The `_marks` record written through Range.values, which Excel parses like typed input (the fake's
 * excelParse): every text in it is escaped like the host's other writes (issue 14, review finding 9).
 */
import { describe, expect, it } from "vitest";
import { createOfficeHost } from "../../../src/hosts/office/office-host";
import type { Diagnostic } from "../../../src/engine/diagnostics/types";
import { FakeWorkbook } from "./fake-excel";

const hostFor = (wb: FakeWorkbook) => createOfficeHost({ excel: wb.excel, office: wb.office });

function diag(address: string): Diagnostic {
  return {
    code: "required_missing",
    severity: "error",
    location: { sheet: "表1", address },
    params: { label: address },
  };
}

describe("the _marks record", () => {
  it.each(["2020-01", "1-2", "1.10", "TRUE", "-附表", "50%"])(
    "keeps the marks of a sheet named %s (its rows escaped like every written text)",
    async (name) => {
      const wb = new FakeWorkbook();
      wb.addSheet(name, [["x", 1]]);
      const host = hostFor(wb);
      const problem: Diagnostic = { ...diag("B2"), location: { sheet: name, address: "B2" } };
      await host.markDiagnostics([problem]);
      expect(wb.cell(name, "B2")?.fill).toBe("#FFC7CE");
      expect(wb.cell("_marks", "A1")?.value).toBe(name);
      await hostFor(wb).markDiagnostics([]);
      expect(wb.cell(name, "B2")?.fill).toBeUndefined();
      expect(wb.notes.size).toBe(0);
    },
  );
});
