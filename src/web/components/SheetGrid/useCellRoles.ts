import { useMemo, useRef } from "react";
import {
  ADJUSTMENT_COLUMNS,
  CHECK_COLUMNS,
  FIELD_COLUMNS,
  GRADE_COLUMNS,
  RUBRIC_COLUMNS,
  configurationCells,
  formulaReadings,
  templateOutputCells,
} from "../../../engine";
import type { WorkbookSnapshot } from "../../../engine";
import type { InputCells } from "../../../hosts/browser";
import { KNOWN_TEMPLATES } from "../../../templates";

/** What a cell is in the template, as its fill says in Excel: yellow input, green output, blue configuration. */
export type CellRole = "input" | "output" | "config";

/** One sheet's cells by role, and the rubric formulas read with labels (address → 年末实有在职人数（人）÷编制数（人）). */
export interface SheetRoles {
  readonly role: (address: string) => CellRole | null;
  readonly reading: (address: string) => string | undefined;
}

/** Every sheet's output and configuration cells ("sheet!A1") and formula readings. */
export interface WorkbookRoles {
  readonly outputs: ReadonlySet<string>;
  readonly config: ReadonlySet<string>;
  readonly readings: ReadonlyMap<string, string>;
}

// The configuration tables' header labels: configurationCells counts the header row, which the template draws grey.
const HEADER_LABELS: ReadonlySet<string> = new Set(
  [FIELD_COLUMNS, CHECK_COLUMNS, GRADE_COLUMNS, ADJUSTMENT_COLUMNS, RUBRIC_COLUMNS].flatMap((c) => Object.values(c)),
);

// Worked out once per opened workbook (its input cells are read once, when it opens): typing changes input cells
// only, never which cells are outputs or configuration, and a keystroke must not read the template again.
const cache = new WeakMap<InputCells, WorkbookRoles>();

/** The workbook's roles, worked out once for the inputs of an opened workbook. */
export function workbookRoles(snapshot: WorkbookSnapshot, inputs: InputCells): WorkbookRoles {
  const known = cache.get(inputs);
  if (known) return known;
  const config = new Set(
    configurationCells(snapshot)
      .filter((c) => !HEADER_LABELS.has(c.text.trim()))
      .map((c) => `${c.sheet}!${c.address}`),
  );
  const roles: WorkbookRoles = {
    outputs: templateOutputCells(snapshot, KNOWN_TEMPLATES),
    config,
    readings: formulaReadings(snapshot, KNOWN_TEMPLATES),
  };
  cache.set(inputs, roles);
  return roles;
}

/** The active sheet's roles: input cells from the file (unlocked), outputs and configuration from the template. */
export function useCellRoles(snapshot: WorkbookSnapshot | null, inputs: InputCells, sheet: string): SheetRoles {
  // The snapshot is read once per inputs (a new workbook): an edit gives a new snapshot, not new roles, and the rows
  // (memoised) are not all drawn again on a keystroke.
  const latest = useRef(snapshot);
  latest.current = snapshot;
  const open = snapshot !== null;
  return useMemo(() => {
    const all = open && latest.current ? workbookRoles(latest.current, inputs) : null;
    const own = inputs.get(sheet);
    return {
      role: (address) => {
        if (own?.has(address)) return "input";
        const key = `${sheet}!${address}`;
        if (all?.outputs.has(key)) return "output";
        return all?.config.has(key) ? "config" : null;
      },
      reading: (address) => all?.readings.get(`${sheet}!${address}`),
    };
  }, [inputs, sheet, open]);
}
