/**
 * Template recognition: find the identity (id, version, title) through the defined names
 * perfeval_template_* or, failing that, the `_meta` sheet's key/value rows, and check the version.
 */
import type { CellRef } from "../../model/cell";
import { parseA1 } from "../../model/cell";
import type { WorkbookSnapshot } from "../../model/snapshot";
import { cellAt, findName, findSheet } from "../../model/snapshot";
import type { Diagnostic, Location } from "../../diagnostics/types";
import { diag } from "../../diagnostics/types";
import type { TemplateInfo } from "./types";
import { addressOf, cellText } from "./cells";
import { META_KEYS, META_NAMES, META_SHEET } from "./labels";

/** The template format version this engine implements (major 1). */
export const SUPPORTED_TEMPLATE_VERSION = "1.2.0";

/** A parsed "major.minor.patch" version (missing parts are 0). */
export interface FormatVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
}

/** "1", "1.2", "1.2.3", "v1.2" → version; null when the text is not a version. */
export function parseFormatVersion(text: string): FormatVersion | null {
  const m = /^[vV]?(\d{1,6})(?:\.(\d{1,6}))?(?:\.(\d{1,6}))?$/.exec(text.trim());
  if (!m) return null;
  return { major: Number(m[1]), minor: Number(m[2] ?? 0), patch: Number(m[3] ?? 0) };
}

/** What recognition found: the identity (null when not recognised or unsupported) and its diagnostics. */
export interface Recognition {
  readonly info: TemplateInfo | null;
  readonly diagnostics: Diagnostic[];
}

interface IdentityValue {
  readonly text: string;
  readonly ref: CellRef | null;
}

function viaName(snapshot: WorkbookSnapshot, name: string): IdentityValue | null {
  const dn = findName(snapshot, name);
  if (!dn) return null;
  const sheet = findSheet(snapshot, dn.sheet);
  const pos = parseA1(dn.address.split(":")[0] ?? "");
  if (!sheet || !pos) return null;
  const text = cellText(cellAt(sheet, pos));
  return text === "" ? null : { text, ref: { sheet: sheet.name, address: addressOf(pos.row, pos.col), name: dn.name } };
}

function viaMetaSheet(snapshot: WorkbookSnapshot, key: string): IdentityValue | null {
  const sheet = findSheet(snapshot, META_SHEET);
  if (!sheet) return null;
  for (let r = 0; r < sheet.cells.length; r++) {
    if (cellText(cellAt(sheet, { row: r, col: 0 })).toLowerCase() !== key) continue;
    const text = cellText(cellAt(sheet, { row: r, col: 1 }));
    if (text !== "") return { text, ref: { sheet: sheet.name, address: addressOf(r, 1) } };
  }
  return null;
}

function identity(snapshot: WorkbookSnapshot, key: keyof typeof META_NAMES): IdentityValue | null {
  return viaName(snapshot, META_NAMES[key]) ?? viaMetaSheet(snapshot, META_KEYS[key]);
}

function locationOf(ref: CellRef | null): Location | null {
  return ref ? { sheet: ref.sheet, address: ref.address, ...(ref.name ? { name: ref.name } : {}) } : null;
}

/**
 * Recognise a template from its identity. Any template id is accepted (the engine is not tied to
 * one template family); the format version must be major 1.
 */
export function recognizeTemplate(snapshot: WorkbookSnapshot): Recognition {
  const id = identity(snapshot, "id");
  const version = identity(snapshot, "version");
  if (!id || !version) {
    return { info: null, diagnostics: [diag("template_not_recognized", "error", null, {})] };
  }
  const supported = parseFormatVersion(SUPPORTED_TEMPLATE_VERSION)!;
  const found = parseFormatVersion(version.text);
  const where = locationOf(version.ref);
  if (!found || found.major !== supported.major) {
    const d = diag("template_version_unsupported", "error", where, {
      found: version.text,
      supported: SUPPORTED_TEMPLATE_VERSION,
    });
    return { info: null, diagnostics: [d] };
  }
  const diagnostics: Diagnostic[] = [];
  if (found.minor > supported.minor) {
    diagnostics.push(
      diag("template_version_newer", "warning", where, { found: version.text, supported: SUPPORTED_TEMPLATE_VERSION }),
    );
  }
  const title = identity(snapshot, "title");
  return { info: { id: id.text, version: version.text, title: title?.text ?? id.text }, diagnostics };
}
