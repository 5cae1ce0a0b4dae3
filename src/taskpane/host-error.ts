import type { HostError, HostErrorCode } from "../hosts/common";
import { HOST_CODE_MESSAGES, hostErrorText } from "../hosts/common";
import { catalogIn, langIn } from "../engine";
import { catalogs } from "./i18n";
import type { Catalog } from "./i18n";

/** A failure as the pane shows it: what happened and what to do. */
export interface PaneError {
  readonly message: string;
  readonly fix: string;
  readonly detail?: string;
}

/** A failure the pane already knows how to word (e.g. copying was refused). */
export class PaneFailure extends Error {
  override readonly name = "PaneFailure";
  constructor(readonly pane: PaneError) {
    super(pane.message);
  }
}

const CODES: readonly HostErrorCode[] = [
  "api_unsupported",
  "cell_edit_mode",
  "sheet_protected",
  "sheet_missing",
  "sheets_exist",
  "file_unreadable",
  "not_xlsx",
  "busy",
  "unknown",
];

/** Codes whose failure is about named sheets: the pane names them (「评价结果」), as the host did in its message. */
const NAMED_CODES = ["sheet_protected", "sheet_missing", "sheets_exist"] as const;
type NamedCode = (typeof NAMED_CODES)[number];

/**
 * The sheets a host named in its message: the Office host adds them in full-width parentheses at the end
 * ("工作表受保护，无法写入。…（评价结果）", hostError in hosts/office/errors.ts); null when it named none.
 */
export function namedSheets(err: unknown): string | null {
  const message = typeof err === "object" && err !== null ? (err as { message?: unknown }).message : undefined;
  if (typeof message !== "string") return null;
  return /（([^（）]+)）$/.exec(message)?.[1]?.trim() || null;
}

// Duck-typed so a HostError from another bundle (or a plain object with a code) still maps.
function hostCode(err: unknown): HostErrorCode | null {
  if (typeof err !== "object" || err === null) return null;
  const { name, code } = err as { name?: unknown; code?: unknown };
  if (name !== "HostError") return null;
  return CODES.find((c) => c === code) ?? "unknown";
}

/**
 * The user chose not to go on (the browser page asked before replacing unsaved results): not a failure, nothing
 * to show. Duck-typed by name, as the host that throws it is not imported here.
 */
export function isCancelled(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { name?: unknown }).name === "ActionCancelled";
}

/** The host's own words for its reason (hosts/common/host-messages.ts), in the pane's language, or null. */
function reasonText(err: unknown, t: Catalog): string | null {
  if (typeof err !== "object" || err === null || !(err as { reason?: unknown }).reason) return null;
  return hostErrorText(err as HostError, langIn(catalogs, t));
}

/**
 * Any thrown value → what the pane says: the sheets named when the host names them, else the host's words for its
 * reason (a file encrypted, a request over Excel on the web's 5 MB …), else the catalog's message for the code;
 * the fix is the catalog's for the code. Unknown errors keep their text as detail.
 */
export function toPaneError(err: unknown, t: Catalog): PaneError {
  if (err instanceof PaneFailure) return err.pane;
  const code = hostCode(err) ?? "unknown";
  const named = (NAMED_CODES as readonly string[]).includes(code) ? namedSheets(err) : null;
  const base = catalogIn(HOST_CODE_MESSAGES, langIn(catalogs, t))[code];
  const reason = named ? null : reasonText(err, t);
  const texts = named
    ? { ...base, message: t.errors.namedSheets[code as NamedCode](named) }
    : reason
      ? { ...base, message: reason }
      : base;
  // Known codes speak for themselves; for the unexpected, the original text helps whoever supports the user.
  const detail = code === "unknown" && err instanceof Error && err.message ? err.message : undefined;
  return detail ? { ...texts, detail } : texts;
}
