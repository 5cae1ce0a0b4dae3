/**
 * A batch's worker thread: its own engine session, scoring the files the main thread sends one at a time
 * (batch-pool.ts) and answering with each file's result. Started from the compiled CLI (dist/cli/batch-worker.js)
 * or, while developing, from this file through tsx.
 */
import { parentPort } from "node:worker_threads";
import { createEngine, type Lang } from "../engine";
import { KNOWN_TEMPLATES } from "../templates";
import { scoreFile } from "./batch-file";

/** A file to score, and its place in the batch. */
export interface WorkerTask {
  readonly index: number;
  readonly file: string;
  readonly lang: Lang;
}

const port = parentPort;
if (port) {
  // One session per thread: the template, the same in every workbook, is compiled once per thread.
  const engine = createEngine({ knownTemplates: KNOWN_TEMPLATES });
  port.on("message", (task: WorkerTask) => {
    void scoreFile(engine, task.file, task.lang).then((result) => port.postMessage({ index: task.index, result }));
  });
}
