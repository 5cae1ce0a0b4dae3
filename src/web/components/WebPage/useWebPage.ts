import { useCallback, useEffect, useState, useSyncExternalStore } from "react";
import type { DragEvent } from "react";
import type { PaneError } from "../../../taskpane";
import { toPaneError, useI18n } from "../../../taskpane";
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

/** The page around the pane: opening files (picker or drop), the first example, downloading the result. */
export function useWebPage(host: BrowserHost, openExampleOnStart: boolean): WebPageModel {
  const { t } = useI18n();
  const state = useSyncExternalStore(host.subscribe, host.getState);
  const [error, setError] = useState<PaneError | null>(null);
  const [dropping, setDropping] = useState(false);

  const attempt = useCallback(
    (action: () => Promise<void>) => {
      setError(null);
      action().catch((e: unknown) => setError(toPaneError(e, t)));
    },
    [t],
  );

  useEffect(() => {
    if (openExampleOnStart) attempt(() => host.openExampleFromPage());
  }, [host, openExampleOnStart, attempt]);

  const openFiles = (files: FileList | null): void => {
    const file = files?.[0];
    if (file) attempt(() => host.openFile(file));
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
