/**
 * What Excel holds for an engine cell value (the inverse of the Office host's normalisation): shared by the
 * fixtures that fill the fake Excel and by the fake Office.js of the task pane's end-to-end run (bundled for the
 * browser, so this module imports nothing from Node).
 */
import type { CellValue } from "../../../src/engine/model/cell";
import type { FakeCell } from "./fake-excel";

const isoToSerial = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000 + 25569;

/** What Excel would hold for an engine cell value (the inverse of the Office host's normalisation). */
export function fakeCellOf(v: CellValue, numFmt: string | null = null): FakeCell | null {
  switch (v.t) {
    case "empty":
      return null;
    case "n":
      return { value: v.v, type: "Double", format: numFmt ?? "General" };
    case "s":
      return { value: v.v, type: v.v === "" ? "Empty" : "String", format: numFmt ?? "General" };
    case "b":
      return { value: v.v, type: "Boolean" };
    case "d":
      return { value: isoToSerial(v.v), type: "Double", format: "yyyy-mm-dd" };
    case "e":
      return { value: v.v, type: "Error" };
  }
}
