import path from "node:path";
import type { ScoresOutcome } from "../engine/api";
import { runScores } from "../engine";
import { HostError } from "../hosts/types";
import { readSnapshot } from "../hosts/xlsx/read-snapshot";
import { writeSummaryWorkbook, type SummaryRow } from "../hosts/xlsx/write-summary";
import { CLI_MESSAGES, type CliLang } from "./messages";
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

/** Score every workbook, one summary row each; a bad file is reported and skipped, never aborting the batch. */
export async function runBatch(
  files: readonly string[],
  opts: { io: CliIO; lang: CliLang; json: boolean; timings?: BatchTimings },
): Promise<BatchResult> {
  const m = CLI_MESSAGES[opts.lang];
  const rows: SummaryRow[] = [];
  const json: JsonResult[] = [];
  let scored = 0;
  let failed = 0;
  for (const [i, file] of files.entries()) {
    const name = path.basename(file);
    let outcome: ScoresOutcome | null = null;
    let problem = "";
    let unit = "";
    let year = "";
    try {
      const bytes = await readBytes(file);
      const t0 = performance.now();
      const snapshot = await readSnapshot(bytes);
      const t1 = performance.now();
      // A batch writes no workbook: scores only, no write plan.
      outcome = runScores(snapshot, { lang: opts.lang });
      if (opts.timings) {
        opts.timings.parseMs += t1 - t0;
        opts.timings.engineMs += performance.now() - t1;
      }
      if (!outcome.template) problem = m.notTemplate(name);
      unit = outcome.unit?.name ?? "";
      year = outcome.unit?.year ?? "";
    } catch (err) {
      problem = err instanceof HostError ? err.message : describeFsError(err, opts.lang);
    }
    const errors = outcome?.diagnostics.filter((d) => d.severity === "error").length ?? 0;
    const warnings = outcome?.diagnostics.filter((d) => d.severity === "warning").length ?? 0;
    if (outcome?.scores) scored++;
    else {
      failed++;
      if (!problem) problem = m.blocked;
      opts.io.stderr(`${opts.io.isTTY ? "\r\x1b[K" : ""}${m.batchFailed(name, problem)}\n`);
    }
    rows.push({
      file: name,
      unit,
      year,
      levels: (outcome?.scores?.levels ?? []).filter((l) => l.depth === 1).map((l) => ({ name: l.name, score: l.score })),
      total: outcome?.scores?.total ?? null,
      grade: outcome?.scores?.grade ?? null,
      errors,
      warnings,
      note: problem,
    });
    if (opts.json && outcome) json.push(toJson(name, outcome, opts.lang));
    progress(opts.io, i + 1, files.length, file);
  }
  if (opts.json) opts.io.stdout(`${JSON.stringify(json, null, 2)}\n`);
  const t = performance.now();
  const bytes = await writeSummaryWorkbook(rows, { headers: m.summaryHeaders });
  if (opts.timings) opts.timings.summaryMs += performance.now() - t;
  return { bytes, scored, failed, rows };
}
