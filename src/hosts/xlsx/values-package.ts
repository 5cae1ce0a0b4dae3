/**
 * The package a read for values hands to exceljs: its parts unzipped once (fflate, much faster than the JSZip
 * inside exceljs, and synchronous), each checked and normalised as text (normalize-parts.ts), and zipped again
 * stored — uncompressed — so exceljs does not inflate everything a second time. Parts that cannot change a
 * cell's value are left out: document properties, the theme, drawings and images, comments, tables and the
 * worksheets' relationships (which only point at those); exceljs would parse them all for nothing. So are the
 * worksheets' formatted blanks (`<c r="B5" s="3"/>`, a cell with a style and nothing in it): exceljs would make a
 * cell and its style of each, and a snapshot reads them as empty.
 * Never used for a workbook that will be saved again: the parts left out must survive there.
 *
 * No node: imports: this runs in the browser too.
 */
import { unzipSync, zipSync } from "fflate";
import type { Zippable } from "fflate";
import { namespaceOfPart, unprefixNamespace } from "./normalize-parts";

/** What exceljs reads of a workbook that a snapshot never uses (exceljs strips a leading "/" from part names). */
const NOT_FOR_VALUES =
  /^\/?(?:docProps\/|xl\/theme\/|xl\/media\/|xl\/drawings\/|xl\/comments\d*\.xml$|xl\/tables\/|xl\/worksheets\/_rels\/)/;

/** A cell with nothing but its place and its style: what Excel writes for a formatted blank cell. */
const BLANK_CELL = /<c r="[A-Z]{1,3}\d+"(?: s="\d+")?\/>/g;
/** A cell without its place (`r`): it is placed after the cell before it, so no cell may be left out there. */
const CELL_WITHOUT_PLACE = /<c(?![^>]*\sr=)[\s>/]/;
const WORKSHEET = /^\/?xl\/worksheets\/[^/]+\.xml$/;

/** A worksheet's text without its formatted blank cells (unchanged when a cell has no `r`). */
export function withoutBlankCells(sheetXml: string): string {
  return CELL_WITHOUT_PLACE.test(sheetXml) ? sheetXml : sheetXml.replace(BLANK_CELL, "");
}

export interface ValuesPackage {
  /** The stored (uncompressed) zip of the parts a read for values needs, for exceljs. */
  readonly bytes: Uint8Array;
  /** The text of every SpreadsheetML and package part kept, after normalising, by path. */
  readonly parts: ReadonlyMap<string, string>;
}

/**
 * Unzips the parts a read for values needs from `bytes` (a zip whose directory was already checked: its size
 * against the bound, its workbook part present), normalises their namespaces and zips them again stored.
 * Throws what fflate throws for a damaged entry.
 */
export function valuesPackage(bytes: Uint8Array): ValuesPackage {
  const files = unzipSync(bytes, { filter: (f) => !NOT_FOR_VALUES.test(f.name) && !f.name.endsWith("/") });
  // The byte order mark stays, as JSZip kept it: exceljs reads the same text as it would from the file.
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  const encoder = new TextEncoder();
  const parts = new Map<string, string>();
  const stored: Zippable = {};
  for (const [name, data] of Object.entries(files)) {
    const ns = namespaceOfPart(name);
    if (ns === null) {
      stored[name] = data;
      continue;
    }
    const text = decoder.decode(data);
    const fixed = unprefixNamespace(text, ns);
    parts.set(name, fixed);
    const loaded = WORKSHEET.test(name) ? withoutBlankCells(fixed) : fixed;
    stored[name] = loaded === text ? data : encoder.encode(loaded);
  }
  return { bytes: zipSync(stored, { level: 0 }), parts };
}
