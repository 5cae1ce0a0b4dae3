import { createRoot } from "react-dom/client";
import { PaneProviders, createEngineAdapter, pickBrowserLang, mediaMatches, themeFor, themeKindFor } from "../taskpane";
import { BrowserHost } from "../hosts/browser";
import { WebPage } from "./components/WebPage/WebPage";

// Browser entry: the same pane over an .xlsx held in memory; exceljs and docx load only when first needed.
const container = document.getElementById("root");
if (container) {
  const lang = pickBrowserLang(window.location.search, navigator.language);
  const theme = themeFor(
    themeKindFor(undefined, mediaMatches("(forced-colors: active)"), mediaMatches("(prefers-color-scheme: dark)")),
  );
  document.documentElement.lang = lang;
  const openExample = new URLSearchParams(window.location.search).get("example") === "1";
  createRoot(container).render(
    <PaneProviders lang={lang} theme={theme}>
      <WebPage host={new BrowserHost()} engine={createEngineAdapter()} openExampleOnStart={openExample} />
    </PaneProviders>,
  );
}
