import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import ExcelJS from "exceljs";
import { describe, expect, it, beforeAll } from "vitest";
import { main, EXIT } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";
import { readSnapshot } from "../../src/hosts/xlsx/read-snapshot";
import { findName, cellAtRef } from "../../src/engine/model/snapshot";

const EXAMPLE = path.resolve(__dirname, "../../assets/example-wanzhou-2020.xlsx");

interface Run {
  code: number;
  out: string;
  err: string;
}

async function run(args: string[], cwd: string, isTTY = false): Promise<Run> {
  let out = "";
  let err = "";
  const io: CliIO = { stdout: (t) => (out += t), stderr: (t) => (err += t), isTTY, cwd };
  const code = await main(args, io, () => new Date("2026-11-28T00:00:00Z"));
  return { code, out, err };
}

const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "perfeval-cli-"));
});

describe("usage", () => {
  it.each([
    [[], EXIT.usage],
    [["frobnicate"], EXIT.usage],
    [["validate"], EXIT.usage],
    [["score", "x.xlsx", "--bogus"], EXIT.usage],
    [["--help"], EXIT.ok],
  ])("%j exits %i with the usage text and no stack trace", async (args, code) => {
    const r = await run(args, dir);
    expect(r.code).toBe(code);
    expect(r.out + r.err).toContain("perfeval");
    expect(r.out + r.err).not.toMatch(/\n\s+at /);
  });

  it("says why a file cannot be read in the language asked for (review: --lang en printed Chinese)", async () => {
    const bad = path.join(dir, "scratch.xlsx");
    writeFileSync(bad, "not a workbook at all");
    const en = await run(["validate", bad, "--lang", "en"], dir);
    expect(en.code).toBe(EXIT.usage);
    expect(en.err).toContain("This is not an Excel workbook (.xlsx); choose an .xlsx file.");
    expect(en.err).not.toMatch(/[\u4e00-\u9fff]/);
    const zh = await run(["validate", bad], dir);
    expect(zh.err).toContain("这不是 Excel 工作簿（.xlsx）文件，请选择 .xlsx 文件。");
    const missing = await run(["validate", path.join(dir, "nowhere.xlsx"), "--lang", "en"], dir);
    expect(missing.err).toContain("no such file");
  });

  it("speaks English with --lang en", async () => {
    const r = await run(["validate", "--lang", "en"], dir);
    expect(r.err).toContain("Missing argument");
  });
});

describe("bad files: one clear sentence, exit 2, never a stack trace", () => {
  const cases: [string, () => string][] = [
    ["missing file", () => path.join(dir, "nope.xlsx")],
    ["a folder", () => dir],
    ["empty file", () => (writeFileSync(path.join(dir, "empty.xlsx"), ""), path.join(dir, "empty.xlsx"))],
    [
      "random bytes",
      () => (
        writeFileSync(path.join(dir, "noise.xlsx"), Buffer.from("not a workbook at all")),
        path.join(dir, "noise.xlsx")
      ),
    ],
    [
      "an OLE (password-protected) file",
      () => (
        writeFileSync(
          path.join(dir, "locked.xlsx"),
          Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
        ),
        path.join(dir, "locked.xlsx")
      ),
    ],
  ];
  it.each(cases)("%s", async (_name, make) => {
    const file = make();
    for (const cmd of ["validate", "score", "report"]) {
      const r = await run([cmd, file], dir);
      expect(r.code).toBe(EXIT.usage);
      expect(r.err.trim().split("\n")).toHaveLength(1);
      expect(r.err).toContain(path.basename(file));
      expect(r.err).not.toMatch(/\n\s+at |Error:/);
    }
  });

  it("names the sheet a user deleted in Excel (its names dropped): the CLI passes the known templates", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(EXAMPLE) as unknown as ArrayBuffer);
    const gone = "重点工作";
    const sheet = wb.getWorksheet(gone);
    if (!sheet) throw new Error(`the example has no sheet ${gone}`);
    wb.removeWorksheet(sheet.id);
    wb.definedNames.model = wb.definedNames.model.filter((n) => !n.ranges.some((r) => r.includes(gone)));
    const damaged = path.join(dir, "deleted-sheet.xlsx");
    writeFileSync(damaged, Buffer.from(await wb.xlsx.writeBuffer()));
    const r = await run(["validate", damaged, "--json"], dir);
    expect(r.code).toBe(EXIT.errors);
    const errors = (
      JSON.parse(r.out) as { diagnostics: { severity: string; code: string; message: string }[] }
    ).diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => d.code)).toEqual(["template_sheet_missing"]);
    expect(errors[0]?.message).toContain(gone);
  });

  it("a workbook that is not the template", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").getCell("A1").value = "预算表";
    const plain = path.join(dir, "plain.xlsx");
    writeFileSync(plain, Buffer.from(await wb.xlsx.writeBuffer()));
    for (const cmd of ["validate", "score", "report"]) {
      const r = await run([cmd, plain], dir);
      expect(r.code).toBe(EXIT.usage);
      expect(r.err).toContain("不是绩效评价模板");
    }
  });
});

describe("template, validate, score, report on the seed example", () => {
  it("writes a blank template that validates with required-field errors (exit 1)", async () => {
    const out = path.join(dir, "blank.xlsx");
    expect((await run(["template", out], dir)).code).toBe(EXIT.ok);
    const r = await run(["validate", out], dir);
    expect(r.code).toBe(EXIT.errors);
    expect(r.out).toContain("错误");
  });

  it("families lists the templates it can write; template --family writes one, an unknown id is a usage error", async () => {
    const listed = await run(["families"], dir);
    expect(listed.code).toBe(EXIT.ok);
    expect(listed.out.trim().split("\n")).toEqual([
      expect.stringMatching(/^cn\.perfeval\.dept-overall {2}1\.\d+\.\d+ {2}部门整体支出绩效评价$/),
    ]);
    const out = path.join(dir, "family.xlsx");
    expect((await run(["template", out, "--family", "cn.perfeval.dept-overall"], dir)).code).toBe(EXIT.ok);
    const json = JSON.parse((await run(["validate", out, "--json"], dir)).out);
    expect(json.template.id).toBe("cn.perfeval.dept-overall");
    const bad = await run(["template", path.join(dir, "none.xlsx"), "--family", "cn.perfeval.nope"], dir);
    expect(bad.code).toBe(EXIT.usage);
    expect(bad.err).toContain("没有编号为「cn.perfeval.nope」的模板。可用的模板：cn.perfeval.dept-overall");
    expect(existsSync(path.join(dir, "none.xlsx"))).toBe(false);
  });

  it("validate --json reports exactly the three published slips as warnings (exit 0)", async () => {
    const r = await run(["validate", EXAMPLE, "--json"], dir);
    expect(r.code).toBe(EXIT.ok);
    const json = JSON.parse(r.out);
    expect(json.template).toEqual({ id: "cn.perfeval.dept-overall", version: expect.any(String) });
    const warnings = json.diagnostics.filter((d: { severity: string }) => d.severity === "warning");
    expect(warnings.map((d: { code: string }) => d.code)).toEqual(["sum_mismatch", "sum_mismatch", "sum_mismatch"]);
    expect(json.total).toBeNull();
  });

  it("score -o writes 94 优 into a new file and leaves the input untouched", async () => {
    const before = sha(EXAMPLE);
    const out = path.join(dir, "scored.xlsx");
    const r = await run(["score", EXAMPLE, "-o", out, "--json"], dir);
    expect(r.code).toBe(EXIT.ok);
    const json = JSON.parse(r.out);
    expect(json.total).toBe(94);
    expect(json.grade).toBe("优");
    expect(json.levels.map((l: { score: number }) => l.score)).toEqual([5, 24.5, 46, 18.5]);
    expect(Object.keys(json.indicators[0]).sort()).toEqual([
      "criterion",
      "explanation",
      "id",
      "name",
      "path",
      "reason",
      "score",
      "value",
      "valueText",
      "weight",
    ]);
    expect(json.indicators[0].valueText).toBe("100.00%"); // ratio(staff_actual, staff_quota), as the report prints it
    // 评分说明 as the sheet's column holds it.
    expect(json.indicators[0].explanation).toBe("财政供养人员控制率为100.00%，未超过限值100%，得满分");
    expect(sha(EXAMPLE)).toBe(before);
    const snap = await readSnapshot(readFileSync(out));
    const total = findName(snap, "result_total")!;
    expect(cellAtRef(snap, total)).toEqual({ t: "n", v: 94 });
  });

  it("refuses -o together with --in-place", async () => {
    const r = await run(["score", EXAMPLE, "-o", path.join(dir, "x.xlsx"), "--in-place"], dir);
    expect(r.code).toBe(EXIT.usage);
  });

  it("report --text prints the seven sections; -o writes a .docx", async () => {
    const r = await run(["report", EXAMPLE, "--text"], dir);
    expect(r.code).toBe(EXIT.ok);
    for (const h of ["一、", "二、", "三、", "四、", "五、", "六、", "七、"]) expect(r.out).toContain(h);
    expect(r.out).toContain("94");
    const docx = path.join(dir, "r.docx");
    expect((await run(["report", EXAMPLE, "-o", docx], dir)).code).toBe(EXIT.ok);
    const zip = await JSZip.loadAsync(readFileSync(docx));
    expect(await zip.file("word/document.xml")!.async("string")).toContain("绩效");
  });
  it("report -o 报告.txt writes the text the --text output prints; an extension it cannot write is refused, nothing written", async () => {
    const shown = (await run(["report", EXAMPLE, "--text"], dir)).out;
    const txt = path.join(dir, "报告.txt");
    const r = await run(["report", EXAMPLE, "-o", txt], dir);
    expect(r.code).toBe(EXIT.ok);
    const written = readFileSync(txt, "utf8");
    expect(written.startsWith("PK")).toBe(false);
    expect(written).toBe(shown);
    expect(r.out).toBe("");

    const md = path.join(dir, "报告.md");
    const bad = await run(["report", EXAMPLE, "-o", md], dir);
    expect(bad.code).toBe(EXIT.usage);
    expect(bad.err).toContain("报告.md");
    expect(bad.err).toContain(".docx");
    expect(existsSync(md)).toBe(false);
    const badEn = await run(["report", EXAMPLE, "-o", md, "--lang", "en"], dir);
    expect(badEn.err).toContain("a report can be written as .docx");
  });
});

describe("batch", () => {
  it("scores good files, skips bad ones, never aborts, and writes one summary row per file", async () => {
    const folder = path.join(dir, "batch");
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, "a.xlsx"), readFileSync(EXAMPLE));
    writeFileSync(path.join(folder, "b-broken.xlsx"), Buffer.from("PK\u0003\u0004 truncated"));
    writeFileSync(path.join(folder, "~$a.xlsx"), "lock file");
    const out = path.join(dir, "summary.xlsx");
    const r = await run(["batch", folder, "-o", out], dir);
    expect(r.code).toBe(EXIT.errors);
    expect(r.err).toContain("b-broken.xlsx");
    expect(existsSync(out)).toBe(true);
    const snap = await readSnapshot(readFileSync(out));
    const rows = snap.sheets[0]!.cells;
    expect(snap.sheets.map((s) => s.name)).toEqual(["汇总", "扣分明细", "问题清单"]);
    const header = rows[0]!.map((c) => (c.t === "s" ? c.v : ""));
    const totalCol = header.indexOf("总分（100分）");
    expect(rows[1]![0]).toEqual({ t: "s", v: "a.xlsx" });
    expect(rows[1]![totalCol]).toEqual({ t: "n", v: 94 });
    expect(rows[2]![0]).toEqual({ t: "s", v: "b-broken.xlsx" });
  });

  it("says where its time went when asked (the bench's parse / engine / summary split)", async () => {
    const folder = path.join(dir, "batch-timed");
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, "a.xlsx"), readFileSync(EXAMPLE));
    writeFileSync(path.join(folder, "b.xlsx"), readFileSync(EXAMPLE));
    const timings = { parseMs: 0, engineMs: 0, summaryMs: 0 };
    const io: CliIO = { stdout: () => {}, stderr: () => {}, isTTY: false, cwd: dir };
    const started = performance.now();
    const code = await main(["batch", folder, "-o", path.join(dir, "timed.xlsx")], io, () => new Date(), timings);
    const wall = performance.now() - started;
    expect(code).toBe(EXIT.ok);
    for (const ms of Object.values(timings)) expect(ms).toBeGreaterThan(0);
    expect(timings.parseMs + timings.engineMs + timings.summaryMs).toBeLessThanOrEqual(wall);
  });
});
