import { createRoot } from "react-dom/client";
import { createOfficeHost } from "../hosts/office";
import { noteText } from "../hosts/common";
import { PaneProviders, TaskPane } from "./App";
import { createEngineAdapter } from "./engine-adapter";
import { pickLang } from "./i18n";
import { mediaMatches, themeFor, themeKindFor } from "./theme";

// Office entry: wait for Office once, then render the pane with the Office host and the real engine.
void Office.onReady(() => {
  const container = document.getElementById("root");
  if (!container) return;
  const lang = pickLang(Office.context.displayLanguage);
  const theme = themeFor(themeKindFor(Office.context.officeTheme, mediaMatches("(forced-colors: active)")));
  document.documentElement.lang = lang;
  const engine = createEngineAdapter();
  // Notes on marked cells use the same words as the pane's list.
  const host = createOfficeHost({ describeDiagnostic: (d) => noteText(engine.renderDiagnostic(d, lang), lang) });
  createRoot(container).render(
    <PaneProviders lang={lang} theme={theme}>
      <TaskPane host={host} engine={engine} />
    </PaneProviders>,
  );
});
