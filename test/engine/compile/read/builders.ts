/** Moved to test/fixtures (snapshots.ts, mini-template.ts): import from "test/fixtures". Kept for the engine tests
 * that still import this path. */
export {
  buildSnapshot,
  cell,
  date,
  err,
  withCell,
  withName,
  withValue,
  withoutName,
  withoutSheet,
} from "../../../fixtures/snapshots";
export type { CellInput, SheetSpec } from "../../../fixtures/snapshots";
export { INPUT_SHEET, templateSnapshot } from "../../../fixtures/mini-template";
export type { FieldRow, MiniTemplate } from "../../../fixtures/mini-template";
