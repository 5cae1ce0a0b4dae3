import { Body1, Button, Caption1 } from "@fluentui/react-components";
import { useI18n } from "../../i18n";
import { useFirstRunStyles } from "./useFirstRunStyles";

export interface FirstRunProps {
  readonly busy: boolean;
  readonly onCreateTemplate: () => void;
  readonly onOpenExample: () => void;
}

/** What the pane shows on a workbook that is not a template: one sentence and two ways in. */
export function FirstRun({ busy, onCreateTemplate, onOpenExample }: FirstRunProps) {
  const { t } = useI18n();
  const styles = useFirstRunStyles();
  return (
    <section className={styles.root} aria-label={t.firstRun.notTemplate}>
      <Body1>{t.firstRun.sentence}</Body1>
      <Caption1 className={styles.note}>{t.firstRun.notTemplate}</Caption1>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy} onClick={onCreateTemplate}>
          {t.firstRun.create}
        </Button>
        <Button appearance="secondary" disabled={busy} onClick={onOpenExample}>
          {t.firstRun.example}
        </Button>
      </div>
    </section>
  );
}
