import { Body1, Button, Caption1 } from "@fluentui/react-components";
import { useI18n } from "../../i18n";
import { PanelStatus } from "../PanelStatus/PanelStatus";
import { useFirstRunStyles } from "./useFirstRunStyles";

export interface FirstRunProps {
  readonly busy: boolean;
  /** The last success (e.g. the example opened in a new window). */
  readonly notice?: string | null;
  /** No workbook is open at all (the browser page before a file is opened): said so, not "not a template". */
  readonly noWorkbook?: boolean;
  readonly onCreateTemplate: () => void;
  readonly onOpenExample: () => void;
}

/** What the pane shows on a workbook that is not a template: one sentence and two ways in. */
export function FirstRun({ busy, notice = null, noWorkbook = false, onCreateTemplate, onOpenExample }: FirstRunProps) {
  const { t } = useI18n();
  const styles = useFirstRunStyles();
  return (
    <section className={styles.root} aria-label={noWorkbook ? t.firstRun.noWorkbook : t.firstRun.notTemplate}>
      <Body1>{t.firstRun.sentence}</Body1>
      <Caption1 className={styles.note}>{t.firstRun.steps}</Caption1>
      <Caption1 className={styles.note}>{noWorkbook ? t.firstRun.noWorkbook : t.firstRun.notTemplate}</Caption1>
      {!noWorkbook && <Caption1 className={styles.note}>{t.firstRun.notTemplateHelp}</Caption1>}
      <div className={styles.actions}>
        {/* With no workbook open (the page), opening the filled workbook is the first step: the page's 打开 is primary. */}
        <Button appearance={noWorkbook ? "secondary" : "primary"} disabled={busy} onClick={onCreateTemplate}>
          {t.firstRun.create}
        </Button>
        <Button appearance="secondary" disabled={busy} onClick={onOpenExample}>
          {t.firstRun.example}
        </Button>
      </div>
      <PanelStatus text={notice} />
    </section>
  );
}
