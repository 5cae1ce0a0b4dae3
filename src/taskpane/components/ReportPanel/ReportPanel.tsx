import { Body1, Button, Caption1, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { describeWrite } from "../../describe-write";
import { useI18n } from "../../i18n";
import type { ReportView } from "../../state/use-pane";
import { PanelStatus } from "../PanelStatus/PanelStatus";
import { ReportPreview } from "../ReportPreview/ReportPreview";
import { usePanelStyles } from "../usePanelStyles";
import { useReportPanel } from "./useReportPanel";
import { useReportPanelStyles } from "./useReportPanelStyles";

export interface ReportPanelProps {
  readonly report: ReportView | null;
  readonly busy: boolean;
  /** The last success in this tab (its status line). */
  readonly notice?: string | null;
  /** The workbook changed after the report was generated: no preview or actions for the old text. */
  readonly stale?: boolean;
  /** Go to 校验's list (for the open warnings). */
  readonly onShowProblems?: () => void;
  readonly onGenerate: () => void;
  readonly onCopy: () => void;
  readonly onWrite: () => void;
  readonly onExport: () => void;
}

/** 报告: generate, read the preview, copy it, write it to the 报告 sheet, or export it as Word. */
export function ReportPanel({
  report,
  busy,
  notice = null,
  stale = false,
  onShowProblems,
  onGenerate,
  onCopy,
  onWrite,
  onExport,
}: ReportPanelProps) {
  const { t } = useI18n();
  const panel = usePanelStyles();
  const styles = useReportPanelStyles();
  const { ready, blocked } = useReportPanel(report, busy);
  return (
    <div className={panel.panel}>
      <Button appearance="primary" className={panel.primary} disabled={busy} onClick={onGenerate}>
        {t.report.run}
      </Button>
      <PanelStatus text={notice} />
      {!report && <Caption1 className={panel.hint}>{t.report.hint}</Caption1>}
      {stale && report && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.report.stale}</MessageBarBody>
        </MessageBar>
      )}
      {blocked && report && !stale && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.report.blocked(report.errors)}</MessageBarBody>
        </MessageBar>
      )}
      {report && !blocked && !stale && report.warnings > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.report.openWarnings(report.warnings)}</MessageBarBody>
          {onShowProblems && (
            <MessageBarActions>
              <Button size="small" onClick={onShowProblems}>
                {t.report.showProblems}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      {report && !blocked && !stale && (
        // 导出 Word first: the document most accountants hand in.
        <div className={panel.secondaryRow}>
          <Button appearance="secondary" disabled={!ready} onClick={onExport}>
            {t.report.export}
          </Button>
          <Button appearance="secondary" disabled={!ready} onClick={onCopy}>
            {t.report.copy}
          </Button>
          <Button appearance="secondary" disabled={!ready} onClick={onWrite}>
            {t.report.write}
          </Button>
        </div>
      )}
      {report?.summary && !stale && <Body1 className={styles.summary}>{describeWrite(report.summary, t)}</Body1>}
      {report && !blocked && !stale && <ReportPreview lines={report.lines} label={t.report.preview} />}
    </div>
  );
}
