/**
 * A batch over several threads: each worker (batch-worker.ts) holds its own engine session and is sent the next
 * file as soon as it answers, so a slow workbook holds up one thread only. Results come back in the batch's
 * order. A worker that fails is replaced by scoring its file, and the rest, on the main thread.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { createEngine, type EngineSession, type Lang } from "../engine";
import { KNOWN_TEMPLATES } from "../templates";
import { scoreFile, type FileResult } from "./batch-file";
import type { WorkerTask } from "./batch-worker";
import type { BatchWorkerEntry } from "./io";

/**
 * A worker running the entry's script. The sources' TypeScript worker (while developing: the bench, the tests)
 * starts through tsx's loader, registered inside the thread before the script is imported; the compiled CLI's
 * worker is plain JavaScript.
 */
function startWorker(entry: BatchWorkerEntry): Worker {
  if (!entry.script.endsWith(".ts")) return new Worker(entry.script);
  const url = JSON.stringify(pathToFileURL(entry.script).href);
  const code = `import(${JSON.stringify(pathToFileURL(tsxImportApi(entry.script)).href)})
    .then((tsx) => tsx.tsImport(${url}, ${url}));`;
  return new Worker(code, { eval: true });
}

/** tsx's ESM API (its tsImport), found from `script` by the package's own exports map. */
function tsxImportApi(script: string): string {
  const manifest = createRequire(script).resolve("tsx/package.json");
  const pkg = JSON.parse(readFileSync(manifest, "utf8")) as {
    exports: Record<string, { import?: { default?: string } } | undefined>;
  };
  const file = pkg.exports["./esm/api"]?.import?.default;
  if (!file) throw new Error("tsx has no ESM API (tsx/esm/api)");
  return path.join(path.dirname(manifest), file);
}

/** How many threads a batch of `files` files uses with this entry (1: no worker at all). */
export function threadCount(entry: BatchWorkerEntry | undefined, files: number): number {
  if (!entry) return 1;
  const available = entry.threads ?? Math.min(8, os.availableParallelism());
  return Math.max(1, Math.min(available, files));
}

/**
 * Score `files` and call `done(index, result)` as each finishes (for the progress bar); resolves with every
 * result in the order of `files`.
 */
export async function scoreFiles(
  files: readonly string[],
  lang: Lang,
  entry: BatchWorkerEntry | undefined,
  done: (index: number, result: FileResult) => void,
): Promise<FileResult[]> {
  const results: FileResult[] = new Array<FileResult>(files.length);
  const threads = threadCount(entry, files.length);
  let local: EngineSession | null = null;
  const inProcess = async (index: number): Promise<void> => {
    local ??= createEngine({ knownTemplates: KNOWN_TEMPLATES });
    results[index] = await scoreFile(local, files[index]!, lang);
    done(index, results[index]);
  };
  if (!entry || threads <= 1) {
    for (let i = 0; i < files.length; i++) await inProcess(i);
    return results;
  }
  let next = 0;
  const run = (worker: Worker): Promise<void> =>
    new Promise<void>((resolve) => {
      let current = -1;
      let finished = false;
      const send = (): void => {
        if (next >= files.length) {
          finished = true;
          void worker.terminate().then(() => resolve());
          return;
        }
        current = next++;
        worker.postMessage({ index: current, file: files[current]!, lang } satisfies WorkerTask);
      };
      // The thread is gone (an error, or an exit before the work was done): its file, and whatever is left, are
      // scored here.
      const takeOver = (): void => {
        if (finished) return;
        finished = true;
        worker.removeAllListeners("message");
        const retry = current;
        void (async () => {
          if (retry >= 0 && results[retry] === undefined) await inProcess(retry);
          while (next < files.length) await inProcess(next++);
          resolve();
        })();
      };
      worker.on("message", (m: { index: number; result: FileResult }) => {
        results[m.index] = m.result;
        done(m.index, m.result);
        send();
      });
      worker.once("error", takeOver);
      worker.once("exit", takeOver);
      worker.once("online", send);
    });
  const workers = Array.from({ length: threads }, () => startWorker(entry));
  await Promise.all(workers.map(run));
  return results;
}
