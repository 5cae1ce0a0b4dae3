/**
 * Opens .xlsx bytes with exceljs, turning every failure into a HostError with its reason (common/host-messages.ts).
 * No node: imports: this runs in the browser too.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { CellRef, DefinedName } from "../../engine";
import { hostFailure } from "../common";
import { decodeXml, normalizePackage, visibleFormulasWithoutValue } from "./normalize-parts";
import { valuesPackage } from "./values-package";
import { parseNameRef } from "../../engine";

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
// Compound File Binary: encrypted (password-protected) .xlsx files and legacy .xls files.
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

export function toUint8Array(bytes: Uint8Array | ArrayBuffer): Uint8Array {
  return bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
}

export interface OpenedWorkbook {
  readonly workbook: ExcelJS.Workbook;
  readonly zip: JSZip;
  /**
   * xl/workbook.xml as stored in the file, with the SpreadsheetML namespace unprefixed (normalize-parts.ts):
   * `<definedNames>` as exceljs writes it, whatever prefix the producer used.
   */
  readonly workbookXml: string;
  /** Formula cells on visible sheets that carry no cached value (their value is unknown until recalculated). */
  readonly formulasWithoutValue: readonly CellRef[];
}

/**
 * The most a workbook may unpack to. A department's template unpacks to well under 2 MB; anything near this
 * is a zip bomb or a sheet far larger than any evaluation workbook, and would exhaust the pane's memory.
 */
export const MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024;

/** The sizes the zip's directory declares for its entries (JSZip keeps them on each entry, unexported). */
function declaredSize(zip: JSZip): number {
  let total = 0;
  zip.forEach((_path, entry) => {
    const size = (entry as unknown as { _data?: { uncompressedSize?: unknown } })._data?.uncompressedSize;
    if (typeof size === "number" && Number.isFinite(size)) total += size;
  });
  return total;
}

/**
 * Worksheet parts a read for values never looks at (exceljs's `ignoreNodes`): validations, conditional formats,
 * page and print set-up, views, column widths, drawings, protection. Skipping them makes a batch read about a
 * sixth faster. Never used when the workbook is to be written back: those parts must survive.
 */
const NOT_VALUES: readonly string[] = [
  "dataValidations",
  "conditionalFormatting",
  "pageSetup",
  "pageMargins",
  "headerFooter",
  "printOptions",
  "rowBreaks",
  "hyperlinks",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "autoFilter",
  "picture",
  "drawing",
  "sheetProtection",
  "tableParts",
  "extLst",
  "sheetPr",
  "dimension",
];

/**
 * Check the bytes, unzip, and load with exceljs. `valuesOnly` loads what a snapshot reads (values, merges,
 * names, sheet state) and skips the rest: for reading, never for a workbook that will be saved again.
 */
export async function openWorkbook(
  input: Uint8Array | ArrayBuffer,
  options: { readonly maxUncompressedBytes?: number; readonly valuesOnly?: boolean } = {},
): Promise<OpenedWorkbook> {
  const bytes = toUint8Array(input);
  if (bytes.length === 0) throw hostFailure("empty_file", {});
  if (startsWith(bytes, CFB_MAGIC)) {
    throw hostFailure("encrypted_or_xls", {}, "cfb");
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    throw hostFailure("not_zip", {}, "magic");
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw hostFailure("corrupt_zip", {}, String(e));
  }
  const limit = options.maxUncompressedBytes ?? MAX_UNCOMPRESSED_BYTES;
  const unpacked = declaredSize(zip);
  if (unpacked > limit) {
    const mb = Math.ceil(unpacked / 1024 / 1024);
    throw hostFailure(
      "too_large_unpacked",
      { mb, limitMb: Math.round(limit / 1024 / 1024) },
      `uncompressed ${unpacked} bytes`,
    );
  }
  const wbFile = zip.file("xl/workbook.xml");
  if (!wbFile || !zip.file("[Content_Types].xml")) {
    throw hostFailure("zip_not_workbook", {}, "no xl/workbook.xml");
  }
  const workbook = new ExcelJS.Workbook();
  let workbookXml: string;
  let formulasWithoutValue: CellRef[];
  try {
    // Producers that bind the main namespace to a prefix (WPS, the OpenXML SDK) are rewritten first:
    // exceljs matches literal tag names.
    let parts: ReadonlyMap<string, string>;
    let loadable: Uint8Array;
    if (options.valuesOnly) {
      // Unzipped once, and handed to exceljs stored, without the parts a snapshot never reads (values-package.ts).
      ({ parts, bytes: loadable } = valuesPackage(bytes));
    } else {
      const normalized = await normalizePackage(zip);
      parts = normalized.parts;
      loadable = normalized.changed ? await zip.generateAsync({ type: "uint8array", compression: "STORE" }) : bytes;
    }
    workbookXml = parts.get("xl/workbook.xml") ?? (await wbFile.async("string"));
    formulasWithoutValue = visibleFormulasWithoutValue(parts);
    // exceljs types ask for a Node Buffer; it hands the bytes to JSZip, which takes a Uint8Array.
    const load: Partial<ExcelJS.XlsxReadOptions> = options.valuesOnly ? { ignoreNodes: [...NOT_VALUES] } : {};
    await workbook.xlsx.load(loadable as unknown as ExcelJS.Buffer, load);
  } catch (e) {
    throw hostFailure("unreadable_content", {}, String(e));
  }
  return { workbook, zip, workbookXml, formulasWithoutValue };
}

/**
 * The workbook-level defined names of xl/workbook.xml: sheet-scoped names (localSheetId), built-in
 * `_xlnm.` names, multi-area names and names that are not a plain range are left out.
 */
export function definedNamesFromXml(workbookXml: string): DefinedName[] {
  const out: DefinedName[] = [];
  const re = /<definedName\b([^>]*?)(?:\/>|>([\s\S]*?)<\/definedName>)/g;
  for (const m of workbookXml.matchAll(re)) {
    const attrs = m[1] ?? "";
    if (/\blocalSheetId\s*=/.test(attrs)) continue;
    const nameAttr = /(?:^|\s)name\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(attrs);
    if (!nameAttr) continue;
    const name = decodeXml(nameAttr[1] ?? nameAttr[2] ?? "");
    if (name.startsWith("_xlnm.")) continue;
    const ref = parseNameRef(decodeXml(m[2] ?? ""));
    if (ref) out.push({ name, ...ref });
  }
  return out;
}
