/**
 * A published template: the finance bureau's configuration — the rubric's settings (not the department's 自评得分,
 * 扣分原因, 情况说明, nor the outputs), the 满分, the grades, the adjustments, 字段定义 and 校验规则 — recorded in the
 * hidden _meta sheet when the bureau publishes, cell by cell, with a SHA-256 fingerprint of the record. 校验 on a
 * department's copy compares what is there now with the record and names every cell that differs, so a changed
 * weight or rule cannot pass quietly. The record is data in the workbook, not a signature: someone who edits
 * _meta can change it too, and then the fingerprint no longer matches the record (said as well).
 */
import { sha256 } from "@noble/hashes/sha256";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils";
import type { Diagnostic } from "../diagnostics/types";
import type { Template } from "./read/types";
import { diag } from "../diagnostics/types";
import { parseA1, toA1 } from "../model/cell";
import type { WorkbookSnapshot } from "../model/snapshot";
import { cellAt, findName, findSheet } from "../model/snapshot";
import type { WriteOp } from "../model/write-plan";
import { cellText } from "./read/cells";
import { FULL_SCORE_FIELD, META_SHEET, RUBRIC_COLUMNS, RUBRIC_OUTPUT_KEYS, STRUCTURE_TABLE_NAMES } from "./read/labels";
import { lastRowLimitFor, locateHeader } from "./read/read-table";
import { namedRows } from "./read/rubric-rows";
import { PUBLISHED_KEYS, readPublished, type ConfigCell, type PublishedRecord } from "./published-record";

export { PUBLISHED_KEYS, readPublished };
export type { ConfigCell, PublishedRecord };

/** The first _meta row (0-based) of the published record, below the identity rows. */
const RECORD_ROW = 4;

/** The rubric's columns a department fills or the engine writes: not the bureau's configuration. */
const RUBRIC_NOT_CONFIG: ReadonlySet<string> = new Set([
  RUBRIC_COLUMNS.manualScore,
  RUBRIC_COLUMNS.manualReason,
  RUBRIC_COLUMNS.situation,
  ...RUBRIC_OUTPUT_KEYS.map((k) => RUBRIC_COLUMNS[k]),
]);

/**
 * The configuration cells of a workbook that hold something, in a fixed order: each structural table's header and
 * rows (blank rows inside included, up to the next table or named cell), the rubric without its department and
 * output columns, and the 满分.
 */
export function configurationCells(snapshot: WorkbookSnapshot): ConfigCell[] {
  const out: ConfigCell[] = [];
  for (const name of Object.values(STRUCTURE_TABLE_NAMES)) {
    const found = locateHeader(snapshot, name);
    if (!found.ok) continue;
    const { sheet, range, row } = found.place;
    const named = namedRows(snapshot, sheet.name);
    const header = sheet.cells[row] ?? [];
    const cols: number[] = [];
    for (let c = range.start.col; c <= range.end.col; c++)
      if (name !== STRUCTURE_TABLE_NAMES.rubric || !RUBRIC_NOT_CONFIG.has(cellText(header[c]))) cols.push(c);
    const last = Math.min(sheet.cells.length - 1, lastRowLimitFor(snapshot, sheet, row));
    for (let r = row; r <= last; r++) {
      if (r > row && named.has(r)) break;
      for (const c of cols) {
        const text = cellText(cellAt(sheet, { row: r, col: c }));
        if (text !== "") out.push({ sheet: sheet.name, address: toA1({ row: r, col: c }), text });
      }
    }
  }
  const full = findName(snapshot, FULL_SCORE_FIELD);
  const fullSheet = full ? findSheet(snapshot, full.sheet) : undefined;
  const at = full && fullSheet ? parseA1(full.address) : null;
  const text = at && fullSheet ? cellText(cellAt(fullSheet, at)) : "";
  if (at && full && text !== "") out.push({ sheet: full.sheet, address: toA1(at), text });
  return out;
}

/** "sha256:…" over the cells, one line each (sheet, address, text separated by tabs). */
export function fingerprintOf(cells: readonly ConfigCell[]): string {
  const canonical = cells.map((c) => `${c.sheet}\t${c.address}\t${c.text}`).join("\n");
  return `sha256:${bytesToHex(sha256(utf8ToBytes(canonical)))}`;
}

/** How many differing cells a message names; the count says how many there are in all. */
const NAMED_IN_MESSAGE = 8;

/** What 校验 says about a published workbook: nothing when its configuration is as published. */
export function checkPublished(snapshot: WorkbookSnapshot): Diagnostic[] {
  const record = readPublished(snapshot);
  if (!record) return [];
  const out: Diagnostic[] = [];
  if (fingerprintOf(record.cells) !== record.fingerprint)
    out.push(diag("published_record_altered", "warning", { sheet: META_SHEET, address: "B5" }, { at: record.at }));
  const now = new Map(configurationCells(snapshot).map((c) => [`${c.sheet}!${c.address}`, c.text]));
  const was = new Map(record.cells.map((c) => [`${c.sheet}!${c.address}`, c.text]));
  const changed: { at: string; was: string; now: string }[] = [];
  for (const [at, text] of was) if (now.get(at) !== text) changed.push({ at, was: text, now: now.get(at) ?? "" });
  for (const [at, text] of now) if (!was.has(at)) changed.push({ at, was: "", now: text });
  if (changed.length === 0) return out;
  const rubricSheet = findName(snapshot, STRUCTURE_TABLE_NAMES.rubric)?.sheet ?? "";
  const order = (at: string): number => {
    const m = /(\d+)$/.exec(at);
    return (at.startsWith(`${rubricSheet}!`) ? 0 : 1e7) + (m ? Number(m[1]) : 0);
  };
  // The rubric first, then the other configuration sheets, by row: the order a reader goes through them.
  changed.sort((a, b) => order(a.at) - order(b.at) || a.at.localeCompare(b.at));
  const first = changed[0]!.at;
  const bang = first.lastIndexOf("!");
  out.push(
    diag(
      "published_changed",
      "warning",
      { sheet: first.slice(0, bang), address: first.slice(bang + 1) },
      {
        at: record.at,
        count: String(changed.length),
        cells: changed.slice(0, NAMED_IN_MESSAGE).map((c) => ({ cell: c.at, was: c.was, now: c.now })),
      },
    ),
  );
  return out;
}

/**
 * The cells of the configuration sheets that stay editable under protection: the rubric's department columns
 * (自评得分, 扣分原因, 情况说明) and output columns (指标值, 得分, 评分说明) down to the 合计 row, and the named cells
 * the engine writes there (合计). Everything else on those sheets is the bureau's and is locked.
 */
export function editableRanges(snapshot: WorkbookSnapshot): { sheet: string; range: string }[] {
  const found = locateHeader(snapshot, STRUCTURE_TABLE_NAMES.rubric);
  if (!found.ok) return [];
  const { sheet, range, row } = found.place;
  const named = namedRows(snapshot, sheet.name);
  const limit = Math.min(sheet.cells.length - 1, lastRowLimitFor(snapshot, sheet, row));
  let last = row;
  while (last + 1 <= limit && !named.has(last + 1)) last++;
  const out: { sheet: string; range: string }[] = [];
  const header = sheet.cells[row] ?? [];
  for (let c = range.start.col; c <= range.end.col; c++)
    if (RUBRIC_NOT_CONFIG.has(cellText(header[c])) && last > row)
      out.push({ sheet: sheet.name, range: `${toA1({ row: row + 1, col: c })}:${toA1({ row: last, col: c })}` });
  for (const n of snapshot.names)
    if (n.sheet === sheet.name && !n.address.includes(":") && n.name !== FULL_SCORE_FIELD) {
      const at = parseA1(n.address);
      if (at) out.push({ sheet: sheet.name, range: toA1(at) });
    }
  return out;
}

/** The _meta rows that record a publication (replacing an earlier one), for the host to write. */
export function publishOps(snapshot: WorkbookSnapshot, now: string): { ops: WriteOp[]; record: PublishedRecord } {
  const cells = configurationCells(snapshot);
  const record = { fingerprint: fingerprintOf(cells), at: now, cells };
  const meta = findSheet(snapshot, META_SHEET);
  const rows: string[][] = [
    [PUBLISHED_KEYS.fingerprint, record.fingerprint, ""],
    [PUBLISHED_KEYS.at, now, ""],
    ...cells.map((c) => [PUBLISHED_KEYS.cell, `${c.sheet}!${c.address}`, c.text]),
  ];
  const ops: WriteOp[] = [];
  const used = meta ? meta.cells.length : 0;
  if (used > RECORD_ROW)
    ops.push({ kind: "clear", sheet: META_SHEET, range: `A${RECORD_ROW + 1}:C${Math.max(used, RECORD_ROW + 1)}` });
  ops.push({ kind: "values", sheet: META_SHEET, address: `A${RECORD_ROW + 1}`, values: rows });
  return { ops, record };
}

/** Problems in what a department enters on the rubric sheet itself (its 自评得分). */
const DEPARTMENT_CODES: ReadonlySet<string> = new Set(["manual_score_missing", "manual_score_out_of_range"]);

/**
 * Which problems are in the bureau's configuration (what 发布 must refuse), not in data a department enters: not at a
 * field's or a data table's cell, not a 自评得分, and not the weight sum of a leaf expanded over a department's table
 * (its rows are the department's). A blank template is published before any department fills it.
 */
export function configurationProblems(template: Template): (d: Diagnostic) => boolean {
  const configSheets = new Set(template.rubric.map((r) => r.sheet));
  const dataSheets = new Set([...template.fields.values()].map((f) => f.ref.sheet));
  for (const t of template.tables.values()) dataSheets.add(t.sheet);
  for (const s of configSheets) dataSheets.delete(s);
  const expandedRows = new Set(template.rubric.filter((r) => r.expand.trim() !== "").map((r) => `${r.sheet}!${r.row}`));
  return (d) => {
    if (DEPARTMENT_CODES.has(d.code)) return false;
    const at = d.location;
    if (!at) return true;
    if (dataSheets.has(at.sheet)) return false;
    const cell = parseA1(at.address);
    return !(d.code === "rubric_weight_sum_mismatch" && cell && expandedRows.has(`${at.sheet}!${cell.row}`));
  };
}
