/**
 * Flattens the report tree into numbered lines, the one layout every renderer shares: numbering
 * (一、（一）1.（1） in Chinese) is decided here, once.
 */
import { reportPhrases } from "./build";
import type { Block, ReportTree, Run, Section } from "./tree";
import { runsText } from "./tree";

/**
 * One output paragraph. `lead` is the number and title printed first (bold in .docx for a heading
 * or an inline heading); `runs` is the body text after it.
 */
export interface ReportLine {
  readonly kind: "unit" | "title" | "heading" | "body" | "item";
  /** Section depth for headings and inline headings (0 for the title block and the intro). */
  readonly depth: 0 | 1 | 2 | 3 | 4;
  readonly lead: readonly Run[];
  readonly runs: readonly Run[];
  /** The key of the section the line belongs to ("" for the title block and the intro). */
  readonly sectionKey: string;
}

/** The report as lines, in reading order. */
export function layoutReport(tree: ReportTree): ReportLine[] {
  const phrases = reportPhrases(tree.lang);
  const lines: ReportLine[] = [
    { kind: "unit", depth: 0, lead: [], runs: tree.titleBlock.unitName, sectionKey: "" },
    { kind: "title", depth: 0, lead: [], runs: tree.titleBlock.title, sectionKey: "" },
    ...tree.intro.map((p): ReportLine => ({ kind: "body", depth: 0, lead: [], runs: p.runs, sectionKey: "" })),
  ];
  const visit = (blocks: readonly Block[], parentKey: string): void => {
    let index = 0;
    for (const b of blocks) {
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
  return lines;
}

/** A line's full text (lead + body). */
export function lineText(line: ReportLine): string {
  return runsText(line.lead) + runsText(line.runs);
}

/** Every line's full text, in reading order. */
export function reportLineTexts(tree: ReportTree): readonly string[] {
  return layoutReport(tree).map(lineText);
}
