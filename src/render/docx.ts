/**
 * The report as a .docx (Word, WPS), built with the `docx` package from the engine's report tree, laid out after
 * GB/T 9704-2012 (党政机关公文格式): A4, margins 37/35/28/26 mm (a 156 × 225 mm type area), body 3号 仿宋_GB2312 on
 * a fixed 22-line grid, 一级标题 3号黑体, 二级 3号楷体_GB2312, 三级/四级 仿宋 bold, the title 2号 方正小标宋简体,
 * page numbers 4号 宋体 「— 1 —」 on the outer side (odd pages right, even pages left), the 落款 at the end and
 * the 附表 as real tables whose header repeats on every page. Fonts are named, never embedded; the font table
 * names a fallback for each (仿宋_GB2312 → 仿宋), and docs/report.md says which to install. Works in Node and in
 * the browser.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IParagraphOptions,
} from "docx";
import JSZip from "jszip";
import { layoutReport, type ReportLine, runsText } from "../engine";
import type { ReportTree, Run } from "../engine";

/** The MIME type to hand to a save dialog / download. */
export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Fonts of the 公文 layout, each with the face Word and WPS use where it is not installed. */
export interface DocxFonts {
  readonly body: string;
  readonly heading: string;
  readonly subheading: string;
  readonly title: string;
  readonly pageNumber: string;
  readonly latin: string;
}

export const DEFAULT_DOCX_FONTS: DocxFonts = {
  body: "仿宋_GB2312",
  heading: "黑体",
  subheading: "楷体_GB2312",
  title: "方正小标宋简体",
  pageNumber: "宋体",
  latin: "Times New Roman",
};

/** The face each named font falls back to (w:altName in the font table). */
export const FONT_FALLBACKS: Readonly<Record<string, string>> = {
  仿宋_GB2312: "仿宋",
  楷体_GB2312: "楷体",
  方正小标宋简体: "宋体",
};

export interface RenderDocxOptions {
  readonly fonts?: Partial<DocxFonts>;
  /** Document properties (File → Properties). */
  readonly creator?: string;
}

// GB/T 9704-2012 in Word's units: half-points for sizes, twips (1/20 pt; 1 mm = 56.69 twips) for lengths.
const SIZE = { body: 32, title: 44, pageNumber: 28, table: 21 } as const; // 3号 16 pt, 2号 22 pt, 4号 14 pt, 五号 10.5 pt
const MM = 1440 / 25.4;
const twips = (mm: number) => Math.round(mm * MM);
export const PAGE = {
  width: 11906,
  height: 16838,
  margin: { top: twips(37), bottom: twips(35), left: twips(28), right: twips(26) },
  // 页码 one line below the type area, 7 mm under its lower edge.
  footer: twips(35 - 7) - 280,
} as const;
/** The type area's width: 156 mm. */
export const TYPE_AREA_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
// 22 lines in the 225 mm type area: a fixed line pitch of 225 mm ÷ 22 ≈ 28.9 pt.
export const LINE_PITCH = Math.floor(twips(225) / 22);
// 28 characters in the 156 mm type width (GB/T 9704 5.2.2: 每行28个字): a character pitch of 442.2 pt ÷ 28 ≈
// 15.79 pt for a 16 pt font, so characters are set 0.21 pt closer (in twips, rounded away from zero).
export const CHAR_SPACING = Math.floor(TYPE_AREA_WIDTH / 28 - SIZE.body * 10);
const ONE_CHAR = 320; // one 3号 character: the first-line indent is two

function font(name: string, latin: string): { ascii: string; hAnsi: string; cs: string; eastAsia: string } {
  return { ascii: latin, hAnsi: latin, cs: latin, eastAsia: name };
}

function textRuns(runs: readonly Run[], bold = false, size?: number): TextRun[] {
  return runs.map(
    (r) =>
      new TextRun({
        text: r.text,
        ...(bold ? { bold: true } : {}),
        ...(size ? { size } : {}),
        // A missing input stays visible in print and on screen.
        ...(r.kind === "placeholder" ? { highlight: "yellow" as const } : {}),
      }),
  );
}

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
] as const;

function paragraphOf(line: ReportLine): Paragraph {
  if (line.kind === "unit" || line.kind === "title") {
    return new Paragraph({
      ...(line.kind === "title" ? { heading: HeadingLevel.TITLE } : {}),
      alignment: AlignmentType.CENTER,
      children: textRuns(line.runs, line.kind === "unit"),
    });
  }
  if (line.kind === "closing") {
    // 落款: the unit and the date at the right, four characters in from the edge.
    return new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: 4 * ONE_CHAR },
      children: textRuns(line.runs),
    });
  }
  if (line.kind === "heading" && line.depth > 0) {
    const opts: IParagraphOptions = { heading: HEADINGS[line.depth - 1], children: textRuns(line.lead) };
    return new Paragraph(opts);
  }
  // Inline headings ("（1）财政供养人员控制率（2分）。") are bold at the start of the body paragraph.
  return new Paragraph({
    style: "ReportBody",
    children: [...textRuns(line.lead, line.kind === "body" && line.lead.length > 0), ...textRuns(line.runs)],
  });
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
const BORDERS = {
  top: BORDER,
  bottom: BORDER,
  left: BORDER,
  right: BORDER,
  insideHorizontal: BORDER,
  insideVertical: BORDER,
};

/** A table of the tree as a Word table: borders, fixed column widths within the type area, header on every page. */
/** Tables of at most this many rows are kept on one page. */
const SHORT_TABLE_ROWS = 15;

function tableOf(line: ReportLine): (Paragraph | Table)[] {
  const table = line.table;
  if (!table) return [];
  const total = table.columns.reduce((s, c) => s + c.width, 0);
  const widths = table.columns.map((c) => Math.floor((c.width / total) * TYPE_AREA_WIDTH));
  // A short table (the 收支情况表) stays on one page: every row is kept with the next, as Word and Writer read it.
  const whole = table.rows.length <= SHORT_TABLE_ROWS;
  const cellParagraph = (runs: readonly Run[], k: number, bold: boolean, last = false) =>
    new Paragraph({
      ...(whole && !last ? { keepNext: true } : {}),
      alignment: table.columns[k]?.align === "center" ? AlignmentType.CENTER : AlignmentType.LEFT,
      // Exact spacing: a table's lines are not snapped to the body's 22-line grid.
      spacing: { line: 300, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      children: textRuns(runs, bold, SIZE.table),
    });
  const cell = (runs: readonly Run[], k: number, bold: boolean, span = 1, last = false) =>
    new TableCell({
      width: { size: widths.slice(k, k + span).reduce((a, b) => a + b, 0), type: WidthType.DXA },
      ...(span > 1 ? { columnSpan: span } : {}),
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: 60, right: 60, top: 30, bottom: 30 },
      children: [cellParagraph(runs, k, bold, last)],
    });
  // A subtotal's or total's label spans the table's label columns (the tree leaves the others empty).
  const span = table.labelSpan ?? 1;
  const rowCells = (r: (typeof table.rows)[number], last: boolean) =>
    r.role
      ? [
          cell(r.cells[0] ?? [], 0, true, span, last),
          ...r.cells.slice(span).map((runs, k) => cell(runs, k + span, true, 1, last)),
        ]
      : r.cells.map((runs, k) => cell(runs, k, false, 1, last));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.columns.map((c, k) => cell([{ kind: "text", text: c.title }], k, true)),
  });
  const rows = table.rows.map(
    (r, i) => new TableRow({ cantSplit: true, children: rowCells(r, i === table.rows.length - 1) }),
  );
  return [
    new Paragraph({
      ...(table.pageBreak ? { pageBreakBefore: true } : {}),
      // The caption never stands alone at the foot of a page.
      keepNext: true,
      alignment: table.pageBreak ? AlignmentType.LEFT : AlignmentType.CENTER,
      children: textRuns(line.runs, true),
    }),
    new Table({
      rows: [header, ...rows],
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: BORDERS,
    }),
  ];
}

function pageNumberFooter(side: "right" | "left", size: number, face: string, latin: string): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        // One character in from the type area's edge (GB/T 9704 7.5).
        indent: side === "right" ? { right: 280 } : { left: 280 },
        children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], size, font: font(face, latin) })],
      }),
    ],
  });
}

/** Name the fallback of each 公文 font in the font table, so Word and WPS substitute the intended face. */
async function withFontFallbacks(bytes: ArrayBuffer, fonts: DocxFonts): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const part = zip.file("word/fontTable.xml");
  if (!part) return new Uint8Array(bytes);
  const xml = await part.async("string");
  const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  const entries = [...new Set(Object.values(fonts))]
    .filter((name) => FONT_FALLBACKS[name])
    .map(
      (name) =>
        `<w:font w:name="${escape(name)}"><w:altName w:val="${escape(FONT_FALLBACKS[name] ?? "")}"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>`,
    )
    .join("");
  // The package writes an empty table as one self-closing element.
  const filled = xml.includes("</w:fonts>")
    ? xml.replace("</w:fonts>", `${entries}</w:fonts>`)
    : xml.replace(/<w:fonts([^>]*)\/>\s*$/, `<w:fonts$1>${entries}</w:fonts>`);
  zip.file("word/fontTable.xml", filled);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/**
 * Render the report tree to .docx bytes. Uses Packer.toArrayBuffer, which works in Node and in
 * browsers alike; the caller saves the bytes (see docs/report.md for the save routes).
 */
export async function renderDocx(tree: ReportTree, options: RenderDocxOptions = {}): Promise<Uint8Array> {
  const f: DocxFonts = { ...DEFAULT_DOCX_FONTS, ...options.fonts };
  const lines = layoutReport(tree);
  const title = `${runsText(tree.titleBlock.unitName)}${tree.lang === "en" ? " — " : ""}${runsText(tree.titleBlock.title)}`;
  const spacing = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
  const heading = (name: string, bold: boolean) => ({
    run: { font: font(name, f.latin), size: SIZE.body, bold, color: "000000" },
    // Kept with the next paragraph: a heading never stands alone at the foot of a page.
    paragraph: { spacing, indent: { firstLine: 2 * ONE_CHAR, firstLineChars: 200 }, keepNext: true, keepLines: true },
  });
  const doc = new Document({
    title,
    creator: options.creator ?? "绩效评价助手",
    lastModifiedBy: options.creator ?? "绩效评价助手",
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: font(f.body, f.latin), size: SIZE.body, characterSpacing: CHAR_SPACING },
          paragraph: { spacing },
        },
        title: {
          // A fallback to 宋体 is bold; 方正小标宋 is heavy enough as it is.
          run: { font: font(f.title, f.latin), size: SIZE.title, bold: f.title === "宋体", color: "000000" },
          paragraph: {
            alignment: AlignmentType.CENTER,
            spacing: { line: twips(15), lineRule: LineRuleType.EXACT, after: LINE_PITCH },
          },
        },
        heading1: heading(f.heading, false),
        heading2: heading(f.subheading, false),
        heading3: heading(f.body, true),
        heading4: heading(f.body, true),
      },
      paragraphStyles: [
        {
          id: "ReportBody",
          name: "Report Body",
          basedOn: "Normal",
          next: "ReportBody",
          quickFormat: true,
          paragraph: {
            indent: { firstLine: 2 * ONE_CHAR, firstLineChars: 200 },
            alignment: AlignmentType.JUSTIFIED,
            spacing,
          },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...PAGE.margin, footer: PAGE.footer, header: twips(15) },
          },
          grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
        },
        footers: {
          default: pageNumberFooter("right", SIZE.pageNumber, f.pageNumber, f.latin),
          even: pageNumberFooter("left", SIZE.pageNumber, f.pageNumber, f.latin),
        },
        children: lines.flatMap((line) => (line.kind === "table" ? tableOf(line) : [paragraphOf(line)])),
      },
    ],
  });
  return withFontFallbacks(await Packer.toArrayBuffer(doc), f);
}
