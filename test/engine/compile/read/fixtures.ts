/** Moved to test/fixtures/mini-template.ts: import from "test/fixtures". Kept for the engine tests that still
 * import this path. */
export { MINI, MINI_FIELDS } from "../../../fixtures/mini-template";
