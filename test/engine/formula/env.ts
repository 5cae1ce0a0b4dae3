import Decimal from "decimal.js";
import type { FormulaEnv } from "../../../src/engine/formula";
import type { TypedValue } from "../../../src/engine/model/values";

type Raw = number | string | boolean | null;
const typed = (v: Raw): TypedValue => (typeof v === "number" ? new Decimal(String(v)) : v);

/** A formula environment from plain JS values: numbers become exact Decimals. */
export function env(
  fields: Record<string, Raw>,
  tables: Record<string, Record<string, Raw>[]> = {},
  currentRow?: { table: string; values: Record<string, Raw> },
): FormulaEnv {
  return {
    field: (name) => (Object.prototype.hasOwnProperty.call(fields, name) ? typed(fields[name]!) : undefined),
    column: (table, key) => tables[table]?.map((r) => typed(r[key] ?? null)),
    ...(currentRow
      ? {
          currentRow: {
            table: currentRow.table,
            values: new Map(Object.entries(currentRow.values).map(([k, v]) => [k, typed(v)])),
          },
        }
      : {}),
  };
}
