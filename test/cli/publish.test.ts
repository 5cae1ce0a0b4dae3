import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { main, EXIT } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";
import { readSnapshot } from "../../src/hosts/xlsx/read-snapshot";
import { buildStandardTemplate } from "../../src/hosts/xlsx/standard";
import { runValidation } from "../../src/engine";
import { configurationCells, fingerprintOf, readPublished } from "../../src/engine/compile/published";
import { withCell } from "../fixtures";

// 发布 as a finance bureau does it on the command line, and what a department's 校验 then says.
const EXAMPLE = path.resolve(__dirname, "../../assets/example-wanzhou-2020.xlsx");
const TEMPLATE = path.resolve(__dirname, "../../assets/standard-template.xlsx");

async function run(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CliIO = { stdout: (t) => (out += t), stderr: (t) => (err += t), isTTY: false, cwd };
  const code = await main(args, io, () => new Date("2026-12-04T08:00:00Z"));
  return { code, out, err };
}

/** The sheets of a saved workbook by name, with their XML. */
async function sheetXml(file: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const wb = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? "";
    out.set(m[1]!, await zip.file(`xl/${target.replace(/^\/?xl\//, "")}`)!.async("string"));
  }
  return out;
}

let dir = "";
let published = "";
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "perfeval-publish-"));
  // A bureau's own template: the standard one as built, never published.
  writeFileSync(path.join(dir, "局模板.xlsx"), await buildStandardTemplate());
  const r = await run(["publish", "局模板.xlsx", "-o", "发布.xlsx"], dir);
  expect(r.code, r.out + r.err).toBe(EXIT.ok);
  published = path.join(dir, "发布.xlsx");
});

describe("perfeval publish", () => {
  it("publishes a blank template (its blank inputs are the departments', not errors) and says what it did", async () => {
    const r = await run(["publish", "局模板.xlsx", "-o", "again.xlsx"], dir);
    expect(r.out).toContain("0 个错误");
    expect(r.out).toMatch(/已发布：again\.xlsx（记录 \d+ 个设置单元格，指纹 sha256:[0-9a-f]{12}…；已保护工作表 /);
    expect(r.out).toContain("未设密码");
  });

  it("records every configuration cell in _meta with a fingerprint of the record", async () => {
    const s = await readSnapshot(readFileSync(published));
    const record = readPublished(s)!;
    expect(record.at).toBe("2026-12-04");
    expect(record.cells).toEqual(configurationCells(s));
    expect(record.fingerprint).toBe(fingerprintOf(record.cells));
    const at = (a: string) => record.cells.find((c) => `${c.sheet}!${c.address}` === a)?.text;
    // The rubric's settings (1.1.1's 分值 and 评分参数), a grade, the 满分, a 字段定义 row and a check are recorded …
    expect([at("指标体系!E6"), at("指标体系!O6"), at("字段定义!A4")]).toEqual([
      "2",
      "限值=100%；方向=高于；每点扣分=0.2",
      "unit_name",
    ]);
    expect(record.cells.some((c) => c.sheet === "校验规则" && c.text.includes("expend_total"))).toBe(true);
    expect(record.cells.some((c) => c.text === "优")).toBe(true);
    // … and nothing a department enters (自评得分 G, 扣分原因 H, 情况说明 M) or the engine writes (评分标准 F, 指标值 I,
    // 得分 J, 评分说明 K).
    expect(
      record.cells.filter(
        (c) => c.sheet === "指标体系" && /^[FGHIJKM](\d+)$/.test(c.address) && Number(c.address.slice(1)) > 3,
      ),
    ).toEqual([]);
  });

  it("protects the configuration sheets, with the department's and the add-in's cells left unlocked", async () => {
    const xml = await sheetXml(published);
    for (const sheet of ["指标体系", "字段定义", "校验规则"])
      expect(xml.get(sheet)).toMatch(/<sheetProtection [^>]*sheet="1"/);
    for (const sheet of ["基本情况", "收支情况", "重点工作"]) expect(xml.get(sheet)).not.toContain("<sheetProtection");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(published) as unknown as ExcelJS.Buffer);
    const rubric = wb.getWorksheet("指标体系")!;
    const locked = (a: string) => rubric.getCell(a).protection?.locked !== false;
    // 2.2.1 管理制度健全性 (row 15): 自评得分 G, 扣分原因 H, 情况说明 M and the outputs F, I, J, K open; 分值 E,
    // 指标说明 L, 评分参数 O locked.
    expect(["G15", "H15", "M15", "F15", "I15", "J15", "K15"].map(locked)).toEqual(Array(7).fill(false));
    expect(["E15", "L15", "O15", "D15"].map(locked)).toEqual([true, true, true, true]);
  });

  it("sets a password when asked (Excel's SHA-512 hash, never the password itself)", async () => {
    const r = await run(["publish", "局模板.xlsx", "-o", "pw.xlsx", "--password", "wz2020"], dir);
    expect(r.out).toContain("设有密码");
    const xml = (await sheetXml(path.join(dir, "pw.xlsx"))).get("指标体系")!;
    expect(xml).toMatch(/<sheetProtection [^>]*algorithmName="SHA-512"[^>]*hashValue="[^"]+"/);
    expect(xml).not.toContain("wz2020");
  });

  it("refuses a template whose rubric is wrong, and writes nothing", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(TEMPLATE) as unknown as ExcelJS.Buffer);
    wb.getWorksheet("指标体系")!.getCell("E11").value = 4; // 支付进度 3 → 4: 预算执行 adds up to 11
    writeFileSync(path.join(dir, "错.xlsx"), new Uint8Array(await wb.xlsx.writeBuffer()));
    const r = await run(["publish", "错.xlsx", "-o", "错-发布.xlsx"], dir);
    expect(r.code).toBe(EXIT.errors);
    expect(r.out).toContain("存在错误，未发布");
    expect(() => readFileSync(path.join(dir, "错-发布.xlsx"))).toThrow();
  });
});

describe("校验 on a department's copy of a published template", () => {
  it("the shipped example is published and, as shipped, reports no change", async () => {
    const s = await readSnapshot(readFileSync(EXAMPLE));
    expect(readPublished(s)?.at).toBe("2026-12-04");
    expect(runValidation(s).diagnostics.map((d) => d.code)).not.toContain("published_changed");
  });

  it("moving a point between two indicators is reported, naming both cells with what they were and are", async () => {
    let s = await readSnapshot(readFileSync(EXAMPLE));
    s = withCell(s, "指标体系", "E11", 2); // 支付进度 3 → 2
    s = withCell(s, "指标体系", "E12", 4); // 指标或资金收回 3 → 4: the sums still hold, scoring would run
    const d = runValidation(s).diagnostics.filter((x) => x.code === "published_changed");
    expect(d).toEqual([
      {
        code: "published_changed",
        severity: "warning",
        location: { sheet: "指标体系", address: "E11" },
        params: {
          at: "2026-12-04",
          count: "2",
          cells: [
            { cell: "指标体系!E11", was: "3", now: "2" },
            { cell: "指标体系!E12", was: "3", now: "4" },
          ],
        },
      },
    ]);
  });

  it("a department's own entries on the rubric sheet (自评得分, 情况说明) are not a change", async () => {
    let s = await readSnapshot(readFileSync(EXAMPLE));
    s = withCell(s, "指标体系", "G15", 1.5);
    s = withCell(s, "指标体系", "M15", "本部门制定了内部财务管理制度。");
    expect(runValidation(s).diagnostics.map((d) => d.code)).not.toContain("published_changed");
  });

  it("a changed 字段定义 row and an added 校验规则 row are named too", async () => {
    let s = await readSnapshot(readFileSync(EXAMPLE));
    s = withCell(s, "字段定义", "E7", 5); // staff_quota's 最小值 0 → 5
    const d = runValidation(s).diagnostics.find((x) => x.code === "published_changed");
    expect(d?.params).toMatchObject({ count: "1", cells: [{ cell: "字段定义!E7", was: "0", now: "5" }] });
  });

  it("an edited record no longer matches its fingerprint, and says so", async () => {
    const copy = path.join(dir, "meta.xlsx");
    copyFileSync(EXAMPLE, copy);
    let s = await readSnapshot(readFileSync(copy));
    const meta = s.sheets.find((x) => x.name === "_meta")!;
    const row = meta.cells.findIndex((r) => r?.[1] && "v" in r[1] && r[1].v === "指标体系!E11");
    s = withCell(s, "_meta", `C${row + 1}`, "2");
    s = withCell(s, "指标体系", "E11", 2);
    s = withCell(s, "指标体系", "E12", 4);
    const codes = runValidation(s).diagnostics.map((x) => x.code);
    expect(codes).toContain("published_record_altered");
    expect(codes).toContain("published_changed"); // E12 still differs from the record
  });
});
