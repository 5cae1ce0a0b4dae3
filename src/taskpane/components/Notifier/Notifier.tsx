import { useEffect, useState } from "react";
import { useNotifierStyles } from "./useNotifierStyles";

/** One success message to show; a new id shows it again even when the text repeats. */
export interface Notice {
  readonly id: number;
  readonly text: string;
}

export interface NotifierProps {
  /** The id of the toast's live region. */
  readonly toasterId: string;
  readonly notice: Notice | null;
}

/** How long a quiet confirmation stays. */
export const TOAST_MS = 3000;

/**
 * The pane's quiet confirmations (复制全文): a small note at the bottom for 3 s, in a live region of the pane's
 * own (aria-live without role=status: the tab's status line is the status). Not Fluent's Toaster: its focus
 * groups put focusable, aria-hidden Tabster dummy inputs into the page for as long as it lives (axe
 * aria-hidden-focus, serious), and its portal once covered the pane. The note takes no clicks (pointer-events:
 * none): what is under it stays usable.
 */
export function Notifier({ toasterId, notice }: NotifierProps) {
  const styles = useNotifierStyles();
  const [shown, setShown] = useState<Notice | null>(null);
  useEffect(() => {
    if (!notice) return;
    setShown(notice);
    const timer = setTimeout(() => setShown((s) => (s?.id === notice.id ? null : s)), TOAST_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  return (
    <div id={toasterId} aria-live="polite" aria-atomic="true" className={styles.region}>
      {shown && (
        <div className={styles.toast} data-testid="toast">
          {shown.text}
        </div>
      )}
    </div>
  );
}
