import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Tab,
  TabList,
  Toast,
  ToastTitle,
  Toaster,
  useId,
  useToastController,
} from "@fluentui/react-components";
import type { Theme } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useCallback, useMemo } from "react";
import type { WorkbookHost } from "../hosts/types";
import { FirstRun } from "./components/FirstRun/FirstRun";
import { ReportPanel } from "./components/ReportPanel/ReportPanel";
import { ScorePanel } from "./components/ScorePanel/ScorePanel";
import { StatusLine } from "./components/StatusLine/StatusLine";
import { TemplatePanel } from "./components/TemplatePanel/TemplatePanel";
import { ValidatePanel } from "./components/ValidatePanel/ValidatePanel";
import type { EnginePort, PaneLang } from "./engine-port";
import { I18nContext, catalogs, useI18n } from "./i18n";
import type { TabId } from "./state/use-pane";
import { usePane } from "./state/use-pane";
import { useAppStyles } from "./useAppStyles";

export interface PaneProvidersProps {
  readonly lang: PaneLang;
  readonly theme: Theme;
  readonly children: ReactNode;
}

/** Theme and language for everything below (the pane, and the browser page around it). */
export function PaneProviders({ lang, theme, children }: PaneProvidersProps) {
  const styles = useAppStyles();
  const i18n = useMemo(() => ({ lang, t: catalogs[lang] }), [lang]);
  return (
    <FluentProvider theme={theme} lang={lang} className={styles.provider}>
      <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>
    </FluentProvider>
  );
}

export interface TaskPaneProps {
  readonly host: WorkbookHost;
  readonly engine: EnginePort;
}

const TABS: readonly TabId[] = ["template", "validate", "score", "report"];

/** The task pane: status line, progress, failures, and the four steps 模板 · 校验 · 评分 · 报告. */
export function TaskPane({ host, engine }: TaskPaneProps) {
  const { t } = useI18n();
  const styles = useAppStyles();
  const toasterId = useId("toaster");
  const idBase = useId("step");
  const { dispatchToast } = useToastController(toasterId);
  const notify = useCallback(
    (text: string) =>
      dispatchToast(
        <Toast>
          <ToastTitle>{text}</ToastTitle>
        </Toast>,
        { intent: "success", timeout: 3000 },
      ),
    [dispatchToast],
  );
  const pane = usePane(host, engine, notify);
  const { actions } = pane;
  const panel = (tab: TabId): ReactNode => {
    switch (tab) {
      case "template":
        return (
          <TemplatePanel
            template={pane.status.template}
            busy={pane.busy}
            onRefresh={() => void actions.refresh()}
            onCreateTemplate={() => void actions.createTemplate()}
            onOpenExample={() => void actions.openExample()}
          />
        );
      case "validate":
        return (
          <ValidatePanel
            diagnostics={pane.diagnostics}
            engine={engine}
            busy={pane.busy}
            onValidate={() => void actions.validate()}
            onSelectCell={(ref) => void actions.selectCell(ref)}
          />
        );
      case "score":
        return (
          <ScorePanel
            scoring={pane.scoring}
            firstWrite={pane.firstWrite}
            busy={pane.busy}
            onScore={() => void actions.score()}
            onShowProblems={() => pane.setTab("validate")}
          />
        );
      case "report":
        return (
          <ReportPanel
            report={pane.report}
            busy={pane.busy}
            onGenerate={() => void actions.generateReport()}
            onCopy={() => void actions.copyReport()}
            onWrite={() => void actions.writeReport()}
            onExport={() => void actions.exportWord()}
          />
        );
    }
  };
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
          onCreateTemplate={() => void actions.createTemplate()}
          onOpenExample={() => void actions.openExample()}
        />
      )}
      {pane.phase === "ready" && (
        <>
          <TabList
            className={styles.tabs}
            aria-label={t.tabs.label}
            selectedValue={pane.tab}
            onTabSelect={(_, data) => pane.setTab(data.value as TabId)}
          >
            {TABS.map((tab) => (
              <Tab key={tab} value={tab} id={`${idBase}-${tab}`}>
                {t.tabs[tab]}
              </Tab>
            ))}
          </TabList>
          <div role="tabpanel" aria-labelledby={`${idBase}-${pane.tab}`}>
            {panel(pane.tab)}
          </div>
        </>
      )}
      <Toaster toasterId={toasterId} position="bottom" />
    </main>
  );
}
