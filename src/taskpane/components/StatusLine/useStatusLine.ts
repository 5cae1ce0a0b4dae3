import type { BadgeProps } from "@fluentui/react-components";
import { useI18n } from "../../i18n";
import type { WorkbookStatus } from "../../state/use-pane";
import { formatScoredAt } from "../../state/workbook-status";

// The standard grades' colours; the word is always shown next to them, so colour is never the only cue.
const GRADE_COLORS: Readonly<Record<string, BadgeProps["color"]>> = {
  优: "success",
  良: "brand",
  中: "warning",
  差: "danger",
};

/** Badge colour for a grade; an unknown grade (a bureau's own scale) is neutral. */
export function gradeColor(grade: string): NonNullable<BadgeProps["color"]> {
  return GRADE_COLORS[grade] ?? "informative";
}

export interface StatusLineView {
  readonly title: string;
  readonly unitYear: string | null;
  readonly badge: {
    readonly text: string;
    readonly label: string;
    readonly color: NonNullable<BadgeProps["color"]>;
  } | null;
  readonly scoredAt: string | null;
  /** Why the grade is not current (shown instead of the scoring time), or null. */
  readonly stale: string | null;
}

export function useStatusLine(status: WorkbookStatus): StatusLineView {
  const { t } = useI18n();
  const tpl = status.template;
  const title = tpl ? `${tpl.title} · ${t.status.version(tpl.version)}` : t.appTitle;
  const unitYear = status.unit ? t.status.unitYear(status.unit.name.trim(), status.unit.year.trim()) || null : null;
  // A stale grade keeps its word and number but loses the grade's colour and says so: it is not the result now.
  const stale = status.grade && status.total && status.stale ? t.status.stale[status.stale] : null;
  const badge =
    status.grade && status.total
      ? stale
        ? {
            text: t.status.staleGrade(status.grade, status.total),
            label: t.status.staleGradeLabel(status.grade, status.total),
            color: "informative" as const,
          }
        : {
            text: t.status.grade(status.grade, status.total),
            label: t.status.gradeLabel(status.grade, status.total),
            color: gradeColor(status.grade),
          }
      : null;
  const scoredAt = stale
    ? null
    : status.scoredAt
      ? t.status.scoredAt(formatScoredAt(status.scoredAt))
      : tpl
        ? t.status.notScored
        : null;
  return { title, unitYear, badge, scoredAt, stale };
}
