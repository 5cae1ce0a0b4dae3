import type { CellValue, WorkbookSnapshot } from "../../engine";
import { cellAtRef, findName, readPublished } from "../../engine";
import { formatPoints } from "../format";

/** What an earlier 评分 left in the workbook's result cells (defined names result_*). */
export interface StoredResult {
  readonly total: string | null;
  readonly grade: string | null;
  readonly scoredAt: string | null;
  /** The day a bureau published the template (its _meta record), or null. */
  readonly publishedAt: string | null;
}

function named(snapshot: WorkbookSnapshot, name: string): CellValue | undefined {
  const def = findName(snapshot, name);
  return def ? cellAtRef(snapshot, { sheet: def.sheet, address: def.address.split(":")[0]! }) : undefined;
}

function text(v: CellValue | undefined): string | null {
  if (!v) return null;
  if (v.t === "s") return v.v.trim() || null;
  if (v.t === "n") return String(v.v);
  if (v.t === "d") return v.v;
  return null;
}

/** Read the result cells, so a workbook scored earlier opens with its grade on the status line. */
export function readStoredResult(snapshot: WorkbookSnapshot): StoredResult {
  const total = named(snapshot, "result_total");
  return {
    total: total?.t === "n" ? formatPoints(total.v) : text(total),
    grade: text(named(snapshot, "result_grade")),
    scoredAt: text(named(snapshot, "result_scored_at")),
    publishedAt: readPublished(snapshot)?.at ?? null,
  };
}

/** ISO-ish time → "2025-03-01 14:05" for the status line; other text is shown as it is. */
export function formatScoredAt(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]}` : iso;
}
