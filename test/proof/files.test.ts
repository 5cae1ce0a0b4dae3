/**
 * Hostile files: whatever the bytes, reading gives a snapshot or a HostError (a clear sentence) within bounded
 * time, and the command line answers with one sentence and an exit code, never a stack trace.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import JSZip from "jszip";
import { readSnapshot } from "../../src/hosts/xlsx/read-snapshot";
import { MAX_UNCOMPRESSED_BYTES, openWorkbook } from "../../src/hosts/xlsx/open-workbook";

const EXAMPLE_PATH = path.resolve(__dirname, "../../assets/example-wanzhou-2020.xlsx");
import { HostError } from "../../src/hosts/common/types";
import { buildTemplateWorkbook } from "../../src/hosts/xlsx/write-template";
import { main, EXIT } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";
import type { CellContent, TemplateDescription } from "../../src/templates/standard";
import { scaledDescription } from "../../bench/generate";
import { xlsxCell } from "./hostile";
import type { CellValue } from "../../src/engine/model/cell";

const STACK = /\n\s+at |\bat .+\(.+:\d+:\d+\)|Error:/;

let example: Uint8Array;
let dir = "";
beforeAll(async () => {
  example = await buildTemplateWorkbook(scaledDescription(1));
  dir = mkdtempSync(path.join(tmpdir(), "perfeval-proof-"));
});

async function outcome(bytes: Uint8Array): Promise<"ok" | HostError> {
  try {
    await readSnapshot(bytes);
    return "ok";
  } catch (e) {
    if (e instanceof HostError) return e;
    throw e;
  }
}

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CliIO = { stdout: (t) => (out += t), stderr: (t) => (err += t), isTTY: false, cwd: dir };
  const code = await main(args, io, () => new Date("2021-03-01T01:00:00Z"));
  return { code, out, err };
}

/** Random damage to the bytes of a real .xlsx: truncation, overwritten runs, or both. */
const corruption = fc.record({
  cut: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
  runs: fc.array(
    fc.record({
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }),
    }),
    { maxLength: 4 },
  ),
});

function corrupt(bytes: Uint8Array, c: { cut?: number; runs: { at: number; bytes: Uint8Array }[] }): Uint8Array {
  let out = bytes.slice();
  for (const r of c.runs)
    out.set(r.bytes.slice(0, Math.max(0, out.length - Math.floor(r.at * out.length))), Math.floor(r.at * out.length));
  if (c.cut !== undefined) out = out.slice(0, Math.floor(c.cut * out.length));
  return out;
}

describe("hostile files", () => {
  it.each<[string, () => Promise<Uint8Array>, HostError["code"]]>([
    [
      "a .docx (a zip, but not a workbook)",
      async () => {
        const z = new JSZip();
        z.file("[Content_Types].xml", "<Types/>");
        z.file("word/document.xml", "<w:document/>");
        return z.generateAsync({ type: "uint8array" });
      },
      "not_xlsx",
    ],
    ["a PNG", async () => Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), "not_xlsx"],
    ["a PDF", async () => new TextEncoder().encode("%PDF-1.7\n%âãÏÓ\n1 0 obj"), "not_xlsx"],
    ["a CSV named .xlsx", async () => new TextEncoder().encode("单位名称,评价年度\n万州,2020\n"), "not_xlsx"],
    ["only the zip magic", async () => Uint8Array.from([0x50, 0x4b, 0x03, 0x04]), "file_unreadable"],
    ["the first 100 bytes of the example", async () => example.slice(0, 100), "file_unreadable"],
    [
      "the example without its central directory",
      async () => example.slice(0, example.length - 200),
      "file_unreadable",
    ],
    [
      "workbook.xml that is not XML",
      async () => {
        const z = await JSZip.loadAsync(example);
        z.file("xl/workbook.xml", "\u0000\u0001garbage");
        return z.generateAsync({ type: "uint8array" });
      },
      "file_unreadable",
    ],
  ])("%s → HostError %s", async (_name, make, code) => {
    const r = await outcome(await make());
    expect(r).toBeInstanceOf(HostError);
    expect((r as HostError).code).toBe(code);
    expect((r as HostError).message).toMatch(/[\u4e00-\u9fff]/);
  });

  it("randomly corrupted or truncated .xlsx bytes: a snapshot or a HostError, each within 5 s (property)", async () => {
    await fc.assert(
      fc.asyncProperty(corruption, async (c) => {
        const started = performance.now();
        const r = await outcome(corrupt(example, c));
        expect(performance.now() - started).toBeLessThan(5000);
        if (r !== "ok") expect(r.message.length).toBeGreaterThan(5);
      }),
      { numRuns: 12, seed: 11 },
    );
  });

  it("the CLI on corrupted files: one sentence, exit 0/1/2, never a stack trace (property)", async () => {
    await fc.assert(
      fc.asyncProperty(corruption, fc.constantFrom("validate", "score", "report"), async (c, cmd) => {
        const file = path.join(dir, "corrupt.xlsx");
        writeFileSync(file, corrupt(example, c));
        const r = await cli([cmd, file, ...(cmd === "report" ? ["--text"] : ["--json"])]);
        expect([EXIT.ok, EXIT.errors, EXIT.usage]).toContain(r.code);
        expect(r.err).not.toMatch(STACK);
        if (cmd !== "report") expect(r.out).not.toMatch(STACK);
      }),
      { numRuns: 8, seed: 12 },
    );
  });

  it("the CLI on workbooks with hostile values in input cells: exit 0 or 1, never a stack trace (property)", async () => {
    const base = scaledDescription(1);
    const names = base.fields.filter((f) => !f.output).map((f) => f.name);
    const content = (v: CellValue): CellContent => (v.t === "empty" ? null : v.v);
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom(...names), xlsxCell, { maxKeys: 8 }), async (values) => {
        const desc: TemplateDescription = {
          ...base,
          values: {
            ...base.values,
            ...Object.fromEntries(Object.entries(values).map(([k, v]) => [k, content(v)])),
          },
        };
        const file = path.join(dir, "hostile.xlsx");
        writeFileSync(file, await buildTemplateWorkbook(desc));
        for (const args of [
          ["score", file, "--json"],
          ["report", file, "--text"],
        ]) {
          const r = await cli(args);
          expect([EXIT.ok, EXIT.errors]).toContain(r.code);
          expect(r.err).not.toMatch(STACK);
        }
      }),
      { numRuns: 5, seed: 13 },
    );
  });

  it("a zip bomb gives a clear error quickly, before anything is inflated", async () => {
    const zip = await JSZip.loadAsync(readFileSync(EXAMPLE_PATH));
    // 60 MB of one repeated letter packs into a few dozen KB.
    zip.file("xl/sharedStrings.xml", "a".repeat(60 * 1024 * 1024));
    const bomb = await zip.generateAsync({
      type: "uint8array",
      compression: "DEFLATE",
      compressionOptions: { level: 1 },
    });
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const started = performance.now();
    const result = await outcome(bomb);
    expect(result).toBeInstanceOf(HostError);
    expect((result as HostError).code).toBe("file_unreadable");
    expect((result as HostError).message).toMatch(/解压后约 \d+ MB/);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it("a very large sheet is refused by the same bound, and the bound is the only thing that refuses it", async () => {
    const bytes = new Uint8Array(readFileSync(EXAMPLE_PATH));
    await expect(openWorkbook(bytes, { maxUncompressedBytes: 1024 })).rejects.toMatchObject({
      code: "file_unreadable",
    });
    await expect(openWorkbook(bytes)).resolves.toBeDefined();
    expect(MAX_UNCOMPRESSED_BYTES).toBeGreaterThanOrEqual(10 * 1024 * 1024);
  });
});
