/**
 * The publication record a published template keeps in _meta (see published.ts), read without the rest of the
 * engine: the Office host reads it on every read to know which protected sheets 发布 protected.
 */
import type { WorkbookSnapshot } from "../model/snapshot";
import { cellAt, findSheet } from "../model/snapshot";
import { cellText } from "./read/cells";
import { META_SHEET } from "./read/labels";

/** One configuration cell as published: where, and its text. */
export interface ConfigCell {
  readonly sheet: string;
  readonly address: string;
  readonly text: string;
}

/** The keys of the published record in _meta's column A (values in B, a cell's text in C). */
export const PUBLISHED_KEYS = {
  fingerprint: "published_fingerprint",
  at: "published_at",
  cell: "published_cell",
} as const;

/** A workbook's published record, or null when it was never published. */
export interface PublishedRecord {
  readonly fingerprint: string;
  readonly at: string;
  readonly cells: readonly ConfigCell[];
}

export function readPublished(snapshot: WorkbookSnapshot): PublishedRecord | null {
  const meta = findSheet(snapshot, META_SHEET);
  if (!meta) return null;
  let fingerprint = "";
  let at = "";
  const cells: ConfigCell[] = [];
  for (let r = 0; r < meta.cells.length; r++) {
    const key = cellText(cellAt(meta, { row: r, col: 0 }));
    const b = cellText(cellAt(meta, { row: r, col: 1 }));
    if (key === PUBLISHED_KEYS.fingerprint) fingerprint = b;
    else if (key === PUBLISHED_KEYS.at) at = b;
    else if (key === PUBLISHED_KEYS.cell) {
      const bang = b.lastIndexOf("!");
      if (bang > 0)
        cells.push({
          sheet: b.slice(0, bang),
          address: b.slice(bang + 1),
          text: cellText(cellAt(meta, { row: r, col: 2 })),
        });
    }
  }
  return fingerprint === "" ? null : { fingerprint, at, cells };
}
