/** Repairs for what exceljs changes when it loads and saves a workbook (see docs/xlsx-round-trip.md). */
import JSZip from "jszip";

const BLOCK = /<definedNames>[\s\S]*?<\/definedNames>|<definedNames\/>/;

/**
 * Puts the original <definedNames> block back into the saved workbook.xml. exceljs keeps only names
 * that are plain `$`-anchored ranges and turns sheet-scoped names into workbook names; the original
 * block is still right because sheets are only ever appended (localSheetId indexes stay valid).
 */
export async function restoreDefinedNames(saved: Uint8Array, originalWorkbookXml: string): Promise<Uint8Array> {
  const original = BLOCK.exec(originalWorkbookXml)?.[0];
  if (original === undefined) return saved;
  const zip = await JSZip.loadAsync(saved);
  const file = zip.file("xl/workbook.xml");
  if (!file) return saved;
  const xml = await file.async("string");
  const fixed = BLOCK.test(xml)
    ? xml.replace(BLOCK, () => original)
    : xml.replace("</sheets>", () => `</sheets>${original}`);
  if (fixed === xml) return saved;
  zip.file("xl/workbook.xml", fixed);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
