/**
 * The read in chunks, for a workbook too large for one request: Excel on the web refuses a response over 5 MB
 * (ResponsePayloadSizeLimitExceeded), and any platform a read of more than 5,000,000 cells
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
 * Only taken when the one-batch read (./read.ts) failed, so the standard template still reads in one batch.
 * It costs 2 syncs plus one per chunk group, and gathers no fill grids (marking then probes its cells).
 */
import type { WorkbookSnapshot } from "../../engine";
import { columnLetters, parseRange } from "../../engine";
import { markRecordsFromRows } from "../common";
import { splitSheetAddress, toDefinedNames, toSnapshotRows } from "./normalize";
import type { NamedItemData } from "./normalize";
import { probeStates, queueProbes } from "./mark-run";
import { queueHead, remember } from "./read-head";
import type { OfficeSession } from "./session";

/** Cells per sync to start with: ~60 B a cell (value, type, format) stays well under 5 MB. Halved on refusal. */
const CHUNK_CELLS = 50_000;

/** Rows r0..r1 (0-based) and columns c0..c1 of one sheet. */
interface Chunk {
  readonly sheet: number;
  readonly r0: number;
  readonly r1: number;
  readonly c0: number;
  readonly c1: number;
}

interface Block {
  readonly chunk: Chunk;
  readonly values: unknown[][];
  readonly types: string[][];
  readonly formats: unknown[][];
}

const cellsOf = (c: Chunk): number => (c.r1 - c.r0 + 1) * (c.c1 - c.c0 + 1);
const addressOf = (c: Chunk): string => `${columnLetters(c.c0)}${c.r0 + 1}:${columnLetters(c.c1)}${c.r1 + 1}`;

export function isPayloadLimit(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded";
}

/** Split each sheet's used range into row blocks of at most `budget` cells. */
function chunksOf(used: readonly (Excel.Range | null)[], budget: number): Chunk[] {
  const out: Chunk[] = [];
  used.forEach((range, sheet) => {
    if (!range || range.isNullObject) return;
    const split = splitSheetAddress(range.address);
    const r = parseRange(split ? split.address : range.address);
    if (!r) return;
    const width = r.end.col - r.start.col + 1;
    const rows = Math.max(1, Math.floor(budget / width));
    for (let r0 = r.start.row; r0 <= r.end.row; r0 += rows) {
      out.push({ sheet, r0, r1: Math.min(r.end.row, r0 + rows - 1), c0: r.start.col, c1: r.end.col });
    }
  });
  return out;
}

/** Load the chunks, several per sync up to the budget; a refused sync is split and tried again. */
async function loadChunks(
  context: Excel.RequestContext,
  names: readonly string[],
  chunks: readonly Chunk[],
): Promise<Block[]> {
  const wb = context.workbook;
  const pending = [...chunks];
  const out: Block[] = [];
  let budget = CHUNK_CELLS;
  while (pending.length > 0) {
    const group: Chunk[] = [];
    let cells = 0;
    while (pending.length > 0 && (group.length === 0 || cells + cellsOf(pending[0]!) <= budget)) {
      const c = pending.shift()!;
      group.push(c);
      cells += cellsOf(c);
    }
    const ranges = group.map((c) => {
      const range = wb.worksheets.getItem(names[c.sheet]!).getRange(addressOf(c));
      range.load("values,valueTypes,numberFormat");
      return range;
    });
    try {
      await context.sync();
    } catch (e) {
      const only = group.length === 1 ? group[0]! : null;
      if (!isPayloadLimit(e) || (only && only.r0 === only.r1)) throw e;
      budget = Math.max(1, Math.floor(budget / 2));
      if (only) {
        const mid = Math.floor((only.r0 + only.r1) / 2);
        pending.unshift({ ...only, r1: mid }, { ...only, r0: mid + 1 });
      } else pending.unshift(...group);
      continue;
    }
    group.forEach((chunk, i) => {
      const r = ranges[i]!;
      out.push({ chunk, values: r.values, types: r.valueTypes as unknown as string[][], formats: r.numberFormat });
    });
  }
  return out;
}

export async function readChunked(session: OfficeSession): Promise<WorkbookSnapshot> {
  return session.excel.run(async (context) => {
    const wb = context.workbook;
    const head = queueHead(session, wb, true);
    await context.sync();
    const sheets = head.list.items.map((s) => ({ name: s.name, visible: s.visibility === "Visible" }));
    const names = sheets.map((s) => s.name);
    // The used ranges' addresses and protection, and the probes of the cells marked before: small.
    const used = names.map((n) => {
      const range = wb.worksheets.getItem(n).getUsedRangeOrNullObject(true);
      range.load("address");
      return range;
    });
    const protections = names.map((n) => {
      const p = wb.worksheets.getItem(n).protection;
      p.load("protected");
      return p;
    });
    const rows = head.marksRows && !head.marksRows.isNullObject ? head.marksRows.values : [];
    const present = new Set(names);
    const probes = queueProbes(
      session,
      wb,
      markRecordsFromRows(rows).filter((r) => present.has(r.sheet)),
    );
    await context.sync();
    const blocks = await loadChunks(context, names, chunksOf(used, CHUNK_CELLS));
    const snapshot: WorkbookSnapshot = {
      sheets: sheets.map((s, i) => {
        const own = blocks.filter((b) => b.chunk.sheet === i).sort((a, b) => a.chunk.r0 - b.chunk.r0);
        if (own.length === 0) return { name: s.name, cells: [], visible: s.visible };
        const { r0, c0 } = own[0]!.chunk;
        const cells = toSnapshotRows(
          own.flatMap((b) => b.values),
          own.flatMap((b) => b.types),
          own.flatMap((b) => b.formats),
          r0,
          c0,
        );
        return { name: s.name, cells, visible: s.visible };
      }),
      names: toDefinedNames(head.names.items as unknown as NamedItemData[]),
    };
    const protectedSheets = names.filter((_, i) => protections[i]!.protected);
    remember(session, head, snapshot, protectedSheets, probeStates(probes), new Map());
    return snapshot;
  });
}
