/**
 * The report as a PDF (the 预算管理一体化 system takes a PDF upload): the .docx converted by LibreOffice, headless,
 * with a scratch profile so it never touches the user's. LibreOffice is found as `soffice` on the PATH, or at
 * PERFEVAL_SOFFICE (e.g. C:\Program Files\LibreOffice\program\soffice.exe).
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

/** Why no PDF was made: LibreOffice is not installed (or not where PERFEVAL_SOFFICE says), or it failed. */
export class PdfUnavailable extends Error {
  override readonly name = "PdfUnavailable";
  constructor(
    readonly why: "no_soffice" | "failed",
    readonly soffice: string,
    detail: string,
  ) {
    super(detail);
  }
}

function run(cmd: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(cmd, [...args], { env, timeout: 180_000 }, (error) => (error ? reject(error) : resolve()));
  });
}

/** Convert .docx bytes to PDF bytes with LibreOffice. */
export async function docxToPdf(
  docx: Uint8Array,
  soffice = process.env["PERFEVAL_SOFFICE"] || "soffice",
): Promise<Uint8Array> {
  const dir = await mkdtemp(path.join(tmpdir(), "perfeval-pdf-"));
  try {
    const file = path.join(dir, "report.docx");
    await writeFile(file, docx);
    const home = path.join(dir, "home");
    try {
      await run(soffice, ["--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, file], {
        ...process.env,
        HOME: home,
      });
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      throw new PdfUnavailable(code === "ENOENT" ? "no_soffice" : "failed", soffice, String(e));
    }
    try {
      return new Uint8Array(await readFile(path.join(dir, "report.pdf")));
    } catch (e) {
      throw new PdfUnavailable("failed", soffice, String(e));
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
