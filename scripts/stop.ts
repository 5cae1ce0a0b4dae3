/**
 * `npm stop`: end what `npm start` began — the sideloading session (Windows/Mac, through office-addin-debugging)
 * and the dev server it recorded (its whole process group: webpack and every child).
 */
import { spawnSync } from "node:child_process";
import { startPlan, stopDevServer } from "./start";

async function main(): Promise<void> {
  if (startPlan() === "sideload") {
    const r = spawnSync("npx", ["office-addin-debugging", "stop", "manifest.xml", "desktop", "--app", "excel"], {
      stdio: "inherit",
      shell: process.platform === "win32",
    });
    process.exitCode = r.status ?? 1;
  }
  const stopped = await stopDevServer();
  process.stdout.write(
    stopped === "stopped"
      ? "已停止开发服务器。The dev server was stopped.\n"
      : "没有正在运行的开发服务器。No dev server was running.\n",
  );
}

// Only run when executed, not when a test imports it.
if (process.argv[1] && /stop\.ts$/.test(process.argv[1])) await main();
