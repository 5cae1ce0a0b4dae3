import JSZip from "jszip";
import { buildReport } from "../../src/engine/report/build";
import { renderDocx } from "../../src/render/docx";
import { buildValues, seedInput } from "../engine/report/builders";

async function parts(
  bytes: Uint8Array,
): Promise<{ document: string; footers: string[]; styles: string; files: string[] }> {
  const zip = await JSZip.loadAsync(bytes);
  const files = Object.keys(zip.files);
  const read = (name: string): Promise<string> => zip.file(name)!.async("string");
  const footers = await Promise.all(files.filter((f) => /^word\/footer\d*\.xml$/.test(f)).map(read));
  return { document: await read("word/document.xml"), footers, styles: await read("word/styles.xml"), files };
}

// The text of document.xml, runs joined per paragraph, so a sentence split over runs is still found.
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""),
  );
}

describe("renderDocx", () => {
  it("holds the title block, the headings and the indicator paragraphs", async () => {
    const { document } = await parts(await renderDocx(buildReport(seedInput()).tree));
    const paras = paragraphs(document);
    expect(paras.slice(0, 2)).toEqual(["重庆市万州区人民政府外事办公室", "2020年部门整体支出绩效评价报告"]);
    for (const heading of [
      "一、单位基本情况",
      "四、整体支出绩效评价",
      "（五）绩效评价结论",
      "七、绩效自评结果拟应用和公开情况",
    ]) {
      expect(paras).toContain(heading);
    }
    expect(
      paras.some((p) => p.startsWith("（1）财政供养人员控制率（2分）。") && p.endsWith("本部门该项指标得2分。")),
    ).toBe(true);
    expect(paras.join("\n")).toContain("公用经费33.10万元，占基本支出19.94%");
    expect(document).toContain('w:val="Heading1"');
  });

  it("names the product as author and last editor in the document's properties", async () => {
    const zip = await JSZip.loadAsync(await renderDocx(buildReport(seedInput()).tree));
    const core = await zip.file("docProps/core.xml")!.async("string");
    expect(core).toContain("<dc:creator>绩效评价助手</dc:creator>");
    expect(core).toContain("<cp:lastModifiedBy>绩效评价助手</cp:lastModifiedBy>");
  });

  it("numbers pages with a PAGE field in the footer, on A4", async () => {
    const { document, footers } = await parts(await renderDocx(buildReport(seedInput()).tree));
    expect(footers.length).toBeGreaterThan(0);
    expect(footers.join("")).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  });

  it("sets the 公文 fonts and a body style with a 2-character first-line indent on a fixed 22-line pitch", async () => {
    const { styles } = await parts(await renderDocx(buildReport(seedInput()).tree));
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*w:eastAsia="仿宋_GB2312"[\s\S]*<\/w:docDefaults>/);
    expect(styles).toMatch(/w:styleId="ReportBody"[\s\S]*?w:firstLineChars="200"/);
    expect(styles).toMatch(/w:line="579" w:lineRule="exact"/);
    expect(styles).toMatch(/w:styleId="Heading1"[\s\S]*?w:eastAsia="黑体"/);
    expect(styles).toMatch(/w:styleId="Heading2"[\s\S]*?w:eastAsia="楷体_GB2312"/);
    // Headings keep with the next paragraph (the review found them stranded at page feet).
    expect(styles).toMatch(/w:styleId="Heading1"[\s\S]*?<w:keepNext\/>[\s\S]*?<\/w:style>/);
    expect(styles).toMatch(/w:styleId="Heading3"[\s\S]*?<w:keepNext\/>[\s\S]*?<\/w:style>/);
  });

  it("highlights a missing input in the document", async () => {
    const tree = buildReport({ ...seedInput(), values: buildValues({ fields: { expend_basic: null } }) }).tree;
    const { document } = await parts(await renderDocx(tree));
    expect(document).toMatch(/<w:highlight w:val="yellow"\/>[\s\S]{0,200}【待补充：基本支出】/);
  });

  it("renders the English report from the same tree shape", async () => {
    const { document } = await parts(await renderDocx(buildReport(seedInput("en")).tree));
    expect(paragraphs(document)).toContain("IV. Evaluation of the overall expenditure");
  });
});
