import { Body1 } from "@fluentui/react-components";
import { usePanelStatusStyles } from "./usePanelStatusStyles";

export interface PanelStatusProps {
  /** The last action's success in this tab, or null. */
  readonly text: string | null;
}

/**
 * A tab's own status line, right under its primary button: the last success in words. It is part of the page's
 * flow, so it never covers anything; the live region is always there so a screen reader hears each new text.
 */
export function PanelStatus({ text }: PanelStatusProps) {
  const styles = usePanelStatusStyles();
  return (
    <div role="status" aria-live="polite" className={text ? styles.root : styles.empty} data-testid="panel-status">
      {text && <Body1 className={styles.text}>{text}</Body1>}
    </div>
  );
}
