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
  /** The rows as listed: alone, or many alike (one code, one severity) under one summary line. */
  readonly items: readonly GroupItem[];
}

/** A card, or a summary of many alike cards (a blank template's 24 「…」还没有填写) that opens to them. */
export type GroupItem =
  | { readonly kind: "row"; readonly row: DiagnosticRow }
  | { readonly kind: "summary"; readonly key: string; readonly rows: readonly DiagnosticRow[] };

/** From this many problems of one code and severity on one sheet, they are listed under one summary line. */
export const SUMMARY_MIN = 5;

/** The 校验规则 rule a diagnostic comes from (C01), shown apart from its sentence; null for other problems. */
export function ruleOf(d: Diagnostic): string | null {
  return "check" in d.params ? d.params.check : null;
}

/** The rows in order, each run of `SUMMARY_MIN` or more alike (code and severity) gathered where the first was. */
export function summarise(sheet: string | null, rows: readonly DiagnosticRow[]): GroupItem[] {
  const kindOf = (r: DiagnosticRow) => `${r.diagnostic.severity}:${r.diagnostic.code}`;
  const alike = new Map<string, DiagnosticRow[]>();
  for (const r of rows) {
    const list = alike.get(kindOf(r));
    if (list) list.push(r);
    else alike.set(kindOf(r), [r]);
  }
  const items: GroupItem[] = [];
  const placed = new Set<string>();
  for (const r of rows) {
    const kind = kindOf(r);
    const same = alike.get(kind)!;
    if (same.length < SUMMARY_MIN) items.push({ kind: "row", row: r });
    else if (!placed.has(kind)) {
      placed.add(kind);
      items.push({ kind: "summary", key: `${sheet ?? ""}|${kind}`, rows: same });
    }
  }
  return items;
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
    .map(({ sheet, rows: list }) => ({ sheet, rows: list, items: summarise(sheet, list) }));
}

export interface ValidatePanelState {
  readonly counts: Readonly<Record<Severity, number>>;
  /** Severities chosen as filters; none chosen shows everything. */
  readonly active: ReadonlySet<Severity>;
  readonly toggle: (s: Severity) => void;
  readonly groups: readonly DiagnosticGroup[];
  readonly total: number;
  /** The summaries opened to their cards (by GroupItem key); all closed at first. */
  readonly open: ReadonlySet<string>;
  readonly toggleOpen: (key: string) => void;
}

export function useValidatePanel(
  diagnostics: readonly Diagnostic[] | null,
  render: (d: Diagnostic) => RenderedDiagnostic,
): ValidatePanelState {
  const [active, setActive] = useState<ReadonlySet<Severity>>(new Set());
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
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
  const toggle = (s: Severity): void => setActive((prev) => flip(prev, s));
  const toggleOpen = (key: string): void => setOpen((prev) => flip(prev, key));
  return { counts, active, toggle, groups, total: rows.length, open, toggleOpen };
}

function flip<T>(set: ReadonlySet<T>, item: T): ReadonlySet<T> {
  const next = new Set(set);
  if (next.has(item)) next.delete(item);
  else next.add(item);
  return next;
}
