import { useCallback, useEffect, useRef, useState } from "react";
import type { CellRef, Diagnostic, WritePlan, ScoreSheet, TemplateInfo } from "../../engine";
import type { WorkbookHost, WriteSummary } from "../../hosts/common";
import type { EnginePort } from "../engine-port";
import { localIsoNow } from "../../hosts/common";
import { copyText } from "../clipboard";
import { formatPoints } from "../format";
import type { PaneError } from "../host-error";
import { PaneFailure, isCancelled, toPaneError } from "../host-error";
import { useI18n } from "../i18n";
import { readStoredResult } from "./workbook-status";

export type TabId = "template" | "validate" | "score" | "report";

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** The status line's facts. */
export interface WorkbookStatus {
  readonly template: TemplateInfo | null;
  readonly unit: { readonly name: string; readonly year: string } | null;
  readonly total: string | null;
  readonly grade: string | null;
  readonly scoredAt: string | null;
}

export interface ScoringView {
  /** null when errors blocked scoring. */
  readonly scores: ScoreSheet | null;
  readonly errors: number;
  readonly summary: WriteSummary | null;
}

export interface ReportView {
  readonly text: string;
  readonly errors: number;
  readonly writePlan: WritePlan;
  readonly docx: () => Promise<Uint8Array>;
  readonly summary: WriteSummary | null;
}

export interface PaneActions {
  readonly refresh: () => Promise<void>;
  readonly createTemplate: () => Promise<void>;
  readonly openExample: () => Promise<void>;
  readonly validate: () => Promise<void>;
  readonly score: () => Promise<void>;
  readonly generateReport: () => Promise<void>;
  readonly copyReport: () => Promise<void>;
  readonly writeReport: () => Promise<void>;
  readonly exportWord: () => Promise<void>;
  readonly selectCell: (ref: CellRef) => Promise<void>;
}

/** A success to show in the tab it happened on (its own status line), until the next action. */
export interface PaneNotice {
  readonly id: number;
  readonly tab: TabId;
  readonly text: string;
}

export interface PaneModel {
  readonly phase: "loading" | "firstRun" | "ready";
  readonly tab: TabId;
  readonly setTab: (tab: TabId) => void;
  readonly busy: boolean;
  /** The last action's success, shown inline (never a layer over the pane). */
  readonly notice: PaneNotice | null;
  readonly error: PaneError | null;
  readonly dismissError: () => void;
  /** Where the workbook lives: in the browser page the grid cannot be edited, so fixes say where to make them. */
  readonly hostKind: WorkbookHost["kind"];
  readonly status: WorkbookStatus;
  readonly diagnostics: readonly Diagnostic[] | null;
  readonly scoring: ScoringView | null;
  /** True until the workbook has been scored once: the pane says where outputs go. */
  readonly firstWrite: boolean;
  readonly report: ReportView | null;
  readonly actions: PaneActions;
}

const EMPTY_STATUS: WorkbookStatus = { template: null, unit: null, total: null, grade: null, scoredAt: null };

const errorCount = (ds: readonly Diagnostic[]): number => ds.filter((d) => d.severity === "error").length;

/**
 * The pane's state and every user action: read the workbook, ask the engine, write through the host. Successes
 * are shown inline in the tab's status line; `toast` is only for quiet confirmations of something done outside
 * the pane (the clipboard).
 */
export function usePane(
  host: WorkbookHost,
  engine: EnginePort,
  toast: (text: string) => void = () => undefined,
): PaneModel {
  const { lang, t } = useI18n();
  const [phase, setPhase] = useState<PaneModel["phase"]>("loading");
  const [tab, setTabState] = useState<TabId>("validate");
  const tabRef = useRef<TabId>("validate");
  const setTab = useCallback((next: TabId) => {
    tabRef.current = next;
    setTabState(next);
  }, []);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<PaneNotice | null>(null);
  // Shown in the tab that is open when the action ends (after 新建标准模板 that is 校验, where the pane lands).
  const notify = useCallback(
    (text: string) => setNotice((n) => ({ id: (n?.id ?? 0) + 1, tab: tabRef.current, text })),
    [],
  );
  const [error, setError] = useState<PaneError | null>(null);
  const [status, setStatus] = useState<WorkbookStatus>(EMPTY_STATUS);
  const [diagnostics, setDiagnostics] = useState<readonly Diagnostic[] | null>(null);
  const [scoring, setScoring] = useState<ScoringView | null>(null);
  const [firstWrite, setFirstWrite] = useState(true);
  const [report, setReport] = useState<ReportView | null>(null);
  const running = useRef(false);
  // The catalog through a ref: switching the language must not re-run the first read.
  const tRef = useRef(t);
  tRef.current = t;

  // One action at a time: progress on, errors cleared; a failure becomes the MessageBar, never a console line.
  const run = useCallback(async (action: () => Promise<void>): Promise<void> => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await action();
    } catch (err) {
      if (!isCancelled(err)) setError(toPaneError(err, tRef.current));
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);

  const load = useCallback(async (): Promise<void> => {
    const snapshot = await host.readSnapshot();
    const outcome = await engine.validate(snapshot);
    const stored = readStoredResult(snapshot);
    setStatus({ template: outcome.template, unit: outcome.unit ?? null, ...stored });
    setFirstWrite(stored.scoredAt === null);
    setPhase(outcome.template ? "ready" : "firstRun");
  }, [host, engine]);

  useEffect(() => {
    void run(load);
  }, [run, load]);

  const actions: PaneActions = {
    refresh: () =>
      run(async () => {
        await load();
        notify(t.template.refreshed);
      }),
    createTemplate: () =>
      run(async () => {
        await host.createTemplate();
        await load();
        notify(t.template.created);
      }),
    openExample: () =>
      run(async () => {
        await host.openExample();
        await load();
        notify(t.template.exampleOpened);
      }),
    validate: () =>
      run(async () => {
        const snapshot = await host.readSnapshot();
        const outcome = await engine.validate(snapshot);
        setStatus((s) => ({ ...s, template: outcome.template, unit: outcome.unit ?? null }));
        setDiagnostics(outcome.diagnostics);
        await host.markDiagnostics(outcome.diagnostics);
        const count = (sev: Diagnostic["severity"]): number =>
          outcome.diagnostics.filter((d) => d.severity === sev).length;
        notify(t.validate.done(count("error"), count("warning")));
      }),
    score: () =>
      run(async () => {
        const snapshot = await host.readSnapshot();
        const now = localIsoNow();
        const outcome = await engine.score(snapshot, { now });
        setStatus((s) => ({ ...s, template: outcome.template, unit: outcome.unit ?? null }));
        setDiagnostics(outcome.diagnostics);
        if (!outcome.scores) {
          setScoring({ scores: null, errors: errorCount(outcome.diagnostics), summary: null });
          await host.markDiagnostics(outcome.diagnostics);
          return;
        }
        const scores = outcome.scores;
        setScoring({ scores, errors: 0, summary: null });
        // Scores and marks (warnings left after scoring) in one write batch where the host can; else two calls.
        const summary = host.applyAndMark
          ? await host.applyAndMark(outcome.writePlan, outcome.diagnostics)
          : await host.applyWritePlan(outcome.writePlan).then(async (s) => {
              await host.markDiagnostics(outcome.diagnostics);
              return s;
            });
        setScoring({ scores, errors: 0, summary });
        setFirstWrite(false);
        const total = formatPoints(scores.total);
        setStatus((s) => ({ ...s, total, grade: scores.grade, scoredAt: now }));
        notify(t.score.done(total, scores.grade));
      }),
    generateReport: () =>
      run(async () => {
        const snapshot = await host.readSnapshot();
        const outcome = await engine.report(snapshot, lang, { now: localIsoNow() });
        setReport({
          text: outcome.text,
          errors: errorCount(outcome.diagnostics),
          writePlan: outcome.writePlan,
          docx: () => outcome.docx(),
          summary: null,
        });
      }),
    copyReport: () =>
      run(async () => {
        if (!report) return;
        try {
          await copyText(report.text);
        } catch {
          throw new PaneFailure({ message: t.report.copyFailed, fix: t.report.copyFailedFix });
        }
        toast(t.report.copied);
      }),
    writeReport: () =>
      run(async () => {
        if (!report) return;
        const summary = await host.applyWritePlan(report.writePlan);
        setReport({ ...report, summary });
        setFirstWrite(false);
        notify(t.report.written);
      }),
    exportWord: () =>
      run(async () => {
        if (!report) return;
        const bytes = await report.docx();
        await host.saveFile(t.report.fileName, bytes, DOCX_MIME);
        notify(t.report.exported);
      }),
    selectCell: (ref) => run(() => host.selectCell(ref)),
  };

  return {
    phase,
    tab,
    setTab,
    busy,
    notice,
    error,
    dismissError: () => setError(null),
    hostKind: host.kind,
    status,
    diagnostics,
    scoring,
    firstWrite,
    report,
    actions,
  };
}
