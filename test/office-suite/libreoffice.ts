/**
 * A real office suite in the tests: LibreOffice (headless) opens a file the product wrote and tells
 * what a reader sees — each sheet's text as displayed (number formats applied, `###` where a number
 * does not fit) and the printed pages (PDF: page count, page size, text).
 *
 * One soffice runs at a time (a lock folder shared by every vitest worker), each with HOME in a scratch
 * folder. Under CI=true LibreOffice is required; locally without it, `officeSuite.available` is false
 * and the tests that need it say so and skip.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** The CSV filter options that write every sheet, as displayed: `,` `"` UTF-8, from row 1, formatted text, all sheets. */
export const CSV_AS_SHOWN = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1";

function which(cmd: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;
}

const available = which("soffice") && which("pdfinfo") && which("pdftotext");

/** Whether the office-suite tests can run; in CI they must. */
export const officeSuite = {
  available,
  /** Throws in CI when LibreOffice is missing, so a CI run can never skip these tests silently. */
  assertAvailableInCi(): void {
    if (!available && process.env.CI === "true") {
      throw new Error(
        "CI=true but soffice/pdfinfo/pdftotext are missing: install libreoffice-calc libreoffice-writer poppler-utils",
      );
    }
  },
  skipReason:
    "LibreOffice (soffice) or poppler-utils not installed: office-suite tests skipped (required under CI=true)",
};

const LOCK = path.join(tmpdir(), "perfeval-soffice.lock");
const STALE_MS = 180_000;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Runs fn while holding the machine-wide soffice lock (mkdir is atomic). */
/** Take the lock if it is free (a stale one is cleared); false while another test's soffice holds it. */
function tryTakeLock(deadline: number): boolean {
  try {
    mkdirSync(LOCK);
    return true;
  } catch {
    try {
      if (Date.now() - statSync(LOCK).mtimeMs > STALE_MS) rmSync(LOCK, { recursive: true, force: true });
    } catch {
      /* the holder just released it */
    }
    if (Date.now() > deadline) throw new Error(`soffice lock ${LOCK} not released within 10 minutes`);
    return false;
  }
}

function withLock<T>(fn: () => T): T {
  const deadline = Date.now() + 10 * 60_000;
  while (!tryTakeLock(deadline)) sleep(100);
  try {
    return fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** Run `fn` (which starts LibreOffice itself, e.g. the CLI's PDF export) while no other test's soffice runs. */
export async function withSoffice<T>(fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 10 * 60_000;
  while (!tryTakeLock(deadline)) await new Promise((r) => setTimeout(r, 100));
  try {
    return await fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** Converts one file with soffice into outDir; returns the files it wrote. */
function convert(input: string, filter: string, outDir: string): string[] {
  const home = mkdtempSync(path.join(tmpdir(), "perfeval-lo-home-"));
  try {
    withLock(() =>
      execFileSync("soffice", ["--headless", "--norestore", "--convert-to", filter, "--outdir", outDir, input], {
        env: { ...process.env, HOME: home },
        stdio: ["ignore", "pipe", "pipe"],
        timeout: 170_000,
      }),
    );
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
  return readdirSync(outDir).map((f) => path.join(outDir, f));
}

const cache = new Map<string, unknown>();

function cached<T>(kind: string, bytes: Uint8Array, make: () => T): T {
  const key = `${kind}:${createHash("sha256").update(bytes).digest("hex")}`;
  if (!cache.has(key)) cache.set(key, make());
  return cache.get(key) as T;
}

function scratch(bytes: Uint8Array, name: string): { dir: string; file: string; out: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "perfeval-lo-"));
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  const out = path.join(dir, "out");
  mkdirSync(out);
  return { dir, file, out };
}

/** Parses RFC 4180 CSV (quoted fields may hold commas, quotes and newlines). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** One sheet as LibreOffice shows it: rows of displayed texts. */
export class ShownSheet {
  constructor(
    readonly name: string,
    readonly rows: readonly (readonly string[])[],
  ) {}

  /** The displayed text of an A1 cell ("" when empty). */
  cell(a1: string): string {
    const m = /^([A-Z]+)(\d+)$/.exec(a1);
    if (!m) throw new Error(`not an A1 address: ${a1}`);
    let col = 0;
    for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
    return this.rows[Number(m[2]) - 1]?.[col - 1] ?? "";
  }

  /** The displayed text right of the first cell whose text is `label` (a label–value row). */
  valueRightOf(label: string): string {
    for (const r of this.rows) {
      const i = r.indexOf(label);
      if (i >= 0) return r[i + 1] ?? "";
    }
    throw new Error(`no cell "${label}" in sheet ${this.name}`);
  }

  /** Column of a header text in the first row that has it, with that row's index. */
  column(header: string): { row: number; col: number } {
    for (let row = 0; row < this.rows.length; row++) {
      const col = this.rows[row]!.indexOf(header);
      if (col >= 0) return { row, col };
    }
    throw new Error(`no header "${header}" in sheet ${this.name}`);
  }

  /** The displayed texts below a header, down to the first empty row. */
  columnBelow(header: string): string[] {
    const { row, col } = this.column(header);
    const out: string[] = [];
    for (let r = row + 1; r < this.rows.length; r++) {
      const line = this.rows[r]!;
      if (line.every((c) => c === "")) break;
      out.push(line[col] ?? "");
    }
    return out;
  }

  /** Every displayed text of the sheet. */
  get texts(): string[] {
    return this.rows.flat().filter((t) => t !== "");
  }
}

/** Every sheet of a workbook as LibreOffice Calc displays it, keyed by sheet name. */
export function shownSheets(xlsx: Uint8Array): Map<string, ShownSheet> {
  return cached("csv", xlsx, () => {
    const { dir, file, out } = scratch(xlsx, "book.xlsx");
    try {
      const files = convert(file, CSV_AS_SHOWN, out);
      const sheets = new Map<string, ShownSheet>();
      for (const f of files) {
        const m = /^book-(.*)\.csv$/.exec(path.basename(f));
        if (!m) continue;
        sheets.set(m[1]!, new ShownSheet(m[1]!, parseCsv(readFileSync(f, "utf8"))));
      }
      // A one-sheet workbook is written as book.csv.
      const single = path.join(out, "book.csv");
      if (sheets.size === 0 && existsSync(single))
        sheets.set("", new ShownSheet("", parseCsv(readFileSync(single, "utf8"))));
      return sheets;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

export interface Printed {
  readonly pages: number;
  /** Points, e.g. A4 portrait 595 × 842. */
  readonly pageSizes: readonly { readonly width: number; readonly height: number }[];
  /** Text per page (pdftotext -layout). */
  readonly pageTexts: readonly string[];
}

function readPdf(pdf: string): Printed {
  const info = execFileSync("pdfinfo", ["-f", "1", "-l", "9999", pdf], { encoding: "utf8" });
  const pageSizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({
    width: Math.round(Number(m[1])),
    height: Math.round(Number(m[2])),
  }));
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? "0");
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const pageTexts = text.split("\f").slice(0, pages);
  return { pages, pageSizes, pageTexts };
}

/** A document (xlsx, docx) printed by LibreOffice to PDF, as pages. */
export function printed(bytes: Uint8Array, ext: "xlsx" | "docx"): Printed {
  return cached(`pdf-${ext}`, bytes, () => {
    const { dir, file, out } = scratch(bytes, `doc.${ext}`);
    try {
      convert(file, "pdf", out);
      return readPdf(path.join(out, "doc.pdf"));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

/** One word of a printed page and its box, in points from the page's top left corner (pdftotext -bbox). */
export interface PrintedWord {
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

/** A document printed by LibreOffice to PDF, as the words of each page with their positions. */
export function printedWords(bytes: Uint8Array, ext: "xlsx" | "docx"): PrintedWord[][] {
  return cached(`bbox-${ext}`, bytes, () => {
    const { dir, file, out } = scratch(bytes, `doc.${ext}`);
    try {
      convert(file, "pdf", out);
      const html = execFileSync("pdftotext", ["-bbox", path.join(out, "doc.pdf"), "-"], {
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      });
      return html
        .split(/<page\b/)
        .slice(1)
        .map((page) =>
          [
            ...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
          ].map((m) => ({
            xMin: Number(m[1]),
            yMin: Number(m[2]),
            xMax: Number(m[3]),
            yMax: Number(m[4]),
            text: m[5] ?? "",
          })),
        );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

/** A file converted by LibreOffice into another format (e.g. a workbook re-saved as LibreOffice writes xlsx). */
export function resaved(bytes: Uint8Array, fromExt: string, filter: string, toExt: string): Uint8Array {
  return cached(`resave-${filter}`, bytes, () => {
    const { dir, file, out } = scratch(bytes, `in.${fromExt}`);
    try {
      // Converting xlsx to xlsx would overwrite the input's name in outDir only: outDir is separate.
      convert(file, filter, out);
      return new Uint8Array(readFileSync(path.join(out, `in.${toExt}`)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

/** A4 in points, as pdfinfo rounds it. */
export const A4 = { short: 595, long: 842 } as const;

/** Whether a page is A4 (either orientation). */
export function isA4(size: { width: number; height: number }): boolean {
  const [a, b] = [Math.min(size.width, size.height), Math.max(size.width, size.height)];
  return a === A4.short && b === A4.long;
}
