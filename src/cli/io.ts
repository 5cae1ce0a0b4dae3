import { promises as fs } from "node:fs";
import path from "node:path";
import type { Lang } from "../engine";
import { catalogIn } from "../engine";
import { CLI_MESSAGES, type FsErrorCode } from "./messages";

/** The command line's window on the world; tests pass a recording fake for stdout/stderr. */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** true when stderr is a terminal: colour and the progress bar only then. */
  readonly isTTY: boolean;
  readonly cwd: string;
}

/** Largest workbook the command line opens: a department's template is well under 1 MB. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export async function readBytes(file: string): Promise<Uint8Array> {
  const stat = await fs.stat(file);
  if (stat.isDirectory()) throw new Error("EISDIR");
  if (stat.size > MAX_FILE_BYTES) throw new Error("ETOOBIG");
  return new Uint8Array(await fs.readFile(file));
}

export async function writeBytes(file: string, bytes: Uint8Array): Promise<void> {
  await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await fs.writeFile(file, bytes);
}

/** Expand files and folders (recursively) into .xlsx paths, skipping Excel's ~$ lock files; sorted for stable output. */
export async function expandInputs(inputs: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    const stat = await fs.stat(input).catch(() => null);
    if (stat?.isDirectory()) {
      const entries = await fs.readdir(input, { recursive: true });
      for (const e of entries.sort()) {
        const base = path.basename(e);
        if (base.toLowerCase().endsWith(".xlsx") && !base.startsWith("~$")) out.push(path.join(input, e));
      }
    } else {
      out.push(input);
    }
  }
  return out;
}

/** A file-system failure in the words of `lang` (the CLI's message catalog). */
export function describeFsError(err: unknown, lang: Lang): string {
  const code = (err as { code?: string; message?: string })?.code ?? (err as Error)?.message;
  const m = catalogIn(CLI_MESSAGES, lang);
  return code && Object.prototype.hasOwnProperty.call(m.fsError, code)
    ? m.fsError[code as FsErrorCode]
    : m.fsErrorOther;
}
