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

/** The report as lines, in reading order. */
export function layoutReport(tree: ReportTree): ReportLine[] {
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
  for (const ch of s) w += wide(ch.codePointAt(0) ?? 0) ? 2 : 1;
  return w;
}

/**
 * A table as text lines: the caption, the header and one line per row, every column but the last padded to
 * its widest cell (by display width), two spaces apart — aligned in a fixed-width font.
 */
export function tableLines(table: Table): string[] {
  const rows = [table.columns.map((c) => c.title), ...table.rows.map((r) => r.cells.map(runsText))];
  const widths = table.columns.map((_, k) => Math.max(...rows.map((r) => displayWidth(r[k] ?? ""))));
  const line = (r: readonly string[]) =>
    r
      .map((cell, k) => (k === r.length - 1 ? cell : cell + " ".repeat((widths[k] ?? 0) - displayWidth(cell))))
      .join("  ")
      .trimEnd();
  return [runsText(table.caption), ...rows.map(line)];
}

/** A line's full text (lead + body). */
export function lineText(line: ReportLine): string {
  return runsText(line.lead) + runsText(line.runs);
}

/** Every line's full text, in reading order (a table gives its caption, header and rows, aligned). */
export function reportLineTexts(
  tree: ReportTree,
  lines: readonly ReportLine[] = layoutReport(tree),
): readonly string[] {
  return lines.flatMap((line) => (line.table ? ["", ...tableLines(line.table)] : [lineText(line)]));
}
