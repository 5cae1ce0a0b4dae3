export { ActionCancelled, BrowserHost, localTimeOfDay, markKey } from "./browser-host";
export type { BrowserWorkbookState, ConfirmReplace } from "./browser-host";
