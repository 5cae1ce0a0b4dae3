import {
  Button,
  Caption1,
  ProgressBar,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  mergeClasses,
} from "@fluentui/react-components";
import { Suspense, useEffect, useMemo, useRef } from "react";
import { TaskPane, useI18n, lazyComponent } from "../../../taskpane";
import type { EnginePort } from "../../../taskpane";
import type { BrowserHost } from "../../../hosts/browser";
import { useWebPage } from "./useWebPage";
import { useWebPageStyles } from "./useWebPageStyles";

// The grid shows only once a workbook is open (which loads exceljs anyway), so it is no part of the first render.
const LazySheetGrid = lazyComponent(async () => (await import("../SheetGrid/SheetGrid")).SheetGrid);

export interface WebPageProps {
  readonly host: BrowserHost;
  readonly engine: EnginePort;
  readonly openExampleOnStart?: boolean;
}

/** The browser page: the open workbook as a grid on the left, the same task pane on the right. */
export function WebPage({ host, engine, openExampleOnStart = false }: WebPageProps) {
  const { t } = useI18n();
  const styles = useWebPageStyles();
  const page = useWebPage(host, openExampleOnStart);
  const input = useRef<HTMLInputElement>(null);
  const { state } = page;
  // A workbook opened by the page starts the pane afresh (its first read runs again); a cell typed into the grid
  // changes the page's state but draws nothing of the pane (it hears of the edit from the host).
  const pane = useMemo(
    () => <TaskPane key={state.generation} host={host} engine={engine} />,
    [state.generation, host, engine],
  );
  useEffect(() => {
    LazySheetGrid.preload().catch(() => undefined);
  }, []);
  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <h1 className={styles.title}>{t.web.title}</h1>
        {state.fileName && <Caption1 className={styles.fileName}>{state.fileName}</Caption1>}
        <span className={styles.spacer} />
        <input
          ref={input}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className={styles.hiddenInput}
          data-testid="file-input"
          onChange={(e) => {
            page.openFiles(e.currentTarget.files);
            e.currentTarget.value = "";
          }}
        />
        {/* The first step while nothing is open: most accountants already have their filled workbook. */}
        <Button appearance={state.fileName ? "secondary" : "primary"} onClick={() => input.current?.click()}>
          {t.web.open}
        </Button>
        {/* Nothing to download until something was written or typed; 已评分 only while the written scores are current. */}
        <Button
          appearance={state.unsaved ? "primary" : "secondary"}
          disabled={!state.fileName || !state.written}
          onClick={page.download}
        >
          {state.written && !state.scored ? t.web.downloadEdited : t.web.download}
        </Button>
        {(state.unsaved || state.downloadedAt) && (
          <Caption1 role="status" className={state.unsaved ? styles.unsaved : styles.saved} data-testid="save-state">
            {state.unsaved ? t.web.unsaved : t.web.downloadedAt(state.downloadedAt ?? "")}
          </Caption1>
        )}
      </header>
      {page.error && (
        <MessageBar intent="error" className={styles.message}>
          <MessageBarBody>
            <MessageBarTitle>{page.error.message}</MessageBarTitle>
            {page.error.fix}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={page.dismissError}>
              {t.errors.dismiss}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <div className={styles.main}>
        <section
          className={mergeClasses(styles.workbook, page.dropping && styles.dropping)}
          aria-label={state.fileName ?? t.web.open}
          {...page.dragProps}
        >
          <Caption1 className={styles.privacy}>{t.web.privacy}</Caption1>
          {/* Reading a large workbook takes a moment: said, with a bar, so the page does not look stuck. */}
          <div role="status" className={styles.opening}>
            {state.opening && (
              <>
                <Caption1>{t.web.opening(state.opening)}</Caption1>
                <ProgressBar aria-label={t.web.opening(state.opening)} thickness="medium" />
              </>
            )}
          </div>
          {state.snapshot ? (
            <Suspense fallback={null}>
              <LazySheetGrid
                state={state}
                onSheetChange={(s) => host.showSheet(s)}
                onEdit={(sheet, address, block) => host.editCells(sheet, address, block)}
              />
            </Suspense>
          ) : (
            <div className={styles.dropHint}>{page.dropping ? t.web.dropNow : t.web.dropHint}</div>
          )}
        </section>
        {/* Not an <aside>: the pane is the page's <main>, which must be no other landmark's child (axe). */}
        <div className={styles.pane}>{pane}</div>
      </div>
    </div>
  );
}
