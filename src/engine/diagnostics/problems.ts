/**
 * Language-neutral problem keys carried in `schema_invalid` / `check_invalid` parameters as
 * "key" or "key:detail"; the message catalogs translate them (unknown text is shown as is).
 */
export const SCHEMA_PROBLEMS = [
  "missing_name",
  "bad_name",
  "duplicate_name",
  "missing_type",
  "unknown_type",
  "bad_required",
  "bad_number",
  "min_above_max",
  "bad_direction",
  "missing_rule",
  "bad_tolerance",
  "bad_severity",
  "missing_grade",
  "bad_min_score",
  "duplicate_grade",
  "unknown_field",
  "unknown_column",
  "unknown_table",
] as const;

export type SchemaProblem = (typeof SCHEMA_PROBLEMS)[number];

/** "unknown_type" + "货币" → "unknown_type:货币". */
export function problem(key: SchemaProblem, detail?: string): string {
  return detail === undefined || detail === "" ? key : `${key}:${detail}`;
}

/** Split a problem text into its key (when it is one of ours) and detail. */
export function splitProblem(text: string): { key: SchemaProblem | null; detail: string } {
  const i = text.indexOf(":");
  const head = i < 0 ? text : text.slice(0, i);
  const detail = i < 0 ? "" : text.slice(i + 1);
  const key = (SCHEMA_PROBLEMS as readonly string[]).includes(head) ? (head as SchemaProblem) : null;
  return key ? { key, detail } : { key: null, detail: text };
}
