/**
 * The 字段定义 names closest to what a formula wrote, for messages: a label typed instead of a name (年, 在职人数)
 * finds the fields whose 标签 holds it; a misspelt name (expend_totl) finds the names within two edits.
 */
import type { Template } from "./read/types";
import { distance } from "./param-schema";

/** Every name a formula may use with its label: fields, and table columns as table.key. */
function names(template: Template): { name: string; label: string }[] {
  return [
    ...[...template.fields.values()].map((f) => ({ name: f.name, label: f.label })),
    ...[...template.tables.values()].flatMap((t) =>
      t.columns.map((c) => ({ name: `${t.id}.${c.key}`, label: c.label })),
    ),
  ];
}

/** Up to three names, as 「eval_year（评价年度）、…」; "" when none is close. */
export function closestNames(template: Template, typed: string): string {
  const t = typed.trim();
  if (t === "") return "";
  const all = names(template);
  const cjk = /[\u3400-\u9fff]/.test(t);
  const found = cjk
    ? all.filter((n) => n.label.includes(t) || (n.label !== "" && t.includes(n.label)))
    : all
        .map((n) => ({ ...n, d: distance(t.toLowerCase(), n.name.toLowerCase()) }))
        .filter((n) => n.d <= 2)
        .sort((a, b) => a.d - b.d);
  return found
    .slice(0, 3)
    .map((n) => (n.label ? `${n.name}（${n.label}）` : n.name))
    .join("、");
}

/** The run of Chinese characters at a 1-based position of a formula (the label a user typed there). */
export function chineseRunAt(formula: string, at: number): string {
  const rest = formula.slice(Math.max(0, at - 1));
  return /^[\u3400-\u9fff]+/.exec(rest)?.[0] ?? "";
}
