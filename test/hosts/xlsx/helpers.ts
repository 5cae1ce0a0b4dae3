import ExcelJS from "exceljs";
import JSZip from "jszip";

/** Saves an exceljs workbook to bytes. */
export async function toBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Rewrites one part of an .xlsx package (e.g. to inject XML exceljs cannot write). */
export async function patchPart(bytes: Uint8Array, part: string, edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await zip.file(part)?.async("string")) ?? "";
  zip.file(part, edit(xml));
  return zip.generateAsync({ type: "uint8array" });
}

/** The text of one part of an .xlsx package. */
export async function partText(bytes: Uint8Array, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const f = zip.file(part);
  if (!f) throw new Error(`no part ${part}`);
  return f.async("string");
}

/** The worksheet part of a sheet by its tab position (1-based), as exceljs names them. */
export const sheetPart = (n: number) => `xl/worksheets/sheet${n}.xml`;

/** Counts the <dataValidation> elements of every worksheet part. */
export async function validationCounts(bytes: Uint8Array): Promise<Record<string, number>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, number> = {};
  for (const name of Object.keys(zip.files)
    .filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))
    .sort()) {
    const xml = await zip.file(name)!.async("string");
    out[name] = (xml.match(/<dataValidation\s/g) ?? []).length;
  }
  return out;
}
