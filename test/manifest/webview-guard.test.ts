/**
 * The task pane's webview guard (the inline script at the top of src/taskpane/taskpane.html): ES5 only, so it
 * runs in Internet Explorer 11 (volume-licensed Office 2019) where the bundle cannot; what it decides for each
 * kind of browser, run against stand-ins for window and document; and the page's CSP allowing it by its hash.
 * test/e2e/webview-guard.e2e.ts shows the message in Chromium. Only real Office 2019 proves the IE11 path.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { runInNewContext } from "node:vm";
import { parse } from "acorn";
import { describe, expect, it } from "vitest";

interface ConfigModule {
  decorateHtml(html: string, o: { officeJs: "cdn" | "local"; withOffice: boolean }): string;
  inlineScriptHashes(html: string): string[];
  rehashInlineScripts(html: string): string;
}

const root = fileURLToPath(new URL("../../", import.meta.url));
const configPath: string = `${root}webpack.config.js`;
const cfg = (await import(configPath)) as ConfigModule;
const html = readFileSync(`${root}src/taskpane/taskpane.html`, "utf8");
const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]!);
const guard = inline[0] ?? "";

const MODERN_UA =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0";
const IE11_UA = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko";
const EDGEHTML_UA =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041";

interface Run {
  readonly className: () => string;
  readonly fire: (event: object) => void;
  readonly ready: () => void;
  readonly url: () => string;
}

/** Run the guard with a stand-in window/document; `globals` replaces or removes (undefined) built-ins. */
function runGuard(ua: string, globals: Record<string, unknown> = {}): Run {
  const root = { className: "" };
  let onError: (e: object) => void = () => undefined;
  let onReady: () => void = () => undefined;
  let text = "";
  const where = {
    innerHTML: "x",
    appendChild: (n: { text: string }) => (text = n.text),
  };
  const document = {
    documentElement: root,
    addEventListener: (_: string, f: () => void) => (onReady = f),
    createElement: () => ({
      set href(v: string) {
        this.abs = `https://oa.example.gov.cn/perfeval/${v}`;
      },
      get href(): string {
        return this.abs;
      },
      abs: "",
    }),
    getElementById: (id: string) => (id === "webview-web-url" ? where : null),
    createTextNode: (t: string) => ({ text: t }),
  };
  const sandbox: Record<string, unknown> = {
    navigator: { userAgent: ua },
    document,
    Promise,
    Symbol,
    Proxy,
    Reflect,
    RegExp,
    String,
    Object,
    globalThis: {},
    ...globals,
  };
  sandbox.window = { addEventListener: (_: string, f: (e: object) => void) => (onError = f) };
  runInNewContext(guard, sandbox);
  return { className: () => root.className, fire: (e) => onError(e), ready: () => onReady(), url: () => text };
}

describe("the webview guard in taskpane.html", () => {
  it("is one inline script before any other script, and parses as ES5 (acorn, ecmaVersion 5)", () => {
    expect(inline).toHaveLength(1);
    expect(html.indexOf(guard)).toBeLessThan(html.search(/<script[^>]*\ssrc=/));
    expect(() => parse(guard, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
    // The test would catch ES2015+: the same parser refuses an arrow function, a let, a trailing comma.
    for (const later of ["var f = () => 1;", "let a = 1;", "f(1, 2,);", "var s = `x`;"]) {
      expect(() => parse(later, { ecmaVersion: 5 }), later).toThrow();
    }
  });

  it("lets a current browser through", () => {
    expect(runGuard(MODERN_UA).className()).toBe("");
  });

  it.each([
    ["IE11 (Trident)", IE11_UA, {}],
    ["EdgeHTML", EDGEHTML_UA, {}],
    ["no Promise", MODERN_UA, { Promise: undefined }],
    ["no Proxy", MODERN_UA, { Proxy: undefined }],
    ["no globalThis (before ES2020)", MODERN_UA, { globalThis: undefined }],
    ["no Object.hasOwn (before ES2022)", MODERN_UA, { Object: { ...Object, hasOwn: undefined } }],
    [
      "no RegExp lookbehind (Safari before 16.4)",
      MODERN_UA,
      {
        RegExp: function NoLookbehind(source: string) {
          if (source.includes("(?<=")) throw new SyntaxError("Invalid regular expression: invalid group specifier");
          return new RegExp(source);
        },
      },
    ],
  ] as const)("shows the message for %s", (_, ua, globals) => {
    expect(runGuard(ua, globals).className()).toBe(" webview-unsupported");
  });

  it("shows the message when one of the page's scripts fails to parse, not for other errors", () => {
    const run = runGuard(MODERN_UA);
    run.fire({ message: "Uncaught TypeError: x is undefined", filename: "https://h/js/taskpane.1a2b.js" });
    run.fire({
      message: 'Unexpected token "<" in JSON at position 0',
      error: { name: "SyntaxError" },
      filename: "https://h/js/a.js",
    });
    run.fire({
      message: "SyntaxError: Unexpected token '.'",
      filename: "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
    });
    run.fire({});
    expect(run.className()).toBe("");
    run.fire({ message: "SyntaxError: Unexpected token '.'", filename: "https://h/js/142.9f8e.js" });
    expect(run.className()).toBe(" webview-unsupported");
  });

  it("names the browser page's full address", () => {
    const run = runGuard(IE11_UA);
    run.ready();
    expect(run.url()).toBe("https://oa.example.gov.cn/perfeval/web/index.html");
  });

  it("says what is wrong and what to do, in Chinese and English, and links the browser page", () => {
    const box = /<div id="webview-unsupported"[\s\S]*?<\/div>/.exec(html)?.[0] ?? "";
    const words = box.replace(/\s+/g, " ");
    expect(words).toContain("Internet Explorer 11");
    expect(words).toContain("Microsoft 365 或 Office 2021 及以上版本");
    expect(words).toContain("Microsoft 365 or Office 2021 or later");
    expect(words).toContain('href="web/index.html"');
    expect(box).toMatch(/<p lang="en">/);
  });

  it("the page's CSP allows exactly that script, by its sha256, and no 'unsafe-inline' script", () => {
    for (const officeJs of ["cdn", "local"] as const) {
      const out = cfg.decorateHtml(html, { officeJs, withOffice: true });
      const csp = /content="([^"]*script-src[^"]*)"/.exec(out)?.[1] ?? "";
      const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? "";
      expect(cfg.inlineScriptHashes(out)).toHaveLength(1);
      expect(scriptSrc.split(" ")).toContain(`'${cfg.inlineScriptHashes(html)[0]}'`);
      expect(scriptSrc).not.toMatch(/unsafe/);
    }
  });

  it("after a minimizer rewrote the script, the CSP is given the new script's hash in place of the old", () => {
    const out = cfg.decorateHtml(html, { officeJs: "cdn", withOffice: true });
    const minified = out.replace(guard, "!function(){var e=document.documentElement}();");
    const fixed = cfg.rehashInlineScripts(minified);
    const [now] = cfg.inlineScriptHashes(minified);
    expect(fixed).toContain(`https://appsforoffice.microsoft.com '${now}'; style-src`);
    expect(fixed).not.toContain(cfg.inlineScriptHashes(html)[0]);
    expect(cfg.rehashInlineScripts(fixed)).toBe(fixed);
  });
});
