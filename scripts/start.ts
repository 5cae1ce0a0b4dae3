/**
 * `npm start`: sideload the add-in into Excel desktop (Windows/Mac) through office-addin-debugging, which
 * also starts the https dev server. Where that cannot work (Linux, no Excel, or it fails) say so plainly and
 * serve the browser page instead, and print the address that answers (http without dev certificates).
 * The dev server runs in a process group of its own, recorded in .tmp/dev-server.pid: Ctrl+C (or any
 * SIGINT/SIGTERM/SIGHUP to this script) and `npm stop` end the whole group — webpack and every child.
 */
import { spawn, spawnSync } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir, platform } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { logErrorMessage, parseNumber } from "office-addin-cli";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Where the running dev server's process group is recorded (PERFEVAL_PID_FILE overrides, for tests). */
export function pidFile(env: NodeJS.ProcessEnv = process.env): string {
  return env.PERFEVAL_PID_FILE ?? path.join(ROOT, ".tmp", "dev-server.pid");
}

/**
 * The dev server's command: webpack-cli run by this Node directly (no npx/npm layers that orphan their child
 * when killed). PERFEVAL_DEV_SERVER, a JSON array, replaces it (tests use a stand-in process tree).
 */
export function devServerCommand(env: NodeJS.ProcessEnv = process.env): readonly [string, readonly string[]] {
  if (env.PERFEVAL_DEV_SERVER) {
    const [command, ...args] = JSON.parse(env.PERFEVAL_DEV_SERVER) as string[];
    if (!command) throw new Error("PERFEVAL_DEV_SERVER must be a JSON array: [command, ...args]");
    return [command, args];
  }
  return [process.execPath, [path.join(ROOT, "node_modules/webpack-cli/bin/cli.js"), "serve", "--mode", "development"]];
}

/** End a process and everything it started: its process group on POSIX, its tree on Windows. */
export function killTree(pid: number, signal: NodeJS.Signals = "SIGTERM"): void {
  if (process.platform === "win32") {
    spawnSync("taskkill", ["/pid", String(pid), "/T", "/F"], { stdio: "ignore" });
    return;
  }
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is gone already.
  }
}

/** True while any process of the group (POSIX) or the process (Windows) is alive. */
export function alive(pid: number): boolean {
  try {
    process.kill(process.platform === "win32" ? pid : -pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Stop the dev server recorded in the pid file: SIGTERM to its group, SIGKILL after `graceMs`. */
export async function stopDevServer(file: string = pidFile(), graceMs = 10_000): Promise<"stopped" | "none"> {
  if (!existsSync(file)) return "none";
  const pid = Number(readFileSync(file, "utf8").trim());
  rmSync(file, { force: true });
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return "none";
  killTree(pid, "SIGTERM");
  const until = Date.now() + graceMs;
  while (alive(pid) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) killTree(pid, "SIGKILL");
  return "stopped";
}

/**
 * Run the dev server in its own process group, record it, and end the whole group when this script is told to
 * stop; resolves with the server's exit code.
 */
export function serveDevServer(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [command, args] = devServerCommand(env);
  const file = pidFile(env);
  const child: ChildProcess = spawn(command, args, {
    stdio: "inherit",
    cwd: ROOT,
    // A group of its own (POSIX), so one signal reaches webpack and every process it starts.
    detached: process.platform !== "win32",
  });
  if (child.pid) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${child.pid}\n`);
  }
  const stop = (): void => {
    if (child.pid) killTree(child.pid, "SIGTERM");
  };
  const signals: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];
  for (const s of signals) process.on(s, stop);
  return new Promise((resolve) => {
    const done = (code: number): void => {
      for (const s of signals) process.off(s, stop);
      // The server may have left children: end them too, then forget the group.
      if (child.pid) killTree(child.pid, "SIGKILL");
      if (existsSync(file) && readFileSync(file, "utf8").trim() === String(child.pid)) rmSync(file, { force: true });
      resolve(code);
    };
    child.on("exit", (code, signal) => done(code ?? (signal ? 0 : 1)));
    child.on("error", () => done(1));
  });
}

/**
 * The dev server's port, as Yo Office's scripts read it: package.json's config.dev_server_port, which npm passes
 * as npm_package_config_dev_server_port (and `npm config set perfeval:dev_server_port 3001` overrides); 3000 when
 * run outside npm. A value that is no number is refused with office-addin-cli's message.
 */
export function devServerPort(env: NodeJS.ProcessEnv = process.env): number {
  const port = parseNumber(env.npm_package_config_dev_server_port, "config.dev_server_port should be a number.");
  if (port === undefined) return 3000;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`config.dev_server_port should be a port number (1–65535), not ${port}.`);
  }
  return port;
}

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
export function browserMessage(scheme: "https" | "http" = devServerScheme(), port = devServerPort()): string {
  const url = `${scheme}://localhost:${port}/web/index.html?example=1`;
  return (
    "此计算机无法旁加载到 Excel 桌面版（仅支持 Windows 和 macOS），改为启动网页版（打开内置的万州 2020 示例）：\n" +
    `${url}\n` +
    "Excel can't be sideloaded on this machine (Excel desktop runs only on Windows and macOS).\n" +
    `Serving the browser page instead: open ${url} (the bundled Wanzhou 2020 example).\n` +
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
  const port = devServerPort();
  if (startPlan() === "sideload") {
    const code = await run("npx", [
      "office-addin-debugging",
      "start",
      "manifest.xml",
      "desktop",
      "--app",
      "excel",
      "--dev-server-port",
      String(port),
    ]);
    if (code === 0) return;
    process.stderr.write(`office-addin-debugging failed (exit ${code}).\n`);
  }
  process.stdout.write(browserMessage(devServerScheme(), port));
  process.stdout.write(
    "结束：在此按 Ctrl+C，或在另一个终端运行 npm stop。Stop with Ctrl+C here, or npm stop in another terminal.\n",
  );
  process.exitCode = await serveDevServer();
}

// Only run when executed, not when a test imports startPlan.
if (process.argv[1] && /start\.ts$/.test(process.argv[1])) {
  // Errors reported as Yo Office's scripts report them (office-addin-cli), with a failing exit code.
  await main().catch((err: unknown) => {
    logErrorMessage(err);
    process.exitCode = 1;
  });
}
