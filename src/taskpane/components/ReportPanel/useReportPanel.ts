import type { ReportView } from "../../state/use-pane";

/** What the report tab can do now: the secondary actions need a generated, unblocked report. */
export function useReportPanel(report: ReportView | null, busy: boolean): { ready: boolean; blocked: boolean } {
  const ready = !!report && report.text.length > 0;
  return { ready: ready && !busy, blocked: !!report && !ready };
}
