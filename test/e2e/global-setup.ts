import { execFileSync } from "node:child_process";
import { createReadStream, existsSync, statSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import type { TestProject } from "vitest/node";
import { findBrowser, NO_BROWSER_MESSAGE } from "../../scripts/browser";
import { buildPaneTestPage } from "./pane/build";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    browserPath: string;
  }
}

const root = path.resolve(__dirname, "../..");
const out = path.join(root, ".tmp/e2e-dist");
let server: http.Server | null = null;

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
  ".json": "application/json",
};

/** A static file server on loopback for the built page. */
function serve(dir: string): Promise<string> {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const file = path.join(dir, decodeURIComponent(url.pathname));
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server!.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server!.address() as AddressInfo).port}`)),
  );
}

export async function setup(project: TestProject): Promise<void> {
  const browser = findBrowser();
  if (!browser) {
    if (process.env.CI) throw new Error(`CI requires the browser end-to-end tests. ${NO_BROWSER_MESSAGE}`);
    process.stderr.write(`\n${NO_BROWSER_MESSAGE}\n\n`);
    project.provide("browserPath", "");
    project.provide("baseUrl", "");
    return;
  }
  // E2E_REUSE_BUILD=1 keeps the last build (while working on the tests themselves, not on src/).
  if (!(process.env.E2E_REUSE_BUILD === "1" && existsSync(path.join(out, "taskpane.html")))) {
    execFileSync(
      process.execPath,
      [path.join(root, "node_modules/webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", out],
      {
        cwd: root,
        stdio: ["ignore", "ignore", "inherit"],
        env: { ...process.env, NODE_ENV: "production" },
      },
    );
  }
  // The task pane with a fake Office.js beside it (taskpane.e2e.ts).
  await buildPaneTestPage(root, out);
  project.provide("browserPath", browser);
  project.provide("baseUrl", await serve(out));
}

export async function teardown(): Promise<void> {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
}
