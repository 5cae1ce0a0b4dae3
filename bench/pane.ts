/**
 * The task pane as shipped: a production build into a temp dir (Office.js local, so nothing leaves the machine),
 * initial JS gzipped (the scripts taskpane.html references), a scan of every bundle file for code built from
 * strings, and the time to first render in headless Chromium on a loopback static server.
 */
import { execFileSync } from "node:child_process";
import { createReadStream, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { EVAL_PATTERNS, JAVASCRIPT_URL } from "../test/proof/code-patterns";
import { BROWSER_ARGS, findBrowser } from "../scripts/browser";

const ROOT = path.resolve(import.meta.dirname, "..");
const CHROMIUM = findBrowser() ?? "/usr/bin/chromium";

export interface PaneFigures {
  readonly buildSeconds: number;
  /** Our own scripts in taskpane.html (Office.js excluded), gzip -9. */
  readonly initialJsGzipKB: number;
  readonly initialJsFiles: readonly { file: string; rawKB: number; gzipKB: number }[];
  readonly officeJsGzipKB: number;
  readonly lazyChunksGzipKB: Readonly<Record<string, number>>;
  /** The biggest packages in the initial chunk: webpack stats module sizes (source, before minification). */
  readonly topPackagesKB: readonly { pkg: string; rawKB: number }[];
  /** Every match of the eval patterns (test/proof/code-patterns.ts) in any chunk, with the file and the surrounding text. */
  readonly bundleCodeFromStrings: readonly string[];
  /** The same, counted per bundle file. */
  readonly bundleCodeFromStringsByFile: Readonly<Record<string, number>>;
  /** "javascript:" texts per file: React's own, in the code that replaces such URLs with one that throws. */
  readonly javascriptUrlTextsByFile: Readonly<Record<string, number>>;
  readonly firstRenderMs: number | null;
  readonly firstRenderNote: string;
  readonly requests: number;
  readonly foreignRequests: readonly string[];
  readonly cspMeta: boolean;
}

const kb = (n: number): number => Math.round((n / 1024) * 10) / 10;
const gz = (file: string): number => gzipSync(readFileSync(file), { level: 9 }).length;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css",
  ".png": "image/png",
  ".json": "application/json",
  ".xml": "application/xml",
  ".xlsx": "application/octet-stream",
};

/**
 * A static server for the built dist/ on a free port (bench/page-keystroke.ts uses it too); `extra` serves bytes
 * held in memory at their paths (the generated 100× workbook).
 */
export function serve(
  dir: string,
  extra: Readonly<Record<string, Uint8Array>> = {},
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const u = new URL(req.url ?? "/", "http://localhost");
    const name = decodeURIComponent(u.pathname);
    const bytes = extra[name];
    if (bytes) {
      res.writeHead(200, { "content-type": "application/octet-stream" }).end(Buffer.from(bytes));
      return;
    }
    const file = path.join(dir, name);
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => new Promise((r) => server.close(() => r())),
      }),
    ),
  );
}

interface StatsModule {
  name?: string;
  size?: number;
  chunks?: (string | number)[];
  modules?: StatsModule[];
}

/** Sizes per node_modules package (or "src") of the modules in the given initial chunks. */
function topPackages(statsFile: string, initialFiles: readonly string[]): { pkg: string; rawKB: number }[] {
  const stats = JSON.parse(readFileSync(statsFile, "utf8")) as {
    chunks?: { id: string | number; files?: string[] }[];
    modules?: StatsModule[];
  };
  const ids = new Set(
    (stats.chunks ?? []).filter((c) => (c.files ?? []).some((f) => initialFiles.includes(f))).map((c) => c.id),
  );
  const sizes = new Map<string, number>();
  const add = (m: StatsModule): void => {
    if (m.modules && m.modules.length > 0) return m.modules.forEach(add);
    const name = m.name ?? "";
    const pkg =
      /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(name)?.[1] ?? (name.includes("./src/") ? "src" : "other");
    sizes.set(pkg, (sizes.get(pkg) ?? 0) + (m.size ?? 0));
  };
  for (const m of stats.modules ?? []) if ((m.chunks ?? []).some((c) => ids.has(c))) add(m);
  return [...sizes.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([pkg, size]) => ({ pkg, rawKB: kb(size) }));
}

/** Build and measure; throws when the build fails (the caller records "not measured"). */
export async function measurePane(log: (s: string) => void): Promise<PaneFigures> {
  const out = mkdtempSync(path.join(tmpdir(), "perfeval-bench-dist-"));
  const statsFile = path.join(out, "..", `${path.basename(out)}-stats.json`);
  try {
    const started = performance.now();
    log("  building the production bundle (webpack, a few minutes on 2 cores)…");
    execFileSync(
      process.execPath,
      [
        path.join(ROOT, "node_modules/webpack-cli/bin/cli.js"),
        "--mode",
        "production",
        "--output-path",
        out,
        "--json",
        statsFile,
      ],
      {
        cwd: ROOT,
        stdio: ["ignore", "ignore", "pipe"],
        env: { ...process.env, NODE_ENV: "production", OFFICE_JS: "local" },
      },
    );
    const buildSeconds = Math.round((performance.now() - started) / 100) / 10;
    const html = readFileSync(path.join(out, "taskpane.html"), "utf8");
    const scripts = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"' >]+)/g)].map((m) => m[1]!);
    const own = scripts.filter((s) => !/office(\.debug)?\.js$/.test(s));
    const initialJsFiles = own.map((s) => {
      const f = path.join(out, s);
      return { file: s, rawKB: kb(statSync(f).size), gzipKB: kb(gz(f)) };
    });
    const jsFiles = walk(path.join(out, "js")).filter((f) => f.endsWith(".js"));
    const lazyChunksGzipKB = Object.fromEntries(
      jsFiles.filter((f) => /[\\/](exceljs|docx)\./.test(f)).map((f) => [path.basename(f).split(".")[0]!, kb(gz(f))]),
    );
    const javascriptUrlTextsByFile: Record<string, number> = {};
    const bundleCodeFromStrings = jsFiles.flatMap((f) => {
      const text = readFileSync(f, "utf8");
      const urls = [...text.matchAll(new RegExp(JAVASCRIPT_URL.source, "gi"))].length;
      if (urls > 0) javascriptUrlTextsByFile[path.basename(f)] = urls;
      return EVAL_PATTERNS.flatMap((re) => {
        const m = new RegExp(re.source, re.flags.includes("g") ? re.flags : `${re.flags}g`);
        return [...text.matchAll(m)].map(
          (x) => `${path.basename(f)}: …${text.slice(Math.max(0, x.index - 40), x.index + 40)}…`,
        );
      });
    });
    const byFile: Record<string, number> = {};
    for (const hit of bundleCodeFromStrings) {
      const f = hit.split(":")[0]!;
      byFile[f] = (byFile[f] ?? 0) + 1;
    }
    const officeJs = path.join(out, "office-js/office.js");
    const figures = {
      buildSeconds,
      initialJsGzipKB: kb(initialJsFiles.reduce((n, f) => n + f.gzipKB * 1024, 0)),
      initialJsFiles,
      officeJsGzipKB: existsSync(officeJs) ? kb(gz(officeJs)) : 0,
      lazyChunksGzipKB,
      topPackagesKB: existsSync(statsFile)
        ? topPackages(
            statsFile,
            own.map((s) => s.replace(/^\.?\//, "")),
          )
        : [],
      bundleCodeFromStrings,
      bundleCodeFromStringsByFile: byFile,
      javascriptUrlTextsByFile,
      cspMeta: /http-equiv=["']?Content-Security-Policy/i.test(html),
    };
    const render = await firstRender(out);
    return { ...figures, ...render };
  } finally {
    rmSync(out, { recursive: true, force: true });
    rmSync(statsFile, { force: true });
  }
}

/** Median time from navigation to the pane's first rendered element, over a few cold loads. */
export async function firstRender(
  dir: string,
): Promise<Pick<PaneFigures, "firstRenderMs" | "firstRenderNote" | "requests" | "foreignRequests">> {
  if (!existsSync(CHROMIUM)) {
    return {
      firstRenderMs: null,
      firstRenderNote: `not measured (no ${CHROMIUM})`,
      requests: 0,
      foreignRequests: [],
    };
  }
  const server = await serve(dir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS });
  try {
    const times: number[] = [];
    const requests: string[] = [];
    for (let i = 0; i < 5; i++) {
      const context = await browser.newContext({ viewport: { width: 350, height: 700 } });
      const page = await context.newPage();
      page.on("request", (r) => requests.push(r.url()));
      await page.goto(`${server.url}/taskpane.html`, { waitUntil: "commit" });
      // First render: React has put an element into #root (Office.onReady fired outside Excel).
      await page.waitForFunction(() => (document.getElementById("root")?.childElementCount ?? 0) > 0, null, {
        timeout: 30_000,
        polling: "raf",
      });
      times.push(await page.evaluate(() => performance.now()));
      await context.close();
    }
    times.sort((a, b) => a - b);
    const origin = new URL(server.url).origin;
    const foreign = [...new Set(requests.filter((u) => !/^(data|blob):/.test(u) && new URL(u).origin !== origin))];
    return {
      firstRenderMs: Math.round(times[Math.floor(times.length / 2)]!),
      firstRenderNote:
        "median of 5 cold loads, navigation start → first element in #root (Office.js local, outside Excel)",
      requests: requests.length,
      foreignRequests: foreign,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
