import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  useId,
} from "@fluentui/react-components";
import type { Theme } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { Suspense, useCallback, useEffect, useMemo, useState } from "react";
import type { WorkbookHost } from "../hosts/common";
import { FirstRun } from "./components/FirstRun/FirstRun";
import type { Notice } from "./components/Notifier/Notifier";
import { StatusLine } from "./components/StatusLine/StatusLine";
import type { Lang } from "../engine";
import type { EnginePort } from "./engine-port";
import { I18nContext, catalogs, storeLang, useI18n } from "./i18n";
import { LazyNotifier, LazyPaneSteps, preloadPane } from "./lazy-panels";
import { usePane } from "./state/use-pane";
import { useAppStyles } from "./useAppStyles";

export interface PaneProvidersProps {
  readonly lang: Lang;
  readonly theme: Theme;
  /** Given, the status line shows the 中文 / English switch, which calls it. */
  readonly onLangChange?: (lang: Lang) => void;
  readonly children: ReactNode;
}

/** Theme and language for everything below (the pane, and the browser page around it). */
export function PaneProviders({ lang, theme, onLangChange, children }: PaneProvidersProps) {
  const styles = useAppStyles();
  const i18n = useMemo(
    () => (onLangChange ? { lang, t: catalogs[lang], setLang: onLangChange } : { lang, t: catalogs[lang] }),
    [lang, onLangChange],
  );
  return (
    // Portals (the toaster) get only the theme's variables, not the provider's own classes: with them, the
    // toaster's mount node took min-height 100 %, the page background and z-index 1000000 and covered the
    // whole pane for as long as a toast showed.
    <FluentProvider theme={theme} lang={lang} className={styles.provider} applyStylesToPortals={false}>
      <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>
    </FluentProvider>
  );
}

export interface SwitchableProvidersProps {
  /** The language to start in (a remembered choice, else the surface's default). */
  readonly initialLang: Lang;
  readonly theme: Theme;
  readonly children: ReactNode;
}

/**
 * PaneProviders with the language switch: the choice is remembered (localStorage) and set on <html lang>, which
 * the browser page's notes on marked cells follow. The pane keeps its state; the next report is in the new language.
 */
export function SwitchableProviders({ initialLang, theme, children }: SwitchableProvidersProps) {
  const [lang, setLang] = useState(initialLang);
  const change = useCallback((next: Lang) => {
    storeLang(next);
    document.documentElement.lang = next;
    setLang(next);
  }, []);
  return (
    <PaneProviders lang={lang} theme={theme} onLangChange={change}>
      {children}
    </PaneProviders>
  );
}

export interface TaskPaneProps {
  readonly host: WorkbookHost;
  readonly engine: EnginePort;
}

/** The task pane: status line, progress, failures, and the four steps 模板 · 校验 · 评分 · 报告. */
export function TaskPane({ host, engine }: TaskPaneProps) {
  const { t } = useI18n();
  const styles = useAppStyles();
  const toasterId = useId("toaster");
  const [toast, setToast] = useState<Notice | null>(null);
  // Toasts only for quiet confirmations (copied); every other success is said inline, in its tab.
  const quietToast = useCallback((text: string) => setToast((n) => ({ id: (n?.id ?? 0) + 1, text })), []);
  // The other panels and the toaster load right after the first render, before anyone can click.
  useEffect(() => {
    preloadPane().catch(() => undefined);
  }, []);
  const pane = usePane(host, engine, quietToast);
  const { actions } = pane;
  return (
    <main className={styles.root} aria-busy={pane.busy}>
      <StatusLine status={pane.status} />
      <div className={styles.progress}>{pane.busy && <ProgressBar aria-label={t.busy} thickness="medium" />}</div>
      {pane.error && (
        <MessageBar intent="error" className={styles.message}>
          <MessageBarBody>
            <MessageBarTitle>{pane.error.message}</MessageBarTitle>
            {pane.error.fix}
            {pane.error.detail && <span className={styles.detail}>{pane.error.detail}</span>}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={pane.dismissError}>
              {t.errors.dismiss}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {pane.phase === "firstRun" && (
        <FirstRun
          busy={pane.busy}
          notice={pane.notice?.text ?? null}
          noWorkbook={pane.noWorkbook}
          onCreateTemplate={() => void actions.createTemplate()}
          onOpenExample={() => void actions.openExample()}
        />
      )}
      {pane.phase === "ready" && (
        <Suspense fallback={<ProgressBar aria-label={t.busy} thickness="medium" />}>
          <LazyPaneSteps pane={pane} engine={engine} />
        </Suspense>
      )}
      <Suspense fallback={null}>
        <LazyNotifier toasterId={toasterId} notice={toast} />
      </Suspense>
    </main>
  );
}
