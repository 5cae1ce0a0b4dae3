import { describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { browserMessage, devServerPort, devServerScheme, startPlan } from "../../scripts/start";

interface ConfigModule {
  addinUrl(env: Record<string, string | undefined>): string;
  rewriteManifest(xml: string, url: string): string;
  contentSecurityPolicy(o: { officeJs: string }): string;
  decorateHtml(html: string, o: { officeJs: "cdn" | "local"; withOffice: boolean }): string;
  pages(base?: string): { name: string; filename: string }[];
}

const root = fileURLToPath(new URL("../../", import.meta.url));
// A plain-JS module: imported through a string so TypeScript does not look for its declarations.
const configPath: string = `${root}webpack.config.js`;
const cfg = (await import(configPath)) as ConfigModule;
const manifest = readFileSync(`${root}manifest.xml`, "utf8");
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

const page = `<!doctype html><html><head><meta charset="utf-8" /><script src="${CDN}"></script></head><body></body></html>`;

describe("production manifest", () => {
  it.each([
    [undefined, "https://localhost:3000/"],
    ["https://oa.example.gov.cn/perfeval", "https://oa.example.gov.cn/perfeval/"],
    ["https://10.1.2.3:8443/addins/perfeval/", "https://10.1.2.3:8443/addins/perfeval/"],
  ])("ADDIN_URL %s → %s", (value, expected) => {
    expect(cfg.addinUrl({ ADDIN_URL: value })).toBe(expected);
  });

  it("refuses an http production URL", () => {
    expect(() => cfg.addinUrl({ ADDIN_URL: "http://oa.example.gov.cn/" })).toThrow(/https/);
  });

  it("points every URL at the production URL and the AppDomain at its origin", () => {
    const out = cfg.rewriteManifest(manifest, "https://oa.example.gov.cn/perfeval/");
    expect(out).not.toContain("localhost");
    expect(out).toContain('<SourceLocation DefaultValue="https://oa.example.gov.cn/perfeval/taskpane.html"/>');
    expect(out).toContain("<AppDomain>https://oa.example.gov.cn</AppDomain>");
    expect(out).toContain('DefaultValue="https://oa.example.gov.cn/perfeval/assets/icons/icon-80.png"');
  });

  it("still passes the schema after rewriting", () => {
    if (spawnSync("xmllint", ["--version"]).status !== 0) {
      expect(process.env.CI).not.toBe("true");
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), "perfeval-manifest-"));
    writeFileSync(join(dir, "manifest.xml"), cfg.rewriteManifest(manifest, "https://oa.example.gov.cn/perfeval/"));
    const out = execFileSync("bash", [`${root}scripts/validate-manifest.sh`, join(dir, "manifest.xml")], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, PERFEVAL_SCHEMAS: `${root}test/manifest/schemas` },
    });
    expect(out).toBe("");
  });
});

describe("pages", () => {
  it("task pane: Office.js from the CDN by default, with the CDN allowed in script-src only then", () => {
    const html = cfg.decorateHtml(page, { officeJs: "cdn", withOffice: true });
    expect(html).toContain(`<script src="${CDN}"></script>`);
    expect(html).toMatch(
      /http-equiv="Content-Security-Policy" content="[^"]*script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/,
    );
    expect(html).toContain("connect-src 'self'");
  });

  it("task pane with OFFICE_JS=local: the bundled copy and no CDN anywhere", () => {
    const html = cfg.decorateHtml(page, { officeJs: "local", withOffice: true });
    expect(html).toContain('<script src="office-js/office.js"></script>');
    expect(html).not.toContain("appsforoffice");
    expect(html).toContain("script-src 'self';");
  });

  it("adds the Office.js tag when the page has none, and exactly one CSP meta", () => {
    const bare = "<html><head><title>x</title></head><body></body></html>";
    const html = cfg.decorateHtml(bare, { officeJs: "cdn", withOffice: true });
    expect(html.match(/office\.js/g)).toHaveLength(1);
    const twice = cfg.decorateHtml(html, { officeJs: "cdn", withOffice: true });
    expect(twice.match(/Content-Security-Policy/g)).toHaveLength(1);
  });

  it("browser page: no Office.js and a self-only script policy", () => {
    const html = cfg.decorateHtml(page, { officeJs: "cdn", withOffice: false });
    expect(html).not.toContain("office.js");
    expect(html).toContain("script-src 'self';");
  });

  it("builds only the pages whose entry files exist", () => {
    const empty = mkdtempSync(join(tmpdir(), "perfeval-pages-"));
    expect(cfg.pages(empty)).toEqual([]);
    for (const p of cfg.pages()) expect(["taskpane.html", "web/index.html"]).toContain(p.filename);
  });
});

describe("npm start", () => {
  it.each([
    ["win32", {}, "sideload"],
    ["darwin", {}, "sideload"],
    ["linux", {}, "browser"],
    ["win32", { PERFEVAL_NO_SIDELOAD: "1" }, "browser"],
  ] as const)("on %s %o → %s", (os, env, plan) => {
    expect(startPlan(os, env)).toBe(plan);
  });

  it.each([
    ["linux", false, "http"],
    ["linux", true, "https"],
    ["win32", false, "https"],
    ["darwin", false, "https"],
  ] as const)("on %s with certificates %s prints the %s address the dev server answers on", (os, certs, scheme) => {
    expect(devServerScheme(os, () => certs)).toBe(scheme);
    const message = browserMessage(devServerScheme(os, () => certs));
    expect(message).toContain(`${scheme}://localhost:3000/web/index.html?example=1`);
    expect(message).not.toContain(`${scheme === "http" ? "https" : "http"}://localhost`);
  });
});

describe("the dev server's port, from package.json's config as Yo Office reads it", () => {
  it("is config.dev_server_port, passed by npm", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
      config: { dev_server_port: number };
    };
    expect(pkg.config.dev_server_port).toBe(3000);
    expect(devServerPort({ npm_package_config_dev_server_port: "3000" })).toBe(3000);
    expect(devServerPort({ npm_package_config_dev_server_port: "3001" })).toBe(3001);
    expect(browserMessage("http", 3001)).toContain("http://localhost:3001/web/index.html?example=1");
  });

  it("is 3000 outside npm, and a value that is no port is refused in words", () => {
    expect(devServerPort({})).toBe(3000);
    expect(() => devServerPort({ npm_package_config_dev_server_port: "abc" })).toThrow(
      "config.dev_server_port should be a number.",
    );
    expect(() => devServerPort({ npm_package_config_dev_server_port: "70000" })).toThrow("not 70000");
  });
});

describe("CSP placement", () => {
  it("puts the CSP meta right after <meta charset>", () => {
    const html = cfg.decorateHtml(page, { officeJs: "cdn", withOffice: true });
    expect(html.indexOf("charset")).toBeLessThan(html.indexOf("Content-Security-Policy"));
    expect(html.indexOf("Content-Security-Policy")).toBeLessThan(html.indexOf("office.js"));
  });
});

describe("the dev server's bare address", () => {
  it("redirects / to the browser page instead of answering Cannot GET /", async () => {
    const { default: configFor } = (await import(configPath)) as {
      default: (env: object, argv: object) => Promise<unknown>;
    };
    const config = (await configFor({}, { mode: "development" })) as {
      devServer: { setupMiddlewares: (m: unknown[], s: unknown) => unknown[] };
    };
    const routes = new Map<string, (req: unknown, res: { redirect: (to: string) => void }) => void>();
    const middlewares = config.devServer.setupMiddlewares([], {
      app: { get: (p: string, h: never) => routes.set(p, h) },
    });
    expect(middlewares).toEqual([]);
    let to = "";
    routes.get("/")!({}, { redirect: (t) => (to = t) });
    expect(to).toBe("/web/index.html");
  });
});
