/**
 * `npm run build` end to end (webpack's Node API, into a temporary folder): both pages, the production
 * manifest, the bundled workbooks and icons, and exceljs/docx in chunks of their own that no page loads up front;
 * the task pane's webview guard (ES5, allowed by its hash) before the bundle, and no chunk beyond ES2022.
 */
import { describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { createHash } from "node:crypto";
import { parse } from "acorn";
import webpack from "webpack";
import type { Configuration, Stats } from "webpack";

const root = fileURLToPath(new URL("../../", import.meta.url));
const configPath: string = `${root}webpack.config.js`;
const URL_PROD = "https://oa.example.gov.cn/perfeval/";

function compile(config: Configuration): Promise<Stats> {
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => (err || !stats ? reject(err ?? new Error("no stats")) : resolve(stats)));
  });
}

describe("production build", () => {
  it(
    "produces a deployable dist/ pointing at ADDIN_URL, with exceljs and docx loaded lazily",
    { timeout: 600_000 },
    async () => {
      const { default: makeConfig } = (await import(configPath)) as {
        default: (env: object, argv: object) => Promise<Configuration>;
      };
      const out = mkdtempSync(join(tmpdir(), "perfeval-dist-"));
      const saved = process.env.ADDIN_URL;
      process.env.ADDIN_URL = URL_PROD;
      let config: Configuration;
      try {
        config = await makeConfig({}, { mode: "production" });
      } finally {
        if (saved === undefined) delete process.env.ADDIN_URL;
        else process.env.ADDIN_URL = saved;
      }
      const stats = await compile({ ...config, output: { ...config.output, path: out } });
      expect(stats.hasErrors(), stats.toString("errors-only")).toBe(false);

      const manifest = readFileSync(join(out, "manifest.xml"), "utf8");
      expect(manifest).not.toContain("localhost");
      expect(manifest).toContain(`<SourceLocation DefaultValue="${URL_PROD}taskpane.html"/>`);
      for (const file of [
        "assets/standard-template.xlsx",
        "assets/example-wanzhou-2020.xlsx",
        "assets/icons/icon-80.png",
        "help.html",
      ]) {
        expect(existsSync(join(out, file)), file).toBe(true);
      }
      const js = readdirSync(join(out, "js"));
      expect(js.some((f) => /^exceljs\..*\.js$/.test(f))).toBe(true);
      expect(js.some((f) => /^docx\..*\.js$/.test(f))).toBe(true);
      for (const page of ["taskpane.html", "web/index.html"]) {
        const html = readFileSync(join(out, page), "utf8");
        expect(html).toContain("Content-Security-Policy");
        expect(html).not.toMatch(/(exceljs|docx)\.[0-9a-f]+\.js/);
        // The first render's JS (the scripts the page references) within the Proof issue's budget.
        const scripts = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]*js\/[^"'\s>]+\.js)/g)].map((m) =>
          join(out, page, "..", m[1]!),
        );
        expect(scripts.length, page).toBeGreaterThan(0);
        const gzipped = scripts.reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0);
        expect(gzipped, page).toBeLessThanOrEqual(150 * 1024);
      }
      // The webview guard: in dist/taskpane.html, ES5, before every other script, allowed by its sha256 only.
      const pane = readFileSync(join(out, "taskpane.html"), "utf8");
      const guards = [...pane.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]!);
      expect(guards).toHaveLength(1);
      const guard = guards[0]!;
      expect(guard).toContain("webview-unsupported");
      expect(() => parse(guard, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
      expect(pane.indexOf(guard)).toBeLessThan(pane.search(/<script[^>]*\ssrc=/));
      expect(pane).toContain(`'sha256-${createHash("sha256").update(guard, "utf8").digest("base64")}'`);
      expect(pane).toMatch(/<div id="?webview-unsupported"?/);
      // What the guard lets through (Object.hasOwn and RegExp lookbehind: Chromium 93+, Safari 16.4+) parses
      // ES2022, so no chunk may use anything newer (docs/deploy.md, "Which Office runs the pane").
      const newer = js
        .filter((f) => f.endsWith(".js"))
        .flatMap((f) => {
          try {
            parse(readFileSync(join(out, "js", f), "utf8"), { ecmaVersion: 2022, sourceType: "script" });
            return [];
          } catch (e) {
            return [`${f}: ${(e as Error).message}`];
          }
        });
      expect(newer).toEqual([]);
      // Nothing of the workbook, Word or decimal libraries is in an entry chunk: they load where used.
      const json = stats.toJson({ all: false, chunks: true, chunkModules: true, chunkRelations: false });
      const upFront = (json.chunks ?? [])
        .filter((c) => c.initial)
        .flatMap((c) => (c.modules ?? []).flatMap((m) => [m, ...(m.modules ?? [])]))
        .map((m) => m.name ?? "")
        .filter((n) => /node_modules[\\/](exceljs|docx|jszip|decimal\.js)[\\/]/.test(n));
      expect(upFront).toEqual([]);
    },
  );
});
