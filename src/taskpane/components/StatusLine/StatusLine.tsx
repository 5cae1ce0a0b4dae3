import { Badge, Caption1, Text } from "@fluentui/react-components";
import { useI18n } from "../../i18n";
import { LanguageSwitch } from "../LanguageSwitch/LanguageSwitch";
import type { WorkbookStatus } from "../../state/use-pane";
import { useStatusLine } from "./useStatusLine";
import { useStatusLineStyles } from "./useStatusLineStyles";

export interface StatusLineProps {
  readonly status: WorkbookStatus;
}

/** Template name and version, unit and year, the grade once scored and when. */
export function StatusLine({ status }: StatusLineProps) {
  const { t } = useI18n();
  const styles = useStatusLineStyles();
  const view = useStatusLine(status);
  return (
    <section className={styles.root} aria-label={t.status.region}>
      <div className={styles.titleRow}>
        <Text className={styles.title}>{view.title}</Text>
        {view.badge && (
          <Badge appearance="filled" color={view.badge.color} aria-label={view.badge.label} data-testid="grade-badge">
            {view.badge.text}
          </Badge>
        )}
        <LanguageSwitch />
      </div>
      {view.unitYear && <Caption1 className={styles.meta}>{view.unitYear}</Caption1>}
      {view.scoredAt && <Caption1 className={styles.meta}>{view.scoredAt}</Caption1>}
      {view.stale && (
        <Caption1 className={styles.stale} data-testid="stale">
          {view.stale}
        </Caption1>
      )}
    </section>
  );
}
