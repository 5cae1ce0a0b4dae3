import { KNOWN_TEMPLATES, TEMPLATE_FAMILIES, findFamily } from "../templates";
import { parseArgs } from "node:util";
import path from "node:path";
import type { WorkbookSnapshot, Diagnostic, Lang } from "../engine";
import { catalogIn, createEngine, langOf, renderDiagnostic } from "../engine";
import { HostError, hostErrorText, localIsoNow } from "../hosts/common";
import {
  readSnapshot,
  applyWritePlan,
  markText,
  buildTemplateWorkbook,
  publishWorkbook,
  shippedPublished,
} from "../hosts/xlsx";
import { renderDocx } from "../render";
import { CLI_MESSAGES, type CliMessages } from "./messages";
import { describeFsError, expandInputs, readBytes, writeBytes, type CliIO } from "./io";
import { toJson } from "./json";
import { runBatch, type BatchTimings } from "./batch";
import { docxToPdf, PdfUnavailable } from "./pdf";

/** Exit codes: 0 clean (warnings allowed), 1 errors in the workbook, 2 usage or file problems. */
export const EXIT = { ok: 0, errors: 1, usage: 2 } as const;

class UsageError extends Error {}

interface Ctx {
  readonly io: CliIO;
  readonly lang: Lang;
  readonly m: CliMessages;
  readonly colour: boolean;
}

const COLOURS = { error: "\x1b[31m", warning: "\x1b[33m", info: "\x1b[36m", reset: "\x1b[0m" } as const;

function paint(ctx: Ctx, sev: Diagnostic["severity"], text: string): string {
  return ctx.colour ? `${COLOURS[sev]}${text}${COLOURS.reset}` : text;
}

function printDiagnostics(ctx: Ctx, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    const r = renderDiagnostic(d, ctx.lang);
    const where = r.where ? `${r.where} ` : "";
    ctx.io.stdout(
      `${paint(ctx, d.severity, ctx.m.severity[d.severity])} ${where}${r.message}${r.fix ? ` — ${r.fix}` : ""}\n`,
    );
  }
  const n = (s: Diagnostic["severity"]) => diagnostics.filter((d) => d.severity === s).length;
  ctx.io.stdout(`${ctx.m.counts(n("error"), n("warning"), n("info"))}\n`);
}

/** Read and snapshot a workbook; file and format problems become one plain sentence (exit 2). */
async function load(ctx: Ctx, file: string): Promise<{ bytes: Uint8Array; snapshot: WorkbookSnapshot }> {
  let bytes: Uint8Array;
  try {
    bytes = await readBytes(path.resolve(ctx.io.cwd, file));
  } catch (err) {
    throw new UsageError(ctx.m.cannotRead(file, describeFsError(err, ctx.lang)));
  }
  try {
    return { bytes, snapshot: await readSnapshot(bytes) };
  } catch (err) {
    if (err instanceof HostError) throw new UsageError(ctx.m.cannotRead(file, hostErrorText(err, ctx.lang)));
    throw err;
  }
}

async function save(ctx: Ctx, file: string, bytes: Uint8Array): Promise<void> {
  try {
    await writeBytes(path.resolve(ctx.io.cwd, file), bytes);
  } catch (err) {
    throw new UsageError(ctx.m.cannotWrite(file, describeFsError(err, ctx.lang)));
  }
}

const hasErrors = (ds: readonly Diagnostic[]) => ds.some((d) => d.severity === "error");

async function cmdTemplate(ctx: Ctx, args: string[], familyId: string | undefined): Promise<number> {
  const out = args[0];
  if (!out) throw new UsageError(ctx.m.missingArgument("<out.xlsx>"));
  const family = familyId === undefined ? TEMPLATE_FAMILIES[0]! : findFamily(familyId);
  if (!family) throw new UsageError(ctx.m.unknownFamily(familyId!, TEMPLATE_FAMILIES.map((f) => f.info.id).join("、")));
  // As it ships: published (assets/standard-template.xlsx is the same), so a change to its rubric is named by 校验.
  await save(ctx, out, await shippedPublished(await buildTemplateWorkbook(family.description())));
  ctx.io.stdout(`${ctx.m.templateWritten(out)}\n`);
  return EXIT.ok;
}

/** The marks of these diagnostics, worded as the pane words them (the same for the page: src/web/browser-host.ts). */
const marksFor = (ctx: Ctx, diagnostics: readonly Diagnostic[]) => ({ diagnostics, describe: markText(ctx.lang) });

async function cmdValidate(
  ctx: Ctx,
  args: string[],
  opts: { json: boolean; out?: string; inPlace: boolean },
): Promise<number> {
  const file = args[0];
  if (!file) throw new UsageError(ctx.m.missingArgument("<in.xlsx>"));
  if (opts.out && opts.inPlace) throw new UsageError(ctx.m.inPlaceOrOutput);
  const { bytes, snapshot } = await load(ctx, file);
  const outcome = createEngine({ knownTemplates: KNOWN_TEMPLATES }).validate(snapshot);
  if (!outcome.template && !opts.json) throw new UsageError(ctx.m.notTemplate(file));
  // -o / --in-place: a copy with the problem cells marked and nothing else changed.
  const target = opts.inPlace ? file : opts.out;
  let marked = 0;
  if (target && outcome.template) {
    const applied = await applyWritePlan(bytes, { ops: [] }, { marks: marksFor(ctx, outcome.diagnostics) });
    await save(ctx, target, applied.bytes);
    marked = applied.marks?.marked ?? 0;
  }
  if (opts.json) ctx.io.stdout(`${JSON.stringify(toJson(file, { ...outcome, scores: null }, ctx.lang), null, 2)}\n`);
  else {
    printDiagnostics(ctx, outcome.diagnostics);
    if (!hasErrors(outcome.diagnostics)) ctx.io.stdout(`${ctx.m.clean(file)}\n`);
    if (target) ctx.io.stdout(`${ctx.m.marked(target, marked)}\n`);
  }
  if (!outcome.template) return EXIT.usage;
  return hasErrors(outcome.diagnostics) ? EXIT.errors : EXIT.ok;
}

async function cmdScore(
  ctx: Ctx,
  args: string[],
  opts: { json: boolean; out?: string; inPlace: boolean; now: string },
): Promise<number> {
  const file = args[0];
  if (!file) throw new UsageError(ctx.m.missingArgument("<in.xlsx>"));
  if (opts.out && opts.inPlace) throw new UsageError(ctx.m.inPlaceOrOutput);
  const { bytes, snapshot } = await load(ctx, file);
  const outcome = createEngine({ knownTemplates: KNOWN_TEMPLATES }).score(snapshot, { lang: ctx.lang, now: opts.now });
  if (!outcome.template && !opts.json) throw new UsageError(ctx.m.notTemplate(file));
  const target = opts.inPlace ? file : opts.out;
  let written = 0;
  if (target && outcome.scores) {
    const applied = await applyWritePlan(bytes, outcome.writePlan, { marks: marksFor(ctx, outcome.diagnostics) });
    await save(ctx, target, applied.bytes);
    written = Object.values(applied.summary.cellsBySheet).reduce((a, b) => a + b, 0);
  }
  if (opts.json) ctx.io.stdout(`${JSON.stringify(toJson(file, outcome, ctx.lang), null, 2)}\n`);
  else {
    printDiagnostics(ctx, outcome.diagnostics);
    if (outcome.scores) ctx.io.stdout(`${ctx.m.scored(outcome.scores.total.toFixed(2), outcome.scores.grade)}\n`);
    else ctx.io.stdout(`${ctx.m.blocked}\n`);
    if (target && outcome.scores) ctx.io.stdout(`${ctx.m.written(target, written)}\n`);
  }
  if (!outcome.template) return EXIT.usage;
  return outcome.scores ? EXIT.ok : EXIT.errors;
}

/** 发布: record the configuration in _meta and protect its sheets (the bureau's step before sending the template). */
async function cmdPublish(
  ctx: Ctx,
  args: string[],
  opts: { out?: string; inPlace: boolean; password?: string; now: string },
): Promise<number> {
  const file = args[0];
  if (!file) throw new UsageError(ctx.m.missingArgument("<template.xlsx>"));
  if (opts.out && opts.inPlace) throw new UsageError(ctx.m.inPlaceOrOutput);
  const target = opts.inPlace ? file : (opts.out ?? file.replace(/(\.xlsx)?$/i, "-发布.xlsx"));
  const { bytes } = await load(ctx, file);
  const engine = createEngine({ knownTemplates: KNOWN_TEMPLATES });
  const published = await publishWorkbook(engine, bytes, { now: opts.now.slice(0, 10), password: opts.password });
  const outcome = published.outcome;
  if (!outcome.template) throw new UsageError(ctx.m.notTemplate(file));
  printDiagnostics(ctx, outcome.diagnostics);
  if (!published.bytes || !outcome.fingerprint) {
    ctx.io.stdout(`${ctx.m.publishBlocked}\n`);
    return EXIT.errors;
  }
  await save(ctx, target, published.bytes);
  ctx.io.stdout(
    `${ctx.m.published(target, outcome.cells, outcome.fingerprint, outcome.protect, Boolean(opts.password))}\n`,
  );
  return EXIT.ok;
}

/** The report's output kinds, by the -o file's extension. */
function reportKindOf(out: string): "docx" | "pdf" | "txt" | null {
  const ext = path.extname(out).toLowerCase();
  return ext === ".docx" ? "docx" : ext === ".pdf" ? "pdf" : ext === ".txt" ? "txt" : null;
}

async function cmdReport(
  ctx: Ctx,
  args: string[],
  opts: { out?: string; text: boolean; now: string },
): Promise<number> {
  const file = args[0];
  if (!file) throw new UsageError(ctx.m.missingArgument("<in.xlsx>"));
  // What -o asks for is decided by its extension, before any work: an unknown one is refused, never written as .docx.
  const kind = opts.out ? reportKindOf(opts.out) : null;
  if (opts.out && !kind) throw new UsageError(ctx.m.reportExtension(opts.out));
  const { snapshot } = await load(ctx, file);
  const outcome = createEngine({ knownTemplates: KNOWN_TEMPLATES }).report(snapshot, { lang: ctx.lang, now: opts.now });
  if (!outcome.template) throw new UsageError(ctx.m.notTemplate(file));
  if (!outcome.report) {
    printDiagnostics(ctx, outcome.diagnostics);
    ctx.io.stdout(`${ctx.m.blocked}\n`);
    return EXIT.errors;
  }
  // Open warnings are said before the report, with the list (on stderr: the report text may be on stdout).
  const warnings = outcome.diagnostics.filter((d) => d.severity === "warning");
  if (warnings.length > 0) {
    ctx.io.stderr(`${ctx.m.openWarnings(warnings.length)}\n`);
    for (const d of warnings) {
      const r = renderDiagnostic(d, ctx.lang);
      ctx.io.stderr(
        `  ${paint(ctx, d.severity, ctx.m.severity[d.severity])} ${r.where ? `${r.where} ` : ""}${r.message}\n`,
      );
    }
  }
  if (opts.text || !opts.out) ctx.io.stdout(`${outcome.text}\n`);
  if (opts.out && kind === "txt") {
    await save(ctx, opts.out, new TextEncoder().encode(`${outcome.text}\n`));
    ctx.io.stderr(`${ctx.m.reportWritten(opts.out)}\n`);
  } else if (opts.out) {
    const docx = await renderDocx(outcome.report);
    let bytes = docx;
    if (kind === "pdf") {
      try {
        bytes = await docxToPdf(docx);
      } catch (e) {
        if (e instanceof PdfUnavailable) throw new UsageError(ctx.m.pdfUnavailable(e.why, e.soffice));
        throw e;
      }
    }
    await save(ctx, opts.out, bytes);
    ctx.io.stderr(`${ctx.m.reportWritten(opts.out)}\n`);
  }
  return EXIT.ok;
}

/** Run the command line with these arguments (without node and the script path). Never throws for bad input. */
export async function main(
  argv: readonly string[],
  io: CliIO,
  now: () => Date = () => new Date(),
  /** Filled with where a batch's time went (for `npm run bench`). */
  batchTimings?: BatchTimings,
): Promise<number> {
  let parsed;
  // The language asked for, read before the arguments are (they may be what fails to parse).
  const asked = argv.indexOf("--lang");
  const langGuess = langOf(asked >= 0 ? argv[asked + 1] : null);
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        json: { type: "boolean", default: false },
        text: { type: "boolean", default: false },
        "in-place": { type: "boolean", default: false },
        output: { type: "string", short: "o" },
        lang: { type: "string", default: "zh-CN" },
        password: { type: "string" },
        family: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (err) {
    const m = catalogIn(CLI_MESSAGES, langGuess);
    io.stderr(`${m.badOption((err as Error).message)}\n\n${m.usage}\n`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  const lang = langOf(values.lang);
  const ctx: Ctx = { io, lang, m: catalogIn(CLI_MESSAGES, lang), colour: io.isTTY };
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    (command || values.help ? io.stdout : io.stderr)(`${ctx.m.usage}\n`);
    return values.help ? EXIT.ok : EXIT.usage;
  }
  // 评分时间 is the local time of this machine (TZ), as an accountant reads it.
  const stamp = localIsoNow(now());
  try {
    switch (command) {
      case "template":
        return await cmdTemplate(ctx, rest, values.family);
      case "families":
        for (const f of TEMPLATE_FAMILIES) io.stdout(`${ctx.m.family(f.info.id, f.info.version, f.info.title)}\n`);
        return EXIT.ok;
      case "validate":
        return await cmdValidate(ctx, rest, { json: values.json, out: values.output, inPlace: values["in-place"] });
      case "score":
        return await cmdScore(ctx, rest, {
          json: values.json,
          out: values.output,
          inPlace: values["in-place"],
          now: stamp,
        });
      case "report":
        return await cmdReport(ctx, rest, { out: values.output, text: values.text, now: stamp });
      case "publish":
        return await cmdPublish(ctx, rest, {
          out: values.output,
          inPlace: values["in-place"],
          password: values.password,
          now: stamp,
        });
      case "batch": {
        if (rest.length === 0) throw new UsageError(ctx.m.missingArgument("<files or folders…>"));
        if (!values.output) throw new UsageError(ctx.m.missingArgument("-o summary.xlsx"));
        const files = await expandInputs(rest.map((f) => path.resolve(io.cwd, f)));
        if (files.length === 0) throw new UsageError(ctx.m.batchNoFiles);
        const summary = await runBatch(files, { io, lang, json: values.json, timings: batchTimings });
        await save(ctx, values.output, summary.bytes);
        if (!values.json) io.stdout(`${ctx.m.batchDone(summary.scored, summary.failed, values.output)}\n`);
        // A bureau's script learns that some workbooks were not scored (the summary is written either way).
        return summary.failed > 0 ? EXIT.errors : EXIT.ok;
      }
      default:
        throw new UsageError(`${ctx.m.unknownCommand(command)}\n\n${ctx.m.usage}`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`${err.message}\n`);
      return EXIT.usage;
    }
    // An unexpected failure is still one sentence for the user, never a stack trace.
    io.stderr(`${ctx.m.cannotRead(rest[0] ?? "", (err as Error)?.message ?? String(err))}\n`);
    return EXIT.usage;
  }
}
