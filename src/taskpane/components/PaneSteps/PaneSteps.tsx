import { ProgressBar, useId } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { Suspense } from "react";
import type { EnginePort } from "../../engine-port";
import { useI18n } from "../../i18n";
import { RovingTabList } from "../RovingTabList/RovingTabList";
import { LazyReportPanel, LazyScorePanel, LazyTemplatePanel } from "../../lazy-panels";
import type { PaneModel, TabId } from "../../state/use-pane";
import { useAppStyles } from "../../useAppStyles";
import { ValidatePanel } from "../ValidatePanel/ValidatePanel";

export interface PaneStepsProps {
  readonly pane: PaneModel;
  readonly engine: EnginePort;
}

const TABS: readonly TabId[] = ["template", "validate", "score", "report"];

/** The four steps 模板 · 校验 · 评分 · 报告 as tabs, and the selected step's panel. */
export function PaneSteps({ pane, engine }: PaneStepsProps) {
  const { t } = useI18n();
  const styles = useAppStyles();
  const idBase = useId("step");
  const { actions } = pane;
  const noticeFor = (tab: TabId): string | null => (pane.notice?.tab === tab ? pane.notice.text : null);
  const panel = (tab: TabId): ReactNode => {
    switch (tab) {
      case "template":
        return (
          <LazyTemplatePanel
            template={pane.status.template}
            busy={pane.busy}
            notice={noticeFor("template")}
            canRefresh={pane.canRefresh}
            canPublish={pane.canPublish}
            publishedAt={pane.status.publishedAt ?? null}
            onPublish={(password) => void actions.publish(password)}
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
            notice={noticeFor("validate")}
            onValidate={() => void actions.validate()}
            onSelectCell={(ref) => void actions.selectCell(ref)}
          />
        );
      case "score":
        return (
          <LazyScorePanel
            scoring={pane.scoring}
            firstWrite={pane.firstWrite}
            busy={pane.busy}
            notice={noticeFor("score")}
            stale={pane.status.stale !== null}
            warnings={pane.diagnostics?.filter((d) => d.severity === "warning").length ?? 0}
            onSelectCell={(ref) => void actions.selectCell(ref)}
            onScore={() => void actions.score()}
            onShowProblems={() => pane.setTab("validate")}
          />
        );
      case "report":
        return (
          <LazyReportPanel
            report={pane.report}
            busy={pane.busy}
            notice={noticeFor("report")}
            stale={pane.reportStale}
            onShowProblems={() => pane.setTab("validate")}
            onGenerate={() => void actions.generateReport()}
            onCopy={() => void actions.copyReport()}
            onWrite={() => void actions.writeReport()}
            onExport={() => void actions.exportWord()}
          />
        );
    }
  };
  return (
    <>
      <RovingTabList
        className={styles.tabs}
        label={t.tabs.label}
        tabs={TABS.map((tab) => ({ value: tab, label: t.tabs[tab], id: `${idBase}-${tab}` }))}
        selected={pane.tab}
        onSelect={(value) => pane.setTab(value as TabId)}
      />
      <div role="tabpanel" aria-labelledby={`${idBase}-${pane.tab}`}>
        <Suspense fallback={<ProgressBar aria-label={t.busy} thickness="medium" />}>{panel(pane.tab)}</Suspense>
      </div>
    </>
  );
}
