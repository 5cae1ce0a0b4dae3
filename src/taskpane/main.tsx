import { createRoot } from "react-dom/client";
import { createOfficeHost } from "../hosts/office";
import { noteText } from "../hosts/common";
import { SwitchableProviders, TaskPane } from "./App";
import { createEngineAdapter } from "./engine-adapter";
import { langOf } from "../engine";
import { storedLang } from "./i18n";
import { mediaMatches, themeFor, themeKindFor } from "./theme";

// Office entry: wait for Office once, then render the pane with the Office host and the real engine. Without
// Office.js (no internet to its CDN) taskpane.html's own message says what happened and what to do.
const officeMissing = document.getElementById("office-missing");
if (typeof Office === "undefined") officeMissing?.classList.add("office-missing-now");
else officeMissing?.remove();

if (typeof Office !== "undefined")
  void Office.onReady(() => {
    const container = document.getElementById("root");
    if (!container) return;
    // A language chosen with the switch wins; else Office's display language picks between zh-CN and en.
    const lang = storedLang() ?? langOf(Office.context.displayLanguage);
    const theme = themeFor(themeKindFor(Office.context.officeTheme, mediaMatches("(forced-colors: active)")));
    document.documentElement.lang = lang;
    const engine = createEngineAdapter();
    // Notes on marked cells use the same words as the pane's list.
    // In the language shown at the time (the switch sets <html lang>).
    const noteLang = () => langOf(document.documentElement.lang);
    const host = createOfficeHost({
      describeDiagnostic: (d) => noteText(engine.renderDiagnostic(d, noteLang()), noteLang()),
    });
    createRoot(container).render(
      <SwitchableProviders initialLang={lang} theme={theme}>
        <TaskPane host={host} engine={engine} />
      </SwitchableProviders>,
    );
  });
