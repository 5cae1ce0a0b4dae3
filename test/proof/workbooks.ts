/** Moved to test/fixtures (example-workbooks.ts, snapshots.ts): import from "test/fixtures". Kept for the
 * importers outside this change (bench/run.ts, two engine tests). */
export {
  INPUT_FILL,
  cellsWithRole,
  exampleLayout,
  exampleSnapshot,
  fakeCellOf,
  fakeFromLayout,
  fakeState,
  inputDigest,
} from "../fixtures/example-workbooks";
export { withCells } from "../fixtures/snapshots";
export type { CellAt, CellEdit } from "../fixtures/snapshots";
