import type { Lang } from "../../engine";
import { langOf } from "../../engine";
import { HostError } from "../common";
import type { BundledAsset, XlsxCodec } from "./browser-types";

/** "sheet!A1" key of a marked cell. */
export function markKey(sheet: string, address: string): string {
  return `${sheet}!${address}`;
}

export async function defaultLoadCodec(): Promise<XlsxCodec> {
  const [xlsx, inputs] = await Promise.all([import("../xlsx"), import("./input-cells")]);
  return {
    readSnapshot: xlsx.readSnapshot,
    applyWritePlan: xlsx.applyWritePlan,
    markText: xlsx.markText,
    inputCells: inputs.readInputCells,
  };
}

export function defaultLang(): Lang {
  return langOf(typeof document !== "undefined" ? document.documentElement.lang : null);
}

/** Where a bundled workbook is served: dist/assets/, one level above the page at dist/web/index.html. */
export function assetUrl(name: BundledAsset, pageUrl: string): string {
  return new URL(`../assets/${name}`, pageUrl).href;
}

export async function defaultFetchAsset(name: BundledAsset): Promise<Uint8Array> {
  const res = await fetch(assetUrl(name, document.baseURI));
  if (!res.ok) throw new HostError("file_unreadable", `cannot load ${name}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

export function defaultDownload(fileName: string, bytes: Uint8Array, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mimeType }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: some browsers start the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** "14:05" in local time. */
export function localTimeOfDay(d: Date): string {
  return `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
}
