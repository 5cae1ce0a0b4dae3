/**
 * A workbook as WPS and the OpenXML SDK write it: the SpreadsheetML main namespace bound to a prefix
 * (`<x:workbook xmlns:x="…/spreadsheetml/2006/main">`) instead of being the default namespace.
 * Used by test/hosts/xlsx/producers.test.ts and the end-to-end run.
 */
import JSZip from "jszip";
import { MAIN_NS } from "../../src/hosts/xlsx/normalize-parts";

/** One part rewritten: its default SpreadsheetML namespace bound to `prefix`, its unprefixed elements prefixed. */
export function prefixMainNamespace(xml: string, prefix: string): string {
  const decl = `xmlns="${MAIN_NS}"`;
  if (!xml.includes(decl)) return xml;
  return xml
    .replace(decl, `xmlns:${prefix}="${MAIN_NS}"`)
    .replace(/<(?![?!/])([A-Za-z_][\w.-]*)(?=[\s/>])/g, `<${prefix}:$1`)
    .replace(/<\/([A-Za-z_][\w.-]*)\s*>/g, `</${prefix}:$1>`);
}

/** Every xl/*.xml part of a package rewritten with `prefixMainNamespace` (or only those `only` accepts). */
export async function prefixedPackage(
  bytes: Uint8Array,
  prefix = "x",
  only?: (part: string) => boolean,
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const f of Object.values(zip.files)) {
    if (f.dir || !f.name.startsWith("xl/") || !f.name.endsWith(".xml") || (only && !only(f.name))) continue;
    zip.file(f.name, prefixMainNamespace(await f.async("string"), prefix));
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
