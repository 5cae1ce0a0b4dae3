import { hostError } from "./errors";

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
      throw hostError(
        "api_unsupported",
        "Excel for Mac 的任务窗格不能下载文件。请在 Excel 网页版或 Windows 版中生成，或用命令行 perfeval report 生成 .docx",
      );
    }
    if (!doc || typeof URL.createObjectURL !== "function") {
      throw hostError("api_unsupported", "此环境不能下载文件");
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
