// Figures (number + unit) of a report text, per top-level section, for comparing the generated report
// with the published seed report by value rather than by wording ("4万元" equals "4.00万元").
import Decimal from "decimal.js";

export interface Figure {
  readonly value: string;
  readonly unit: string;
  readonly raw: string;
}

const SECTION_HEAD =
  /^\s*(?:[一二三四五六七]、|1、)\s*(单位基本情况|整体绩效完成情况|整体支出绩效目标及完成情况|整体支出绩效评价|存在的问题|改进措施|绩效自评结果拟应用和公开情况)\s*$/;
// Numbering at a line start is structure, not a figure: 一、 （一） 1. （1） 1、
const NUMBERING = /^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、]\s*|（\d+）\s*|\(\d+\)\s*)/;
const FIGURE = /-?\d+(?:\.\d+)?(?:%|万元|元|分|人|份|次|家|批|名|亿元|亿美元|万只|天|国|年)?/g;

/** Split a report into its seven sections by heading; the text before the first is "intro". */
export function splitSections(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>([["intro", []]]);
  let current = "intro";
  for (const line of text.split("\n")) {
    const m = SECTION_HEAD.exec(line);
    if (m) {
      current = m[1]!;
      out.set(current, []);
      continue;
    }
    out.get(current)!.push(line.replace(/\[bookmark: [^\]]*\]/g, ""));
  }
  return out;
}

/** The figures of some lines, numbering removed; ordinals inside words (e.g. "十四五") are not digits. */
export function figures(lines: readonly string[]): Figure[] {
  const out: Figure[] = [];
  for (const line of lines) {
    let rest = line;
    // Numbering can stack: "（二）1.预算执行".
    for (let i = 0; i < 3; i++) rest = rest.replace(NUMBERING, "");
    for (const m of rest.matchAll(FIGURE)) {
      const raw = m[0];
      const num = /^-?\d+(?:\.\d+)?/.exec(raw)![0];
      out.push({ value: new Decimal(num).toString(), unit: raw.slice(num.length), raw });
    }
  }
  return out;
}

/** Distinct figures of `published` that `generated` lacks (matched by value and unit). */
export function missingFigures(published: readonly Figure[], generated: readonly Figure[]): string[] {
  const have = new Set(generated.map((g) => `${g.value}${g.unit}`));
  const missing = new Set<string>();
  for (const f of published) if (!have.has(`${f.value}${f.unit}`)) missing.add(f.raw);
  return [...missing];
}
