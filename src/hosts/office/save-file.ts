import { hostFailure } from "../common";

interface PlatformSource {
  readonly context: { readonly platform?: string | null };
}

/**
 * How the pane hands a generated file to the user. A download link (blob URL + `<a download>`) works in
 * Excel on the web and in Excel on Windows (WebView2); Excel for Mac's WKWebView ignores it without an error
 * (OfficeDev/office-js #2700, #3385), so there we say so instead of failing silently. See docs/deploy.md.
 */
export function saveWithDownload(office: PlatformSource | undefined, doc: Document = globalThis.document) {
  return async (fileName: string, bytes: Uint8Array, mimeType: string): Promise<void> => {
    const platform = office?.context.platform ?? "";
    if (platform === "Mac" || platform === "iOS") {
      throw hostFailure("download_mac", {});
    }
    if (!doc || typeof URL.createObjectURL !== "function") {
      throw hostFailure("download_unsupported", {});
    }
    const blob = new Blob([bytes as BlobPart], { type: mimeType });
    const url = URL.createObjectURL(blob);
    const link = doc.createElement("a");
    link.href = url;
    link.download = fileName;
    link.rel = "noopener";
    link.style.display = "none";
    doc.body.appendChild(link);
    try {
      link.click();
    } finally {
      link.remove();
      // Revoke later: some WebViews start reading the blob only after click() returns.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    }
  };
}
