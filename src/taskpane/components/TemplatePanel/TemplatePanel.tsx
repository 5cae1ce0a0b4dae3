import { Body1, Button, Caption1, Field, Input, useId } from "@fluentui/react-components";
import { useState } from "react";
import type { TemplateInfo } from "../../../engine";
import { useI18n } from "../../i18n";
import { PanelStatus } from "../PanelStatus/PanelStatus";
import { usePanelStyles } from "../usePanelStyles";
import { useTemplatePanelStyles } from "./useTemplatePanelStyles";

export interface TemplatePanelProps {
  readonly template: TemplateInfo | null;
  readonly busy: boolean;
  /** The last success in this tab (its status line). */
  readonly notice?: string | null;
  /**
   * Whether re-reading means something (Excel, where the workbook changes under the pane). On the browser page the
   * workbook is the page's own copy: no 重新读取, and 新建标准模板 is the step's one primary action.
   */
  readonly canRefresh?: boolean;
  readonly onRefresh: () => void;
  readonly onCreateTemplate: () => void;
  readonly onOpenExample: () => void;
  /** Whether the host can publish (protect the configuration sheets); a recognised template is needed too. */
  readonly canPublish?: boolean;
  /** The day the template was published, or null. */
  readonly publishedAt?: string | null;
  readonly onPublish?: (password: string) => void;
}

/** 发布 for a bureau: what it does, an optional password and the button. */
function PublishSection({ busy, onPublish }: { busy: boolean; onPublish: (password: string) => void }) {
  const { t } = useI18n();
  const panel = usePanelStyles();
  const styles = useTemplatePanelStyles();
  const [password, setPassword] = useState("");
  const title = useId("publish-title");
  return (
    <section aria-labelledby={title} className={styles.publish}>
      <h2 id={title} className={styles.sectionTitle}>
        {t.template.publishTitle}
      </h2>
      <Caption1 className={panel.hint}>{t.template.publishIntro}</Caption1>
      <Field label={t.template.publishPassword}>
        <Input
          type="password"
          autoComplete="new-password"
          value={password}
          disabled={busy}
          onChange={(_e, data) => setPassword(data.value)}
        />
      </Field>
      <Button appearance="secondary" disabled={busy} onClick={() => onPublish(password)}>
        {t.template.publish}
      </Button>
    </section>
  );
}

/** 模板: which template this workbook is, re-reading it, and the ways to start a new one. */
export function TemplatePanel({
  template,
  busy,
  notice = null,
  canRefresh = true,
  onRefresh,
  onCreateTemplate,
  onOpenExample,
  canPublish = false,
  publishedAt = null,
  onPublish,
}: TemplatePanelProps) {
  const { t } = useI18n();
  const panel = usePanelStyles();
  const styles = useTemplatePanelStyles();
  return (
    <div className={panel.panel}>
      {canRefresh ? (
        <Button appearance="primary" className={panel.primary} disabled={busy} onClick={onRefresh}>
          {t.template.refresh}
        </Button>
      ) : (
        <Button appearance="primary" className={panel.primary} disabled={busy} onClick={onCreateTemplate}>
          {t.template.create}
        </Button>
      )}
      <PanelStatus text={notice} />
      <Caption1 className={panel.hint}>{t.template.intro}</Caption1>
      {template && (
        <dl className={styles.facts}>
          <dt className={styles.term}>{t.template.name}</dt>
          <dd className={styles.value}>
            <Body1>{template.title}</Body1>
          </dd>
          <dt className={styles.term}>{t.template.version}</dt>
          <dd className={styles.value}>
            <Body1>{template.version}</Body1>
          </dd>
          {publishedAt && (
            <>
              <dt className={styles.term}>{t.template.publishedOn}</dt>
              <dd className={styles.value}>
                <Body1>{publishedAt}</Body1>
              </dd>
            </>
          )}
        </dl>
      )}
      <div className={panel.secondaryRow}>
        {canRefresh && (
          <Button appearance="secondary" disabled={busy} onClick={onCreateTemplate}>
            {t.template.create}
          </Button>
        )}
        <Button appearance="subtle" disabled={busy} onClick={onOpenExample}>
          {t.template.example}
        </Button>
      </div>
      {canPublish && template && onPublish && <PublishSection busy={busy} onPublish={onPublish} />}
    </div>
  );
}
