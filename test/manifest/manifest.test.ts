import { describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CORE_EXCEL_API } from "../../src/hosts/office/office-host";

const root = fileURLToPath(new URL("../../", import.meta.url));
const manifestPath = `${root}manifest.xml`;
const manifest = readFileSync(manifestPath, "utf8");
const pkg = JSON.parse(readFileSync(`${root}package.json`, "utf8")) as { version: string };
const schemaDir = `${root}test/manifest/schemas/`;
const DEV_ORIGIN = "https://localhost:3000";

function hasXmllint(): boolean {
  return spawnSync("xmllint", ["--version"]).status === 0;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(path: string): { width: number; height: number } {
  const b = readFileSync(path);
  expect(b.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  expect(b.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

const urls = [...manifest.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]!);
const appDomains = [...manifest.matchAll(/<AppDomain>([^<]+)<\/AppDomain>/g)].map((m) => m[1]!);

describe("manifest.xml", () => {
  it("passes the official XML schemas offline (xmllint; required in CI)", () => {
    if (!hasXmllint()) {
      // Locally without libxml2-utils we skip; CI installs it and must never skip.
      expect(process.env.CI).not.toBe("true");
      return;
    }
    expect(existsSync(`${schemaDir}OfficeAppManifestV1_1.xsd`)).toBe(true);
    const out = execFileSync(
      "xmllint",
      ["--noout", "--schema", `${schemaDir}OfficeAppManifestV1_1.xsd`, manifestPath],
      {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    expect(out).toBe("");
  });

  it("uses only https URLs on the add-in's own origin", () => {
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url.startsWith(`${DEV_ORIGIN}/`), url).toBe(true);
    expect(appDomains).toEqual([DEV_ORIGIN]);
  });

  it.each([
    ["Icon.16x16", 16],
    ["Icon.32x32", 32],
    ["Icon.80x80", 80],
  ])("ribbon image %s exists at %i px", (id, size) => {
    const m = new RegExp(`<bt:Image id="${id.replace(".", "\\.")}" DefaultValue="${DEV_ORIGIN}/([^"]+)"`).exec(
      manifest,
    );
    expect(m).not.toBeNull();
    expect(pngSize(`${root}${m![1]}`)).toEqual({ width: size, height: size });
  });

  it.each([
    ["IconUrl", 32],
    ["HighResolutionIconUrl", 64],
  ])("%s exists at %i px", (element, size) => {
    const m = new RegExp(`<${element} DefaultValue="${DEV_ORIGIN}/([^"]+)"`).exec(manifest);
    expect(pngSize(`${root}${m![1]}`)).toEqual({ width: size, height: size });
  });

  it.each([16, 32, 64, 80, 128])("the drawn icon is rendered at %i px", (size) => {
    expect(pngSize(`${root}assets/icons/icon-${size}.png`)).toEqual({ width: size, height: size });
  });

  it("has a GUID id, a version matching package.json, and one task pane id", () => {
    expect(manifest).toMatch(/<Id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<\/Id>/);
    const version = /<Version>([^<]+)<\/Version>/.exec(manifest)![1]!;
    expect(version).toBe(`${pkg.version}.0`);
    expect([...manifest.matchAll(/<TaskpaneId>([^<]+)<\/TaskpaneId>/g)].map((m) => m[1])).toEqual([
      "PerfEval.Taskpane",
    ]);
  });

  it("declares the core ExcelApi set the host needs, ReadWriteDocument, the Workbook host and zh-CN/en-US texts", () => {
    expect(manifest).toContain(`<Set Name="ExcelApi" MinVersion="${CORE_EXCEL_API}"/>`);
    expect(manifest).toContain("<Permissions>ReadWriteDocument</Permissions>");
    expect(manifest).toContain('<Host Name="Workbook"/>');
    expect(manifest).toContain('<OfficeTab id="TabHome">');
    expect(manifest).toContain("<DefaultLocale>zh-CN</DefaultLocale>");
    for (const el of ["DisplayName", "Description"]) {
      expect(manifest).toMatch(
        new RegExp(`<${el} DefaultValue="[^"]*[\\u4e00-\\u9fff][^"]*">\\s*<Override Locale="en-US"`),
      );
    }
  });

  it("resolves every resid to a defined resource", () => {
    const defined = new Set([...manifest.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]));
    const used = [...manifest.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(0);
    for (const id of used) expect(defined.has(id), id).toBe(true);
  });
});
