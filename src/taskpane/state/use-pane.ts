import { useCallback, useEffect, useRef, useState } from "react";
import type { CellRef, Diagnostic, WritePlan, ScoreSheet, TemplateInfo } from "../../engine";
import type { WorkbookHost, WriteSummary } from "../../hosts/common";
import type { EnginePort, PreviewLine } from "../engine-port";
import { localIsoNow } from "../../hosts/common";
import { copyText } from "../clipboard";
import { formatPoints } from "../format";
import type { PaneError } from "../host-error";
import { PaneFailure, isCancelled, toPaneError } from "../host-error";
import { useI18n } from "../i18n";
import { readStoredResult } from "./workbook-status";
import { useRevalidateOnEdit } from "./revalidate";
import { publishTemplate } from "./publish";

export type TabId = "template" | "validate" | "score" | "report";

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/**
 * Why the grade on the status line is no longer current: the workbook was edited (or its data became invalid)
 * after scoring, or the last 评分 could not write its results.
 */
export type StaleReason = "edited" | "unwritten";

/** The status line's facts. */
export interface WorkbookStatus {
  readonly template: TemplateInfo | null;
  readonly unit: { readonly name: string; readonly year: string } | null;
  readonly total: string | null;
  readonly grade: string | null;
  readonly scoredAt: string | null;
  /** Set when the grade shown (total, grade, scoredAt) is not the workbook's current result; null when it is. */
  readonly stale: StaleReason | null;
  /** The day the template was published (发布), as its record says; absent or null when it was not. */
  readonly publishedAt?: string | null;
}

/** Hosts that report the user's own edits (the Office host, ExcelApi 1.9). Duck-typed: optional for hosts. */
interface EditEvents {
  onUserEdit(listener: (sheet: string, address: string) => void): Promise<() => Promise<void>>;
}

function hasEditEvents(host: WorkbookHost): host is WorkbookHost & EditEvents {
  return typeof (host as Partial<EditEvents>).onUserEdit === "function";
}

export interface ScoringView {
  /** null when errors blocked scoring. */
  readonly scores: ScoreSheet | null;
  readonly errors: number;
  readonly summary: WriteSummary | null;
}

export interface ReportView {
  readonly text: string;
  readonly lines: readonly PreviewLine[];
  readonly errors: number;
  /** Warnings the report was generated with (open problems the accountant should check first). */
  readonly warnings: number;
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
  /** 发布 (a bureau's template), with an optional sheet-protection password. */
  readonly publish: (password: string) => Promise<void>;
}

/** A success to show in the tab it happened on (its own status line), until the next action. */
export interface PaneNotice {
  readonly id: number;
  readonly tab: TabId;
  readonly text: string;
}

export interface PaneModel {
  readonly phase: "loading" | "firstRun" | "ready";
  /** No workbook is open at all (the browser page before a file is opened; Excel always has one). */
  readonly noWorkbook: boolean;
  /** Whether the host re-reads a workbook that can change under it (Excel), so 重新读取工作簿 means something. */
  readonly canRefresh: boolean;
  /** Whether the host can publish a template (protect its configuration sheets). */
  readonly canPublish: boolean;
  readonly tab: TabId;
  readonly setTab: (tab: TabId) => void;
  readonly busy: boolean;
  /** The last action's success, shown inline (never a layer over the pane). */
  readonly notice: PaneNotice | null;
  readonly error: PaneError | null;
  readonly dismissError: () => void;
  readonly status: WorkbookStatus;
  readonly diagnostics: readonly Diagnostic[] | null;
  readonly scoring: ScoringView | null;
  /** True until the workbook has been scored once: the pane says where outputs go. */
  readonly firstWrite: boolean;
  readonly report: ReportView | null;
  /** The report shown was generated before the workbook changed: it must be generated again. */
  readonly reportStale: boolean;
  readonly actions: PaneActions;
}

const EMPTY_STATUS: WorkbookStatus = {
  template: null,
  unit: null,
  total: null,
  grade: null,
  scoredAt: null,
  stale: null,
};

const errorCount = (ds: readonly Diagnostic[]): number => ds.filter((d) => d.severity === "error").length;
const warningCount = (ds: readonly Diagnostic[]): number => ds.filter((d) => d.severity === "warning").length;

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
  const [noWorkbook, setNoWorkbook] = useState(false);
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
  const [reportStale, setReportStale] = useState(false);
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
    setStatus({ template: outcome.template, unit: outcome.unit ?? null, ...stored, stale: null });
    setFirstWrite(stored.scoredAt === null);
    setNoWorkbook(snapshot.sheets.length === 0);
    setPhase(outcome.template ? "ready" : "firstRun");
  }, [host, engine]);

  useEffect(() => {
    void run(load);
  }, [run, load]);

  // Whatever was scored or reported before no longer describes the workbook.
  const markEdited = useCallback(() => {
    setStatus((s) => (s.stale === "edited" ? s : { ...s, stale: "edited" }));
    setReportStale(true);
  }, []);

  // The problem list on show follows the edits: 校验 runs again by itself once typing pauses.
  const revalidateSoon = useRevalidateOnEdit({
    host,
    engine,
    running,
    shown: diagnostics !== null,
    apply: (found, template, unit) => {
      setStatus((s) => ({ ...s, template, unit }));
      setDiagnostics(found);
      if (errorCount(found) > 0) markEdited();
    },
  });

  // An edit in Excel after 评分 turns the grade and the report stale at once (hosts without edit events: the next
  // 校验 or 报告 that finds errors or another result does).
  useEffect(() => {
    if (phase !== "ready" || !hasEditEvents(host)) return;
    let off: (() => Promise<void>) | null = null;
    let gone = false;
    host
      .onUserEdit(() => {
        markEdited();
        revalidateSoon();
      })
      .then((unsubscribe) => {
        if (gone) void unsubscribe().catch(() => undefined);
        else off = unsubscribe;
      })
      .catch(() => undefined);
    return () => {
      gone = true;
      void off?.().catch(() => undefined);
    };
  }, [host, phase, markEdited, revalidateSoon]);

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
        // In Excel the example is a new workbook in its own window, where the pane is opened anew; this one is unchanged.
        notify(host.kind === "office" ? t.template.exampleOpenedInWindow : t.template.exampleOpened);
      }),
    validate: () =>
      run(async () => {
        const snapshot = await host.readSnapshot();
        const outcome = await engine.validate(snapshot);
        setStatus((s) => ({ ...s, template: outcome.template, unit: outcome.unit ?? null }));
        setDiagnostics(outcome.diagnostics);
        // Data that no longer validates cannot have the grade scored from it.
        if (errorCount(outcome.diagnostics) > 0) markEdited();
        await host.markDiagnostics(outcome.diagnostics);
        // The page's grid turns to a sheet with problems (hosts that show one; Excel's active sheet is left alone).
        (host as Partial<{ revealProblems: (ds: readonly Diagnostic[]) => void }>).revealProblems?.(
          outcome.diagnostics,
        );
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
          markEdited();
          await host.markDiagnostics(outcome.diagnostics);
          return;
        }
        const scores = outcome.scores;
        const total = formatPoints(scores.total);
        // Nothing is shown as scored until it was written: a failed write leaves no tree, and an earlier grade
        // that differs from what was just computed is marked as not current.
        setScoring(null);
        let summary: WriteSummary;
        try {
          // Scores and marks (warnings left after scoring) in one write batch where the host can; else two calls.
          summary = host.applyAndMark
            ? await host.applyAndMark(outcome.writePlan, outcome.diagnostics)
            : await host.applyWritePlan(outcome.writePlan).then(async (s) => {
                await host.markDiagnostics(outcome.diagnostics);
                return s;
              });
        } catch (err) {
          setStatus((s) =>
            s.grade !== null && (s.grade !== scores.grade || s.total !== total) ? { ...s, stale: "unwritten" } : s,
          );
          throw err;
        }
        setScoring({ scores, errors: 0, summary });
        setFirstWrite(false);
        setStatus((s) => ({ ...s, total, grade: scores.grade, scoredAt: now, stale: null }));
        notify(t.score.done(total, scores.grade));
      }),
    generateReport: () =>
      run(async () => {
        const snapshot = await host.readSnapshot();
        const outcome = await engine.report(snapshot, lang, { now: localIsoNow() });
        // The report scores afresh: errors, or another result than the status line's, mean the grade is stale.
        const fresh = outcome.scores;
        setStatus((s) =>
          s.grade !== null && (!fresh || fresh.grade !== s.grade || formatPoints(fresh.total) !== s.total)
            ? { ...s, stale: s.stale ?? "edited" }
            : s,
        );
        setReportStale(false);
        setReport({
          text: outcome.text,
          lines: outcome.lines,
          errors: errorCount(outcome.diagnostics),
          warnings: warningCount(outcome.diagnostics),
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
    publish: (password) =>
      run(async () => {
        const r = await publishTemplate(host, engine, password);
        if (!r.ok) {
          // Nothing was published: the errors in the configuration, where 校验 lists them.
          setDiagnostics(r.diagnostics);
          setTab("validate");
          notify(t.template.publishBlocked(errorCount(r.diagnostics)));
          return;
        }
        await load();
        notify(t.template.published(r.cells, r.fingerprint, r.sheets.join("、"), r.password));
      }),
  };

  return {
    phase,
    noWorkbook,
    canRefresh: host.kind === "office",
    canPublish: typeof host.publish === "function",
    tab,
    setTab,
    busy,
    notice,
    error,
    dismissError: () => setError(null),
    status,
    diagnostics,
    scoring,
    firstWrite,
    report,
    reportStale,
    actions,
  };
}
