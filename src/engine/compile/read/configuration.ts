/**
 * What a template's configuration sheets alone decide — its identity, the field definitions (字段定义),
 * where each single-value field lives, and the checks (校验规则) — remembered by an engine session for the last workbook it read.
 *
 * A finance bureau's departments fill in copies of one template, and a batch reads hundreds of them: the
 * configuration is the same in each, only the figures differ. Reading it is half of reading the template
 * (about a seventh of the engine's work per workbook), so the reading of the last workbook is reused when
 * the next one has exactly the same inputs to it: the same defined names, the same sheet names, and cell
 * for cell the same contents of the sheets it was read from. Anything else reads afresh. The remembered
 * results are never changed by the engine, so sharing them is safe.
 */
import type { CellValue } from "../../model/cell";
import type { DefinedName, SheetSnapshot, WorkbookSnapshot } from "../../model/snapshot";
import { findName, findSheet } from "../../model/snapshot";
import { META_NAMES, META_SHEET, STRUCTURE_TABLE_NAMES } from "./labels";

// The names whose sheets the configuration is read from (besides `_meta`, read by its sheet name).
const CONFIGURATION_NAMES: readonly string[] = [
  STRUCTURE_TABLE_NAMES.fields,
  STRUCTURE_TABLE_NAMES.checks,
  ...Object.values(META_NAMES),
];

/** The sheets a configuration reading looks at in this workbook: those of the names above, and `_meta`. */
function configurationSheets(snapshot: WorkbookSnapshot): SheetSnapshot[] {
  const out: SheetSnapshot[] = [];
  const add = (sheet: SheetSnapshot | undefined): void => {
    if (sheet && !out.includes(sheet)) out.push(sheet);
  };
  for (const n of CONFIGURATION_NAMES) {
    const dn = findName(snapshot, n);
    if (dn) add(findSheet(snapshot, dn.sheet));
  }
  add(findSheet(snapshot, META_SHEET));
  return out;
}

/**
 * Everything a configuration reading depended on, copied (a host may reuse its arrays): the names, the
 * sheet names and, sheet by sheet, each row's length and its cells' kinds and values in order.
 */
class ConfigurationInputs {
  private constructor(
    private readonly names: readonly string[],
    private readonly sheetNames: readonly string[],
    private readonly sheets: readonly {
      readonly name: string;
      readonly rowLengths: readonly number[];
      readonly values: readonly unknown[];
    }[],
  ) {}

  static of(snapshot: WorkbookSnapshot): ConfigurationInputs {
    const names: string[] = [];
    for (const n of snapshot.names) names.push(n.name, n.sheet, n.address);
    const sheets = configurationSheets(snapshot).map((sheet) => {
      const rowLengths: number[] = [];
      const values: unknown[] = [];
      for (const row of sheet.cells) {
        rowLengths.push(row.length);
        for (const cell of row) values.push(cell.t, cellContent(cell));
      }
      return { name: sheet.name, rowLengths, values };
    });
    return new ConfigurationInputs(
      names,
      snapshot.sheets.map((s) => s.name),
      sheets,
    );
  }

  /** Whether `snapshot` offers a configuration reading exactly these inputs. */
  matches(snapshot: WorkbookSnapshot): boolean {
    return (
      sameNames(this.names, snapshot.names) &&
      sameSheetNames(this.sheetNames, snapshot.sheets) &&
      this.sameSheets(configurationSheets(snapshot))
    );
  }

  private sameSheets(sheets: readonly SheetSnapshot[]): boolean {
    if (sheets.length !== this.sheets.length) return false;
    for (let i = 0; i < sheets.length; i++) {
      const was = this.sheets[i]!;
      const sheet = sheets[i]!;
      if (sheet.name !== was.name || sheet.cells.length !== was.rowLengths.length) return false;
      let k = 0;
      for (let r = 0; r < sheet.cells.length; r++) {
        const row = sheet.cells[r]!;
        if (row.length !== was.rowLengths[r]) return false;
        for (const cell of row) {
          if (cell.t !== was.values[k] || cellContent(cell) !== was.values[k + 1]) return false;
          k += 2;
        }
      }
    }
    return true;
  }
}

function cellContent(cell: CellValue): unknown {
  return cell.t === "empty" ? undefined : cell.v;
}

function sameNames(was: readonly string[], names: readonly DefinedName[]): boolean {
  if (was.length !== names.length * 3) return false;
  for (let i = 0; i < names.length; i++) {
    const n = names[i]!;
    if (n.name !== was[3 * i] || n.sheet !== was[3 * i + 1] || n.address !== was[3 * i + 2]) return false;
  }
  return true;
}

function sameSheetNames(was: readonly string[], sheets: readonly SheetSnapshot[]): boolean {
  if (was.length !== sheets.length) return false;
  for (let i = 0; i < sheets.length; i++) if (sheets[i]!.name !== was[i]) return false;
  return true;
}

/**
 * The configuration reading of the last workbook, remembered for the life of this object — an engine
 * session owns one, so what a result depends on is what that session was given, never a module's state.
 */
export class ConfigurationMemo {
  private last: {
    readonly read: unknown;
    readonly context: unknown;
    readonly inputs: ConfigurationInputs;
    readonly value: unknown;
  } | null = null;

  /**
   * `read(snapshot, context)`, or what it returned for the last workbook when this one has exactly the same
   * configuration inputs. `read` must depend on nothing else of the snapshot than these inputs, and on
   * `context` (compared by identity) (see the module comment).
   */
  read<T, C>(snapshot: WorkbookSnapshot, read: (snapshot: WorkbookSnapshot, context: C) => T, context: C): T {
    const last = this.last;
    if (last && last.read === read && last.context === context && last.inputs.matches(snapshot)) return last.value as T;
    const value = read(snapshot, context);
    this.last = { read, context, inputs: ConfigurationInputs.of(snapshot), value };
    return value;
  }
}
