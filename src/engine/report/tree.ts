/**
 * The report as a plain tree: built once by build.ts, rendered at the edges (text, the 报告 sheet,
 * .docx). The tree holds resolved wording in one language; numbering (一、（一）1.（1）) is left to
 * the renderers, which derive it from the section depth and position.
 */
import type { Lang } from "../i18n/catalog";

/** A piece of text inside a paragraph. */
export type Run =
  | { readonly kind: "text"; readonly text: string }
  /** A number computed from cells: the exact decimal value and its printed form ("19.94%"). */
  | { readonly kind: "number"; readonly value: string; readonly text: string }
  /** A missing input: `item` names it (a field label, a placeholder), `text` is what is printed. */
  | { readonly kind: "placeholder"; readonly item: string; readonly text: string };

/** A body paragraph. `role` lets renderers style list items and closing lines differently. */
export interface Paragraph {
  readonly kind: "paragraph";
  readonly runs: readonly Run[];
  readonly role?: "body" | "item";
}

/**
 * A numbered section. depth 1 → 一、 · 2 → （一） · 3 → 1. · 4 → （1）.
 * An `inline` section prints its number and title at the start of its first paragraph
 * ("（1）财政供养人员控制率（2分）：本部门…"), as the seed report does for small headings.
 */
export interface Section {
  readonly kind: "section";
  /** Stable id, the same in every language (e.g. "evaluation", "indicator:A01"). */
  readonly key: string;
  readonly depth: 1 | 2 | 3 | 4;
  readonly title: readonly Run[];
  readonly inline?: boolean;
  /** Printed between an inline title and its paragraph: "。" or "：" in Chinese. */
  readonly titleSeparator?: string;
  readonly children: readonly Block[];
}

/** One row of a table: a cell per column; subtotal and total rows are set apart by the renderers. */
export interface TableRow {
  readonly cells: readonly (readonly Run[])[];
  readonly role?: "subtotal" | "total";
}

/**
 * A table (the 附表 indicator score table): a caption, column headers with relative widths (they add up to
 * the type area in every renderer) and rows. Renderers repeat the header on every printed page.
 */
export interface Table {
  readonly kind: "table";
  readonly key: string;
  /** Printed from a new page (the 附表). */
  readonly pageBreak?: boolean;
  /** How many columns the label of a subtotal or total row spans (its other cells there are left empty). */
  readonly labelSpan?: number;
  readonly caption: readonly Run[];
  readonly columns: readonly { readonly title: string; readonly width: number; readonly align?: "center" | "end" }[];
  readonly rows: readonly TableRow[];
}

export type Block = Paragraph | Section | Table;

/** The title block on top of the report: unit name, then the title line (year + report title). */
export interface TitleBlock {
  readonly unitName: readonly Run[];
  readonly title: readonly Run[];
}

/** The whole report. */
export interface ReportTree {
  /** The report's language; the tree's shape is the same in both. */
  readonly lang: Lang;
  readonly titleBlock: TitleBlock;
  /** Paragraphs before the first section (the introduction). */
  readonly intro: readonly Paragraph[];
  readonly sections: readonly Section[];
  /** 落款: the unit and the date the report was made, at the end of the body (absent without a date). */
  readonly closing?: { readonly unit: readonly Run[]; readonly date: readonly Run[] };
  /** 附表 after the body: the indicator score table. */
  readonly appendix?: readonly Table[];
}

/** Plain text of runs (placeholders print their visible marker). */
export function runsText(runs: readonly Run[]): string {
  return runs.map((r) => r.text).join("");
}

/** Every paragraph of a block list, depth first, with the section path that holds it. */
export function* walkParagraphs(
  blocks: readonly Block[],
  path: readonly Section[] = [],
): Generator<{ paragraph: Paragraph; path: readonly Section[] }> {
  for (const b of blocks) {
    if (b.kind === "paragraph") yield { paragraph: b, path };
    else if (b.kind === "section") yield* walkParagraphs(b.children, [...path, b]);
  }
}

/** Every run of the tree (title block, intro, sections), for checks such as "no placeholder left". */
export function allRuns(tree: ReportTree): Run[] {
  const out: Run[] = [...tree.titleBlock.unitName, ...tree.titleBlock.title];
  for (const p of tree.intro) out.push(...p.runs);
  const visit = (blocks: readonly Block[]): void => {
    for (const b of blocks) {
      if (b.kind === "paragraph") out.push(...b.runs);
      else if (b.kind === "table") {
        out.push(...b.caption);
        for (const r of b.rows) for (const c of r.cells) out.push(...c);
      } else {
        out.push(...b.title);
        visit(b.children);
      }
    }
  };
  visit(tree.sections);
  if (tree.closing) out.push(...tree.closing.unit, ...tree.closing.date);
  for (const t of tree.appendix ?? []) {
    out.push(...t.caption);
    for (const r of t.rows) for (const c of r.cells) out.push(...c);
  }
  return out;
}
