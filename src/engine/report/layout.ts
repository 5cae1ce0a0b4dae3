/**
 * Flattens the report tree into numbered lines, the one layout every renderer shares: numbering
 * (一、（一）1.（1） in Chinese) is decided here, once.
 */
import { REPORT_PHRASES } from "./build";
import { catalogIn } from "../i18n/catalog";
import type { Block, ReportTree, Run, Section, Table } from "./tree";
import { runsText } from "./tree";

/**
 * One output paragraph. `lead` is the number and title printed first (bold in .docx for a heading
 * or an inline heading); `runs` is the body text after it.
 */
export interface ReportLine {
  readonly kind: "unit" | "title" | "heading" | "body" | "item" | "closing" | "table";
  /** Section depth for headings and inline headings (0 for the title block and the intro). */
  readonly depth: 0 | 1 | 2 | 3 | 4;
  readonly lead: readonly Run[];
  readonly runs: readonly Run[];
  /** The key of the section the line belongs to ("" for the title block and the intro). */
  readonly sectionKey: string;
  /** For a `table` line: the table (its caption is `runs`). */
  readonly table?: Table;
}

/** A line as laid out: its text, and for a table the text of every cell (header first), made once. */
export interface LaidOutLine extends ReportLine {
  /** lead + runs as plain text. */
  readonly text: string;
  readonly cells?: readonly (readonly string[])[];
}

/** The report as lines, in reading order, each with its text (and a table's cell texts) worked out once. */
export function layoutReport(tree: ReportTree): LaidOutLine[] {
  return reportLines(tree).map((line): LaidOutLine => {
    const text = runsText(line.lead) + runsText(line.runs);
    const table = line.table;
    if (!table) return { ...line, text };
    const cells = [table.columns.map((c) => c.title), ...table.rows.map((r) => r.cells.map(runsText))];
    return { ...line, text, cells };
  });
}

function reportLines(tree: ReportTree): ReportLine[] {
  const phrases = catalogIn(REPORT_PHRASES, tree.lang);
  const lines: ReportLine[] = [
    { kind: "unit", depth: 0, lead: [], runs: tree.titleBlock.unitName, sectionKey: "" },
    { kind: "title", depth: 0, lead: [], runs: tree.titleBlock.title, sectionKey: "" },
    ...tree.intro.map((p): ReportLine => ({ kind: "body", depth: 0, lead: [], runs: p.runs, sectionKey: "" })),
  ];
  const visit = (blocks: readonly Block[], parentKey: string): void => {
    let index = 0;
    for (const b of blocks) {
      if (b.kind === "table") {
        lines.push({ kind: "table", depth: 0, lead: [], runs: b.caption, sectionKey: b.key, table: b });
        continue;
      }
      if (b.kind === "paragraph") {
        lines.push({
          kind: b.role === "item" ? "item" : "body",
          depth: 0,
          lead: [],
          runs: b.runs,
          sectionKey: parentKey,
        });
        continue;
      }
      const number = phrases.numbering(b.depth, index++);
      emitSection(b, number);
    }
  };
  const emitSection = (s: Section, number: string): void => {
    if (!s.inline) {
      lines.push({
        kind: "heading",
        depth: s.depth,
        lead: [{ kind: "text", text: number }, ...s.title],
        runs: [],
        sectionKey: s.key,
      });
      visit(s.children, s.key);
      return;
    }
    const [first, ...rest] = s.children;
    if (first === undefined) {
      // A numbered item with no body (a problem, a measure): the title is the text.
      lines.push({
        kind: "item",
        depth: s.depth,
        lead: [{ kind: "text", text: number }],
        runs: s.title,
        sectionKey: s.key,
      });
      return;
    }
    if (first.kind === "paragraph") {
      const sep = s.titleSeparator ?? phrases.inlineTitleSep;
      const title =
        s.title.length > 0 && !/[。：:.]$/.test(runsText(s.title))
          ? [...s.title, { kind: "text" as const, text: sep }]
          : s.title;
      lines.push({
        kind: "body",
        depth: s.depth,
        lead: [{ kind: "text", text: number }, ...title],
        runs: first.runs,
        sectionKey: s.key,
      });
      visit(rest, s.key);
      return;
    }
    lines.push({
      kind: "heading",
      depth: s.depth,
      lead: [{ kind: "text", text: number }, ...s.title],
      runs: [],
      sectionKey: s.key,
    });
    visit(s.children, s.key);
  };
  visit(tree.sections, "");
  if (tree.closing) {
    lines.push({ kind: "closing", depth: 0, lead: [], runs: tree.closing.unit, sectionKey: "closing" });
    lines.push({ kind: "closing", depth: 0, lead: [], runs: tree.closing.date, sectionKey: "closing" });
  }
  for (const t of tree.appendix ?? [])
    lines.push({ kind: "table", depth: 0, lead: [], runs: t.caption, sectionKey: t.key, table: t });
  return lines;
}

/** Whether a code point is set two columns wide in a fixed-width font (CJK, Hangul, full-width forms). */
function wide(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    c >= 0x20000
  );
}

/** Display width of text in a fixed-width font: CJK and full-width characters count two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      // A surrogate pair: one character beyond the BMP (U+10000 and up).
      const code = (c - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000;
      w += wide(code) ? 2 : 1;
      i++;
    } else w += wide(c) ? 2 : 1;
  }
  return w;
}

/** A table's cell texts, header first: the laid-out line's, or worked out from the table. */
function cellTexts(table: Table, line?: LaidOutLine): readonly (readonly string[])[] {
  return line?.cells ?? [table.columns.map((c) => c.title), ...table.rows.map((r) => r.cells.map(runsText))];
}

/**
 * A table as text lines: the caption, the header and one line per row, every column but the last padded to
 * its widest cell (by display width), two spaces apart — aligned in a fixed-width font.
 */
export function tableLines(table: Table, line?: LaidOutLine): string[] {
  const rows = cellTexts(table, line);
  const widthsOf = rows.map((r) => r.map(displayWidth));
  const widths = table.columns.map((_, k) => widthsOf.reduce((m, w) => Math.max(m, w[k] ?? 0), 0));
  const text = (r: readonly string[], i: number) => {
    let out = "";
    for (let k = 0; k < r.length; k++) {
      const cell = r[k]!;
      out += k === r.length - 1 ? cell : `${cell}${" ".repeat((widths[k] ?? 0) - (widthsOf[i]![k] ?? 0))}  `;
    }
    return out.trimEnd();
  };
  return [runsText(table.caption), ...rows.map(text)];
}

/** A line's full text (lead + body). */
export function lineText(line: ReportLine | LaidOutLine): string {
  return "text" in line ? line.text : runsText(line.lead) + runsText(line.runs);
}

/** Every line's full text, in reading order (a table gives its caption, header and rows, aligned). */
export function reportLineTexts(
  tree: ReportTree,
  lines: readonly LaidOutLine[] = layoutReport(tree),
): readonly string[] {
  return lines.flatMap((line) => (line.table ? ["", ...tableLines(line.table, line)] : [line.text]));
}

/** The text rows of the table cells, header first, as the laid-out line has them. */
export function tableCellTexts(line: LaidOutLine): readonly (readonly string[])[] {
  return line.table ? cellTexts(line.table, line) : [];
}
