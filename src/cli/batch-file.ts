/**
 * One workbook of a batch: read and scored, or why not — the same on the main thread and in a batch worker
 * (batch-worker.ts), so a batch gives the same rows however many threads it uses.
 */
import path from "node:path";
import { threadId } from "node:worker_threads";
import type { EngineSession, Lang, ScoresOutcome } from "../engine";
import { catalogIn } from "../engine";
import { HostError, hostErrorText } from "../hosts/common";
import { readSnapshot } from "../hosts/xlsx";
import { CLI_MESSAGES } from "./messages";
import { describeFsError, readBytes } from "./io";

/** What became of one file: its outcome (null when unreadable), the problem in words, and where time went. */
export interface FileResult {
  readonly outcome: ScoresOutcome | null;
  /** "" when the file was read as a template; else why not, in the batch's language. */
  readonly problem: string;
  readonly parseMs: number;
  readonly engineMs: number;
  /** The thread that did it (0: the main thread). */
  readonly threadId: number;
}

/** Read `file` and ask the session for its scores only (a batch writes no workbook: no write plan). */
export async function scoreFile(engine: EngineSession, file: string, lang: Lang): Promise<FileResult> {
  const m = catalogIn(CLI_MESSAGES, lang);
  let parseMs = 0;
  let engineMs = 0;
  try {
    const bytes = await readBytes(file);
    const t0 = performance.now();
    const snapshot = await readSnapshot(bytes);
    const t1 = performance.now();
    const outcome = engine.scores(snapshot, { lang });
    parseMs = t1 - t0;
    engineMs = performance.now() - t1;
    const problem = outcome.template ? "" : m.notTemplate(path.basename(file));
    return { outcome, problem, parseMs, engineMs, threadId };
  } catch (err) {
    const why = err instanceof HostError ? hostErrorText(err, lang) : describeFsError(err, lang);
    return { outcome: null, problem: m.summaryUnreadable(why), parseMs, engineMs, threadId };
  }
}
