import { useCallback, useEffect, useState, useSyncExternalStore } from "react";
import type { DragEvent } from "react";
import type { PaneError } from "../../../taskpane";
import { isCancelled, toPaneError, useI18n } from "../../../taskpane";
import type { BrowserHost, BrowserWorkbookState } from "../../../hosts/browser";

export interface WebPageModel {
  readonly state: BrowserWorkbookState;
  readonly error: PaneError | null;
  readonly dismissError: () => void;
  readonly dropping: boolean;
  readonly openFiles: (files: FileList | null) => void;
  readonly download: () => void;
  readonly dragProps: {
    onDragOver: (e: DragEvent) => void;
    onDragLeave: (e: DragEvent) => void;
    onDrop: (e: DragEvent) => void;
  };
}

/**
 * Keep the browser's own "leave the page?" prompt up while results exist only in memory. Browsers show their own
 * words; a handler that cancels the event is what asks.
 */
function useLeaveWarning(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const onBeforeUnload = (e: BeforeUnloadEvent): void => {
      e.preventDefault();
      // Older Chromium and Safari ask only when returnValue is set.
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [active]);
}

/**
 * The page around the pane: opening files (picker or drop), the first example, downloading the result; unsaved
 * results are guarded (a question before another workbook replaces them, the browser's prompt on leaving).
 */
export function useWebPage(host: BrowserHost, openExampleOnStart: boolean): WebPageModel {
  const { t } = useI18n();
  const state = useSyncExternalStore(host.subscribe, host.getState);
  const [error, setError] = useState<PaneError | null>(null);
  const [dropping, setDropping] = useState(false);

  // `file`: the file the action was about, named in what went wrong (a refused .xls or .csv says which).
  const attempt = useCallback(
    (action: () => Promise<void>, file?: string) => {
      setError(null);
      action().catch((e: unknown) => {
        if (isCancelled(e)) return;
        const shown = toPaneError(e, t);
        setError(file ? { ...shown, message: t.web.refused(file, shown.message) } : shown);
      });
    },
    [t],
  );

  // Asked by the host before opening a file, 新建标准模板 or 打开示例 replaces results not yet downloaded.
  useEffect(() => {
    host.setConfirmReplace((name) => window.confirm(t.web.confirmReplace(name)));
    return () => host.setConfirmReplace(null);
  }, [host, t]);
  useLeaveWarning(state.unsaved);

  useEffect(() => {
    if (openExampleOnStart) attempt(() => host.openExampleFromPage());
  }, [host, openExampleOnStart, attempt]);

  const openFiles = (files: FileList | null): void => {
    const file = files?.[0];
    if (file) attempt(() => host.openFile(file), file.name);
  };

  return {
    state,
    error,
    dismissError: () => setError(null),
    dropping,
    openFiles,
    download: () => attempt(() => host.downloadWorkbook()),
    dragProps: {
      onDragOver: (e) => {
        e.preventDefault();
        setDropping(true);
      },
      onDragLeave: () => setDropping(false),
      onDrop: (e) => {
        e.preventDefault();
        setDropping(false);
        openFiles(e.dataTransfer?.files ?? null);
      },
    },
  };
}
