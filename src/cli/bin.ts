/** The perfeval process: argv, stdio and the exit code around main() (the compiled CLI's entry, dist/cli). */
import { main } from "./main";

void main(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTTY: Boolean(process.stderr.isTTY),
  cwd: process.cwd(),
}).then((code) => {
  process.exitCode = code;
});
