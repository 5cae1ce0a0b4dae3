// 报告 from the command line as a department hands it in: a PDF (the 一体化 system takes one), and the open
// warnings said before the report is written.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";
import { officeSuite, withSoffice } from "../office-suite/libreoffice";

const EXAMPLE = path.resolve("assets/example-wanzhou-2020.xlsx");
const dir = mkdtempSync(path.join(tmpdir(), "perfeval-pdf-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CliIO = { stdout: (t) => (out += t), stderr: (t) => (err += t), isTTY: false, cwd: dir };
  const code = await main(args, io, () => new Date(2026, 11, 3, 10, 0, 0));
  return { code, out, err };
}

describe("perfeval report", () => {
  it("says the open warnings, with the list, before the report — and the report text carries none", async () => {
    const r = await run(["report", EXAMPLE, "--text"]);
    expect(r.code).toBe(0);
    const [first, ...listed] = r.err.trim().split("\n");
    expect(first).toMatch(/^注意：还有 (\d+) 条警告未处理，报告照常生成/);
    const n = Number(/还有 (\d+) 条/.exec(first!)![1]);
    expect(n).toBeGreaterThan(0);
    expect(listed.filter((l) => l.startsWith("  警告"))).toHaveLength(n);
    expect(r.out).toContain("2020年部门整体支出绩效评价报告");
    expect(r.out).not.toContain("警告");
  });

  it("refuses a PDF without LibreOffice in one clear sentence, and writes nothing", async () => {
    const out = path.join(dir, "nothing.pdf");
    const before = process.env["PERFEVAL_SOFFICE"];
    process.env["PERFEVAL_SOFFICE"] = path.join(dir, "no-such-soffice");
    try {
      const r = await run(["report", EXAMPLE, "-o", out]);
      expect(r.code).toBe(2);
      expect(r.err).toContain("未找到 LibreOffice");
      expect(r.err).not.toMatch(/\n\s+at /);
      expect(existsSync(out)).toBe(false);
    } finally {
      if (before === undefined) delete process.env["PERFEVAL_SOFFICE"];
      else process.env["PERFEVAL_SOFFICE"] = before;
    }
  });

  it.skipIf(!officeSuite.available)(
    "writes the report as a PDF with LibreOffice: A4, the title, the total and the table",
    async () => {
      const out = path.join(dir, "报告.pdf");
      const r = await withSoffice(() => run(["report", EXAMPLE, "-o", out]));
      expect(r.code).toBe(0);
      expect(r.err).toContain(`已生成报告：${out}`);
      const info = execFileSync("pdfinfo", [out], { encoding: "utf8" });
      expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
      const text = execFileSync("pdftotext", [out, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
      expect(text).toContain("2020年部门整体支出绩效评价报告");
      expect(text).toContain("评价等次为“优”");
      expect(text).toContain("附表：部门整体支出绩效评价指标得分表");
    },
    240_000,
  );
});
