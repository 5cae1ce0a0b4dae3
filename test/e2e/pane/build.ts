/**
 * The task pane's end-to-end page, next to the built pane: `taskpane-e2e.html` is the built taskpane.html — the
 * same bundle, the same CSP — with its Office.js script pointed at `e2e-office/office.js` (the fake, bundled here
 * with esbuild) instead of Microsoft's CDN, as the OFFICE_JS=local build points it at its own copy.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

export const PANE_PAGE = "taskpane-e2e.html";
const OFFICE_SCRIPT = "e2e-office/office.js";
const CDN_SCRIPT = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const CDN_ORIGIN = " https://appsforoffice.microsoft.com";

/** taskpane.html with the fake Office.js: the CDN neither loaded nor allowed by the CSP. */
export function paneTestPage(html: string): string {
  if (!html.includes(CDN_SCRIPT)) throw new Error(`taskpane.html does not load ${CDN_SCRIPT}`);
  return html.replace(CDN_SCRIPT, OFFICE_SCRIPT).replace(CDN_ORIGIN, "");
}

export async function buildPaneTestPage(root: string, out: string): Promise<void> {
  const here = path.join(root, "test/e2e/pane");
  await build({
    entryPoints: [path.join(here, "fake-office.ts")],
    outfile: path.join(out, OFFICE_SCRIPT),
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    logLevel: "error",
    inject: [path.join(here, "buffer-shim.ts")],
    // office-addin-mock needs only the OfficeApp enum of office-addin-manifest (which is Node-only as a whole).
    alias: { "office-addin-manifest": path.join(root, "node_modules/office-addin-manifest/lib/officeApp.js") },
  });
  writeFileSync(path.join(out, PANE_PAGE), paneTestPage(readFileSync(path.join(out, "taskpane.html"), "utf8")));
}
