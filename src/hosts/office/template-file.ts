import type { DefinedName } from "../../engine";
import { splitSheetAddress } from "./normalize";

/** What createTemplate needs to know about an .xlsx before inserting it: its sheet names and workbook names. */
export interface TemplateFileInfo {
  readonly sheets: readonly string[];
  readonly names: readonly DefinedName[];
}

const XML_ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_m, e: string) => {
    if (e.startsWith("#x") || e.startsWith("#X")) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith("#")) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return XML_ENTITIES[e.toLowerCase()] ?? "";
  });
}

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs);
  return m ? decodeXml(m[1]!) : undefined;
}

/** Parse xl/workbook.xml text: sheet names in order and the workbook-scoped (not sheet-local) range names. */
export function parseWorkbookXml(xml: string): TemplateFileInfo {
  const sheets: string[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?sheet\s([^>]*?)\/?>/g)) {
    const name = attr(m[1]!, "name");
    if (name !== undefined) sheets.push(name);
  }
  const names: DefinedName[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?definedName\s([^>]*)>([^<]*)<\/(?:\w+:)?definedName>/g)) {
    const attrs = m[1]!;
    const name = attr(attrs, "name");
    if (name === undefined || attr(attrs, "localSheetId") !== undefined || name.startsWith("_xlnm.")) continue;
    const split = splitSheetAddress(decodeXml(m[2]!));
    if (split) names.push({ name, sheet: split.sheet, address: split.address });
  }
  return { sheets, names };
}

/** Read an .xlsx's sheet and name lists (jszip is loaded lazily: only createTemplate needs it). */
export async function readTemplateFileInfo(bytes: Uint8Array): Promise<TemplateFileInfo> {
  const { default: JSZip } = await import("jszip");
  const zip = await JSZip.loadAsync(bytes);
  const entry = zip.file("xl/workbook.xml");
  if (!entry) throw new Error("xl/workbook.xml missing");
  return parseWorkbookXml(await entry.async("string"));
}

/** Bytes → base64 without a Node Buffer (runs in the task pane). */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}
