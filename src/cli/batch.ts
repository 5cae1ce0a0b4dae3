import path from "node:path";
import type { ScoresOutcome, Diagnostic, Lang } from "../engine";
import { createEngine, readPublished, renderDiagnostic, sortDiagnostics } from "../engine";
import { HostError, hostErrorText } from "../hosts/common";
import { readSnapshot, writeSummaryWorkbook, type SummaryIssue, type SummaryRow } from "../hosts/xlsx";
import { KNOWN_TEMPLATES, STANDARD_GRADES } from "../templates";
import { CLI_MESSAGES, type CliMessages } from "./messages";
import { describeFsError, readBytes, type CliIO } from "./io";
import { toJson, type JsonResult } from "./json";

/** Where a batch's time went, in milliseconds (filled in when asked for: `npm run bench` reports the split). */
export interface BatchTimings {
  /** Reading each .xlsx into a snapshot (exceljs), the bytes already in memory. */
  parseMs: number;
  /** The engine: validation and scores of each workbook. */
  engineMs: number;
  /** Writing the summary workbook. */
  summaryMs: number;
}

export interface BatchResult {
  readonly bytes: Uint8Array;
  readonly scored: number;
  readonly failed: number;
  readonly rows: readonly SummaryRow[];
}

function progress(io: CliIO, done: number, total: number, file: string): void {
  if (!io.isTTY) return;
  const width = 24;
  const filled = Math.round((done / total) * width);
  const bar = `${"█".repeat(filled)}${"░".repeat(width - filled)}`;
  io.stderr(`\r${bar} ${done}/${total} ${path.basename(file).slice(0, 40).padEnd(40)}`);
  if (done === total) io.stderr("\n");
}

/** A file problem (unreadable, not a template) as the one error of its file, in the 问题清单. */
function fileIssue(message: string): SummaryIssue {
  return { severity: "error", where: "", message, fix: "" };
}

/** `sheet!cell` of a diagnostic, "" without a location. */
function whereOf(d: Diagnostic): string {
  return d.location ? `${d.location.sheet}!${d.location.address}` : "";
}

/** Nothing entered: no unit name, no year, and nothing could be scored. */
function isBlank(outcome: ScoresOutcome): boolean {
  return !outcome.scores && !outcome.unit?.name && !outcome.unit?.year;
}

/** Adds 「与 x.xlsx 单位、年度相同」 to every row that shares its unit and year with another. */
function markDuplicates(rows: SummaryRow[], m: CliMessages): SummaryRow[] {
  const key = (r: SummaryRow) => (r.unit && r.year ? `${r.unit}\u0000${r.year}` : null);
  return rows.map((r) => {
    const k = key(r);
    const others = k === null ? [] : rows.filter((o) => o !== r && key(o) === k).map((o) => o.file);
    if (others.length === 0) return r;
    const dup = m.summaryDuplicate(others);
    return { ...r, note: r.note ? `${r.note} ${dup}` : dup };
  });
}

/** A file's bytes, or why they could not be read (kept, so a read started early never rejects unheard). */
type Read = { readonly bytes: Uint8Array } | { readonly error: unknown };

const readAhead = (file: string): Promise<Read> =>
  readBytes(file).then(
    (bytes) => ({ bytes }),
    (error: unknown) => ({ error }),
  );

/** Score every workbook, one summary row each; a bad file is reported and skipped, never aborting the batch. */
export async function runBatch(
  files: readonly string[],
  opts: { io: CliIO; lang: Lang; json: boolean; timings?: BatchTimings },
): Promise<BatchResult> {
  const m = CLI_MESSAGES[opts.lang];
  const rows: SummaryRow[] = [];
  const json: JsonResult[] = [];
  let scored = 0;
  let failed = 0;
  // One session for the whole batch: the template, the same in every workbook, is compiled once.
  const engine = createEngine({ knownTemplates: KNOWN_TEMPLATES });
  // The next file is read from disk while this one is parsed and scored (the disk and the CPU overlap).
  let next: Promise<Read> | null = files[0] === undefined ? null : readAhead(files[0]);
  for (const [i, file] of files.entries()) {
    const name = path.basename(file);
    let outcome: ScoresOutcome | null = null;
    let problem = "";
    let published = false;
    const read = next!;
    const following = files[i + 1];
    next = following === undefined ? null : readAhead(following);
    try {
      const got = await read;
      if ("error" in got) throw got.error;
      const bytes = got.bytes;
      const t0 = performance.now();
      const snapshot = await readSnapshot(bytes);
      published = readPublished(snapshot) !== null;
      const t1 = performance.now();
      // A batch writes no workbook: scores only, no write plan.
      outcome = engine.scores(snapshot, { lang: opts.lang });
      if (opts.timings) {
        opts.timings.parseMs += t1 - t0;
        opts.timings.engineMs += performance.now() - t1;
      }
      if (!outcome.template) problem = m.notTemplate(name);
    } catch (err) {
      const why = err instanceof HostError ? hostErrorText(err, opts.lang) : describeFsError(err, opts.lang);
      problem = m.summaryUnreadable(why);
    }
    const diagnostics = outcome?.template ? sortDiagnostics(outcome.diagnostics) : [];
    const issues: SummaryIssue[] = problem
      ? [fileIssue(problem)]
      : diagnostics.map((d) => {
          const r = renderDiagnostic(d, opts.lang);
          return { severity: d.severity, where: whereOf(d), message: r.message, fix: r.fix };
        });
    const errors = issues.filter((d) => d.severity === "error").length;
    const warnings = issues.filter((d) => d.severity === "warning").length;
    const scores = outcome?.scores ?? null;
    if (scores) scored++;
    else {
      failed++;
      if (!problem) problem = outcome && isBlank(outcome) ? m.summaryBlank(errors) : m.summaryBlocked(errors);
      opts.io.stderr(`${opts.io.isTTY ? "\r\x1b[K" : ""}${m.batchFailed(name, problem)}\n`);
    }
    rows.push({
      file: name,
      unit: outcome?.unit?.name ?? "",
      year: outcome?.unit?.year ?? "",
      levels: (scores?.levels ?? [])
        .filter((l) => l.depth === 1)
        .map((l) => ({ name: l.name, weight: l.weight, score: l.score })),
      total: scores?.total ?? null,
      fullScore: scores?.fullScore,
      grade: scores?.grade ?? null,
      errors,
      warnings,
      // 指标体系是否被改动: against the bureau's published record, when the workbook has one.
      changed: !outcome?.template
        ? ""
        : !published
          ? m.changedUnpublished
          : diagnostics.some((d) => d.code === "published_changed" || d.code === "published_record_altered")
            ? m.changedYes
            : m.changedNo,
      note: problem,
      deductions: (scores?.indicators ?? [])
        .filter((x) => x.score < x.weight)
        .map((x) => ({ path: x.path, weight: x.weight, score: x.score, reason: x.reason })),
      issues,
    });
    if (opts.json && outcome) json.push(toJson(name, outcome, opts.lang));
    progress(opts.io, i + 1, files.length, file);
  }
  if (opts.json) opts.io.stdout(`${JSON.stringify(json, null, 2)}\n`);
  const t = performance.now();
  const summaryRows = markDuplicates(rows, m);
  const bytes = await writeSummaryWorkbook(summaryRows, {
    headers: m.summaryHeaders,
    labels: { ...m.summaryLabels, severity: m.severity },
    grades: STANDARD_GRADES.map((g) => g.grade),
  });
  if (opts.timings) opts.timings.summaryMs += performance.now() - t;
  return { bytes, scored, failed, rows: summaryRows };
}
