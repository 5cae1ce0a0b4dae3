/**
 * The tiny placeholder language of the rubric's 报告表述 cells. Text is copied as is, except:
 *
 * - `{name}`            a field by its defined name (`{staff_quota}` → "7", amounts "33.10", rates "19.94%"),
 *                       or a report value: `{value}` `{score}` `{weight}` `{name}` `{reason}` `{deduction}`
 *                       `{formula}` `{figures}` `{description}` `{criterion}` (the 评分标准 the rule generates)
 *                       `{situation}` (the unit's 情况说明; without it in
 *                       the phrase, it opens a manual indicator's paragraph and follows a computed one's figures)
 *                       `{prev_year}` and the computed sentences
 *                       `{sangong_comparison}` `{sangong_breakdown}` `{benefit_list}`;
 * - `{table.key}`       the current row's cell in an indicator expanded over `table` (e.g. `{tasks.completion}`);
 *                       outside such a row, every row's cell joined with "、";
 * - `{sum:table.key}`   the sum of a table column; `{param.key}` a parameter of the indicator's 评分参数;
 * - `[table: …]`        the text repeated for each row of `table`, joined with "、" (`[table|＋: …]` joins
 *                       with "＋"); inside it `{key}` is that row's cell;
 * - `[?name: …]`        the text only when `{name}` is not zero (a number other than 0, a non-blank text);
 *   `[!name: …]`        the text only when it is zero or blank — so one phrase reads right both ways
 *                       (「[!funds_recalled_count: 本部门无指标或资金被收回。][?funds_recalled_count: 被收回{funds_recalled_count}次。]」).
 *                       A value that is missing counts as not zero, so its marker and warning still show.
 *
 * An unknown placeholder becomes a visible marker and a warning (never an exception); a field with no
 * value becomes a visible marker and a warning. Nothing is evaluated as code.
 */
import type { TableRowValues } from "../model/values";
import { join, text, type Piece } from "./runs";
import type { Run } from "./tree";

/** What a phrase's placeholders are resolved against; build.ts implements it. */
export interface PhraseScope {
  /** The runs for `{name}` (row = the current table row inside `[table: …]`), or undefined when unknown. */
  resolve(name: string, row?: { table: string; row: TableRowValues }): Run[] | undefined;
  /** The rows of a table (undefined when the template has no such table). */
  rows(table: string): readonly TableRowValues[] | undefined;
  /** Runs for a placeholder nobody knows: a visible marker; the scope records the warning. */
  unknown(placeholder: string): Run[];
  /** Runs for a table with no rows inside `[table: …]`: a visible marker; the scope records the warning. */
  emptyTable(table: string): Run[];
}

/** A parsed piece of a phrase template. */
export type PhraseNode =
  | { readonly t: "text"; readonly text: string }
  | { readonly t: "ph"; readonly name: string }
  | { readonly t: "rows"; readonly table: string; readonly sep: string; readonly body: readonly PhraseNode[] }
  | { readonly t: "when"; readonly name: string; readonly zero: boolean; readonly body: readonly PhraseNode[] };

const ROWS_START = /^\[([A-Za-z_][A-Za-z0-9_]*)(?:\|([^:\]]*))?:\s*/;
const WHEN_START = /^\[([?!])([A-Za-z_][A-Za-z0-9_.:]*):\s*/;
const NAME = /^[A-Za-z_][A-Za-z0-9_.:]*$/;

/** Parse a phrase template; malformed braces are kept as literal text, so parsing never fails. */
export function parsePhrase(source: string): readonly PhraseNode[] {
  return parseNodes(source);
}

function parseNodes(source: string): PhraseNode[] {
  const nodes: PhraseNode[] = [];
  let buf = "";
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === "{") {
      const end = source.indexOf("}", i + 1);
      const name = end < 0 ? "" : source.slice(i + 1, end).trim();
      if (end > 0 && NAME.test(name)) {
        if (buf) nodes.push({ t: "text", text: buf });
        buf = "";
        nodes.push({ t: "ph", name });
        i = end + 1;
        continue;
      }
    } else if (ch === "[") {
      const block = parseBlock(source, i);
      if (block) {
        if (buf) nodes.push({ t: "text", text: buf });
        buf = "";
        nodes.push(block.node);
        i = block.end + 1;
        continue;
      }
    }
    buf += ch;
    i++;
  }
  if (buf) nodes.push({ t: "text", text: buf });
  return nodes;
}

/** A `[?x: …]`/`[!x: …]` or `[table: …]` block starting at `at`, and the index of its "]"; null when it is none. */
function parseBlock(source: string, at: number): { node: PhraseNode; end: number } | null {
  const rest = source.slice(at);
  const when = WHEN_START.exec(rest);
  const rows = when ? null : ROWS_START.exec(rest);
  const head = when ?? rows;
  if (!head) return null;
  const end = findRowsEnd(source, at + head[0].length);
  if (end < 0) return null;
  const body = parseNodes(source.slice(at + head[0].length, end));
  const node: PhraseNode = when
    ? { t: "when", name: when[2]!, zero: when[1] === "!", body }
    : { t: "rows", table: rows![1]!, sep: rows![2] ?? "、", body };
  return { node, end };
}

// The matching "]" of a block, skipping "{…}" placeholders and the blocks nested inside it.
function findRowsEnd(source: string, from: number): number {
  let inBrace = false;
  let depth = 0;
  for (let j = from; j < source.length; j++) {
    const c = source[j];
    if (c === "{") inBrace = true;
    else if (c === "}") inBrace = false;
    else if (inBrace) continue;
    else if (c === "[") depth++;
    else if (c === "]" && depth === 0) return j;
    else if (c === "]") depth--;
  }
  return -1;
}

/** The placeholder names a phrase uses (outside and inside row lists). */
export function phrasePlaceholders(source: string): Set<string> {
  const out = new Set<string>();
  collectPlaceholders(parsePhrase(source), out);
  return out;
}

function collectPlaceholders(nodes: readonly PhraseNode[], out: Set<string>): void {
  for (const n of nodes) {
    if (n.t === "ph") out.add(n.name);
    else if (n.t === "when") {
      out.add(n.name);
      collectPlaceholders(n.body, out);
    } else if (n.t === "rows") collectPlaceholders(n.body, out);
  }
}

/** Render a phrase template to runs against a scope. */
export function renderPhrase(source: string, scope: PhraseScope): Run[] {
  return renderNodes(parsePhrase(source), scope, undefined);
}

function renderNodes(
  nodes: readonly PhraseNode[],
  scope: PhraseScope,
  row: { table: string; row: TableRowValues } | undefined,
): Run[] {
  const pieces: Piece[] = [];
  for (const n of nodes) {
    if (n.t === "text") pieces.push(text(n.text));
    else if (n.t === "ph") pieces.push(scope.resolve(n.name, row) ?? scope.unknown(n.name));
    else if (n.t === "when") {
      const value = scope.resolve(n.name, row);
      if (value === undefined) pieces.push(scope.unknown(n.name));
      else if (isZero(value) === n.zero) pieces.push(renderNodes(n.body, scope, row));
    } else {
      const rows = scope.rows(n.table);
      if (rows === undefined) {
        pieces.push(scope.unknown(n.table));
        continue;
      }
      if (rows.length === 0) {
        pieces.push(scope.emptyTable(n.table));
        continue;
      }
      rows.forEach((rw, k) => {
        if (k > 0) pieces.push(n.sep);
        pieces.push(renderNodes(n.body, scope, { table: n.table, row: rw }));
      });
    }
  }
  return join(...pieces);
}

/** Whether resolved runs read as zero or nothing: every number is 0 and no text has words; a marker is not zero. */
function isZero(runs: readonly Run[]): boolean {
  if (runs.some((r) => r.kind === "placeholder")) return false;
  const numbers = runs.filter((r) => r.kind === "number");
  if (numbers.some((r) => Number(r.value) !== 0)) return false;
  return numbers.length > 0 || runs.every((r) => r.text.trim() === "");
}
