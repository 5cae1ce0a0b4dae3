// Build of the task pane (taskpane.html) and the browser page (web/index.html), plus manifest and assets.
//   npm run build                    → dist/ (set ADDIN_URL=https://intranet.example/perfeval/ for production)
//   OFFICE_JS=local npm run build    → also serves Office.js from dist/office-js/ instead of Microsoft's CDN
//   npm run dev-server               → https://localhost:3000/ (office-addin-dev-certs), http when no certs
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import webpack from "webpack";
import HtmlWebpackPlugin from "html-webpack-plugin";
import CopyWebpackPlugin from "copy-webpack-plugin";

const root = path.dirname(fileURLToPath(import.meta.url));
const DEV_URL = "https://localhost:3000/";
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const LOCAL_OFFICE_DIR = "office-js";

/** The production URL the manifest points at: https, with a trailing slash. */
export function addinUrl(env = process.env) {
  const raw = (env.ADDIN_URL ?? "").trim();
  if (raw === "") return DEV_URL;
  const url = new URL(raw);
  if (url.protocol !== "https:") throw new Error(`ADDIN_URL must be https (Office refuses http add-ins): ${raw}`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** manifest.xml with every dev URL moved to `url` (and the AppDomain to its origin). */
export function rewriteManifest(xml, url) {
  const origin = new URL(url).origin;
  return xml.replaceAll(DEV_URL, url).replaceAll("https://localhost:3000", origin);
}

/**
 * The Content-Security-Policy of a page. Office.js from the CDN needs its origin in script-src; a page's own
 * inline scripts (the task pane's webview guard) are allowed by their sha256 only, never 'unsafe-inline'.
 */
export function contentSecurityPolicy({ officeJs, inlineHashes = [] }) {
  const scripts = [
    "'self'",
    ...(officeJs === "cdn" ? ["https://appsforoffice.microsoft.com"] : []),
    ...inlineHashes.map((h) => `'${h}'`),
  ].join(" ");
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    // Fluent UI (Griffel) inserts its styles at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

/** The CSP source of each inline <script> of a page (`sha256-…` of its exact text), in page order. */
export function inlineScriptHashes(html) {
  return [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi)]
    .filter((m) => m[1].trim() !== "")
    .map((m) => `sha256-${createHash("sha256").update(m[1], "utf8").digest("base64")}`);
}

/**
 * The page with its CSP's script hashes recomputed from its inline scripts as they now are: webpack's own HTML
 * minimizer rewrites them (terser) after HtmlWebpackPlugin emitted the page, which would void the hashes.
 */
export function rehashInlineScripts(html) {
  const hashes = inlineScriptHashes(html).map((h) => ` '${h}'`);
  return html.replace(/(script-src[^;"]*?)((?:\s+'sha256-[^']*')*)(?=[;"])/, (_, head) => `${head}${hashes.join("")}`);
}

/**
 * Put the CSP meta tag and (task pane only) the Office.js script tag into a built page. A page that already
 * has an Office.js tag gets its src pointed at the chosen copy; one without gets the tag first in <head>.
 */
export function decorateHtml(html, { officeJs, withOffice }) {
  let out = html.replace(/<meta[^>]+http-equiv=["']Content-Security-Policy["'][^>]*>\s*/i, "");
  const policy = contentSecurityPolicy({
    officeJs: withOffice ? officeJs : "none",
    inlineHashes: inlineScriptHashes(out),
  });
  const csp = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  const officeSrc = officeJs === "local" ? `${LOCAL_OFFICE_DIR}/office.js` : OFFICE_CDN;
  const tag = /<script[^>]+src=["'][^"']*office(?:\.debug)?\.js["'][^>]*><\/script>/i;
  if (withOffice) {
    const officeTag = `<script src="${officeSrc}"></script>`;
    out = tag.test(out) ? out.replace(tag, officeTag) : out.replace(/<head([^>]*)>/i, `<head$1>\n    ${officeTag}`);
  } else {
    out = out.replace(tag, "");
  }
  // After <meta charset> when there is one (the charset must come first), else first in <head>.
  const charset = /<meta\s+charset=[^>]*>/i;
  return charset.test(out)
    ? out.replace(charset, (m) => `${m}\n    ${csp}`)
    : out.replace(/<head([^>]*)>/i, `<head$1>\n    ${csp}`);
}

class DecorateHtmlPlugin {
  constructor(options) {
    this.options = options;
  }
  apply(compiler) {
    compiler.hooks.compilation.tap("DecorateHtmlPlugin", (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap("DecorateHtmlPlugin", (data) => {
        const withOffice = data.outputName === "taskpane.html";
        data.html = decorateHtml(data.html, { officeJs: this.options.officeJs, withOffice });
        return data;
      });
      // After every minimizer (webpack's minimizes the emitted pages too): the hashes of the scripts as shipped.
      compilation.hooks.processAssets.tap(
        { name: "DecorateHtmlPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE },
        (assets) => {
          for (const name of Object.keys(assets).filter((n) => n.endsWith(".html"))) {
            const html = compilation.getAsset(name).source.source().toString();
            const fixed = rehashInlineScripts(html);
            if (fixed !== html) compilation.updateAsset(name, new webpack.sources.RawSource(fixed));
          }
        },
      );
    });
  }
}

const helpPage = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>绩效评价助手 帮助</title></head>
<body style="font-family: 'Microsoft YaHei', 'PingFang SC', sans-serif; max-width: 44em; margin: 2em auto; line-height: 1.6">
<h1>绩效评价助手</h1>
<p>Excel 加载项：在“开始”选项卡点击“绩效评价助手”打开任务窗格，按“校验 → 评分 → 生成报告”操作。</p>
<p>没有 Excel 时，可在浏览器中打开 <a href="web/index.html">网页版</a>，选择 .xlsx 工作簿使用同样的功能；数据只在本机处理。</p>
<p>安装与部署说明见项目 README 与 docs/deploy.md。</p>
</body></html>`;

/** The pages whose entry files exist (colleagues add them over time; a missing one is skipped, not an error). */
export function pages(base = root) {
  const all = [
    {
      name: "taskpane",
      entry: "src/taskpane/main.tsx",
      template: "src/taskpane/taskpane.html",
      filename: "taskpane.html",
    },
    { name: "web", entry: "src/web/index.tsx", template: "src/web/index.html", filename: "web/index.html" },
  ];
  return all.filter((p) => existsSync(path.join(base, p.entry)) && existsSync(path.join(base, p.template)));
}

/** HTTPS options from office-addin-dev-certs when its certificates exist, else null (→ http). */
async function httpsOptions() {
  const dir = path.join(homedir(), ".office-addin-dev-certs");
  const files = ["localhost.crt", "localhost.key", "ca.crt"].map((f) => path.join(dir, f));
  const present = files.every((f) => existsSync(f));
  // On Windows/macOS office-addin-dev-certs creates and trusts the certificates itself (as Yo Office does).
  const canInstall = process.platform === "win32" || process.platform === "darwin";
  if (!present && !canInstall) return null;
  try {
    const devCerts = await import("office-addin-dev-certs");
    return await devCerts.getHttpsServerOptions();
  } catch {
    if (!present) return null;
    // Certificates exist but the CA is not trusted by this OS (e.g. Linux): still serve https with them.
    const [cert, key, ca] = files.map((f) => readFileSync(f));
    return { cert, key, ca };
  }
}

export default async (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  const officeJs = (process.env.OFFICE_JS ?? env.OFFICE_JS) === "local" ? "local" : "cdn";
  const url = dev ? DEV_URL : addinUrl();
  const found = pages();
  if (found.length === 0) {
    process.stderr.write(
      "webpack: no page entry yet (src/taskpane/main.tsx, src/web/index.tsx); building assets only.\n",
    );
  }
  if (!dev && url === DEV_URL) {
    process.stderr.write("webpack: ADDIN_URL is not set; dist/manifest.xml still points at https://localhost:3000/.\n");
  }
  const https = dev && argv.env?.WEBPACK_SERVE ? await httpsOptions() : null;
  if (dev && argv.env?.WEBPACK_SERVE && !https) {
    process.stderr.write(
      "dev server: no office-addin-dev-certs certificates found (run `npx office-addin-dev-certs install` on Windows/Mac);\n" +
        "serving http://localhost:3000/ — fine for the browser page, but Excel only loads https add-ins.\n",
    );
  }

  const copy = [
    {
      from: "manifest.xml",
      to: "manifest.xml",
      transform: (content) => rewriteManifest(content.toString(), url),
    },
    { from: "assets/icons/*.png", to: "assets/icons/[name][ext]" },
    { from: "assets/*.xlsx", to: "assets/[name][ext]", noErrorOnMissing: true },
  ];
  if (officeJs === "local") {
    copy.push({
      from: "node_modules/@microsoft/office-js/dist",
      to: LOCAL_OFFICE_DIR,
      globOptions: { ignore: ["**/*.debug.js"] },
    });
  }

  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    context: root,
    entry: Object.fromEntries(found.map((p) => [p.name, `./${p.entry}`])),
    output: {
      path: path.join(root, "dist"),
      filename: "js/[name].[contenthash:8].js",
      chunkFilename: "js/[name].[contenthash:8].js",
      publicPath: "auto",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs"],
      alias: {
        // jszip from its sources, not its prebuilt dist/jszip.min.js (which inlines the setimmediate polyfill and
        // its new Function); setimmediate itself becomes a small local stand-in without code built from strings.
        jszip$: path.join(root, "node_modules/jszip/lib/index.js"),
        setimmediate$: path.join(root, "src/web/set-immediate.ts"),
        // exceljs from its sources too, not its prebuilt dist/exceljs.min.js (core-js, regenerator-runtime and
        // polyfills that run code built from strings); src/web/exceljs-browser.ts says which parts.
        exceljs$: path.join(root, "src/web/exceljs-browser.ts"),
        // Only Workbook.csv (never used by the pages) needs fast-csv, which exceljs requires at load time.
        "fast-csv$": false,
      },
      // Node modules exceljs's sources require but the pages never reach: jszip probes Node streams with
      // require("readable-stream") → "stream"; fs is for file paths, crypto for sheet passwords, the rest for the
      // streaming reader/writer, which exceljs-browser.ts leaves out.
      fallback: { stream: false, fs: false, crypto: false, tmp: false, unzipper: false, archiver: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              compilerOptions: { noEmit: false, module: "esnext", sourceMap: dev },
            },
          },
        },
      ],
    },
    optimization: {
      // exceljs and docx are imported with import() where used, so each becomes its own lazily loaded chunk.
      splitChunks: {
        chunks: "async",
        cacheGroups: {
          // exceljs with the packages only it uses (its XML parser, streams, dates), one chunk.
          exceljs: {
            test: /[\\/]node_modules[\\/](exceljs|saxes|xmlchars|readable-stream|string_decoder|safe-buffer|events|dayjs|uuid|inherits|util-deprecate)[\\/]/,
            name: "exceljs",
            chunks: "async",
            priority: 20,
            enforce: true,
          },
          docx: {
            test: /[\\/]node_modules[\\/]docx[\\/]/,
            name: "docx",
            chunks: "async",
            priority: 20,
            enforce: true,
          },
        },
      },
    },
    performance: { hints: false },
    // Browsers have globalThis; without this webpack adds a `new Function("return this")` shim for `global`.
    node: { global: false },
    plugins: [
      // What exceljs's sources and jszip take from Node: Buffer from the `buffer` package, process.browser/nextTick.
      new webpack.ProvidePlugin({
        Buffer: ["buffer", "Buffer"],
        process: [path.join(root, "src/web/shims/process.ts"), "process"],
      }),
      // Their `global` is the browser's globalThis (a plain rename, no webpack shim built with new Function).
      new webpack.DefinePlugin({ global: "globalThis" }),
      ...found.map(
        (p) =>
          new HtmlWebpackPlugin({
            template: p.template,
            filename: p.filename,
            chunks: [p.name],
            inject: "body",
            favicon: "assets/icons/icon-32.png",
          }),
      ),
      new HtmlWebpackPlugin({ templateContent: helpPage, filename: "help.html", chunks: [], inject: false }),
      new DecorateHtmlPlugin({ officeJs }),
      new CopyWebpackPlugin({ patterns: copy }),
    ],
    devServer: {
      // As Yo Office's template reads it: package.json's config.dev_server_port, through npm.
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      host: "localhost",
      server: https ? { type: "https", options: https } : { type: "http" },
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      client: { overlay: { warnings: false, errors: true } },
      open: false,
      // The bare address (what a person types) opens the browser page instead of "Cannot GET /".
      setupMiddlewares: (middlewares, server) => {
        server.app.get("/", (_req, res) => res.redirect("/web/index.html"));
        return middlewares;
      },
    },
  };
};
