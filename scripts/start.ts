/**
 * `npm start`: sideload the add-in into Excel desktop (Windows/Mac) through office-addin-debugging, which
 * also starts the https dev server. Where that cannot work (Linux, no Excel, or it fails) say so plainly and
 * serve the browser page instead, and print the address that answers (http without dev certificates).
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { homedir, platform } from "node:os";
import path from "node:path";

export type StartPlan = "sideload" | "browser";

/** Excel desktop exists only on Windows and macOS; PERFEVAL_NO_SIDELOAD=1 forces the browser page. */
export function startPlan(os: string = platform(), env: NodeJS.ProcessEnv = process.env): StartPlan {
  if (env.PERFEVAL_NO_SIDELOAD === "1") return "browser";
  return os === "win32" || os === "darwin" ? "sideload" : "browser";
}

/**
 * The scheme the dev server answers on, decided as webpack.config.js decides it: https when
 * office-addin-dev-certs' certificates exist or can be made (Windows, macOS), http otherwise.
 */
export function devServerScheme(
  os: string = platform(),
  certsExist: () => boolean = () =>
    ["localhost.crt", "localhost.key", "ca.crt"].every((f) =>
      existsSync(path.join(homedir(), ".office-addin-dev-certs", f)),
    ),
): "https" | "http" {
  return os === "win32" || os === "darwin" || certsExist() ? "https" : "http";
}

/** What `npm start` says when it serves the browser page: the address that answers. */
export function browserMessage(scheme: "https" | "http" = devServerScheme()): string {
  return (
    "此计算机无法旁加载到 Excel 桌面版（仅支持 Windows 和 macOS），改为启动网页版（打开内置的万州 2020 示例）：\n" +
    `${scheme}://localhost:3000/web/index.html?example=1\n` +
    "Excel can't be sideloaded on this machine (Excel desktop runs only on Windows and macOS).\n" +
    `Serving the browser page instead: open ${scheme}://localhost:3000/web/index.html?example=1 (the bundled Wanzhou 2020 example).\n` +
    "To try the add-in in Excel on the web, see README → Sideload into Excel.\n"
  );
}

function run(command: string, args: readonly string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", shell: process.platform === "win32" });
    child.on("exit", (code) => resolve(code ?? 1));
    child.on("error", () => resolve(1));
  });
}

async function main(): Promise<void> {
  if (startPlan() === "sideload") {
    const code = await run("npx", [
      "office-addin-debugging",
      "start",
      "manifest.xml",
      "desktop",
      "--app",
      "excel",
      "--dev-server-port",
      "3000",
    ]);
    if (code === 0) return;
    process.stderr.write(`office-addin-debugging failed (exit ${code}).\n`);
  }
  process.stdout.write(browserMessage());
  process.exitCode = await run("npx", ["webpack", "serve", "--mode", "development"]);
}

// Only run when executed, not when a test imports startPlan.
if (process.argv[1] && /start\.ts$/.test(process.argv[1])) await main();
