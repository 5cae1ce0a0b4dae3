import { useMemo, useState } from "react";
import type { Diagnostic, Severity } from "../../../engine";
import { severityRank } from "../../../engine";
import type { RenderedDiagnostic } from "../../engine-port";

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

export interface DiagnosticRow {
  readonly key: string;
  readonly diagnostic: Diagnostic;
  readonly rendered: RenderedDiagnostic;
}

export interface DiagnosticGroup {
  /** The sheet name, or null for problems of the whole workbook. */
  readonly sheet: string | null;
  readonly rows: readonly DiagnosticRow[];
}

/** Group by sheet; the group with the worst problem first (then first seen), errors first inside each group. */
export function groupDiagnostics(rows: readonly DiagnosticRow[]): DiagnosticGroup[] {
  const bySheet = new Map<string | null, DiagnosticRow[]>();
  for (const row of rows) {
    const sheet = row.diagnostic.location?.sheet ?? null;
    const list = bySheet.get(sheet) ?? [];
    list.push(row);
    bySheet.set(sheet, list);
  }
  const worst = (list: readonly DiagnosticRow[]): number =>
    Math.min(...list.map((r) => severityRank(r.diagnostic.severity)));
  return [...bySheet.entries()]
    .map(([sheet, list], order) => ({
      sheet,
      order,
      rows: list
        .map((r, i) => ({ r, i }))
        .sort((a, b) => severityRank(a.r.diagnostic.severity) - severityRank(b.r.diagnostic.severity) || a.i - b.i)
        .map((x) => x.r),
    }))
    .sort((a, b) => worst(a.rows) - worst(b.rows) || a.order - b.order)
    .map(({ sheet, rows: list }) => ({ sheet, rows: list }));
}

export interface ValidatePanelState {
  readonly counts: Readonly<Record<Severity, number>>;
  /** Severities chosen as filters; none chosen shows everything. */
  readonly active: ReadonlySet<Severity>;
  readonly toggle: (s: Severity) => void;
  readonly groups: readonly DiagnosticGroup[];
  readonly total: number;
}

export function useValidatePanel(
  diagnostics: readonly Diagnostic[] | null,
  render: (d: Diagnostic) => RenderedDiagnostic,
): ValidatePanelState {
  const [active, setActive] = useState<ReadonlySet<Severity>>(new Set());
  const rows = useMemo(
    () => (diagnostics ?? []).map((d, i) => ({ key: `${i}:${d.code}`, diagnostic: d, rendered: render(d) })),
    [diagnostics, render],
  );
  const counts = useMemo(() => {
    const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const r of rows) c[r.diagnostic.severity] += 1;
    return c;
  }, [rows]);
  const groups = useMemo(
    () => groupDiagnostics(active.size === 0 ? rows : rows.filter((r) => active.has(r.diagnostic.severity))),
    [rows, active],
  );
  const toggle = (s: Severity): void =>
    setActive((prev) => {
      const next = new Set(prev);
      if (next.has(s)) next.delete(s);
      else next.add(s);
      return next;
    });
  return { counts, active, toggle, groups, total: rows.length };
}
