/** Copy text: the async clipboard when allowed, else a hidden textarea and execCommand (older Office webviews). */
export async function copyText(text: string, doc: Document = document): Promise<void> {
  const clip = doc.defaultView?.navigator.clipboard;
  if (clip && typeof clip.writeText === "function") {
    try {
      await clip.writeText(text);
      return;
    } catch {
      // Permission denied inside some Office hosts: fall through to the selection fallback.
    }
  }
  const area = doc.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  doc.body.appendChild(area);
  try {
    area.select();
    const ok = typeof doc.execCommand === "function" && doc.execCommand("copy");
    if (!ok) throw new Error("copy_unavailable");
  } finally {
    area.remove();
  }
}
