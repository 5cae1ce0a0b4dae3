/**
 * `npm run bench`: round trips through the Office host, engine time, the CLI batch, the task pane bundle, and a
 * keystroke in the browser page's grid on the 100× template (bench/page-keystroke.ts).
 * Prints a table and writes bench/results.json. Flags: --skip-pane (no webpack build: neither of the last two),
 * --quick (fewer runs).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { createEngine } from "../src/engine";
import { KNOWN_TEMPLATES } from "../src/templates";
import type { WorkbookSnapshot } from "../src/engine/model/snapshot";
import { buildExampleWorkbook } from "../src/hosts/xlsx/standard";
import { scaledSnapshot } from "./generate";
import { PAYLOAD_TARGET_MB, payloadAt100, roundTrips, templateName } from "./round-trips";
import { departmentSeed } from "./departments";
import { measurePane } from "./pane";
import type { PaneFigures } from "./pane";
import { measurePageKeystroke } from "./page-keystroke";
import type { PageKeystrokeFigures } from "./page-keystroke";

const ROOT = path.resolve(import.meta.dirname, "..");
const args = new Set(process.argv.slice(2));
const QUICK = args.has("--quick");
const NOW = "2021-03-01T09:00:00";
const log = (s: string): void => void process.stderr.write(`${s}\n`);
const round = (x: number, d = 2): number => Math.round(x * 10 ** d) / 10 ** d;

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
const p90 = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)]!;

// ── Engine time ──────────────────────────────────────────────────────────────────────────────────────
interface EngineTime {
  readonly template: string;
  readonly runs: number;
  /** Each action reads the workbook anew, unchanged since the last action (the usual 校验 → 评分 → 报告). */
  readonly medianMs: number;
  readonly p90Ms: number;
  /** Each action on a workbook edited since the last action: nothing of the last one is reused. */
  readonly editedMedianMs: number;
  readonly editedP90Ms: number;
  readonly targetMs: number;
}

/** The snapshot with one more blank row on its first sheet: another workbook's content, the same scores. */
function edited(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  const [first, ...rest] = snapshot.sheets;
  if (!first) return snapshot;
  return { ...snapshot, sheets: [{ ...first, cells: [...first.cells, [{ t: "s", v: "（已修改）" }]] }, ...rest] };
}

function engineTime(k: number, runs: number, targetMs: number): EngineTime {
  const snapshot: WorkbookSnapshot = scaledSnapshot(k);
  const other = edited(snapshot);
  // As the pane and the page run it: one engine session held across actions (it remembers what it compiled of
  // the template, and what it checked and scored of the last workbook), 校验 then 评分 then 报告, each action on
  // a snapshot read anew — a structural copy, compared with the last one by content.
  const engine = createEngine({ knownTemplates: KNOWN_TEMPLATES });
  const cycle = (a: WorkbookSnapshot, b: WorkbookSnapshot, c: WorkbookSnapshot): number => {
    const t = performance.now();
    engine.validate(a);
    engine.score(b, { now: NOW });
    engine.report(c, { now: NOW });
    return performance.now() - t;
  };
  const copies = (n: number) => Array.from({ length: n }, () => structuredClone(snapshot));
  const unchanged = (): number => {
    const [a, b, c] = copies(3) as [WorkbookSnapshot, WorkbookSnapshot, WorkbookSnapshot];
    return cycle(a, b, c);
  };
  // Alternating two workbooks, so every action's snapshot differs from the one before it.
  const changed = (): number => cycle(structuredClone(other), structuredClone(snapshot), structuredClone(other));
  for (let i = 0; i < Math.max(3, runs / 10); i++) {
    unchanged();
    changed();
  }
  const times: number[] = [];
  const editedTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    times.push(unchanged());
    editedTimes.push(changed());
  }
  return {
    template: templateName(k),
    runs,
    medianMs: round(median(times)),
    p90Ms: round(p90(times)),
    editedMedianMs: round(median(editedTimes)),
    editedP90Ms: round(p90(editedTimes)),
    targetMs,
  };
}

// ── Batch ────────────────────────────────────────────────────────────────────────────────────────────
interface BatchFigures {
  readonly workbooks: number;
  readonly via: string;
  readonly seconds: number;
  readonly workbooksPerSecond: number;
  readonly peakRssMB: number;
  readonly scored: string;
  readonly split: {
    readonly parseShare: number;
    readonly engineShare: number;
    readonly summaryShare: number;
    readonly otherShare: number;
    /** The engine against parsing alone (the rest of the batch left out). */
    readonly engineOfParseAndEngine: number;
    readonly note: string;
  };
}

async function batch(n: number): Promise<BatchFigures> {
  const dir = mkdtempSync(path.join(tmpdir(), "perfeval-bench-batch-"));
  try {
    log(`  generating ${n} department workbooks…`);
    for (let i = 0; i < n; i++) {
      writeFileSync(
        path.join(dir, `dept-${String(i + 1).padStart(3, "0")}.xlsx`),
        await buildExampleWorkbook(departmentSeed(i)),
      );
    }
    const summary = path.join(dir, "summary", "汇总.xlsx");
    log("  perfeval batch (own process)…");
    const child = execFileSync(
      process.execPath,
      ["--import", "tsx", path.join(ROOT, "bench/batch-child.ts"), dir, summary],
      {
        cwd: ROOT,
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const run = JSON.parse(child.trim().split("\n").pop()!) as {
      code: number;
      ms: number;
      timings: { parseMs: number; engineMs: number; summaryMs: number };
      maxRssMB: number;
      stdout: string;
    };
    if (run.code !== 0) throw new Error(`perfeval batch exited ${run.code}: ${run.stdout}`);
    const { parseMs, engineMs, summaryMs } = run.timings;
    return {
      workbooks: n,
      via: "src/cli/main.ts main(['batch', dir, '-o', out]) in a fresh child process",
      seconds: round(run.ms / 1000),
      workbooksPerSecond: round(n / (run.ms / 1000), 1),
      peakRssMB: Math.round(run.maxRssMB),
      scored: run.stdout.trim(),
      split: {
        parseShare: round(parseMs / run.ms, 3),
        engineShare: round(engineMs / run.ms, 3),
        summaryShare: round(summaryMs / run.ms, 3),
        otherShare: round(1 - (parseMs + engineMs + summaryMs) / run.ms, 3),
        engineOfParseAndEngine: round(engineMs / (parseMs + engineMs), 3),
        note: "shares of the batch's wall time, timed by the CLI itself (src/cli/batch.ts BatchTimings) in the same run, cold start and JIT warm-up included; other = reading files, argument handling, saving",
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ── Report ───────────────────────────────────────────────────────────────────────────────────────────
/** Terminal width of a text: CJK and full-width characters take two columns. */
const width = (s: string): number =>
  [...s].reduce(
    (n, ch) =>
      n +
      (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
        ? 2
        : 1),
    0,
  );

function table(rows: readonly (readonly (string | number)[])[]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => width(String(r[c])))));
  return rows
    .map((r) =>
      r
        .map((x, c) => String(x) + " ".repeat(widths[c]! - width(String(x))))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

const ok = (pass: boolean): string => (pass ? "ok" : "MISSED");

async function mainBench(): Promise<void> {
  const started = Date.now();
  log("round trips…");
  const trips = await roundTrips();
  log("engine time…");
  const engine = [
    engineTime(1, QUICK ? 30 : 300, 10),
    engineTime(10, QUICK ? 5 : 30, 100),
    engineTime(100, QUICK ? 3 : 21, 100),
  ];
  log("batch…");
  const batchFigures = await batch(QUICK ? 20 : 200);
  let pane: PaneFigures | { notMeasured: string };
  if (args.has("--skip-pane")) pane = { notMeasured: "skipped (--skip-pane)" };
  else {
    log("task pane…");
    try {
      pane = await measurePane(log);
    } catch (e) {
      pane = { notMeasured: `build or browser failed: ${String((e as Error).message).split("\n")[0]}` };
    }
  }
  let keystroke: PageKeystrokeFigures | { notMeasured: string };
  if (args.has("--skip-pane")) keystroke = { notMeasured: "skipped (--skip-pane)" };
  else {
    log("browser page keystroke (100× template)…");
    try {
      keystroke = await measurePageKeystroke(log, QUICK);
    } catch (e) {
      keystroke = { notMeasured: `build or browser failed: ${String((e as Error).message).split("\n")[0]}` };
    }
  }
  const results = {
    measuredAt: new Date().toISOString(),
    machine: {
      node: process.version,
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? "",
      memoryGB: round(os.totalmem() / 2 ** 30, 1),
    },
    quick: QUICK,
    roundTrips: { target: "2 context.sync() per action, constant in template size", rows: trips },
    payload: payloadAt100(trips),
    engine: {
      what: "校验 + 评分 + 报告 (validate, score, report) in one engine session, on one snapshot, after warm-up",
      rows: engine,
    },
    batch: { target: "engine under 10 % of the time", ...batchFigures },
    pane,
    pageKeystroke: keystroke,
    seconds: Math.round((Date.now() - started) / 1000),
  };
  writeFileSync(path.join(ROOT, "bench/results.json"), `${JSON.stringify(results, null, 2)}\n`);

  const out: string[] = [];
  out.push("Round trips (context.sync() per action, Office host with a counting mock; target 2, constant)");
  out.push(
    table([
      ["template", "leaves", "tasks", "action", "syncs", "cold", "", "wrote"],
      ...trips.map((r) => [r.template, r.leaves, r.tasks, r.action, r.syncs, r.syncsCold, ok(r.syncs <= 2), r.writes]),
    ]),
  );
  const payload = results.payload;
  out.push(
    "",
    `Largest payload per sync at the 100× template (the fake's JSON bytes, as Excel on the web counts them; target ≤ ${PAYLOAD_TARGET_MB} MB)`,
  );
  out.push(
    table([
      ["template", "largest request MB", "largest response MB", "target MB", ""],
      [
        payload.template,
        payload.largestRequestMB,
        payload.largestResponseMB,
        PAYLOAD_TARGET_MB,
        ok(payload.withinTarget),
      ],
    ]),
  );
  out.push("", "Engine time (validate + score + report)");
  out.push(
    table([
      ["template", "runs", "median ms", "p90 ms", "edited: median ms", "edited: p90 ms", "target ms", ""],
      ...engine.map((r) => [
        r.template,
        r.runs,
        r.medianMs,
        r.p90Ms,
        r.editedMedianMs,
        r.editedP90Ms,
        r.targetMs,
        ok(r.medianMs < r.targetMs && r.editedMedianMs < r.targetMs),
      ]),
    ]),
  );
  const b = batchFigures;
  out.push(
    "",
    `Batch (${b.workbooks} generated department workbooks through the CLI, a fresh process; shares of its wall time)`,
  );
  out.push(
    table([
      [
        "workbooks/s",
        "seconds",
        "peak RSS MB",
        "parse",
        "engine",
        "summary",
        "other",
        "engine < 10 %",
        "",
        "engine ÷ (parse + engine)",
      ],
      [
        b.workbooksPerSecond,
        b.seconds,
        b.peakRssMB,
        `${round(b.split.parseShare * 100, 1)} %`,
        `${round(b.split.engineShare * 100, 1)} %`,
        `${round(b.split.summaryShare * 100, 1)} %`,
        `${round(b.split.otherShare * 100, 1)} %`,
        ok(b.split.engineShare < 0.1),
        "",
        `${round(b.split.engineOfParseAndEngine * 100, 1)} %`,
      ],
    ]),
  );
  out.push("", "Task pane (production bundle)");
  if ("notMeasured" in pane) out.push(`not measured: ${pane.notMeasured}`);
  else {
    out.push(
      table([
        [
          "initial JS gz KB",
          "target",
          "",
          "Office.js gz KB",
          "lazy exceljs/docx gz KB",
          "first render ms",
          "foreign requests",
          "eval/new Function",
          "CSP",
        ],
        [
          pane.initialJsGzipKB,
          "≤ 150",
          ok(pane.initialJsGzipKB <= 150),
          pane.officeJsGzipKB,
          Object.entries(pane.lazyChunksGzipKB)
            .map(([k, v]) => `${k} ${v}`)
            .join(", "),
          pane.firstRenderMs ?? pane.firstRenderNote,
          pane.foreignRequests.length,
          Object.entries(pane.bundleCodeFromStringsByFile)
            .map(([f, n]) => `${f.split(".")[0]} ${n}`)
            .join(", ") || "none",
          pane.cspMeta ? "yes" : "no",
        ],
      ]),
    );
    out.push(
      `largest packages in the initial chunk (source KB before minification): ${pane.topPackagesKB.map((p) => `${p.pkg} ${p.rawKB}`).join(", ")}`,
    );
  }
  out.push("", "Browser page: a keystroke in the grid until its frame is painted (target ≤ 50 ms)");
  if ("notMeasured" in keystroke) out.push(`not measured: ${keystroke.notMeasured}`);
  else {
    const k = keystroke;
    out.push(
      table([
        ["template", "key", "keys", "median ms", "p90 ms", "max ms", "p90 ≤ 50"],
        ...(
          [
            ["first key on a cell (opens its editor)", k.open],
            ["a character in the editor", k.type],
            ["Enter (commit, move down)", k.commit],
            ["a key at once after Enter", k.typeAfterCommit],
            ["↓ / ↑ / Esc", k.move],
            ["a key as 校验 runs again after an edit", k.duringRevalidate],
          ] as const
        ).map(([what, x]) => [k.template, what, x.keys, x.medianMs, x.p90Ms, x.maxMs, ok(x.p90Ms <= k.targetMs)]),
      ]),
    );
  }
  out.push("", `figures written to bench/results.json (${results.seconds} s)`);
  process.stdout.write(`${out.join("\n")}\n`);
}

await mainBench();
