/** `npm stop`: end the sideloading session (Windows/Mac) that `npm start` began; elsewhere nothing to stop. */
import { spawnSync } from "node:child_process";
import { startPlan } from "./start";

if (startPlan() === "sideload") {
  const r = spawnSync("npx", ["office-addin-debugging", "stop", "manifest.xml", "desktop", "--app", "excel"], {
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  process.exitCode = r.status ?? 1;
} else {
  process.stdout.write("Nothing was sideloaded on this machine; stop the dev server with Ctrl+C in its terminal.\n");
}
