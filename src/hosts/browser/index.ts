export { ActionCancelled, BrowserHost, localTimeOfDay, markKey } from "./browser-host";
export type { BrowserWorkbookState, ConfirmReplace, EditResult } from "./browser-host";
export type { InputCells } from "./input-cells";
