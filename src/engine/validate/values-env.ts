/**
 * The formula environment over a workbook's typed input values, shared by 校验规则 and the rubric: a name
 * the template does not define reads as undefined, and each table column is gathered once per run.
 */
import type { FormulaEnv } from "../formula/types";
import type { InputValues, TypedValue } from "../model/values";
import type { Template } from "../compile/read/types";

class ValuesEnv implements FormulaEnv {
  private readonly columns = new Map<string, readonly TypedValue[] | undefined>();

  constructor(
    private readonly template: Template,
    private readonly values: InputValues,
  ) {}

  field(name: string): TypedValue | undefined {
    return this.template.fields.has(name) ? (this.values.fields.get(name) ?? null) : undefined;
  }

  column(table: string, key: string): readonly TypedValue[] | undefined {
    const id = `${table}\u0000${key}`;
    if (this.columns.has(id)) return this.columns.get(id);
    const col = this.template.tables.get(table)?.columns.some((c) => c.key === key)
      ? (this.values.tables.get(table) ?? []).map((r) => r.values.get(key) ?? null)
      : undefined;
    this.columns.set(id, col);
    return col;
  }
}

/** The environment of one expanded row: the workbook's values, and `table.key` meaning this row's cell. */
export class RowEnv implements FormulaEnv {
  constructor(
    private readonly base: FormulaEnv,
    readonly currentRow: NonNullable<FormulaEnv["currentRow"]>,
  ) {}

  field(name: string): TypedValue | undefined {
    return this.base.field(name);
  }

  column(table: string, key: string): readonly TypedValue[] | undefined {
    return this.base.column(table, key);
  }
}

/** A formula environment over the typed input values (unknown names → undefined). */
export function valuesEnv(template: Template, values: InputValues): FormulaEnv {
  return new ValuesEnv(template, values);
}
