import { createRoot } from "react-dom/client";
import {
  SwitchableProviders,
  createEngineAdapter,
  pickBrowserLang,
  storedLang,
  mediaMatches,
  themeFor,
  themeKindFor,
} from "../taskpane";
import { BrowserHost } from "../hosts/browser";
import { WebPage } from "./components/WebPage/WebPage";

// Browser entry: the same pane over an .xlsx held in memory; exceljs and docx load only when first needed.
const container = document.getElementById("root");
if (container) {
  // Chinese unless chosen: ?lang=en, or English picked with the switch earlier (not the browser's language).
  const lang = pickBrowserLang(window.location.search, storedLang());
  const theme = themeFor(
    themeKindFor(undefined, mediaMatches("(forced-colors: active)"), mediaMatches("(prefers-color-scheme: dark)")),
  );
  document.documentElement.lang = lang;
  const openExample = new URLSearchParams(window.location.search).get("example") === "1";
  createRoot(container).render(
    <SwitchableProviders initialLang={lang} theme={theme}>
      <WebPage host={new BrowserHost()} engine={createEngineAdapter()} openExampleOnStart={openExample} />
    </SwitchableProviders>,
  );
}
