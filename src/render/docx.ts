/**
 * The report as a .docx (Word, WPS), built with the `docx` package from the engine's report tree.
 * Plain structure only — document default fonts, four heading styles, one body style, a footer with
 * a PAGE field, A4 — so Word and WPS open it without complaint. Works in Node and in the browser.
 */
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type IParagraphOptions,
} from "docx";
import { layoutReport, type ReportLine, runsText } from "../engine";
import type { ReportTree, Run } from "../engine";

/** The MIME type to hand to a save dialog / download. */
export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Fonts: Chinese official-document faces every Windows/WPS install has, Times New Roman for Latin text. */
export interface DocxFonts {
  readonly body: string;
  readonly heading: string;
  readonly subheading: string;
  readonly title: string;
  readonly latin: string;
}

export const DEFAULT_DOCX_FONTS: DocxFonts = {
  body: "仿宋",
  heading: "黑体",
  subheading: "楷体",
  title: "宋体",
  latin: "Times New Roman",
};

export interface RenderDocxOptions {
  readonly fonts?: Partial<DocxFonts>;
  /** Document properties (File → Properties). */
  readonly creator?: string;
}

// Sizes in half-points: 三号 16 pt body and headings, 二号 22 pt title (GB/T 9704 style).
const BODY_SIZE = 32;
const TITLE_SIZE = 44;
// 1.5 lines: 240ths of a line with the "auto" rule.
const LINE_1_5 = 360;
// A4 in twips; 2.54 cm / 2.8 cm margins.
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 1440, bottom: 1440, left: 1588, right: 1588 };

function font(name: string, latin: string): { ascii: string; hAnsi: string; cs: string; eastAsia: string } {
  return { ascii: latin, hAnsi: latin, cs: latin, eastAsia: name };
}

function textRuns(runs: readonly Run[], bold = false): TextRun[] {
  return runs.map(
    (r) =>
      new TextRun({
        text: r.text,
        ...(bold ? { bold: true } : {}),
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

/**
 * Render the report tree to .docx bytes. Uses Packer.toArrayBuffer, which works in Node and in
 * browsers alike; the caller saves the bytes (see docs/report.md for the save routes).
 */
export async function renderDocx(tree: ReportTree, options: RenderDocxOptions = {}): Promise<Uint8Array> {
  const f: DocxFonts = { ...DEFAULT_DOCX_FONTS, ...options.fonts };
  const lines = layoutReport(tree);
  const title = `${runsText(tree.titleBlock.unitName)}${tree.lang === "en" ? " — " : ""}${runsText(tree.titleBlock.title)}`;
  const spacing = { line: LINE_1_5, lineRule: LineRuleType.AUTO };
  const heading = (name: string, bold: boolean) => ({
    run: { font: font(name, f.latin), size: BODY_SIZE, bold, color: "000000" },
    paragraph: { spacing: { ...spacing, before: 0, after: 0 }, indent: { firstLine: 640, firstLineChars: 200 } },
  });
  const doc = new Document({
    title,
    creator: options.creator ?? "绩效评价助手",
    styles: {
      default: {
        document: {
          run: { font: font(f.body, f.latin), size: BODY_SIZE },
          paragraph: { spacing },
        },
        title: {
          run: { font: font(f.title, f.latin), size: TITLE_SIZE, bold: true, color: "000000" },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { ...spacing, after: 240 } },
        },
        heading1: heading(f.heading, false),
        heading2: heading(f.subheading, false),
        heading3: heading(f.body, true),
        heading4: heading(f.body, false),
      },
      paragraphStyles: [
        {
          id: "ReportBody",
          name: "Report Body",
          basedOn: "Normal",
          next: "ReportBody",
          quickFormat: true,
          paragraph: { indent: { firstLine: 640, firstLineChars: 200 }, alignment: AlignmentType.JUSTIFIED, spacing },
        },
      ],
    },
    sections: [
      {
        properties: { page: { size: A4, margin: MARGIN } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], size: 28 })],
              }),
            ],
          }),
        },
        children: lines.map(paragraphOf),
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
