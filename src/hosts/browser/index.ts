export { BrowserHost, markKey } from "./browser-host";
export type { BrowserWorkbookState } from "./browser-host";
