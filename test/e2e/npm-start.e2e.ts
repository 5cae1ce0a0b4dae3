// npm start / npm stop as a Yo Office user expects: every process started ends, by `npm stop` or by Ctrl+C.
// The dev server is replaced by a stand-in tree (server → child → grandchild, as npm → tsx → webpack → workers)
// so the test needs no webpack build and no port.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");
const tsx = path.join(root, "node_modules/tsx/dist/cli.mjs");

// Each level records its pid, starts the next level and sleeps: node tree.cjs <pid file> <levels below>.
const TREE = `
const { spawn } = require("node:child_process");
const { appendFileSync } = require("node:fs");
const [file, below] = [process.argv[2], Number(process.argv[3])];
appendFileSync(file, process.pid + "\\n");
if (below > 0) spawn(process.execPath, [__filename, file, String(below - 1)], { stdio: "ignore" });
setInterval(() => {}, 1000);
`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(check: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(process.platform === "win32")("npm start / npm stop on Linux", () => {
  const started: ChildProcess[] = [];
  afterEach(() => {
    for (const c of started) if (c.pid && alive(c.pid)) c.kill("SIGKILL");
  });

  function start() {
    const dir = mkdtempSync(path.join(tmpdir(), "perfeval-start-"));
    const pids = path.join(dir, "pids");
    const src = path.join(dir, "tree.cjs");
    writeFileSync(src, TREE);
    const env = {
      ...process.env,
      PERFEVAL_NO_SIDELOAD: "1",
      PERFEVAL_PID_FILE: path.join(dir, "dev-server.pid"),
      PERFEVAL_DEV_SERVER: JSON.stringify([process.execPath, src, pids, "2"]),
    };
    let out = "";
    const child = spawn(process.execPath, [tsx, "scripts/start.ts"], {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    started.push(child);
    const tree = (): number[] =>
      existsSync(pids) ? readFileSync(pids, "utf8").split("\n").filter(Boolean).map(Number) : [];
    return { child, env, tree, output: () => out, pidFile: env.PERFEVAL_PID_FILE };
  }

  it("prints the address that answers, and npm stop ends the server and all its children", async () => {
    const s = start();
    await until(() => s.tree().length === 3 && existsSync(s.pidFile));
    expect(s.output()).toMatch(/https?:\/\/localhost:3000\/web\/index\.html\?example=1/);
    const r = spawnSync(process.execPath, [tsx, "scripts/stop.ts"], { cwd: root, env: s.env, encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("已停止开发服务器");
    await until(() => s.tree().every((pid) => !alive(pid)) && s.child.exitCode !== null);
    expect(existsSync(s.pidFile)).toBe(false);
    // Nothing left to stop.
    const again = spawnSync(process.execPath, [tsx, "scripts/stop.ts"], { cwd: root, env: s.env, encoding: "utf8" });
    expect(again.stdout).toContain("没有正在运行的开发服务器");
  });

  it.each(["SIGINT", "SIGTERM"] as const)(
    "%s to npm start (Ctrl+C, kill) ends every process it started",
    async (signal) => {
      const s = start();
      await until(() => s.tree().length === 3);
      s.child.kill(signal);
      await until(() => s.tree().every((pid) => !alive(pid)) && s.child.exitCode !== null);
      expect(existsSync(s.pidFile)).toBe(false);
    },
  );
});
