/** The task pane's UI as other surfaces use it (the browser page embeds the same pane). main.tsx is the Office entry. */
export { PaneProviders, SwitchableProviders, TaskPane } from "./App";
export { RovingTabList } from "./components/RovingTabList/RovingTabList";
export { createEngineAdapter } from "./engine-adapter";
export type { EnginePort } from "./engine-port";
export { isCancelled, toPaneError } from "./host-error";
export type { PaneError } from "./host-error";
export { pickBrowserLang, storedLang, useI18n } from "./i18n";
export { lazyComponent } from "./lazy-panels";
export { mediaMatches, themeFor, themeKindFor } from "./theme";
